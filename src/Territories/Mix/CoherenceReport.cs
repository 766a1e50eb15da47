using System.Collections.Immutable;

namespace Territories.Mix;

/// <summary>How coherent neighbouring territories' mixes are.</summary>
/// <remarks>Immutable. Pairs sorted by first, then second territory id.</remarks>
/// <param name="Measure">The divergence measure used.</param>
/// <param name="Threshold">The divergence above which a pair is listed in <see cref="Divergent"/>.</param>
/// <param name="Pairs">Every neighbour pair with its divergence.</param>
/// <param name="Divergent">The pairs whose divergence is above the threshold.</param>
/// <param name="TotalDivergence">The weighted sum of the pairs' divergences.</param>
public sealed record CoherenceReport(MixDivergenceMeasure Measure, double Threshold, ImmutableArray<PairDivergence> Pairs, ImmutableArray<PairDivergence> Divergent, double TotalDivergence);
