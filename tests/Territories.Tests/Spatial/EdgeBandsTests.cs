using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NetTopologySuite.Geometries;
using Territories.Spatial;

namespace Territories.Tests.Spatial;

/// <summary>
/// The banded edge index behind point assignment: it must say inside, outside and on the boundary
/// exactly as NetTopologySuite does, for any polygon, hole or multipolygon.
/// </summary>
public class EdgeBandsTests
{
    private static readonly GeometryFactory Factory = new();

    /// <summary>A star-shaped ring of <paramref name="n"/> vertices around (cx, cy), radii in [rMin, rMax].</summary>
    private static LinearRing Star(Random random, double cx, double cy, int n, double rMin, double rMax)
    {
        var angles = Enumerable.Range(0, n).Select(i => (i + (0.8 * random.NextDouble())) * 2 * Math.PI / n).ToArray();
        var points = angles.Select(a =>
        {
            var r = rMin + ((rMax - rMin) * random.NextDouble());
            return new Coordinate(Math.Round(cx + (r * Math.Cos(a)), 3), Math.Round(cy + (r * Math.Sin(a)), 3));
        }).ToList();
        points.Add(points[0]);
        return Factory.CreateLinearRing([.. points]);
    }

    /// <summary>One or two star polygons, the first with a hole half the time.</summary>
    private static NetTopologySuite.Geometries.Geometry Shape(int seed)
    {
        var random = new Random(seed);
        var first = random.Next(2) == 0
            ? Factory.CreatePolygon(Star(random, 0, 0, random.Next(3, 12), 4, 8))
            : Factory.CreatePolygon(Star(random, 0, 0, random.Next(6, 12), 4, 8), [Star(random, 0, 0, random.Next(3, 8), 0.5, 1.5)]);
        return random.Next(2) == 0
            ? first
            : Factory.CreateMultiPolygon([first, Factory.CreatePolygon(Star(random, 20, 5, random.Next(3, 9), 2, 5))]);
    }

    private static readonly Gen<int> Seeds = Gen.Choose(0, 100_000);

    [Property(MaxTest = 200)]
    public Property Contains_AgreesWithNetTopologySuiteOffTheBoundary() =>
        Prop.ForAll(Seeds.ToArbitrary(), Seeds.ToArbitrary(), (shapeSeed, pointSeed) =>
        {
            var shape = Shape(shapeSeed);
            var bands = EdgeBands.Create(shape);
            Assert.NotNull(bands);
            var random = new Random(pointSeed);
            for (var i = 0; i < 50; i++)
            {
                var (x, y) = (-10 + (36 * random.NextDouble()), -10 + (22 * random.NextDouble()));
                var point = Factory.CreatePoint(new Coordinate(x, y));
                if (shape.Boundary.Distance(point) < 1e-9)
                {
                    continue;
                }

                Assert.Equal(shape.Contains(point), bands.Contains(x, y));
                Assert.False(bands.OnBoundary(x, y));
            }
        });

    [Property(MaxTest = 100)]
    public Property OnBoundary_EveryVertex_IsOnTheBoundary() =>
        Prop.ForAll(Seeds.ToArbitrary(), seed =>
        {
            var shape = Shape(seed);
            var bands = EdgeBands.Create(shape);
            Assert.NotNull(bands);
            Assert.All(shape.Coordinates, c => Assert.True(bands.OnBoundary(c.X, c.Y), $"{c} of {shape}"));
        });

    [Property(MaxTest = 100)]
    public Property Crossings_PairUpIntoTheInsideIntervals() =>
        Prop.ForAll(Seeds.ToArbitrary(), Seeds.ToArbitrary(), (shapeSeed, pointSeed) =>
        {
            var shape = Shape(shapeSeed);
            var bands = EdgeBands.Create(shape);
            Assert.NotNull(bands);
            var random = new Random(pointSeed);
            var y = -9 + (18 * random.NextDouble());
            var crossings = new List<double>();

            bands.Crossings(y, crossings);

            crossings.Sort();
            Assert.Equal(0, crossings.Count % 2);
            for (var i = 0; i < 20; i++)
            {
                var x = -10 + (36 * random.NextDouble());
                if (crossings.Any(c => Math.Abs(c - x) < 1e-9))
                {
                    continue;
                }

                Assert.Equal(crossings.Count(c => c > x) % 2 == 1, bands.Contains(x, y));
            }
        });

