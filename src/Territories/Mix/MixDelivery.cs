using System.Collections.Immutable;
using OneOf;
using Territories.Internal;
using Territories.Model;

namespace Territories.Mix;

/// <summary>Compares the mix a journey plan actually delivers with the target mix, per territory.</summary>
/// <remarks>
/// The delivered effort is plain data (time per activity per territory), so any plan, ours or a
/// CRM's, can be compared. Pure and deterministic; reports sorted by territory id.
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
            reports.Add(new MixDeliveryReport(territory, target, mix, total, activities, divergence));
        }

        return reports.ToImmutable();
    }
}
