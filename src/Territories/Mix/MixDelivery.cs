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
/// remote activities (inbound, outbound, lead generation, enablement) count 0 until plans schedule
/// them, and a target with remote shares cannot be met by a plan alone. Visits without an activity
/// are not counted.
/// </para>
/// </remarks>
public static class MixDelivery
{
    /// <summary>Compares delivered effort with the targets.</summary>
    /// <param name="targets">The target mix of each territory.</param>
    /// <param name="delivered">Time per territory and activity delivered by a plan.</param>
    /// <param name="measure">The divergence measure; Jensen-Shannon by default.</param>
    /// <returns>One report per target territory, or every problem: negative time, a territory without target, an activity the target does not know.</returns>
    /// <exception cref="ArgumentNullException">An argument, a mix or an activity id is null.</exception>
    public static OneOf<ImmutableArray<MixDeliveryReport>, MixFailure> Compare(
        IReadOnlyDictionary<TerritoryId, SalesMix> targets,
        IEnumerable<DeliveredEffort> delivered,
        MixDivergenceMeasure measure = MixDivergenceMeasure.JensenShannon)
    {
        Guard.NotNull(targets);
        Guard.NotNull(delivered);
        Guard.That(Enum.IsDefined(measure), "Unknown divergence measure.", nameof(measure));
        var errors = new List<MixError>();
        var time = new Dictionary<TerritoryId, Dictionary<string, TimeSpan>>();
        foreach (var effort in delivered.OrderBy(d => d.Territory).ThenBy(d => Guard.NotNull(d.Activity), StringComparer.Ordinal))
        {
            var ids = ImmutableArray.Create(effort.Territory.Value, effort.Activity);
            if (effort.Time < TimeSpan.Zero)
            {
                errors.Add(MixErrors.Error(MixErrorCode.NegativeValue, "delivered-effort", ids, "Time", effort.Time.ToString("c", System.Globalization.CultureInfo.InvariantCulture), "Delivered time must be zero or more."));
            }

            if (!targets.TryGetValue(effort.Territory, out var target))
            {
                errors.Add(MixErrors.Error(MixErrorCode.UnknownTerritory, "delivered-effort", ids, "Territory", effort.Territory.Value, $"Territory '{effort.Territory}' has no target mix."));
                continue;
            }

            if (!Guard.NotNull(target).Shares.ContainsKey(effort.Activity))
            {
                errors.Add(MixErrors.Error(MixErrorCode.UnknownActivity, "delivered-effort", ids, "Activity", effort.Activity, $"Activity '{effort.Activity}' is not in the target mix of '{effort.Territory}'."));
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
            reports.Add(new MixDeliveryReport(territory, target, mix, total, activities, divergence) { Measure = measure });
        }

        return reports.ToImmutable();
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
