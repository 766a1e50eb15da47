using NetTopologySuite.Geometries;
using Territories.Spatial;

namespace Territories.Tests.Spatial;

/// <summary>
/// The equal-area centroid against an independent construction of the Lambert azimuthal equal-area
/// projection, and the envelope distance away from the equator.
/// </summary>
/// <remarks>
/// The projection centred on (λ₀, φ₀) puts a point at angular distance c and initial bearing θ from the
/// centre at ρ = 2R sin(c / 2) in the direction θ (x east, y north): Snyder, "Map Projections — A
/// Working Manual" (USGS 1395, 1987), p. 182 ff. The inverse goes back the same way: the point at
/// bearing atan2(x, y) and angular distance 2 asin(ρ / 2R) from the centre (the direct problem on the
/// sphere). The centroid of the projected geometry, taken back, is the centroid on the ground.
/// </remarks>
public class SphericalExamplesTests
{
    private static readonly GeometryFactory Factory = Territories.Internal.Geometries.Factory;

    private const double R = Spherical.EarthRadiusMetres;

    private static double Rad(double degrees) => degrees * Math.PI / 180;

    private static double Deg(double radians) => radians * 180 / Math.PI;

    /// <summary>The projected position of (lon, lat), from the great-circle distance and bearing from the centre.</summary>
    private static (double X, double Y) Project(double lon0, double lat0, double lon, double lat)
    {
        double p0 = Rad(lat0), p = Rad(lat), dl = Rad(lon - lon0);
        var h = Math.Pow(Math.Sin((p - p0) / 2), 2) + (Math.Cos(p0) * Math.Cos(p) * Math.Pow(Math.Sin(dl / 2), 2));
        var c = 2 * Math.Asin(Math.Sqrt(h));
        var bearing = Math.Atan2(Math.Sin(dl) * Math.Cos(p), (Math.Cos(p0) * Math.Sin(p)) - (Math.Sin(p0) * Math.Cos(p) * Math.Cos(dl)));
        var rho = 2 * R * Math.Sin(c / 2);
        return (rho * Math.Sin(bearing), rho * Math.Cos(bearing));
    }

    /// <summary>The position projected to (x, y): the destination at that bearing and distance from the centre.</summary>
    private static (double Lon, double Lat) Unproject(double lon0, double lat0, double x, double y)
    {
        var rho = Math.Sqrt((x * x) + (y * y));
        var c = 2 * Math.Asin(rho / (2 * R));
        var bearing = Math.Atan2(x, y);
        var p0 = Rad(lat0);
        var p = Math.Asin((Math.Sin(p0) * Math.Cos(c)) + (Math.Cos(p0) * Math.Sin(c) * Math.Cos(bearing)));
        var dl = Math.Atan2(Math.Sin(bearing) * Math.Sin(c) * Math.Cos(p0), Math.Cos(c) - (Math.Sin(p0) * Math.Sin(p)));
        return (lon0 + Deg(dl), Deg(p));
    }

    /// <summary>The expected centroid: project about the envelope's centre, take the planar centroid, go back.</summary>
    private static (double Lon, double Lat) ExpectedCentroid(NetTopologySuite.Geometries.Geometry geometry)
    {
        var centre = geometry.EnvelopeInternal.Centre;
        var projected = geometry.Copy();
        projected.Apply(new ProjectEach(centre.X, centre.Y));
        var planar = projected.Centroid.Coordinate;
        return Unproject(centre.X, centre.Y, planar.X, planar.Y);
    }

    [Fact]
    public void Centroid_ThreeScatteredPoints_IsTheMeanOfTheirEqualAreaPositions()
    {
        // Envelope centre (5, 30); the points lie 20° to 30° from it.
        var points = Factory.CreateMultiPointFromCoords([new(0, 10), new(30, 50), new(-20, 40)]);
        var (lon, lat) = ExpectedCentroid(points);

        var centroid = Spherical.Centroid(points);

        Assert.Equal(lon, centroid.X, 1e-9);
        Assert.Equal(lat, centroid.Y, 1e-9);
    }

    [Fact]
    public void Centroid_TwoPointsOnTheCentralMeridian_IsHalfwayAlongIt()
    {
        // Both 10° of arc from the envelope's centre (10, 30), one north, one south: they project to ±2R sin 5°.
        var centroid = Spherical.Centroid(Factory.CreateMultiPointFromCoords([new(10, 20), new(10, 40)]));

        Assert.Equal(10, centroid.X, 1e-9);
        Assert.Equal(30, centroid.Y, 1e-9);
    }

    [Fact]
    public void Centroid_LargeTriangleWithAHoleAndASecondPart_IsTheCentroidOfTheirEqualAreaImage()
    {
        var triangle = Factory.CreatePolygon(
            Factory.CreateLinearRing([new(-10, 20), new(25, 25), new(0, 55), new(-10, 20)]),
            [Factory.CreateLinearRing([new(0, 30), new(5, 30), new(2, 40), new(0, 30)])]);
        var island = Factory.CreatePolygon([new(30, 5), new(34, 5), new(34, 9), new(30, 9), new(30, 5)]);
        var geometry = Factory.CreateMultiPolygon([triangle, island]);
        var (lon, lat) = ExpectedCentroid(geometry);

        var centroid = Spherical.Centroid(geometry);

        Assert.Equal(lon, centroid.X, 1e-9);
        Assert.Equal(lat, centroid.Y, 1e-9);

        // The second part pulls the centroid east of the triangle's own.
        Assert.True(centroid.X > Spherical.Centroid(triangle).X);
    }

    [Theory]
    [InlineData(10.0, 2.0)] // 2° south of the envelope [0, 1] × [12, 13]
    [InlineData(-3.0, 15.0)] // 15° south
    public void DistanceToEnvelopeMetres_SouthOfAnEnvelopeAwayFromTheEquator_IsTheDegreesOfLatitudeBetween(double lat, double degrees) =>
        Assert.Equal(degrees * Spherical.MetresPerDegree, Spherical.DistanceToEnvelopeMetres(0.5, lat, 0, 12, 1, 13), 1e-6);

    private sealed class ProjectEach(double lon0, double lat0) : ICoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq, int i)
        {
            var (x, y) = Project(lon0, lat0, seq.GetX(i), seq.GetY(i));
            seq.SetX(i, x);
            seq.SetY(i, y);
        }
    }
}
