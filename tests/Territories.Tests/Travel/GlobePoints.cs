using System.Collections.Immutable;
using Territories.Model;

namespace Territories.Tests.Travel;

/// <summary>A few valid WGS84 points (drawn by <see cref="Arbitraries.GlobePointSets"/>).</summary>
/// <param name="Points">The points, at least three.</param>
public sealed record GlobePoints(ImmutableArray<GeoPoint> Points)
{
    /// <inheritdoc />
    public override string ToString() => string.Join(" ", Points);
}
