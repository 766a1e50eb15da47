using System.Collections.Immutable;
using Territories.Internal;
using Territories.Model;

namespace Territories.Mix;

/// <summary>The mixes after smoothing, and the total divergence before and after.</summary>
/// <remarks>Immutable. <see cref="TotalDivergenceAfter"/> is never above <see cref="TotalDivergenceBefore"/>.</remarks>
/// <param name="Mixes">The smoothed mix of every territory given, by id.</param>
/// <param name="TotalDivergenceBefore">The weighted total divergence of the neighbour pairs before smoothing.</param>
/// <param name="TotalDivergenceAfter">The weighted total divergence after smoothing.</param>
public sealed record MixSmoothingResult(ImmutableSortedDictionary<TerritoryId, SalesMix> Mixes, double TotalDivergenceBefore, double TotalDivergenceAfter)
{
    /// <summary>The smoothed mix of every territory given, by id.</summary>
    public ImmutableSortedDictionary<TerritoryId, SalesMix> Mixes { get; init; } = Guard.NotNull(Mixes);
}
