using System.Collections.Immutable;
using OneOf;
using Territories.Model;

namespace Territories.Mix;

/// <summary>
/// Allocates one territory per role under a coverage model (see <see cref="RoleMix"/> for the rules):
/// covers each account, splits the territory's target, travel and capacity over the roles, allocates
/// each role, and sums the roles into the territory's allocation.
/// </summary>
internal static class TeamAllocation
{
    /// <summary>One role's positions in the territory.</summary>
    private sealed record Group(PositionRole Role, List<SalesPosition> Positions, long WorkingTicks)
    {
        public List<Account> Accounts { get; } = [];

        public List<AccountId> Remote { get; } = [];

        public bool Visits => CoverageModel.Visits(Role);
    }

    public static OneOf<(MixAllocation Allocation, ImmutableArray<RoleMix> Roles, SalesMix TeamTarget), MixFailure> Allocate(
        MixAllocator allocator,
        CoverageModel coverage,
        TerritoryId territory,
        SalesMix target,
        MarketStrategy strategy,
        List<Account> accounts,
        List<(SalesPosition Position, long Ticks)> positions,
        TimeSpan travel,
        TimeSpan capacity,
        ImmutableArray<ActivityType> activityTypes,
        JourneyCycle cycle)
    {
        var groups = positions
            .Where(p => p.Ticks > 0)
            .GroupBy(p => p.Position.Role)
            .OrderBy(g => g.Key)
            .Select(g => new Group(g.Key, [.. g.Select(x => x.Position).OrderBy(p => p.Id)], g.Sum(x => x.Ticks)))
            .ToList();
        var byRole = groups.ToDictionary(g => g.Role);
        var missing = new SortedDictionary<PositionRole, List<string>>();
        var cannotVisit = new SortedDictionary<PositionRole, List<string>>();
        foreach (var account in accounts.OrderBy(a => a.Id))
        {
            var rule = coverage.Cover(account, strategy);
            if (!byRole.TryGetValue(rule.Role, out var group))
            {
                Add(missing, rule.Role, account.Id.Value);
                continue;
            }

            var remote = rule.Mode == ActivityChannel.Remote;
            if (!remote && account.Visit is not null && !group.Visits)
            {
                Add(cannotVisit, rule.Role, account.Id.Value);
                continue;
            }

            group.Accounts.Add(remote ? account with { Visit = null } : account);
            if (remote)
            {
                group.Remote.Add(account.Id);
            }
        }

        var errors = new List<MixError>();
        foreach (var (role, ids) in missing)
        {
            errors.Add(MixErrors.Error(MixErrorCode.NoPositionForRole, [ItemRef.Of(territory), .. ids.Select(ItemRef.Account)], "Role", role.ToString(), $"Territory '{territory}': the coverage model gives {ids.Count} account(s) (first '{ids[0]}') to a {role}, but no working position of that role is in the territory."));
        }

        foreach (var (role, ids) in cannotVisit)
        {
            errors.Add(MixErrors.Error(MixErrorCode.RoleCannotVisit, [ItemRef.Of(territory), .. ids.Select(ItemRef.Account)], "Role", role.ToString(), $"Territory '{territory}': the coverage model gives {ids.Count} account(s) to visit (first '{ids[0]}') to a {role}, which works from the desk only; cover them with mode Remote or by a role that visits."));
        }

        var visiting = groups.Where(g => g.Visits).Sum(g => g.WorkingTicks);
        if (travel.Ticks > 0 && travel.Ticks > visiting)
        {
            errors.Add(MixErrors.Error(MixErrorCode.TravelDoesNotFit, ItemRef.Of(territory), "Travel", MixErrors.Hours(travel), $"Territory '{territory}' needs {MixErrors.Hours(travel)} h of travel, but its positions that visit work {MixErrors.Hours(TimeSpan.FromTicks(visiting))} h per cycle."));
        }

        if (errors.Count > 0)
        {
            return new MixFailure([.. errors]);
        }

        // Travel goes to the roles that visit, in proportion to their working time; the capacity to
        // every role in proportion to its working time less its travel. Both split exactly in ticks.
        var travels = Split(travel.Ticks, [.. groups.Select(g => g.Visits ? g.WorkingTicks : 0)]);
        var capacities = Split(capacity.Ticks, [.. groups.Select((g, i) => g.WorkingTicks - travels[i])]);
        var targets = SplitTarget(target, groups, capacities, activityTypes);
        var roles = ImmutableArray.CreateBuilder<RoleMix>();
        foreach (var (group, i) in groups.Select((g, i) => (g, i)))
        {
            var request = new MixAllocationRequest(territory, targets[i], TimeSpan.FromTicks(capacities[i]))
            {
                Accounts = [.. group.Accounts],
                ActivityTypes = activityTypes,
                Cycle = cycle,
            };
            if (allocator.Allocate(request).TryPickT1(out var failure, out var allocation))
            {
                errors.AddRange(failure.Errors.Select(e => e with { Message = $"{group.Role}: {e.Message}" }));
                continue;
            }

            roles.Add(new RoleMix(territory, group.Role, [.. group.Positions.Select(p => p.Id)], targets[i], allocation)
            {
                WorkingTime = TimeSpan.FromTicks(group.WorkingTicks),
                Travel = TimeSpan.FromTicks(travels[i]),
                RemoteAccounts = [.. group.Remote],
            });
        }

        if (errors.Count > 0)
        {
            return new MixFailure([.. errors]);
        }

        var parts = roles.ToImmutable();
        var team = target.Shares.Keys.ToDictionary(a => a, a => groups.Select((g, i) => capacities[i] * targets[i][a]).Sum(), StringComparer.Ordinal);
        return (Merge(territory, target, parts.Select(r => r.Allocation).ToList()), parts, Mix(team, activityTypes, target));
    }

