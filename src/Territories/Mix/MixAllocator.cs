using System.Collections.Immutable;
using OneOf;
using Territories.Internal;
using Territories.Model;

namespace Territories.Mix;

/// <summary>Shares a territory's capacity exactly, in whole units, across activity types and then across accounts.</summary>
/// <remarks>
/// <para>
/// Method: the Balinski–Young quota method, a house-monotone method that stays within quota,
/// with minimum and maximum restrictions. Every activity starts at its minimum; each further unit
/// goes, among the activities below their maximum whose units stay within their upper quota
/// (<c>capacity × share</c> rounded up) at the new total, to the one with the highest D'Hondt
/// priority <c>target share / (units + 1)</c>. Then each activity's units are shared the same way
/// across the accounts, weighted by the accounts' stated need for the activity (or, when no account
/// states one, by the stage mix of each account's journey stage in
/// <see cref="MixAllocationOptions.Rules"/>, else equally).
/// </para>
/// <para>
/// Minimums: an activity's minimum is its <see cref="ActivityLimit.Minimum"/> rounded up to units,
/// raised to cover the minimum visits of the accounts whose main field activity it is (an account's
/// minimum visits times its visit duration rounded up to units; its main field activity is the one
/// it needs most). The minimums are met first; capacity that cannot meet them, maximums that cannot
/// hold the capacity, or a minimum above its maximum come back as a <see cref="MixFailure"/> stating
/// the units short or over.
/// </para>
/// <para>
/// Guarantees: the parts always add up to the whole (activities to the capacity, accounts to each
/// activity); more capacity never gives an activity fewer units (house monotone); when no minimum or
/// maximum binds, every activity gets its exact quota rounded down or up, so it is less than one
/// unit from <c>capacity × share</c>; the result does not depend on the order of the inputs
/// (activities and accounts are sorted by id, ties go to the lower id). Binding minimums and
/// maximums move units away from the quota by design. Complexity O(h log n) for h units over n
/// parties. Thread-safe once built.
/// </para>
/// </remarks>
public sealed class MixAllocator
{
    private readonly MixAllocationOptions _options;

    /// <summary>Builds an allocator, validating and copying <paramref name="options"/>.</summary>
    /// <param name="options">The options; null for the defaults.</param>
    /// <exception cref="ArgumentException">The options are invalid (every failure is listed).</exception>
    public MixAllocator(MixAllocationOptions? options = null) => _options = (options ?? new MixAllocationOptions()).Validated();

