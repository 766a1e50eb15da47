using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NetTopologySuite.Geometries;
using Territories.Spatial;

namespace Territories.Tests.Spatial;

/// <summary>
/// The grid over a layer of territories that answers "which territory holds this point": it must give
/// the same answer as asking every territory's own <see cref="EdgeBands"/>, for any layer, overlaps included.
/// </summary>
public class PointIndexTests
{
    private const int Empty = -1;
    private const int Mixed = -2;

    private static readonly GeometryFactory Factory = new();

    private static Polygon Star(Random random, double cx, double cy, double rMin, double rMax)
    {
        var n = random.Next(3, 10);
        var points = Enumerable.Range(0, n).Select(i =>
        {
            var a = (i + (0.8 * random.NextDouble())) * 2 * Math.PI / n;
            var r = rMin + ((rMax - rMin) * random.NextDouble());
            return new Coordinate(Math.Round(cx + (r * Math.Cos(a)), 2), Math.Round(cy + (r * Math.Sin(a)), 2));
        }).ToList();
        points.Add(points[0]);
        return Factory.CreatePolygon([.. points]);
    }

    /// <summary>Two to six territories, some overlapping, one of them missing (no boundary) now and then.</summary>
    private static EdgeBands?[] Layer(int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, random.Next(2, 7)).Select(_ => random.Next(8) == 0
            ? null
            : EdgeBands.Create(Star(random, 30 * random.NextDouble(), 20 * random.NextDouble(), 2, 9)))];
    }

    /// <summary>Random points over the layer and beyond, and every vertex (on a boundary).</summary>
    private static IEnumerable<(double X, double Y)> Probes(EdgeBands?[] layer, int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 60; i++)
        {
            yield return (-12 + (54 * random.NextDouble()), -12 + (44 * random.NextDouble()));
        }

        foreach (var bands in layer.OfType<EdgeBands>())
        {
            for (var i = 0; i < bands.Edges.Length; i += 2)
            {
                yield return (bands.Edges[i], bands.Edges[i + 1]);
            }
        }
    }

    /// <summary>The territories whose own bands contain the point, ascending: what the index must answer.</summary>
    internal static List<int> Inside(EdgeBands?[] layer, double x, double y) =>
        [.. Enumerable.Range(0, layer.Length).Where(t => layer[t] is { } b && b.Contains(x, y))];

    /// <summary>The lowest-index territory whose edge the point lies on, or −1.</summary>
    internal static int OnEdge(EdgeBands?[] layer, double x, double y) =>
        Enumerable.Range(0, layer.Length).Where(t => layer[t] is { } b && b.OnBoundary(x, y)).DefaultIfEmpty(-1).First();

    private static readonly Gen<int> Seeds = Gen.Choose(0, 100_000);

    [Property(MaxTest = 150)]
    public Property Locate_AgreesWithAskingEveryTerritory() =>
        Prop.ForAll(Seeds.ToArbitrary(), Seeds.ToArbitrary(), (layerSeed, pointSeed) =>
        {
            var layer = Layer(layerSeed);
            var index = new PointIndex(layer);
            foreach (var (x, y) in Probes(layer, pointSeed))
            {
                var inside = Inside(layer, x, y);
                var (expected, expectedFirst) = inside.Count switch
                {
                    0 => (OnEdge(layer, x, y), OnEdge(layer, x, y)),
                    1 => (inside[0], inside[0]),
                    _ => (Mixed, inside[0]),
                };

                var found = index.Locate(x, y, out var first);

                Assert.Equal((expected, expectedFirst), (found, first));
            }
        });

    [Property(MaxTest = 150)]
    public Property Collect_ListsEveryTerritoryHoldingThePoint_OrTheFirstWhoseEdgeItIsOn() =>
        Prop.ForAll(Seeds.ToArbitrary(), Seeds.ToArbitrary(), (layerSeed, pointSeed) =>
        {
            var layer = Layer(layerSeed);
            var index = new PointIndex(layer);
            var into = new List<int>();
            foreach (var (x, y) in Probes(layer, pointSeed))
            {
                var inside = Inside(layer, x, y);
                var edge = OnEdge(layer, x, y);
                List<int> expected = inside.Count > 0 ? inside : edge >= 0 ? [edge] : [];

                into.Clear();
                index.Collect(x, y, into);

                Assert.Equal(expected, into.Order());
            }
        });

    [Fact]
    public void Locate_TwoSquaresSideBySide_SharedEdgeGoesToTheFirst()
    {
        var left = EdgeBands.Create(Factory.CreatePolygon([new(0, 0), new(2, 0), new(2, 2), new(0, 2), new(0, 0)]));
        var right = EdgeBands.Create(Factory.CreatePolygon([new(2, 0), new(4, 0), new(4, 2), new(2, 2), new(2, 0)]));
        var index = new PointIndex([left, null, right]);

        Assert.Equal(0, index.Locate(1, 1, out var first));
        Assert.Equal(0, first);
        Assert.Equal(2, index.Locate(3, 1, out first));
        Assert.Equal(2, first);
        Assert.Equal(2, index.Locate(2, 1, out _));
        Assert.Equal(0, index.Locate(0, 1, out _));
        Assert.Equal(0, index.Locate(2, 2, out _));
        Assert.Equal(2, index.Locate(4, 2, out _));
        Assert.Equal(Empty, index.Locate(5, 1, out first));
        Assert.Equal(-1, first);
        Assert.Equal(Empty, index.Locate(1, -0.5, out _));
    }

    [Fact]
    public void Locate_OverlappingSquares_IsMixedWithTheFirstNamed()
    {
        var a = EdgeBands.Create(Factory.CreatePolygon([new(0, 0), new(3, 0), new(3, 3), new(0, 3), new(0, 0)]));
        var b = EdgeBands.Create(Factory.CreatePolygon([new(1, 1), new(4, 1), new(4, 4), new(1, 4), new(1, 1)]));
        var index = new PointIndex([a, b]);

        Assert.Equal(Mixed, index.Locate(2, 2, out var first));
        Assert.Equal(0, first);
        Assert.Equal(1, index.Locate(3.5, 3.5, out first));
        Assert.Equal(1, first);
        var into = new List<int>();
        index.Collect(2, 2, into);
        Assert.Equal([0, 1], into);
    }

    [Fact]
    public void Locate_NoTerritory_IsAlwaysEmpty()
    {
        var index = new PointIndex([null, null]);

        Assert.Equal(Empty, index.Locate(0, 0, out var first));
        Assert.Equal(-1, first);
        var into = new List<int>();
        index.Collect(0, 0, into);
        Assert.Empty(into);
    }
}
