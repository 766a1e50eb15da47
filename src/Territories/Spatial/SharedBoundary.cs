using Territories.Model;

namespace Territories.Spatial;

/// <summary>Two neighbouring territories and the length of the boundary they share.</summary>
/// <remarks><see cref="First"/> orders before <see cref="Second"/> (ordinal), so each pair appears once. Equality by value.</remarks>
/// <param name="First">The territory with the smaller id.</param>
/// <param name="Second">The territory with the larger id.</param>
/// <param name="SharedLengthMetres">The great-circle length of the shared boundary; 0 for a corner contact.</param>
/// <param name="IsCornerContact">Whether the territories touch only at points or along less than the minimum length.</param>
public readonly record struct SharedBoundary(TerritoryId First, TerritoryId Second, double SharedLengthMetres, bool IsCornerContact)
{
    /// <summary>The other territory of the pair.</summary>
    /// <exception cref="ArgumentException"><paramref name="territory"/> is not in the pair.</exception>
    public TerritoryId Other(TerritoryId territory) =>
        territory == First ? Second : territory == Second ? First : throw new ArgumentException($"Territory '{territory}' is not in this pair.", nameof(territory));
}
