using System.Collections.Immutable;
using Territories.Model;

namespace Territories.Journeys;

/// <summary>One position's route on one cycle day: from the base, through the visits in order, back to the base.</summary>
/// <remarks>
/// Times are offsets from midnight. <see cref="WorkingTime"/> runs from <see cref="Start"/> (leaving the
/// base) to <see cref="End"/> (back at the base) and includes waiting; the break comes on top of it.
/// Totals include the leg back to the base. Immutable.
/// </remarks>
public sealed record JourneyRoute
{
    /// <summary>The position driving the route.</summary>
    public required PositionId Position { get; init; }

    /// <summary>The 0-based cycle day.</summary>
    public required int Day { get; init; }

    /// <summary>The visits in order.</summary>
    public required ImmutableArray<PlannedVisit> Visits { get; init; }

    /// <summary>When the position leaves the base: the start of its daily hours, or later when that makes the day shorter (rather than waiting at an account for it to open).</summary>
    public required TimeSpan Start { get; init; }

    /// <summary>When it is back at the base.</summary>
    public required TimeSpan End { get; init; }

    /// <summary>Total travel distance, the return leg included.</summary>
    public required double DistanceMetres { get; init; }

    /// <summary>Total travel time, the return leg included.</summary>
    public required TimeSpan TravelTime { get; init; }

    /// <summary>Total time on site.</summary>
    public required TimeSpan ServiceTime { get; init; }

    /// <summary>Total load of the visits.</summary>
    public required double Load { get; init; }

    /// <summary>Time from leaving the base to returning, waiting included.</summary>
    public TimeSpan WorkingTime => End - Start;

    /// <summary>
    /// A lower bound on <see cref="DistanceMetres"/>: no order of the same visits from the same base can
    /// travel less (the Held–Karp 1-tree bound; opening and working hours can only lengthen a route, so
    /// it bounds the constrained route too). Set by the planner; null when not computed (a plan read
    /// from a file or built by hand).
    /// </summary>
    public double? DistanceLowerBoundMetres { get; init; }

    /// <summary>How far the route's distance is above its lower bound, as a fraction of the bound (0 when optimal or empty); null without a bound.</summary>
    public double? BoundGap => DistanceLowerBoundMetres is { } bound ? (bound > 0 ? (DistanceMetres - bound) / bound : 0) : null;
}
