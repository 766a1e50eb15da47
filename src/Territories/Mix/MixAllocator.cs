using System.Collections.Immutable;
using OneOf;
using Territories.Internal;
using Territories.Model;

namespace Territories.Mix;

/// <summary>Shares a territory's capacity exactly, in whole units, across activity types, then across accounts up to what each needs; the rest is slack.</summary>
/// <remarks>
/// <para>
/// Method: the Balinski–Young quota method, a house-monotone method that stays within quota,
/// with minimum and maximum restrictions. Every activity starts at its minimum; each further unit
/// goes, among the activities below their maximum whose units stay within their upper quota
/// (<c>capacity × share</c> rounded up) at the new total, to the one with the highest D'Hondt
/// priority <c>target share / (units + 1)</c>. Then each activity's units are shared the same way
/// across the accounts, each between its minimum and the most its needs allow; units that no
/// account needs are <see cref="MixAllocation.Slack"/>, never forced onto accounts.
/// </para>
/// <para>
/// What an account needs: its visits per cycle (its <see cref="VisitRequirement"/>'s frequency or
/// patterns, never changed; none without a requirement, unless
/// <see cref="MixAllocationOptions.MinimumVisitsPerAccount"/> asks for more) of its visit duration
/// (<see cref="VisitRequirement.Duration"/>, else <see cref="Account.ServiceTime"/>), all on one field
/// activity, since each visit carries one. An account with a stated need for a field activity
/// (<see cref="Account.ActivityNeeds"/>) gets the one it needs most (then by target share, then by id).
/// The other accounts' visits carry the target's field mix: the field shares renormalised to 1 give
/// each field activity a target visit time, and the accounts, by visit time (visits × duration)
/// descending then id, each go to the field activity furthest below its target time (ties: the larger
/// share, then the lower id). So per territory each field activity's visit time is within the largest
/// single account's visit time of its target (when no stated need overfills an activity), and its
/// share of the visit time within that time over the territory's visit time. Frequencies and visit
/// durations are never changed by this; an activity's maximum in
/// <see cref="MixAllocationOptions.ActivityLimits"/> is not considered here and may then conflict with
/// the minimum its accounts' visits need. Its field time is at least its minimum visits times its visit duration and
/// at most its visits times the per-visit ceiling (<see cref="MixAllocationOptions.MaximumVisitDuration"/>,
/// never below its own duration), both rounded up to whole units; with the default ceiling the two
/// are equal. Extra field time within the ceiling is shared in proportion to the visits. Its time
/// for a remote activity is at most its stated need for it (<see cref="Account.ActivityNeeds"/>,
/// hours per cycle, rounded down to units), shared in proportion to the needs.
/// </para>
/// <para>
/// Minimums: an activity's minimum is its <see cref="ActivityLimit.Minimum"/> rounded up to units,
/// raised to cover the minimum visits of the accounts whose main field activity it is. Capacity that
/// cannot meet the minimums, maximums that cannot hold the capacity, a minimum above its maximum, an
/// account given twice or a capacity above <see cref="MaximumCapacityUnits"/> come back as a
/// <see cref="MixFailure"/> stating the ids and units involved.
/// </para>
/// <para>
/// Guarantees: the parts always add up to the whole (activities to the capacity, accounts plus slack
/// to each activity); more capacity never gives an activity fewer units (house monotone); when no
/// minimum or maximum binds, every activity gets its exact quota rounded down or up, so it is less
/// than one unit from <c>capacity × share</c>; the result does not depend on the order of the inputs
/// (activities and accounts are sorted by id, ties go to the lower id). Binding minimums and
/// maximums move units away from the quota by design. Complexity O(h log n) for h units over n
/// parties, h at most <see cref="MaximumCapacityUnits"/>. Thread-safe once built.
/// </para>
/// </remarks>
public sealed class MixAllocator
{
    /// <summary>The most whole units one allocation holds (10 million: 19 years of minutes); a larger capacity is a <see cref="MixErrorCode.CapacityTooLarge"/> failure.</summary>
    public const long MaximumCapacityUnits = 10_000_000;

