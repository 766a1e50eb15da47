using Territories.Model;

namespace Territories.Journeys.Replanning;

/// <summary>One place to add a visit to an existing plan: the position, the day, where in the route, and what it costs in working time.</summary>
/// <remarks>Times are offsets from midnight of the cycle day, as in <see cref="PlannedVisit"/>, rounded to the millisecond. Immutable.</remarks>
/// <param name="Position">The position that makes the visit.</param>
/// <param name="Day">The 0-based cycle day.</param>
/// <param name="Sequence">The 1-based place of the visit in the day's route.</param>
/// <param name="Start">When service would start.</param>
/// <param name="AddedWorkingTime">How much longer the position's day gets (travel detour, service and waiting).</param>
/// <param name="DayLength">The day's working time with the visit, from leaving the base to returning.</param>
public sealed record VisitFit(PositionId Position, int Day, int Sequence, TimeSpan Start, TimeSpan AddedWorkingTime, TimeSpan DayLength);
