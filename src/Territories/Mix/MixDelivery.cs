using System.Collections.Immutable;
using OneOf;
using Territories.Internal;
using Territories.Journeys;
using Territories.Model;

namespace Territories.Mix;

/// <summary>Compares the mix a journey plan actually delivers with the target mix, per territory.</summary>
/// <remarks>
/// <para>
/// The delivered effort is plain data (time per activity per territory), so any plan, ours or a
/// CRM's, can be compared; <see cref="Effort(JourneyPlan, TerritoryId)"/> reduces one of our journey
/// plans to it. Pure and deterministic; reports sorted by territory id.
/// </para>
/// <para>
/// A journey plan holds visits only: its delivered time is each visit's time on site under the
/// visit's activity (<see cref="PlannedVisit.Activity"/>, from the account's visit requirement), so
/// remote activities (inbound, outbound, lead generation, enablement) count 0 unless their blocks are
/// given too (<see cref="Effort(JourneyPlan, TerritoryId, IEnumerable{RemoteBlock})"/>, blocks placed by
/// <see cref="RemoteScheduler"/>). Visits without an activity are not counted.
/// </para>
/// </remarks>
public static class MixDelivery
{
    /// <summary>Compares delivered effort with the targets.</summary>
    /// <param name="targets">The target mix of each territory.</param>
    /// <param name="delivered">Time per territory and activity delivered by a plan.</param>
    /// <param name="measure">The divergence measure; Jensen-Shannon by default.</param>
    /// <param name="activityTypes">The activity types whose channel splits field from remote work in the reports; null (the default) for <see cref="ActivityType.Defaults"/>. An activity not among them counts as remote.</param>
    /// <returns>One report per target territory, or every problem: negative time, a territory without target, an activity the target does not know.</returns>
    /// <exception cref="ArgumentNullException">An argument, a mix, an activity type or an activity id is null.</exception>
    public static OneOf<ImmutableArray<MixDeliveryReport>, MixFailure> Compare(
        IReadOnlyDictionary<TerritoryId, SalesMix> targets,
        IEnumerable<DeliveredEffort> delivered,
        MixDivergenceMeasure measure = MixDivergenceMeasure.JensenShannon,
        IEnumerable<ActivityType>? activityTypes = null)
    {
        Guard.NotNull(targets);
        Guard.NotNull(delivered);
        Guard.That(Enum.IsDefined(measure), "Unknown divergence measure.", nameof(measure));
        var field = (activityTypes ?? ActivityType.Defaults).Select(t => Guard.NotNull(t, nameof(activityTypes)))
            .Where(t => t.Channel == ActivityChannel.Field).Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var errors = new List<MixError>();
        var time = new Dictionary<TerritoryId, Dictionary<string, TimeSpan>>();
        foreach (var effort in delivered.OrderBy(d => d.Territory).ThenBy(d => Guard.NotNull(d.Activity), StringComparer.Ordinal))
        {
            var ids = ImmutableArray.Create(ItemRef.Of(effort.Territory), ItemRef.Activity(effort.Activity));
            if (effort.Time < TimeSpan.Zero)
            {
                errors.Add(MixErrors.Error(MixErrorCode.NegativeValue, ids, "Time", effort.Time.ToString("c", System.Globalization.CultureInfo.InvariantCulture), "Delivered time must be zero or more."));
            }

            if (!targets.TryGetValue(effort.Territory, out var target))
            {
                errors.Add(MixErrors.Error(MixErrorCode.UnknownTerritory, ids, "Territory", effort.Territory.Value, $"Territory '{effort.Territory}' has no target mix."));
                continue;
            }

            if (!Guard.NotNull(target).Shares.ContainsKey(effort.Activity))
            {
                errors.Add(MixErrors.Error(MixErrorCode.UnknownActivity, ids, "Activity", effort.Activity, $"Activity '{effort.Activity}' is not in the target mix of '{effort.Territory}'."));
                continue;
            }

            var row = time.TryGetValue(effort.Territory, out var r) ? r : time[effort.Territory] = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
            row[effort.Activity] = row.GetValueOrDefault(effort.Activity) + effort.Time;
        }

        if (errors.Count > 0)
        {
            return new MixFailure([.. errors]);
        }

        var reports = ImmutableArray.CreateBuilder<MixDeliveryReport>();
        foreach (var (territory, target) in targets.OrderBy(t => t.Key))
        {
            Guard.NotNull(target);
            var row = time.GetValueOrDefault(territory) ?? new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
            var total = row.Values.Aggregate(TimeSpan.Zero, (a, b) => a + b);
            SalesMix? mix = total > TimeSpan.Zero
                ? SalesMix.FromTrusted(target.Shares.Keys.Select(k => KeyValuePair.Create(k, row.GetValueOrDefault(k) / total)))
                : null;
            var activities = target.Shares.Select(s => new ActivityDelivery(s.Key, s.Value, mix?[s.Key] ?? 0, row.GetValueOrDefault(s.Key))).ToImmutableArray();
            var divergence = mix is null ? 1 : MixCoherence.Divergence(target, mix, measure);
            var fieldTime = row.Where(r => field.Contains(r.Key)).Aggregate(TimeSpan.Zero, (a, b) => a + b.Value);
            reports.Add(new MixDeliveryReport(territory, target, mix, total, activities, divergence)
            {
                Measure = measure,
                FieldTime = fieldTime,
                RemoteTime = total - fieldTime,
                FieldDivergence = FieldDivergence(target, row, field, fieldTime, measure),
            });
        }

        return reports.ToImmutable();
    }

