using System.Collections.Immutable;
using Territories.Internal;
using Territories.Model;

namespace Territories.Mix;

/// <summary>The units one account gets per activity, and the visit requirement that follows for the journey planner.</summary>
/// <remarks>
/// Immutable. <see cref="Units"/> lists only activities with units, sorted by id. <see cref="Visit"/>
/// carries the account's field time: visits per cycle (at least the account's minimum), the duration
/// of each visit (the field time over the visits, rounded to the minute) and the field activity with
/// the most time; null when the account gets no field time.
/// </remarks>
/// <param name="Account">The account.</param>
/// <param name="Units">Units per activity id.</param>
/// <param name="FieldTime">Time allocated to field activities (visits).</param>
/// <param name="RemoteTime">Time allocated to remote activities (calls, e-mail, video).</param>
/// <param name="Visit">The visit requirement for the journey planner; null when no field time.</param>
public sealed record AccountAllocation(AccountId Account, ImmutableSortedDictionary<string, long> Units, TimeSpan FieldTime, TimeSpan RemoteTime, VisitRequirement? Visit)
{
    /// <summary>Units per activity id.</summary>
    public ImmutableSortedDictionary<string, long> Units { get; init; } = Guard.NotNull(Units);
}
