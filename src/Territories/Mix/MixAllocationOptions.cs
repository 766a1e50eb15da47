using Territories.Internal;
using Territories.Model;

namespace Territories.Mix;

/// <summary>How <see cref="MixAllocator"/> shares capacity out: the unit, the limits per activity, the minimum visits per account.</summary>
/// <remarks>Mutable until a <see cref="MixAllocator"/> is built from it; the allocator validates it once (reporting every failure) and keeps a copy.</remarks>
public sealed class MixAllocationOptions : IEngineOptions<MixAllocationOptions>
{
    /// <summary>The whole unit allocated; <see cref="AllocationUnit.Minute"/> by default.</summary>
    public AllocationUnit Unit { get; set; } = AllocationUnit.Minute;

    /// <summary>Least and most time per activity id; empty by default (no limits).</summary>
    public IDictionary<string, ActivityLimit> ActivityLimits { get; set; } = new Dictionary<string, ActivityLimit>(StringComparer.Ordinal);

    /// <summary>
    /// The least number of visits per cycle every account gets; 0 by default. Above 0 it is an explicit
    /// override: accounts without a visit requirement get one, and accounts with fewer visits get a new
    /// frequency. At 0 no frequency is ever changed.
    /// </summary>
    public int MinimumVisitsPerAccount { get; set; }

    /// <summary>Whether an account's own visit requirement (its visits per cycle) is also a minimum; true by default.</summary>
    public bool UseVisitRequirementAsMinimum { get; set; } = true;

    /// <summary>
    /// The most time one visit may take, the per-visit ceiling: an account's field time is at most its
    /// visits per cycle times the larger of this and its own visit duration (rounded up to whole units).
    /// Null by default: each account's own visit duration (<see cref="VisitRequirement.Duration"/>, else
    /// its <see cref="Account.ServiceTime"/>), so accounts get exactly the visits they need and the rest
    /// of the capacity is slack.
    /// </summary>
    public TimeSpan? MaximumVisitDuration { get; set; }

    /// <summary>The rules whose stage mixes choose an account's field activity when it states no field needs and the target has no field share (otherwise the target's field mix does, see <see cref="MixAllocator"/>); <see cref="MixRules.Default"/> by default.</summary>
    public MixRules Rules { get; set; } = MixRules.Default;

    IReadOnlyList<string> IEngineOptions<MixAllocationOptions>.Validate()
    {
        var failures = new List<string>();
        if (Unit.Length <= TimeSpan.Zero)
        {
            failures.Add("Unit must be a positive whole number of minutes.");
        }

        if (ActivityLimits is null)
        {
            failures.Add("ActivityLimits must not be null.");
        }
        else
        {
            foreach (var (activity, limit) in ActivityLimits.OrderBy(l => l.Key, StringComparer.Ordinal))
            {
                if (limit.Minimum < TimeSpan.Zero)
                {
                    failures.Add($"ActivityLimits[{activity}].Minimum must be zero or more.");
                }

                if (limit.Maximum is { } max && max < limit.Minimum)
                {
                    failures.Add($"ActivityLimits[{activity}].Maximum is below its minimum.");
                }
            }
        }

        if (MinimumVisitsPerAccount < 0)
        {
            failures.Add("MinimumVisitsPerAccount must be zero or more.");
        }

        if (MaximumVisitDuration is { } ceiling && ceiling <= TimeSpan.Zero)
        {
            failures.Add("MaximumVisitDuration must be positive when set.");
        }

        if (Rules is null)
        {
            failures.Add("Rules must not be null.");
        }

        return failures;
    }

    MixAllocationOptions IEngineOptions<MixAllocationOptions>.Copy() =>
        new()
        {
            Unit = Unit,
            ActivityLimits = new Dictionary<string, ActivityLimit>(ActivityLimits!, StringComparer.Ordinal),
            MinimumVisitsPerAccount = MinimumVisitsPerAccount,
            UseVisitRequirementAsMinimum = UseVisitRequirementAsMinimum,
            MaximumVisitDuration = MaximumVisitDuration,
            Rules = Rules!,
        };
}
