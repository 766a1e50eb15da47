using NetTopologySuite.Geometries;
using Territories.Spatial;

namespace Territories.Tests.Spatial;

/// <summary>The local projection on worked examples: where it centres, how it wraps longitudes, and the projected copies of geometries.</summary>
public class LocalProjectionExamplesTests
{
    private static readonly GeometryFactory Factory = Territories.Internal.Geometries.Factory;

    private const double M = Spherical.MetresPerDegree;

    [Fact]
    public void SquaredToReport_SquareMetresToSquareKilometres_ButOneForPlanarInput()
    {
        Assert.Equal(1e-6, LocalProjection.Around(10, 50).SquaredToReport);
        Assert.Equal(1e-6, LocalProjection.Centred([(0, 0)]).SquaredToReport);
        Assert.Equal(1, LocalProjection.Identity.SquaredToReport);
        Assert.False(LocalProjection.Around(10, 50).IsIdentity);
    }

    [Fact]
    public void Centred_PositionsWithinHalfATurn_CentresOnTheirMeanLongitudeAndLatitude()
    {
        var projection = LocalProjection.Centred([(10, 50), (12, 52), (14, 51)]);

        var (lon, lat) = projection.Inverse(0, 0);

        Assert.Equal(12, lon, 1e-9);
        Assert.Equal(51, lat, 1e-9);
    }

    [Fact]
    public void Centred_PositionsSpreadOverExactlyHalfATurn_StillTakeTheArithmeticMean()
    {
        // Their circular mean would be 10°; half a turn is not "more than 180°".
        var projection = LocalProjection.Centred([(0, 0), (10, 0), (180, 0)]);

        Assert.Equal(190.0 / 3, projection.Inverse(0, 0).Lon, 1e-9);
    }

    [Fact]
    public void Centred_TwoPositionsAcrossTheAntimeridian_CentresHalfwayBetweenThemTheShortWay()
    {
        // 150° and −170° (= 190°) are 40° apart across the antimeridian: halfway is 170°.
        var projection = LocalProjection.Centred([(150, 10), (-170, 20)]);

        var (lon, lat) = projection.Inverse(0, 0);

        Assert.Equal(170, lon, 1e-9);
        Assert.Equal(15, lat, 1e-9);
    }

    [Fact]
    public void Project_EastOfTheAntimeridianSeenFromItsWest_IsOneDegreeWest()
    {
        var projection = LocalProjection.Around(-179.5, 0);

        var (x, y) = projection.Project(179.5, 0);

        Assert.Equal(-M, x, 1e-6);
        Assert.Equal(0, y);
    }

    [Theory]
    [InlineData(180)]
    [InlineData(-180)]
    [InlineData(179)]
    [InlineData(-179)]
    public void Project_UpToHalfATurnFromTheCentre_IsNotWrappedAndGoesBackExactly(double lon)
    {
        var projection = LocalProjection.Around(0, 0);

        var (x, y) = projection.Project(lon, 0);

        var back = projection.Inverse(x, y);

        Assert.Equal(lon * M, x, 1e-6);
        Assert.Equal(lon, back.Lon, 1e-9);
        Assert.Equal(0, back.Lat);
    }

    [Fact]
    public void ProjectCopy_EveryVertexInMetresFromTheCentre_EnvelopeIncluded()
    {
        var cell = Factory.CreatePolygon([new(10, 50), new(11, 50), new(11, 51), new(10, 51), new(10, 50)]);
        _ = cell.EnvelopeInternal;
        var projection = LocalProjection.Around(10, 50);
        var kx = M * Math.Cos(50 * Math.PI / 180);

        var projected = projection.ProjectCopy(cell);

        Assert.Equal([0, kx, kx, 0, 0], projected.Coordinates.Select(c => c.X), new Tolerance(1e-6));
        Assert.Equal([0, 0, M, M, 0], projected.Coordinates.Select(c => c.Y), new Tolerance(1e-6));
        Assert.Equal(kx * M, projected.Area, 1e-3);
        var envelope = projected.EnvelopeInternal;
        Assert.Equal((0, 0), (envelope.MinX, envelope.MinY));
        Assert.Equal(kx, envelope.MaxX, 1e-6);
        Assert.Equal(M, envelope.MaxY, 1e-6);
        Assert.Equal(11, cell.Coordinates[1].X);
    }

    [Fact]
    public void InverseCopy_OfTheProjectedCopy_IsTheGeometry_EnvelopeIncluded()
    {
        var cell = Factory.CreatePolygon([new(10, 50), new(11, 50), new(11, 51), new(10, 51), new(10, 50)]);
        var projection = LocalProjection.Around(10.5, 50.5);
        var projected = projection.ProjectCopy(cell);
        _ = projected.EnvelopeInternal;

        var back = projection.InverseCopy(projected);

        Assert.Equal(cell.Coordinates.Select(c => c.X), back.Coordinates.Select(c => c.X), new Tolerance(1e-9));
        Assert.Equal(cell.Coordinates.Select(c => c.Y), back.Coordinates.Select(c => c.Y), new Tolerance(1e-9));
        Assert.Equal(10, back.EnvelopeInternal.MinX, 1e-9);
        Assert.Equal(51, back.EnvelopeInternal.MaxY, 1e-9);
        Assert.True(projected.EnvelopeInternal.MaxX > 1000);
    }

    private sealed class Tolerance(double within) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= within;

        public int GetHashCode(double obj) => 0;
    }
}
