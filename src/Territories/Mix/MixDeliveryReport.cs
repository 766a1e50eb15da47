using System.Collections.Immutable;
using Territories.Internal;
using Territories.Model;

namespace Territories.Mix;

/// <summary>The mix a plan delivers in one territory compared with its target mix.</summary>
/// <remarks>
/// Immutable. <see cref="Activities"/> cover the target's activities, sorted by id. From a journey
/// plan the delivered time is the visits' time on site, so remote activities count 0 (see <see cref="MixDelivery"/>).
/// </remarks>
/// <param name="Territory">The territory.</param>
/// <param name="Target">The target mix.</param>
/// <param name="Delivered">The delivered mix; null when the plan spends no time there.</param>
/// <param name="DeliveredTime">The total time delivered.</param>
/// <param name="Activities">Target and delivered share per activity.</param>
/// <param name="Divergence">The divergence between target and delivered mix (by <see cref="Measure"/>); 1 when nothing is delivered.</param>
public sealed record MixDeliveryReport(TerritoryId Territory, SalesMix Target, SalesMix? Delivered, TimeSpan DeliveredTime, ImmutableArray<ActivityDelivery> Activities, double Divergence)
{
    /// <summary>The target mix.</summary>
    public SalesMix Target { get; init; } = Guard.NotNull(Target);

    /// <summary>The measure <see cref="Divergence"/> is in; Jensen-Shannon by default.</summary>
    public MixDivergenceMeasure Measure { get; init; }

    /// <summary>
    /// One line: the territory, the time delivered, the divergence with its measure, then each activity
    /// with a target or delivered share as delivered vs target, e.g.
    /// <c>T01: 96.5 h delivered, divergence 0.310 (total variation); order-taking 100.0 % (target 69.0 %), inbound 0.0 % (target 31.0 %)</c>.
    /// </summary>
    /// <returns>The line, in invariant culture.</returns>
    public override string ToString()
    {
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        var measure = Measure == MixDivergenceMeasure.TotalVariation ? "total variation" : "Jensen-Shannon";
        var parts = Activities.Where(a => a.TargetShare > 0 || a.Delivered > TimeSpan.Zero)
            .OrderByDescending(a => a.TargetShare).ThenBy(a => a.Activity, StringComparer.Ordinal)
            .Select(a => string.Create(culture, $"{a.Activity} {a.DeliveredShare * 100:0.0} % (target {a.TargetShare * 100:0.0} %)"));
        return string.Create(culture, $"{Territory}: {DeliveredTime.TotalHours:0.#} h delivered, divergence {Divergence:0.000} ({measure}); ") + string.Join(", ", parts);
    }
}
