using System.Collections.Immutable;
using Territories.Model;

namespace Territories.Journeys;

/// <summary>One position's route on one cycle day: from the base, through the visits in order, back to the base.</summary>
/// <remarks>
/// Times are offsets from midnight. <see cref="WorkingTime"/> runs from <see cref="Start"/> (leaving the
/// base) to <see cref="End"/> (back at the base) and includes waiting; the break comes on top of it.
/// Totals include the leg back to the base. Immutable.
/// </remarks>
/// <param name="Position">The position driving the route.</param>
/// <param name="Day">The 0-based cycle day.</param>
/// <param name="Visits">The visits in order.</param>
/// <param name="Start">When the position leaves the base.</param>
/// <param name="End">When it is back at the base.</param>
/// <param name="DistanceMetres">Total travel distance, the return leg included.</param>
/// <param name="TravelTime">Total travel time, the return leg included.</param>
/// <param name="ServiceTime">Total time on site.</param>
/// <param name="Load">Total load of the visits.</param>
public sealed record JourneyRoute(
    PositionId Position,
    int Day,
    ImmutableArray<PlannedVisit> Visits,
    TimeSpan Start,
    TimeSpan End,
    double DistanceMetres,
    TimeSpan TravelTime,
    TimeSpan ServiceTime,
    double Load)
{
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
