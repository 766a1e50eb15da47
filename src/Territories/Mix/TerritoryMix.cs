using Territories.Internal;
using Territories.Model;

namespace Territories.Mix;

/// <summary>One territory's mix: how its target was derived, the target allocated (smoothed or not), and the allocation.</summary>
/// <param name="Territory">The territory.</param>
/// <param name="Derivation">The derived mix with the contribution of each rule.</param>
/// <param name="Target">The target allocated: the derived mix, or the smoothed one when smoothing was asked for.</param>
/// <param name="Allocation">The capacity shared out.</param>
public sealed record TerritoryMix(TerritoryId Territory, MixDerivation Derivation, SalesMix Target, MixAllocation Allocation)
{
    /// <summary>The derived mix with the contribution of each rule.</summary>
    public MixDerivation Derivation { get; init; } = Guard.NotNull(Derivation);

    /// <summary>The target allocated: the derived mix, or the smoothed one when smoothing was asked for.</summary>
    public SalesMix Target { get; init; } = Guard.NotNull(Target);

    /// <summary>The capacity shared out.</summary>
    public MixAllocation Allocation { get; init; } = Guard.NotNull(Allocation);
}
