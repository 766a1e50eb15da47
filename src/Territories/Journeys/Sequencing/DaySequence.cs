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
/// <param name="Position">The position whose day this is.</param>
/// <param name="Day">The weekday.</param>
/// <param name="Base">Where the route starts and ends.</param>
/// <param name="LeaveBase">When the position leaves the base (as late as the first visit allows, not before the working day starts).</param>
/// <param name="ReturnToBase">When the position is back at the base.</param>
/// <param name="Visits">The visits in order.</param>
/// <param name="Unfitted">The accounts that could not be fitted, with the reason.</param>
/// <param name="ReturnDistanceMetres">Distance of the leg from the last visit back to the base.</param>
/// <param name="ReturnTravelTime">Travel time of that leg.</param>
/// <param name="TotalDistanceMetres">Distance of the whole route.</param>
/// <param name="TotalTravelTime">Driving time of the whole route.</param>
/// <param name="TotalServiceTime">Time on site, summed over the visits.</param>
/// <param name="TotalWaitingTime">Time spent waiting for accounts to open.</param>
/// <param name="StoppedEarly">Whether the time limit or cancellation ended the search: the route is the best found so far.</param>
public sealed record DaySequence(
    PositionId Position,
    DayOfWeek Day,
    GeoPoint Base,
    TimeSpan LeaveBase,
    TimeSpan ReturnToBase,
    ImmutableArray<SequencedVisit> Visits,
    ImmutableArray<UnfittedAccount> Unfitted,
    double ReturnDistanceMetres,
    TimeSpan ReturnTravelTime,
    double TotalDistanceMetres,
    TimeSpan TotalTravelTime,
    TimeSpan TotalServiceTime,
    TimeSpan TotalWaitingTime,
    bool StoppedEarly);