    /// <summary>The divergence between the target's field shares and the delivered field time's shares, each renormalised to 1.</summary>
    private static double FieldDivergence(SalesMix target, Dictionary<string, TimeSpan> row, HashSet<string> field, TimeSpan fieldTime, MixDivergenceMeasure measure)
    {
        var targetField = target.Shares.Where(s => field.Contains(s.Key)).ToList();
        var shareSum = targetField.Sum(s => s.Value);
        if (!(shareSum > 0) || fieldTime <= TimeSpan.Zero)
        {
            return (shareSum > 0) == (fieldTime > TimeSpan.Zero) ? 0 : 1;
        }

        var wanted = SalesMix.FromTrusted(targetField.Select(s => KeyValuePair.Create(s.Key, s.Value / shareSum)));
        var got = SalesMix.FromTrusted(targetField.Select(s => KeyValuePair.Create(s.Key, row.GetValueOrDefault(s.Key) / fieldTime)));
        return MixCoherence.Divergence(wanted, got, measure);
    }

    /// <summary>The time a journey plan spends on site per activity, all of it in one territory (the plan of a position that covers it).</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="territory">The territory the plan works.</param>
    /// <returns>One row per activity with visits, sorted by activity id; visits without an activity are left out.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="plan"/> is null.</exception>
    public static ImmutableArray<DeliveredEffort> Effort(JourneyPlan plan, TerritoryId territory)
    {
        Guard.NotNull(plan);
        return EffortOf(plan.Routes, _ => territory);
    }

    /// <summary>The time a journey plan spends on site per territory and activity, each route counted in its position's territory.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="territories">The territory of every position that has a route in the plan.</param>
    /// <returns>One row per territory and activity with visits, sorted; visits without an activity are left out.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A position with a route has no territory in <paramref name="territories"/>.</exception>
    public static ImmutableArray<DeliveredEffort> Effort(JourneyPlan plan, IReadOnlyDictionary<PositionId, TerritoryId> territories)
    {
        Guard.NotNull(plan);
        Guard.NotNull(territories);
        foreach (var position in plan.Routes.Select(r => r.Position).Distinct().Order())
        {
            Guard.That(territories.ContainsKey(position), $"Position '{position}' has routes in the plan but no territory.", nameof(territories));
        }

        return EffortOf(plan.Routes, p => territories[p]);
    }

    /// <summary>
    /// The time a journey plan spends on site per activity plus the time of remote blocks placed in the
    /// positions' days (<see cref="RemoteScheduler"/>), all of it in one territory: the whole mix a
    /// position delivers, visits and desk work.
    /// </summary>
    /// <param name="plan">The plan.</param>
    /// <param name="territory">The territory the plan works.</param>
    /// <param name="blocks">The remote blocks (for example <see cref="RemoteSchedule.Blocks"/>).</param>
    /// <returns>One row per activity with visits or blocks, sorted by activity id; visits without an activity are left out.</returns>
    /// <exception cref="ArgumentNullException">An argument or a block is null.</exception>
    public static ImmutableArray<DeliveredEffort> Effort(JourneyPlan plan, TerritoryId territory, IEnumerable<RemoteBlock> blocks)
    {
        Guard.NotNull(plan);
        Guard.NotNull(blocks);
        var time = new SortedDictionary<string, TimeSpan>(StringComparer.Ordinal);
        foreach (var row in EffortOf(plan.Routes, _ => territory))
        {
            time[row.Activity] = row.Time;
        }

        foreach (var block in blocks)
        {
            Guard.NotNull(block, nameof(blocks));
            time[block.Activity] = time.GetValueOrDefault(block.Activity) + block.Duration;
        }

        return [.. time.Select(t => new DeliveredEffort(territory, t.Key, t.Value))];
    }

    private static ImmutableArray<DeliveredEffort> EffortOf(IEnumerable<JourneyRoute> routes, Func<PositionId, TerritoryId> territoryOf)
    {
        var time = new SortedDictionary<(TerritoryId Territory, string Activity), TimeSpan>(Comparer<(TerritoryId Territory, string Activity)>.Create((x, y) =>
        {
            var c = x.Territory.CompareTo(y.Territory);
            return c != 0 ? c : string.CompareOrdinal(x.Activity, y.Activity);
        }));
        foreach (var route in routes)
        {
            var territory = territoryOf(route.Position);
            foreach (var visit in route.Visits.Where(v => v.Activity is not null))
            {
                var key = (territory, visit.Activity!);
                time[key] = time.GetValueOrDefault(key) + (visit.Departure - visit.Start);
            }
        }

        return [.. time.Select(t => new DeliveredEffort(t.Key.Territory, t.Key.Activity, t.Value))];
    }
}
