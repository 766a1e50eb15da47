using NetTopologySuite.Geometries;
using Territories.Spatial;

namespace Territories.Tests.Spatial;

/// <summary>
/// The banded edges of one territory on worked examples: the canonical edge list, the half-open rule
/// on the south edge, and the on-boundary test on the lines through a hole's edges.
/// </summary>
public class EdgeBandsExamplesTests
{
    private static readonly GeometryFactory Factory = Territories.Internal.Geometries.Factory;

    private static Polygon Box(double west, double south, double east, double north) =>
        Factory.CreatePolygon([new(west, south), new(east, south), new(east, north), new(west, north), new(west, south)]);

    /// <summary>[0, 9]² with the hole [3, 6]².</summary>
    private static readonly EdgeBands Holed = EdgeBands.Create(Factory.CreatePolygon(
        (LinearRing)Box(0, 0, 9, 9).ExteriorRing,
        [(LinearRing)Box(3, 3, 6, 6).ExteriorRing]))!;

    [Fact]
    public void Edges_RepeatedVertexSkipped_EveryEdgeLowerEndFirstAndHorizontalOnesWestEndFirst()
    {
        // Counter-clockwise, with the south-east corner given twice.
        var square = Factory.CreatePolygon([new(0, 0), new(4, 0), new(4, 0), new(4, 4), new(0, 4), new(0, 0)]);

        var bands = EdgeBands.Create(square);

        Assert.NotNull(bands);
        Assert.Equal(4, bands.EdgeCount);
        Assert.Equal([0.0, 0, 4, 0, /**/ 4, 0, 4, 4, /**/ 0, 4, 4, 4, /**/ 0, 0, 0, 4], bands.Edges.ToArray());
    }

    [Fact]
    public void Edges_OfTwoSquaresSharingAnEdge_HoldThatEdgeWithTheSameNumbers()
    {
        // The south square runs along y = 2 westwards, the north one eastwards.
        var south = EdgeBands.Create(Box(0, 0, 2, 2))!;
        var north = EdgeBands.Create(Box(0, 2, 2, 4))!;

        double[] shared = [0, 2, 2, 2];

        Assert.Contains(shared, Quads(south));
        Assert.Contains(shared, Quads(north));
    }

    [Fact]
    public void Contains_PointOnAnEastWestBorder_BelongsToTheTerritoryNorthOfIt()
    {
        var south = EdgeBands.Create(Box(0, 0, 2, 2))!;
        var north = EdgeBands.Create(Box(0, 2, 2, 4))!;

        Assert.True(north.Contains(1, 2));
        Assert.False(south.Contains(1, 2));
        Assert.True(south.Contains(1, 0));
        Assert.True(south.Contains(0, 0));
        Assert.False(north.Contains(1, 4));
    }

    [Fact]
    public void Crossings_AtTheSouthernmostLatitude_AreThoseOfTheEdgesStartingThere()
    {
        var square = EdgeBands.Create(Box(0, 0, 4, 4))!;
        var triangle = EdgeBands.Create(Factory.CreatePolygon([new(0, 0), new(10, 0), new(0, 10), new(0, 0)]))!;
        var crossings = new List<double>();

        square.Crossings(0, crossings);
        Assert.Equal([0.0, 4.0], crossings.Order());

        crossings.Clear();
        triangle.Crossings(0, crossings);
        Assert.Equal([0.0, 10.0], crossings.Order());
    }

    [Theory]
    [InlineData(1, 3)] // west of the hole's south edge, on its line
    [InlineData(7.5, 6)] // east of the hole's north edge, on its line
    [InlineData(3, 7)] // north of the hole's west edge, on its line
    [InlineData(3, 1)] // south of the hole's west edge, on its line
    [InlineData(6, 8)] // north of the hole's east edge, on its line
    public void OnBoundary_OnTheLineThroughAnEdgeButBeyondItsEnds_IsFalse(double x, double y)
    {
        Assert.False(Holed.OnBoundary(x, y));
        Assert.True(Holed.Contains(x, y));
    }

    [Theory]
    [InlineData(3, 4.5)]
    [InlineData(4.5, 3)]
    [InlineData(6, 6)]
    [InlineData(9, 1)]
    [InlineData(0, 9)]
    public void OnBoundary_OnAnEdgeOfTheShellOrTheHole_IsTrue(double x, double y) =>
        Assert.True(Holed.OnBoundary(x, y));

    private static List<double[]> Quads(EdgeBands bands)
    {
        var edges = bands.Edges.ToArray();
        return [.. Enumerable.Range(0, edges.Length / 4).Select(i => edges[(4 * i)..((4 * i) + 4)])];
    }
}
