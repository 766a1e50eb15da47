using Territories.Model;

namespace Territories.Mix;

/// <summary>Two neighbouring territories, with the weight of their contact (for example the length of their shared boundary).</summary>
/// <remarks>Unordered: (a, b) and (b, a) are the same pair. Any source of adjacency can supply pairs. Immutable.</remarks>
/// <param name="First">One territory.</param>
/// <param name="Second">The other territory.</param>
/// <param name="Weight">The weight of the pair in total divergence and smoothing; positive and finite (1 when all neighbours count the same).</param>
public readonly record struct NeighbourPair(TerritoryId First, TerritoryId Second, double Weight = 1);
