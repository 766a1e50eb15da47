using FsCheck;
using FsCheck.Xunit;
using Territories.Model;
using Territories.Travel;

namespace Territories.Tests.Travel;

[Properties(Arbitrary = [typeof(Arbitraries)])]
public class MatrixTravelModelTests
{
    private static readonly GeoPoint Outside = new(5000, 5000);

    [Property]
    public void DistanceAndDuration_KnownPair_AreTheTableCells(UserTable table)
    {
        var model = new MatrixTravelModel(table.Points, table.ToMatrix());
        var n = table.Points.Length;

        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                Assert.Equal(table.Metres[(i * n) + j], model.DistanceMetres(table.Points[i], table.Points[j]));
                Assert.Equal(table.Seconds[(i * n) + j], model.Duration(table.Points[i], table.Points[j]).TotalSeconds, 1e-6);
            }
        }
    }

    [Property]
    public void Matrix_AgreesWithPairwiseCalls(UserTable table, int seed)
    {
        var model = new MatrixTravelModel(table.Points, table.ToMatrix());
        var random = new Random(seed);

        TravelLaws.MatrixAgreesWithPairs(model, table.Points);
        TravelLaws.MatrixAgreesWithPairs(model, [.. table.Points.OrderBy(_ => random.Next()).Take(random.Next(1, table.Points.Length + 1))]);
    }

    [Property]
    public void Matrix_WithUnknownLocations_UsesTheFallback(UserTable table)
    {
        var fallback = EuclideanTravelModel.Benchmark;
        var model = new MatrixTravelModel(table.Points, table.ToMatrix(), fallback);
        GeoPoint[] points = [.. table.Points, Outside];

        TravelLaws.MatrixAgreesWithPairs(model, points);
        Assert.Same(fallback, model.Fallback);
        Assert.Equal(fallback.DistanceMetres(table.Points[0], Outside), model.DistanceMetres(table.Points[0], Outside));
        Assert.Equal(fallback.DistanceMetres(Outside, table.Points[1]), model.Matrix(points).DistanceMetres(points.Length - 1, 1), 1e-9);
        Assert.Equal(fallback.Duration(Outside, table.Points[0]), model.Duration(Outside, table.Points[0]));
    }

    [Property]
    public void DistanceMetres_UnknownLocationWithoutFallback_ThrowsNamingTheArgument(UserTable table, NonNegativeInt pick)
    {
        var model = new MatrixTravelModel(table.Points, table.ToMatrix());
        var known = table.Points[pick.Get % table.Points.Length];

        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => model.DistanceMetres(known, Outside)).ParamName);
        Assert.Equal("origin", Assert.Throws<ArgumentException>(() => model.Duration(Outside, known)).ParamName);
        Assert.Contains(Outside.ToString(), Assert.Throws<ArgumentException>(() => model.Matrix([known, Outside])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_SizesDiffer_ThrowsNamingLocations()
    {
        var matrix = TravelMatrix.Create(2, [0, 1, 1, 0], [0, 1, 1, 0]);

        Assert.Equal("locations", Assert.Throws<ArgumentException>(() => new MatrixTravelModel([new GeoPoint(0, 0)], matrix)).ParamName);
    }

    [Fact]
    public void Constructor_LocationListedTwice_ThrowsNamingLocations()
    {
        var matrix = TravelMatrix.Create(2, [0, 1, 1, 0], [0, 1, 1, 0]);

        var ex = Assert.Throws<ArgumentException>(() => new MatrixTravelModel([new GeoPoint(1, 1), new GeoPoint(1, 1)], matrix));

        Assert.Equal("locations", ex.ParamName);
        Assert.Contains("twice", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DistanceMetres_OneWayStreets_KeepsTheAsymmetry()
    {
        GeoPoint[] points = [new(0, 0), new(1, 0)];
        var model = new MatrixTravelModel(points, TravelMatrix.Create(2, [0, 1200, 900, 0], [0, 120, 90, 0]));

        Assert.Equal(1200, model.DistanceMetres(points[0], points[1]));
        Assert.Equal(900, model.DistanceMetres(points[1], points[0]));
        Assert.Equal(TimeSpan.FromSeconds(90), model.Duration(points[1], points[0]));
    }
}
