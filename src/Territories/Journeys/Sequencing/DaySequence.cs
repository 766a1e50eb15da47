using System.Collections.Immutable;
using Territories.Model;

namespace Territories.Journeys.Sequencing;

/// <summary>One position's route for one day: the visits in order with their times, the return to base, totals, and the accounts that did not fit.</summary>
/// <remarks>
/// Times are offsets from midnight; distances in metres (in the travel model's unit for planar
/// coordinates). Every account asked for appears exactly once, in <see cref="Visits"/> or in
/// <see cref="Unfitted"/> (the latter sorted by id). Totals include the return leg. Immutable; equality
/// by value (collections by reference).
/// </remarks>
public sealed record DaySequence
{
    /// <summary>The position whose day this is.</summary>
    public required PositionId Position { get; init; }

    /// <summary>The weekday.</summary>
    public required DayOfWeek Day { get; init; }

    /// <summary>Where the route starts and ends.</summary>
    public required GeoPoint Base { get; init; }

    /// <summary>When the position leaves the base: the departure that makes the day shortest, not before the working day starts (later rather than waiting for an account to open).</summary>
    public required TimeSpan LeaveBase { get; init; }

    /// <summary>When the position is back at the base.</summary>
    public required TimeSpan ReturnToBase { get; init; }

    /// <summary>The visits in order.</summary>
    public required ImmutableArray<SequencedVisit> Visits { get; init; }

    /// <summary>The accounts that could not be fitted, with the reason.</summary>
    public required ImmutableArray<UnfittedAccount> Unfitted { get; init; }

    /// <summary>Distance of the leg from the last visit back to the base.</summary>
    public required double ReturnDistanceMetres { get; init; }

    /// <summary>Travel time of that leg.</summary>
    public required TimeSpan ReturnTravelTime { get; init; }

    /// <summary>Distance of the whole route.</summary>
    public required double TotalDistanceMetres { get; init; }

    /// <summary>Driving time of the whole route.</summary>
    public required TimeSpan TotalTravelTime { get; init; }

    /// <summary>Time on site, summed over the visits.</summary>
    public required TimeSpan TotalServiceTime { get; init; }

    /// <summary>Time spent waiting for accounts to open.</summary>
    public required TimeSpan TotalWaitingTime { get; init; }

    /// <summary>Whether the time limit or cancellation ended the search: the route is the best found so far.</summary>
    public required bool StoppedEarly { get; init; }
}
