using System.Collections.Immutable;
using Territories.Internal;
using Territories.Model;

namespace Territories.Mix;

/// <summary>The mix a plan delivers in one territory compared with its target mix.</summary>
/// <remarks>
/// <para>
/// Immutable. <see cref="Activities"/> cover the target's activities, sorted by id. From a journey
/// plan the delivered time is the visits' time on site, plus the remote blocks when they are given
/// (see <see cref="MixDelivery"/>).
/// </para>
/// <para>
/// Field and remote apart: <see cref="Divergence"/> compares the whole mix, so a plan of visits alone
/// diverges by at least the target's remote share; <see cref="FieldDivergence"/> compares only the
/// field activities, the target's field shares and the delivered field time each renormalised to 1,
/// so it tells whether the visits carry the field mix whatever the remote work. Which activities are
/// field comes from the activity types given to <see cref="MixDelivery.Compare"/>.
/// </para>
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

    /// <summary>The measure <see cref="Divergence"/> and <see cref="FieldDivergence"/> are in; Jensen-Shannon by default.</summary>
    public MixDivergenceMeasure Measure { get; init; }

    /// <summary>The time delivered on field activities (visits); zero by default.</summary>
    public TimeSpan FieldTime { get; init; }

    /// <summary>The time delivered on remote activities (desk work); zero by default.</summary>
    public TimeSpan RemoteTime { get; init; }

    /// <summary>
    /// The divergence (by <see cref="Measure"/>) between the target's field shares and the delivered
    /// field time's shares, each renormalised to 1: 0 when the visits carry the field mix exactly;
    /// 1 when the target has field shares but no field time is delivered (or the reverse); 0 when
    /// neither has any. 0 by default.
    /// </summary>
    public double FieldDivergence { get; init; }

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