    private const long Unbounded = long.MaxValue / 4;

    private readonly MixAllocationOptions _options;

    /// <summary>Builds an allocator, validating and copying <paramref name="options"/>.</summary>
    /// <param name="options">The options; null for the defaults.</param>
    /// <exception cref="ArgumentException">The options are invalid (every failure is listed).</exception>
    public MixAllocator(MixAllocationOptions? options = null) => _options = EngineOptions.Checked(options);

    /// <summary>Allocates the capacity of <paramref name="request"/>.</summary>
    /// <param name="request">The territory, its target mix, capacity and accounts.</param>
    /// <returns>The allocation, or every problem: unknown activities, duplicate accounts, bound conflicts, a shortfall, maximums below the capacity, a capacity too large.</returns>
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
            errors.Add(MixErrors.Error(MixErrorCode.UnknownActivity, ItemRef.Territory(territory), $"Target[{activity}]", activity, $"Activity '{activity}' of the target mix is not one of the activity types."));
        }

        foreach (var activity in _options.ActivityLimits.Keys.Where(k => !index.ContainsKey(k)).Order(StringComparer.Ordinal))
        {
            errors.Add(MixErrors.Error(MixErrorCode.UnknownActivity, ItemRef.Territory(territory), $"ActivityLimits[{activity}]", activity, $"Activity '{activity}' of the limits is not one of the activity types."));
        }

        var accounts = request.Accounts.Select(a => Guard.NotNull(a)).OrderBy(a => a.Id).ToList();
        foreach (var duplicate in accounts.GroupBy(a => a.Id).Where(g => g.Count() > 1))
        {
            errors.Add(MixErrors.Error(MixErrorCode.DuplicateAccount, [ItemRef.Of(duplicate.Key), ItemRef.Territory(territory)], "Accounts", MixErrors.Text(duplicate.Count()), $"Account '{duplicate.Key}' is given {duplicate.Count()} times in territory '{territory}'; each account is allocated once."));
        }

        foreach (var account in accounts)
        {
            MixErrors.CheckWeights(account.ActivityNeeds, index.Keys.ToHashSet(StringComparer.Ordinal), [ItemRef.Of(account.Id)], "ActivityNeeds", errors);
        }

        var capacityUnits = request.Capacity.Ticks / unit.Length.Ticks;
        var remainder = TimeSpan.FromTicks(request.Capacity.Ticks % unit.Length.Ticks);
        if (capacityUnits > MaximumCapacityUnits)
        {
            errors.Add(MixErrors.Error(MixErrorCode.CapacityTooLarge, ItemRef.Territory(territory), "Capacity", MixErrors.Text(capacityUnits), $"The capacity holds {capacityUnits} {unit.Name} unit(s), more than the {MaximumCapacityUnits} one allocation holds: use a larger unit or a capacity per cycle.") with { Units = capacityUnits - MaximumCapacityUnits });
        }

        if (errors.Count > 0)
        {
            return new MixFailure([.. errors]);
        }

        var k = types.Count;
        var needs = new AccountNeeds[accounts.Count];
        for (var j = 0; j < accounts.Count; j++)
        {
            needs[j] = NeedsOf(accounts[j], types, request.Target, request.Cycle, unit);
            if (needs[j].MinimumVisits > 0 && needs[j].Main is null)
            {
                errors.Add(MixErrors.Error(MixErrorCode.NoFieldActivity, ItemRef.Of(accounts[j].Id), "Visit", MixErrors.Text(needs[j].MinimumVisits), "The account needs visits, but no activity type is a field activity."));
            }
        }

        BalanceFieldActivities(accounts, needs, types, request.Target, request.Cycle, unit);
        var minimums = new long[k];
        var maximums = new long[k];
        for (var i = 0; i < k; i++)
        {
            var limit = _options.ActivityLimits.TryGetValue(types[i].Id, out var l) ? l : default;
            var fromAccounts = needs.Sum(n => n.Main == i ? n.MinimumUnits : 0);
            minimums[i] = Math.Max(CeilDiv(limit.Minimum.Ticks, unit.Length.Ticks), fromAccounts);
            maximums[i] = limit.Maximum is { } max ? max.Ticks / unit.Length.Ticks : Unbounded;
            if (minimums[i] > maximums[i])
            {
                errors.Add(MixErrors.Error(MixErrorCode.BoundsConflict, [ItemRef.Activity(types[i].Id), ItemRef.Territory(territory)], "ActivityLimits.Maximum", MixErrors.Text(maximums[i]), $"Activity '{types[i].Id}' needs at least {minimums[i]} {unit.Name} unit(s) (limit and accounts' minimum visits) but may have at most {maximums[i]}.") with { Units = minimums[i] - maximums[i] });
            }
        }

        var needed = minimums.Sum();
        if (needed > capacityUnits)
        {
            var shortUnits = needed - capacityUnits;
            errors.Add(MixErrors.Error(MixErrorCode.CapacityShortfall, ItemRef.Territory(territory), "Capacity", MixErrors.Text(capacityUnits), $"The minimums need {needed} {unit.Name} unit(s) but the capacity holds {capacityUnits}: short by {shortUnits} unit(s) ({shortUnits * unit.Minutes} minutes).") with { Units = shortUnits });
        }

        if (maximums.All(m => m < Unbounded) && maximums.Sum() < capacityUnits)
        {
            var over = capacityUnits - maximums.Sum();
            errors.Add(MixErrors.Error(MixErrorCode.MaximumsBelowCapacity, ItemRef.Territory(territory), "ActivityLimits", MixErrors.Text(maximums.Sum()), $"The maximums hold {maximums.Sum()} {unit.Name} unit(s) but the capacity is {capacityUnits}: {over} unit(s) would be left over.") with { Units = over });
        }

        if (errors.Count > 0)
        {
            return new MixFailure([.. errors]);
        }

        var targetShares = types.Select(t => request.Target[t.Id]).ToArray();
        var activityUnits = Apportionment.Allocate(targetShares, capacityUnits, minimums, maximums)
            ?? throw new InvalidOperationException("Feasibility was checked before apportioning.");

        var accountUnits = new long[accounts.Count, k];
        var slack = ImmutableArray.CreateBuilder<MixSlack>();
        for (var i = 0; i < k; i++)
        {
            var lower = new long[accounts.Count];
            var upper = new long[accounts.Count];
            var weights = new double[accounts.Count];
            long room = 0;
            for (var j = 0; j < accounts.Count; j++)
            {
                (lower[j], upper[j], weights[j]) = types[i].Channel == ActivityChannel.Field
                    ? needs[j].Main == i ? (needs[j].MinimumUnits, needs[j].MaximumUnits, needs[j].Visits) : (0L, 0L, 0.0)
                    : (0L, RemoteUnits(accounts[j], types[i].Id, unit), accounts[j].ActivityNeeds.GetValueOrDefault(types[i].Id));
                room = Math.Min(Unbounded, room + upper[j]);
            }

            // Accounts take what their needs allow, never more; the rest of the activity is slack.
            var taken = Math.Min(activityUnits[i], room);
            if (accounts.Count > 0)
            {
                var shares = Apportionment.Allocate(weights, taken, lower, upper)
                    ?? throw new InvalidOperationException("Activity minimums cover the accounts' minimums, which are within their maximums.");
                for (var j = 0; j < accounts.Count; j++)
                {
                    accountUnits[j, i] = shares[j];
                }
            }

            var left = activityUnits[i] - taken;
            if (left > 0)
            {
                var use = types[i].Channel == ActivityChannel.Field ? SlackUse.Prospecting : SlackUse.RemoteActivities;
                slack.Add(new MixSlack(types[i].Id, use, left, unit.Length * left));
            }
        }

        var activities = types.Select((t, i) => new ActivityAllocation(
            t.Id, targetShares[i], activityUnits[i], unit.Length * activityUnits[i], minimums[i], maximums[i] == Unbounded ? null : maximums[i]) { Channel = t.Channel });
        var accountAllocations = accounts.Select((a, j) => AccountAllocationOf(a, j, types, accountUnits, needs[j], unit, request.Cycle));
        return new MixAllocation
        {
            Territory = request.Territory,
            Target = request.Target,
            Unit = unit,
            CapacityUnits = capacityUnits,
            Remainder = remainder,
            Activities = [.. activities],
            Accounts = [.. accountAllocations],
            Slack = slack.ToImmutable(),
        };
    }

    /// <summary>An account's visits per cycle, its main field activity and the least and most field units its visits may take.</summary>
    private readonly record struct AccountNeeds(int Visits, int MinimumVisits, int? Main, TimeSpan Duration, TimeSpan Ceiling, long MinimumUnits, long MaximumUnits);

    private AccountNeeds NeedsOf(Account account, List<ActivityType> types, SalesMix target, JourneyCycle cycle, AllocationUnit unit, int? forcedMain = null)
    {
        var own = OwnVisits(account, cycle);
        var visits = Math.Max(own, _options.MinimumVisitsPerAccount);
        var minimumVisits = _options.UseVisitRequirementAsMinimum ? visits : Math.Min(visits, _options.MinimumVisitsPerAccount);
        var main = forcedMain ?? MainFieldActivity(account, types, target);
        var duration = VisitDuration(account, main is { } m ? types[m] : null);
        var ceiling = _options.MaximumVisitDuration is { } c && c > duration ? c : duration;
        if (main is null)
        {
            return new AccountNeeds(visits, minimumVisits, null, duration, ceiling, 0, 0);
        }

        var minimum = minimumVisits * CeilDiv(duration.Ticks, unit.Length.Ticks);
        var maximum = visits * CeilDiv(ceiling.Ticks, unit.Length.Ticks);
        return new AccountNeeds(visits, minimumVisits, main, duration, ceiling, minimum, maximum);
    }

    /// <summary>
    /// Gives the visits of the accounts without a stated field need a field activity each, so that the
    /// territory's visit time per field activity follows the target's field shares (renormalised to 1).
    /// </summary>
    /// <remarks>
    /// Greedy on the deficits: accounts with stated field needs keep the activity they need most and
    /// count first; the others, by visit time (visits × duration) descending then id, each go to the
    /// field activity furthest below its target time (ties: the larger share, then the lower id). Each
    /// activity then ends within one account's visit time of its target time: an activity is only
    /// chosen while below target, and when one ends below target every other ends above its target
    /// less the largest account's visit time, while the deficits sum to zero.
    /// </remarks>
    private void BalanceFieldActivities(List<Account> accounts, AccountNeeds[] needs, List<ActivityType> types, SalesMix target, JourneyCycle cycle, AllocationUnit unit)
    {
        var field = Enumerable.Range(0, types.Count).Where(i => types[i].Channel == ActivityChannel.Field).ToList();
        var shareSum = field.Sum(i => target[types[i].Id]);
        if (field.Count == 0 || !(shareSum > 0))
        {
            return;
        }

        var assigned = new double[types.Count];
        var free = new List<(int Index, double Time)>();
        for (var j = 0; j < accounts.Count; j++)
        {
            if (needs[j].Main is not { } main || needs[j].Visits == 0)
            {
                continue;
            }

            var time = (double)needs[j].Visits * needs[j].Duration.Ticks;
            if (HasFieldNeeds(accounts[j], types))
            {
                assigned[main] += time;
            }
            else
            {
                free.Add((j, time));
            }
        }

        var total = assigned.Sum() + free.Sum(f => f.Time);
        foreach (var (j, time) in free.OrderByDescending(f => f.Time).ThenBy(f => accounts[f.Index].Id))
        {
            var best = -1;
            var bestDeficit = double.NegativeInfinity;
            foreach (var i in field)
            {
                var share = target[types[i].Id] / shareSum;
                var deficit = (share * total) - assigned[i];
                if (deficit > bestDeficit || (deficit.Equals(bestDeficit) && share > target[types[best].Id] / shareSum))
                {
                    best = i;
                    bestDeficit = deficit;
                }
            }

            assigned[best] += time;
            if (best != needs[j].Main)
            {
                needs[j] = NeedsOf(accounts[j], types, target, cycle, unit, best);
            }
        }
    }

    private static bool HasFieldNeeds(Account account, List<ActivityType> types) =>
        types.Any(t => t.Channel == ActivityChannel.Field && account.ActivityNeeds.GetValueOrDefault(t.Id) > 0);

    private static int OwnVisits(Account account, JourneyCycle cycle) =>
        account.Visit is not { } visit ? 0
        : !visit.Patterns.IsEmpty ? visit.Patterns.Min(p => p.VisitCount)
        : visit.Frequency?.VisitsPerCycle(cycle) ?? 0;

    private static long RemoteUnits(Account account, string activity, AllocationUnit unit)
    {
        var hours = account.ActivityNeeds.GetValueOrDefault(activity);
        var units = Math.Floor(hours * 60 / unit.Minutes);
        return units >= Unbounded ? Unbounded : (long)units;
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

    private static AccountAllocation AccountAllocationOf(Account account, int j, List<ActivityType> types, long[,] units, AccountNeeds needs, AllocationUnit unit, JourneyCycle cycle)
    {
        var byActivity = ImmutableSortedDictionary.CreateBuilder<string, long>(StringComparer.Ordinal);
        long field = 0;
        long remote = 0;
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
            }
            else
            {
                remote += units[j, i];
            }
        }

        var fieldTime = unit.Length * field;
        var visit = needs.Main is { } main && needs.Visits > 0 ? VisitOf(account, fieldTime, needs, types[main].Id, cycle) : account.Visit;
        return new AccountAllocation(account.Id, byActivity.ToImmutable(), fieldTime, unit.Length * remote, visit);
    }

    /// <summary>The account's own requirement (frequency or patterns unchanged) with the mix's activity and the minutes per visit allocated.</summary>
    private static VisitRequirement VisitOf(Account account, TimeSpan fieldTime, AccountNeeds needs, string activity, JourneyCycle cycle)
    {
        var current = account.Visit ?? new VisitRequirement();
        var own = OwnVisits(account, cycle);
        var changeFrequency = own != needs.Visits;
        var duration = current.Duration;
        if (fieldTime > TimeSpan.Zero)
        {
            var minutes = Math.Max(1, Math.Round(fieldTime.TotalMinutes / needs.Visits, MidpointRounding.AwayFromZero));
            duration = TimeSpan.FromMinutes(Math.Min(minutes, Math.Max(1, Math.Floor(needs.Ceiling.TotalMinutes))));
        }

        return current with
        {
            Frequency = changeFrequency ? FrequencyOf(needs.Visits, cycle) : current.Frequency,
            Patterns = changeFrequency ? [] : current.Patterns,
            Duration = duration,
            Activity = activity,
        };
    }

    private static VisitFrequency FrequencyOf(int visits, JourneyCycle cycle) =>
        visits % cycle.Weeks == 0 ? VisitFrequency.PerWeek(visits / cycle.Weeks)
        : cycle.Weeks % visits == 0 ? VisitFrequency.EveryWeeks(cycle.Weeks / visits)
        : VisitFrequency.PerCycle(visits);

    private static long CeilDiv(long a, long b) => a <= 0 ? 0 : ((a - 1) / b) + 1;
}