    [Fact]
    public void Square_InsideOutsideAndBoundary()
    {
        var square = Factory.CreatePolygon([new(0, 0), new(4, 0), new(4, 4), new(0, 4), new(0, 0)]);
        var bands = EdgeBands.Create(square);

        Assert.NotNull(bands);
        Assert.Equal((0.0, 0.0, 4.0, 4.0), (bands.MinX, bands.MinY, bands.MaxX, bands.MaxY));
        Assert.Equal(4, bands.EdgeCount);
        Assert.True(bands.Contains(2, 2));
        Assert.True(bands.Contains(0.001, 3.999));
        Assert.False(bands.Contains(-0.001, 2));
        Assert.False(bands.Contains(2, 4.001));
        Assert.True(bands.OnBoundary(4, 2));
        Assert.True(bands.OnBoundary(2, 0));
        Assert.True(bands.OnBoundary(0, 4));
        Assert.False(bands.OnBoundary(2, 2));
        Assert.False(bands.OnBoundary(4.001, 2));
        Assert.False(bands.OnBoundary(5, 4));
        var crossings = new List<double>();
        bands.Crossings(1, crossings);
        Assert.Equal([0.0, 4.0], crossings.Order());
        crossings.Clear();
        bands.Crossings(4, crossings);
        Assert.Empty(crossings);
        bands.Crossings(-1, crossings);
        Assert.Empty(crossings);
    }

    [Fact]
    public void Triangle_SlantedEdges_SplitInsideFromOutside()
    {
        var triangle = Factory.CreatePolygon([new(0, 0), new(10, 0), new(0, 10), new(0, 0)]);
        var bands = EdgeBands.Create(triangle);

        Assert.NotNull(bands);
        Assert.True(bands.Contains(4.9, 5));
        Assert.False(bands.Contains(5.1, 5));
        Assert.True(bands.OnBoundary(5, 5));
        Assert.True(bands.OnBoundary(2.5, 7.5));
        Assert.False(bands.OnBoundary(5, 5.001));
        var crossings = new List<double>();
        bands.Crossings(2, crossings);
        Assert.Equal([0.0, 8.0], crossings.Order());
    }

    [Fact]
    public void Create_NoArea_IsNull()
    {
        Assert.Null(EdgeBands.Create(Factory.CreatePolygon()));
        Assert.Null(EdgeBands.Create(Factory.CreatePolygon([new(0, 0), new(4, 0), new(2, 0), new(0, 0)])));
        Assert.Null(EdgeBands.Create(Factory.CreatePolygon([new(0, 0), new(0, 4), new(0, 2), new(0, 0)])));
    }

    [Fact]
    public void Rings_OfAMultiPolygonWithAHole_AreEveryRing()
    {
        var holed = Factory.CreatePolygon(
            Factory.CreateLinearRing([new(0, 0), new(9, 0), new(9, 9), new(0, 9), new(0, 0)]),
            [Factory.CreateLinearRing([new(3, 3), new(6, 3), new(6, 6), new(3, 6), new(3, 3)])]);
        var other = Factory.CreatePolygon([new(20, 0), new(21, 0), new(21, 1), new(20, 0)]);
        var collection = Factory.CreateGeometryCollection([Factory.CreateMultiPolygon([holed, other]), Factory.CreatePoint(new Coordinate(50, 50))]);

        Assert.Equal([5, 5, 4], EdgeBands.Rings(collection).Select(r => r.NumPoints));
        var bands = EdgeBands.Create(collection);
        Assert.NotNull(bands);
        Assert.Equal(11, bands.EdgeCount);
        Assert.False(bands.Contains(4, 4));
        Assert.True(bands.Contains(1, 1));
        Assert.True(bands.Contains(20.9, 0.5));
    }
}
