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
}
