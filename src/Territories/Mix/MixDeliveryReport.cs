using System.Collections.Immutable;
using Territories.Internal;
using Territories.Model;

namespace Territories.Mix;

/// <summary>The mix a plan delivers in one territory compared with its target mix.</summary>
/// <remarks>Immutable. <see cref="Activities"/> cover the target's activities, sorted by id.</remarks>
/// <param name="Territory">The territory.</param>
/// <param name="Target">The target mix.</param>
/// <param name="Delivered">The delivered mix; null when the plan spends no time there.</param>
/// <param name="DeliveredTime">The total time delivered.</param>
/// <param name="Activities">Target and delivered share per activity.</param>
/// <param name="Divergence">The divergence between target and delivered mix; 1 when nothing is delivered.</param>
public sealed record MixDeliveryReport(TerritoryId Territory, SalesMix Target, SalesMix? Delivered, TimeSpan DeliveredTime, ImmutableArray<ActivityDelivery> Activities, double Divergence)
{
    /// <summary>The target mix.</summary>
    public SalesMix Target { get; init; } = Guard.NotNull(Target);
}
