using System.Collections.Immutable;
using Territories.Internal;
using Territories.Model;

namespace Territories.Mix;

/// <summary>The units one account gets per activity, and the visit requirement that follows for the journey planner.</summary>
/// <remarks>
/// Immutable. <see cref="Units"/> lists only activities with units, sorted by id. <see cref="Visit"/>
/// is the account's own visit requirement with its frequency (or patterns) unchanged, the account's
/// main field activity from the mix as <see cref="VisitRequirement.Activity"/>, and the field time
/// over the visits (rounded to the minute, never above the per-visit ceiling) as
/// <see cref="VisitRequirement.Duration"/>. An account without a visit requirement gets one only from
/// <see cref="MixAllocationOptions.MinimumVisitsPerAccount"/>; otherwise <see cref="Visit"/> is null.
/// </remarks>
/// <param name="Account">The account.</param>
/// <param name="Units">Units per activity id.</param>
/// <param name="FieldTime">Time allocated to field activities (visits).</param>
/// <param name="RemoteTime">Time allocated to remote activities (calls, e-mail, video).</param>
/// <param name="Visit">The visit requirement for the journey planner; null when the account is not to be visited.</param>
public sealed record AccountAllocation(AccountId Account, ImmutableSortedDictionary<string, long> Units, TimeSpan FieldTime, TimeSpan RemoteTime, VisitRequirement? Visit)
{
    /// <summary>Units per activity id.</summary>
    public ImmutableSortedDictionary<string, long> Units { get; init; } = Guard.NotNull(Units);
}
