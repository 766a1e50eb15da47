using System.Collections.Immutable;
using Territories.Model;

namespace Territories.Tests.Travel;

/// <summary>A few planar points (drawn by <see cref="Arbitraries.PlanePointSets"/>).</summary>
/// <param name="Points">The points, at least three.</param>
public sealed record PlanePoints(ImmutableArray<GeoPoint> Points)
{
    /// <inheritdoc />
    public override string ToString() => string.Join(" ", Points);
}
