using NetTopologySuite.Geometries;
using Territories.Spatial;
using static Territories.Tests.Spatial.PointIndexTests;

namespace Territories.Tests.Spatial;

/// <summary>
/// The point grid on a layer laid out so that its cells are the unit squares of [0, 32]², with edges
/// that pass a cell only within a millionth of a unit: a cell such an edge crosses must still be tested,
/// never answered as wholly inside the territory.
/// </summary>
/// <remarks>
/// The layer has under 256 edges, so the grid has 1,024 cells; its extent is square, so it is 32 × 32
/// and every cell is one unit wide and high (cell (row r, column c) is [c, c + 1) × [r, r + 1)).
/// Territory 0 only pins the extent: a unit square in each of two opposite corners.
/// </remarks>
public class PointIndexExamplesTests
{
    private const int Empty = -1;

    private static readonly GeometryFactory Factory = Territories.Internal.Geometries.Factory;

    /// <summary>Territory 1: the band between two nearly horizontal edges rising 8e-6 over 32 units, each crossing a row line at x = 16.</summary>
    private const int Flat = 1;

    /// <summary>Territory 2: [2, 30] × [2.5, 5.5], its horizontal edges halfway up a row.</summary>
    private const int MidRow = 2;

    /// <summary>Territory 3: [4, 16 − 5e-7] × [25.5, 30.5], its east edge just west of the column line x = 16.</summary>
    private const int NearColumnLine = 3;

    /// <summary>Territory 4: [17, 30] × [25.5, 30.5] with a notch cut from the top whose tip (23.5, 28 − 5e-7) dips just below the row line y = 28.</summary>
    private const int Notched = 4;

    private static Polygon Polygon(params (double X, double Y)[] ring) =>
        Factory.CreatePolygon([.. ring.Append(ring[0]).Select(p => new Coordinate(p.X, p.Y))]);

    private static readonly EdgeBands?[] Layer =
    [
        EdgeBands.Create(Factory.CreateMultiPolygon([Polygon((0, 0), (1, 0), (1, 1), (0, 1)), Polygon((31, 31), (32, 31), (32, 32), (31, 32))])),
        EdgeBands.Create(Polygon((0, 8 - 4e-6), (32, 8 + 4e-6), (32, 24 + 4e-6), (0, 24 - 4e-6))),
        EdgeBands.Create(Polygon((2, 2.5), (30, 2.5), (30, 5.5), (2, 5.5))),
        EdgeBands.Create(Polygon((4, 25.5), (16 - 5e-7, 25.5), (16 - 5e-7, 30.5), (4, 30.5))),
        EdgeBands.Create(Polygon((17, 25.5), (30, 25.5), (30, 30.5), (26, 30.5), (23.5, 28 - 5e-7), (21, 30.5), (17, 30.5))),
    ];

    private static readonly PointIndex Index = new(Layer);

    /// <summary>(x, y, the territory holding it or −1), every answer worked out from the shapes above.</summary>
    public static TheoryData<double, double, int> Points => new()
    {
        // The lower flat edge is at y = 8 − 4e-6 + 2.5e-7 x: at x = 17.5 it is 8 + 3.75e-7.
        { 17.5, 8 + 1e-7, Empty },
        { 17.5, 8 + 6e-7, Flat },

        // The upper flat edge is at y = 24 − 4e-6 + 2.5e-7 x: at x = 14.5 it is 24 − 3.75e-7.
        { 14.5, 24 - 1e-7, Empty },
        { 14.5, 24 - 6e-7, Flat },
        { 14.5, 16, Flat },

        // Below, on and above the south edge y = 2.5 (a point on it belongs to the territory north of it).
        { 10.5, 2.2, Empty },
        { 10.5, 2.5, MidRow },
        { 10.5, 2.8, MidRow },

        // East of, on and west of the edge x = 16 − 5e-7 (on it: the outer edge of the layer, so the territory).
        { 16 - 2e-7, 27.5, Empty },
        { 16 - 5e-7, 27.5, NearColumnLine },
        { 16 - 1e-6, 27.5, NearColumnLine },

        // Inside the notch 3e-7 above its tip, and just below the tip.
        { 23.5, 28 - 2e-7, Empty },
        { 23.5, 28 - 1e-6, Notched },
        { 22, 27.5, Notched },
    };

    [Theory]
    [MemberData(nameof(Points))]
    public void Locate_NextToEdgesThatOnlyGrazeACell_IsTheTerritoryHoldingThePoint(double x, double y, int expected)
    {
        var found = Index.Locate(x, y, out var first);

        Assert.Equal((expected, expected), (found, first));
    }

    [Theory]
    [MemberData(nameof(Points))]
    public void Collect_NextToEdgesThatOnlyGrazeACell_ListsTheTerritoryHoldingThePoint(double x, double y, int expected)
    {
        var into = new List<int>();

        Index.Collect(x, y, into);

        Assert.Equal(expected == Empty ? [] : [expected], into);
    }

    [Fact]
    public void Collect_OnTheOuterEdgeOfTwoTerritoriesAndInsideNeither_ListsOnlyTheLowest()
    {
        // (2, 2) is the north end of the border of [0, 2]² and [2, 4] × [0, 2]: on both boundaries, inside neither.
        var index = new PointIndex([null, EdgeBands.Create(Polygon((0, 0), (2, 0), (2, 2), (0, 2))), EdgeBands.Create(Polygon((2, 0), (4, 0), (4, 2), (2, 2)))]);
        var into = new List<int>();

        index.Collect(2, 2, into);

        Assert.Equal([1], into);
        Assert.Equal(1, index.Locate(2, 2, out var first));
        Assert.Equal(1, first);
    }

    [Fact]
    public void Locate_AroundEveryGrazingEdge_AgreesWithAskingEveryTerritory()
    {
        // Columns of points a tenth of a millionth apart across the four places where an edge grazes a cell.
        var probes =
            from centre in new[] { (X: 17.5, Y: 8.0), (X: 14.5, Y: 24.0), (X: 10.5, Y: 2.5), (X: 23.5, Y: 28.0) }
            from dy in Enumerable.Range(-20, 41)
            select (centre.X, centre.Y + (dy * 1e-7));
        var across =
            from dx in Enumerable.Range(-20, 41)
            from y in new[] { 25.75, 27.5, 29.25 }
            select (16 + (dx * 1e-7), y);

        foreach (var (x, y) in probes.Concat(across))
        {
            var inside = Inside(Layer, x, y);
            var expected = inside.Count switch
            {
                0 => OnEdge(Layer, x, y),
                1 => inside[0],
                _ => throw new InvalidOperationException("The layer has no overlaps."),
            };

            Assert.True(expected == Index.Locate(x, y, out _), $"({x:R}, {y:R})");
        }
    }
}
