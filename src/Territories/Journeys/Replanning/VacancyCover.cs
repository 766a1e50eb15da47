using System.Collections.Immutable;
using Territories.Model;

namespace Territories.Journeys.Replanning;

/// <summary>Who covers a vacant position's visits over a period, and what stays uncovered (see <see cref="VacancyCoverPlanner"/>).</summary>
/// <remarks>Immutable.</remarks>
/// <param name="Vacant">The position that became vacant.</param>
/// <param name="Covered">The visits taken over, in the order they were placed (priority class, then day, then account).</param>
/// <param name="Uncovered">The visits no neighbour can take within its working hours.</param>
public sealed record VacancyCover(PositionId Vacant, ImmutableArray<CoveredVisit> Covered, ImmutableArray<UncoveredVisit> Uncovered);

/// <summary>One visit of a vacant position taken over by a neighbour on the same day.</summary>
/// <remarks>Immutable.</remarks>
/// <param name="Account">The account visited.</param>
/// <param name="Day">The 0-based cycle day.</param>
/// <param name="By">The covering position.</param>
/// <param name="Sequence">The 1-based place of the visit in the covering position's route, when it was placed.</param>
/// <param name="AddedWorkingTime">How much longer the covering position's day gets.</param>
/// <param name="DayLength">The covering position's working time that day with the visit (and any placed before it).</param>
public sealed record CoveredVisit(AccountId Account, int Day, PositionId By, int Sequence, TimeSpan AddedWorkingTime, TimeSpan DayLength);

/// <summary>One visit of a vacant position that no neighbour can take.</summary>
/// <remarks>Immutable.</remarks>
/// <param name="Account">The account.</param>
/// <param name="Day">The 0-based cycle day.</param>
/// <param name="Class">The account's priority class, when it has one.</param>
public sealed record UncoveredVisit(AccountId Account, int Day, string? Class);
