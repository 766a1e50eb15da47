using Territories.Model;

namespace Territories.Journeys.Replanning;

/// <summary>A pin for re-planning: the account is visited on this cycle day by this position.</summary>
/// <remarks>
/// The account's pattern must contain the day, and the visit on it is made by the position (with
/// <see cref="JourneyPlannerOptions.KeepPositionPerAccount"/>, the default, the position then makes all of
/// the account's visits). Immutable; equality by value.
/// </remarks>
/// <param name="Account">The account.</param>
/// <param name="Day">The 0-based cycle day.</param>
/// <param name="Position">The position that makes the visit.</param>
public readonly record struct VisitLock(AccountId Account, int Day, PositionId Position);
