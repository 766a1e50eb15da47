using System.Collections.Immutable;
using Territories.Internal;
using Territories.Model;
using Territories.Spatial;

namespace Territories.Mix;

/// <summary>Two neighbouring territories, with the weight of their contact (for example the length of their shared boundary).</summary>
/// <remarks>Unordered: (a, b) and (b, a) are the same pair. Any source of adjacency can supply pairs. Immutable.</remarks>
/// <param name="First">One territory.</param>
/// <param name="Second">The other territory.</param>
/// <param name="Weight">The weight of the pair in total divergence and smoothing; positive and finite (1 when all neighbours count the same).</param>
public readonly record struct NeighbourPair(TerritoryId First, TerritoryId Second, double Weight = 1)
{
    /// <summary>
    /// The neighbour pairs of a territory adjacency graph, weighted by shared boundary length in
    /// kilometres; corner contacts (no shared length) weigh <paramref name="cornerWeight"/>, or are left
    /// out when it is 0.
    /// </summary>
    /// <param name="adjacency">The graph, e.g. from <see cref="AdjacencyGraph.Build"/>.</param>
    /// <param name="cornerWeight">The weight of a corner contact; 0 (the default) leaves corner contacts out.</param>
    /// <returns>The pairs in the graph's order (sorted by territory ids).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cornerWeight"/> is negative or not finite.</exception>
    public static ImmutableArray<NeighbourPair> FromAdjacency(AdjacencyGraph adjacency, double cornerWeight = 0)
    {
        Guard.NotNull(adjacency);
        Guard.NonNegative(cornerWeight);
        return [.. adjacency.Pairs
            .Where(p => p.SharedLengthMetres > 0 || cornerWeight > 0)
            .Select(p => new NeighbourPair(p.First, p.Second, p.SharedLengthMetres > 0 ? p.SharedLengthMetres / 1000 : cornerWeight))];
    }
}