    /// <summary>Allocates the capacity of <paramref name="request"/>.</summary>
    /// <param name="request">The territory, its target mix, capacity and accounts.</param>
    /// <returns>The allocation, or every problem: unknown activities, bound conflicts, a shortfall, maximums below the capacity.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The capacity is negative.</exception>
    public OneOf<MixAllocation, MixFailure> Allocate(MixAllocationRequest request)
    {
        Guard.NotNull(request);
        Guard.NotNull(request.Target);
        Guard.NotNull(request.Cycle);
        Guard.NonNegative(request.Capacity);
        var territory = request.Territory.Value;
        var unit = _options.Unit;
        var types = request.ActivityTypes.GroupBy(a => Guard.NotNull(a).Id, StringComparer.Ordinal)
            .Select(g => g.First()).OrderBy(a => a.Id, StringComparer.Ordinal).ToList();
        var index = types.Select((t, i) => (t.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var errors = new List<MixError>();
        foreach (var activity in request.Target.Shares.Keys.Where(k => !index.ContainsKey(k) && request.Target[k] > 0))
        {
            errors.Add(MixErrors.Error(MixErrorCode.UnknownActivity, "territory", territory, $"Target[{activity}]", activity, $"Activity '{activity}' of the target mix is not one of the activity types."));
        }

        foreach (var activity in _options.ActivityLimits.Keys.Where(k => !index.ContainsKey(k)).Order(StringComparer.Ordinal))
        {
            errors.Add(MixErrors.Error(MixErrorCode.UnknownActivity, "territory", territory, $"ActivityLimits[{activity}]", activity, $"Activity '{activity}' of the limits is not one of the activity types."));
        }

        var accounts = request.Accounts.Select(a => Guard.NotNull(a)).OrderBy(a => a.Id).ToList();
        foreach (var account in accounts)
        {
            MixErrors.CheckWeights(account.ActivityNeeds, index.Keys.ToHashSet(StringComparer.Ordinal), "account", account.Id.Value, "ActivityNeeds", errors);
        }

        if (errors.Count > 0)
        {
            return new MixFailure([.. errors]);
        }

        var capacityUnits = request.Capacity.Ticks / unit.Length.Ticks;
        var remainder = TimeSpan.FromTicks(request.Capacity.Ticks % unit.Length.Ticks);
        var k = types.Count;
        var affinity = Affinities(accounts, types);

        // Per-account minimum units, placed on each account's main field activity.
        var accountMinimums = new long[accounts.Count, k];
        var minimumVisits = new int[accounts.Count];
        var visitDurations = new TimeSpan[accounts.Count];
        for (var j = 0; j < accounts.Count; j++)
        {
            var account = accounts[j];
            minimumVisits[j] = MinimumVisits(account, request.Cycle);
            var main = MainFieldActivity(account, types, request.Target);
            visitDurations[j] = VisitDuration(account, main is { } m ? types[m] : null);
            if (minimumVisits[j] == 0)
            {
                continue;
            }

            if (main is not { } primary)
            {
                errors.Add(MixErrors.Error(MixErrorCode.NoFieldActivity, "account", account.Id.Value, "Visit", MixErrors.Text(minimumVisits[j]), "The account needs visits, but no activity type is a field activity."));
                continue;
            }

            accountMinimums[j, primary] = minimumVisits[j] * CeilDiv(visitDurations[j].Ticks, unit.Length.Ticks);
        }

        var minimums = new long[k];
        var maximums = new long[k];
        for (var i = 0; i < k; i++)
        {
            var limit = _options.ActivityLimits.TryGetValue(types[i].Id, out var l) ? l : default;
            var fromAccounts = Enumerable.Range(0, accounts.Count).Sum(j => accountMinimums[j, i]);
            minimums[i] = Math.Max(CeilDiv(limit.Minimum.Ticks, unit.Length.Ticks), fromAccounts);
            maximums[i] = limit.Maximum is { } max ? max.Ticks / unit.Length.Ticks : long.MaxValue / 4;
            if (minimums[i] > maximums[i])
            {
                errors.Add(MixErrors.Error(MixErrorCode.BoundsConflict, "activity", [types[i].Id, territory], "ActivityLimits.Maximum", MixErrors.Text(maximums[i]), $"Activity '{types[i].Id}' needs at least {minimums[i]} {unit.Name} unit(s) (limit and accounts' minimum visits) but may have at most {maximums[i]}.") with { Units = minimums[i] - maximums[i] });
            }
        }

        var needed = minimums.Sum();
        if (needed > capacityUnits)
        {
            var shortUnits = needed - capacityUnits;
            errors.Add(MixErrors.Error(MixErrorCode.CapacityShortfall, "territory", territory, "Capacity", MixErrors.Text(capacityUnits), $"The minimums need {needed} {unit.Name} unit(s) but the capacity holds {capacityUnits}: short by {shortUnits} unit(s) ({shortUnits * unit.Minutes} minutes).") with { Units = shortUnits });
        }

        if (maximums.All(m => m < long.MaxValue / 4) && maximums.Sum() < capacityUnits)
        {
            var over = capacityUnits - maximums.Sum();
            errors.Add(MixErrors.Error(MixErrorCode.MaximumsBelowCapacity, "territory", territory, "ActivityLimits", MixErrors.Text(maximums.Sum()), $"The maximums hold {maximums.Sum()} {unit.Name} unit(s) but the capacity is {capacityUnits}: {over} unit(s) would be left over.") with { Units = over });
        }

        if (errors.Count > 0)
        {
            return new MixFailure([.. errors]);
        }

        var targetShares = types.Select(t => request.Target[t.Id]).ToArray();
        var activityUnits = Apportionment.Allocate(targetShares, capacityUnits, minimums, maximums)
            ?? throw new InvalidOperationException("Feasibility was checked before apportioning.");

        var accountUnits = new long[accounts.Count, k];
        if (accounts.Count > 0)
        {
            for (var i = 0; i < k; i++)
            {
                var weights = Enumerable.Range(0, accounts.Count).Select(j => affinity[j, i]).ToArray();
                var lower = Enumerable.Range(0, accounts.Count).Select(j => accountMinimums[j, i]).ToArray();
                var upper = Enumerable.Repeat(long.MaxValue / 4, accounts.Count).ToArray();
                var shares = Apportionment.Allocate(weights, activityUnits[i], lower, upper)
                    ?? throw new InvalidOperationException("Activity minimums cover the accounts' minimums.");
                for (var j = 0; j < accounts.Count; j++)
                {
                    accountUnits[j, i] = shares[j];
                }
            }
        }

        var activities = types.Select((t, i) => new ActivityAllocation(
            t.Id, targetShares[i], activityUnits[i], unit.Length * activityUnits[i], minimums[i], maximums[i] == long.MaxValue / 4 ? null : maximums[i]));
        var accountAllocations = accounts.Select((a, j) => AccountAllocationOf(a, j, types, accountUnits, minimumVisits[j], visitDurations[j], unit, request.Cycle));
        return new MixAllocation(request.Territory, request.Target, unit, capacityUnits, remainder, [.. activities], [.. accountAllocations]);
    }

    private double[,] Affinities(List<Account> accounts, List<ActivityType> types)
    {
        var n = accounts.Count;
        var k = types.Count;
        var affinity = new double[n, k];
        for (var i = 0; i < k; i++)
        {
            var id = types[i].Id;
            var needs = accounts.Select(a => a.ActivityNeeds.GetValueOrDefault(id)).ToArray();
            if (needs.Sum() > 0)
            {
                for (var j = 0; j < n; j++)
                {
                    affinity[j, i] = needs[j];
                }

                continue;
            }

            var staged = accounts.Select(a => StageWeight(a, id)).ToArray();
            var useStage = staged.Sum() > 0;
            for (var j = 0; j < n; j++)
            {
                affinity[j, i] = useStage ? staged[j] : 1;
            }
        }

        return affinity;
    }

    private double StageWeight(Account account, string activity)
    {
        var stage = account.Stage == JourneyStage.Unknown ? JourneyStage.Established : account.Stage;
        if (!_options.Rules.StageMixes.TryGetValue(stage, out var table))
        {
            return 0;
        }

        var sum = table.Values.Where(v => double.IsFinite(v) && v > 0).Sum();
        var value = table.GetValueOrDefault(activity);
        return sum > 0 && double.IsFinite(value) && value > 0 ? value / sum : 0;
    }

    private int MinimumVisits(Account account, JourneyCycle cycle)
    {
        var own = 0;
        if (_options.UseVisitRequirementAsMinimum && account.Visit is { } visit)
        {
            own = !visit.Patterns.IsEmpty ? visit.Patterns.Min(p => p.VisitCount) : visit.Frequency?.VisitsPerCycle(cycle) ?? 0;
        }

        return Math.Max(own, _options.MinimumVisitsPerAccount);
    }

    /// <summary>The field activity an account needs most: by its own stated needs, else by its stage mix, then by target share, then by id.</summary>
    private int? MainFieldActivity(Account account, List<ActivityType> types, SalesMix target)
    {
        var hasNeeds = account.ActivityNeeds.Values.Any(v => v > 0);
        int? best = null;
        (double Score, double Share) bestKey = default;
        for (var i = 0; i < types.Count; i++)
        {
            if (types[i].Channel != ActivityChannel.Field)
            {
                continue;
            }

            var key = (hasNeeds ? account.ActivityNeeds.GetValueOrDefault(types[i].Id) : StageWeight(account, types[i].Id), target[types[i].Id]);
            if (best is null || key.Item1 > bestKey.Score || (key.Item1.Equals(bestKey.Score) && key.Item2 > bestKey.Share))
            {
                best = i;
                bestKey = key;
            }
        }

        return best;
    }

    private static TimeSpan VisitDuration(Account account, ActivityType? main)
    {
        var duration = account.Visit?.Duration ?? account.ServiceTime;
        return duration > TimeSpan.Zero ? duration : main?.DefaultDuration is { } d && d > TimeSpan.Zero ? d : TimeSpan.FromMinutes(15);
    }

    private static AccountAllocation AccountAllocationOf(Account account, int j, List<ActivityType> types, long[,] units, int minimumVisits, TimeSpan visitDuration, AllocationUnit unit, JourneyCycle cycle)
    {
        var byActivity = ImmutableSortedDictionary.CreateBuilder<string, long>(StringComparer.Ordinal);
        long field = 0;
        long remote = 0;
        int? mainField = null;
        for (var i = 0; i < types.Count; i++)
        {
            if (units[j, i] == 0)
            {
                continue;
            }

            byActivity[types[i].Id] = units[j, i];
            if (types[i].Channel == ActivityChannel.Field)
            {
                field += units[j, i];
                if (mainField is not { } m || units[j, i] > units[j, m])
                {
                    mainField = i;
                }
            }
            else
            {
                remote += units[j, i];
            }
        }

        var fieldTime = unit.Length * field;
        var visit = mainField is { } main ? VisitOf(account, fieldTime, minimumVisits, visitDuration, types[main].Id, cycle) : null;
        return new AccountAllocation(account.Id, byActivity.ToImmutable(), fieldTime, unit.Length * remote, visit);
    }

    private static VisitRequirement VisitOf(Account account, TimeSpan fieldTime, int minimumVisits, TimeSpan visitDuration, string activity, JourneyCycle cycle)
    {
        var visits = (int)Math.Min(Math.Max(1, Math.Round(fieldTime / visitDuration, MidpointRounding.AwayFromZero)), int.MaxValue);
        visits = Math.Max(minimumVisits, Math.Min(visits, cycle.DayCount));
        var minutes = Math.Max(1, Math.Round(fieldTime.TotalMinutes / visits, MidpointRounding.AwayFromZero));
        var current = account.Visit ?? new VisitRequirement();
        var keepFrequency = current.Patterns.IsEmpty && current.Frequency is { } f && f.VisitsPerCycle(cycle) == visits;
        var keepPatterns = !current.Patterns.IsEmpty && current.Patterns.All(p => p.VisitCount == visits);
        return current with
        {
            Frequency = keepFrequency || keepPatterns ? current.Frequency : FrequencyOf(visits, cycle),
            Patterns = keepPatterns ? current.Patterns : [],
            Duration = TimeSpan.FromMinutes(minutes),
            Activity = activity,
        };
    }

    private static VisitFrequency FrequencyOf(int visits, JourneyCycle cycle) =>
        visits % cycle.Weeks == 0 ? VisitFrequency.PerWeek(visits / cycle.Weeks)
        : cycle.Weeks % visits == 0 ? VisitFrequency.EveryWeeks(cycle.Weeks / visits)
        : VisitFrequency.PerCycle(visits);

    private static long CeilDiv(long a, long b) => a <= 0 ? 0 : ((a - 1) / b) + 1;
}