    /// <summary>
    /// Each role's target: remote-only roles take the target's remote time first, up to their
    /// capacity, in the target's remote proportions; the roles that visit share the field time and the
    /// remote time left in the target's proportions.
    /// </summary>
    private static List<SalesMix> SplitTarget(SalesMix target, List<Group> groups, long[] capacities, ImmutableArray<ActivityType> activityTypes)
    {
        var remoteIds = activityTypes.Where(t => t.Channel == ActivityChannel.Remote).Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var total = (double)capacities.Sum();
        var desk = (double)groups.Select((g, i) => g.Visits ? 0 : capacities[i]).Sum();
        var remoteShare = target.Shares.Where(s => remoteIds.Contains(s.Key)).Sum(s => s.Value);
        var remoteDemand = total * remoteShare;
        var taken = Math.Min(desk, remoteDemand);
        var keep = remoteDemand > 0 ? 1 - (taken / remoteDemand) : 1;
        var deskWeights = remoteShare > 0
            ? target.Shares.Where(s => remoteIds.Contains(s.Key)).ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal)
            : remoteIds.ToDictionary(id => id, _ => 1.0, StringComparer.Ordinal);
        var fieldWeights = target.Shares.ToDictionary(s => s.Key, s => remoteIds.Contains(s.Key) ? s.Value * keep : s.Value, StringComparer.Ordinal);
        if (fieldWeights.Values.Sum() <= 0)
        {
            fieldWeights = target.Shares.ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal);
        }

        var forDesk = Mix(deskWeights, activityTypes, target);
        var forField = Mix(fieldWeights, activityTypes, target);
        return [.. groups.Select(g => g.Visits ? forField : forDesk)];
    }

    private static SalesMix Mix(Dictionary<string, double> weights, ImmutableArray<ActivityType> activityTypes, SalesMix fallback) =>
        weights.Values.Sum() > 0 && SalesMix.FromWeights(weights, activityTypes).TryPickT0(out var mix, out _) ? mix : fallback;

    /// <summary>The roles' allocations summed: units per activity, accounts side by side, slack per activity and use.</summary>
    private static MixAllocation Merge(TerritoryId territory, SalesMix target, List<MixAllocation> parts)
    {
        var unit = parts[0].Unit;
        var activities = parts.SelectMany(p => p.Activities).GroupBy(a => a.Activity, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ActivityAllocation(
                g.Key,
                target[g.Key],
                g.Sum(a => a.Units),
                g.Aggregate(TimeSpan.Zero, (sum, a) => sum + a.Time),
                g.Sum(a => a.MinimumUnits),
                g.Any(a => a.MaximumUnits is null) ? null : g.Sum(a => a.MaximumUnits!.Value)) { Channel = g.First().Channel });
        var slack = parts.SelectMany(p => p.Slack).GroupBy(s => (s.Activity, s.Use)).OrderBy(g => g.Key.Activity, StringComparer.Ordinal).ThenBy(g => g.Key.Use)
            .Select(g => new MixSlack(g.Key.Activity, g.Key.Use, g.Sum(s => s.Units), g.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Time)));
        return new MixAllocation
        {
            Territory = territory,
            Target = target,
            Unit = unit,
            CapacityUnits = parts.Sum(p => p.CapacityUnits),
            Remainder = parts.Aggregate(TimeSpan.Zero, (sum, p) => sum + p.Remainder),
            Activities = [.. activities],
            Accounts = [.. parts.SelectMany(p => p.Accounts).OrderBy(a => a.Account)],
            Slack = [.. slack],
        };
    }

    /// <summary>Splits <paramref name="total"/> in proportion to <paramref name="weights"/>, exactly: floors, then the rest one by one to the largest remainders (ties to the lower index).</summary>
    private static long[] Split(long total, long[] weights)
    {
        var parts = new long[weights.Length];
        var sum = weights.Sum(w => (decimal)Math.Max(0, w));
        if (sum == 0 || total == 0)
        {
            return parts;
        }

        var remainders = new decimal[weights.Length];
        for (var i = 0; i < weights.Length; i++)
        {
            var exact = total * (decimal)Math.Max(0, weights[i]) / sum;
            parts[i] = (long)decimal.Floor(exact);
            remainders[i] = exact - parts[i];
        }

        var left = total - parts.Sum();
        foreach (var i in Enumerable.Range(0, weights.Length).OrderByDescending(i => remainders[i]).ThenBy(i => i).Take((int)left))
        {
            parts[i]++;
        }

        return parts;
    }

    private static void Add(SortedDictionary<PositionRole, List<string>> map, PositionRole role, string id)
    {
        if (!map.TryGetValue(role, out var list))
        {
            map[role] = list = [];
        }

        list.Add(id);
    }

}
