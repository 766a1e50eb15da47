using NetTopologySuite.Geometries;
using Territories.Spatial;

namespace Territories.Tests.Spatial;

/// <summary>
/// Areas, lengths, centroids and point-to-edge distances on the mean sphere, against closed forms:
/// a cell between two meridians and two parallels has area R² Δλ (sin φ₂ − sin φ₁), an arc of a
/// meridian or of the equator is R times its angle.
/// </summary>
public class SphericalAreaAndDistanceTests
{
    private static readonly GeometryFactory Factory = new();

    private const double R = Spherical.EarthRadiusMetres;

    private static double CellKm2(double lon1, double lat1, double lon2, double lat2) =>
        R * R * (lon2 - lon1) * Math.PI / 180 * (Math.Sin(lat2 * Math.PI / 180) - Math.Sin(lat1 * Math.PI / 180)) / 1e6;

    private static Polygon Box(double x1, double y1, double x2, double y2) =>
        Factory.CreatePolygon([new(x1, y1), new(x2, y1), new(x2, y2), new(x1, y2), new(x1, y1)]);

    [Fact]
    public void AreaKm2_OneDegreeCellAtTheEquator_Is12364SquareKilometres()
    {
        Assert.Equal(12_363.7, Spherical.AreaKm2(Box(0, 0, 1, 1)), 0.1);
        Assert.Equal(CellKm2(0, 0, 1, 1), Spherical.AreaKm2(Box(0, 0, 1, 1)), 1e-6);
    }

    [Fact]
    public void AreaKm2_EitherWindingAndAtHighLatitude_IsTheCellArea()
    {
        var clockwise = Factory.CreatePolygon([new(10, 60), new(10, 62), new(14, 62), new(14, 60), new(10, 60)]);

        Assert.Equal(CellKm2(10, 60, 14, 62), Spherical.AreaKm2(clockwise), 1e-6);
    }

    [Fact]
    public void AreaKm2_HolesAreSubtracted_PartsAndCollectionsAdded()
    {
        var holed = Factory.CreatePolygon(
            (LinearRing)Box(0, 40, 4, 44).ExteriorRing,
            [(LinearRing)Box(1, 41, 2, 42).ExteriorRing]);
        var expected = CellKm2(0, 40, 4, 44) - CellKm2(1, 41, 2, 42);

        Assert.Equal(expected, Spherical.AreaKm2(holed), 1e-6);
        Assert.Equal(expected + CellKm2(10, 0, 11, 1), Spherical.AreaKm2(Factory.CreateMultiPolygon([holed, Box(10, 0, 11, 1)])), 1e-6);
        Assert.Equal(
            expected + CellKm2(10, 0, 11, 1),
            Spherical.AreaKm2(Factory.CreateGeometryCollection([holed, Factory.CreateMultiPolygon([Box(10, 0, 11, 1)]), Factory.CreatePoint(new Coordinate(0, 0))])),
            1e-6);
        Assert.Equal(0, Spherical.AreaKm2(Factory.CreatePolygon()));
    }

    [Fact]
    public void LengthMetres_MeridianAndEquatorArcs_AreRadiusTimesAngle()
    {
        var lines = Factory.CreateMultiLineString(
        [
            Factory.CreateLineString([new(0, 0), new(0, 2), new(0, 3)]),
            Factory.CreateLineString([new(5, 0), new(8, 0)]),
        ]);

        Assert.Equal(6 * Spherical.MetresPerDegree, Spherical.LengthMetres(lines), 1e-6);
        Assert.Equal(
            6 * Spherical.MetresPerDegree,
            Spherical.LengthMetres(Factory.CreateGeometryCollection([lines, Factory.CreatePoint(new Coordinate(1, 1))])),
            1e-6);
    }

    [Fact]
    public void LengthMetres_PolygonCountsItsHoles()
    {
        var outer = Box(0, 40, 4, 44);
        var hole = Box(1, 41, 2, 42);
        var holed = Factory.CreatePolygon((LinearRing)outer.ExteriorRing, [(LinearRing)hole.ExteriorRing]);

        Assert.Equal(
            Spherical.LengthMetres(outer.ExteriorRing) + Spherical.LengthMetres(hole.ExteriorRing),
            Spherical.LengthMetres(holed),
            1e-6);
        Assert.True(Spherical.LengthMetres(hole.ExteriorRing) > 3 * Spherical.MetresPerDegree);
        Assert.Equal(0, Spherical.LengthMetres(Factory.CreatePolygon()));
    }

    [Fact]
    public void Centroid_SymmetricShapes_AreTheirCentre()
    {
        var equator = Spherical.Centroid(Box(-1, -1, 1, 1));
        var point = Spherical.Centroid(Factory.CreatePoint(new Coordinate(3, 4)));
        var north = Spherical.Centroid(Box(8, 49, 12, 51));

        Assert.Equal(0, equator.X, 1e-9);
        Assert.Equal(0, equator.Y, 1e-9);
        Assert.Equal(3, point.X, 1e-9);
        Assert.Equal(4, point.Y, 1e-9);
        Assert.Equal(10, north.X, 1e-9);
        Assert.InRange(north.Y, 49.95, 50.05);
    }

    [Fact]
    public void DistanceToEdgesMetres_NearestPointOnTheNearestEdge()
    {
        // Edges x1, y1, x2, y2: the equator from -1 to 1, and a meridian at longitude 5.
        double[] edges = [-1, 0, 1, 0, 5, -1, 5, 1];

        var above = Spherical.DistanceToEdgesMetres(0, 1, edges, out var lon, out var lat);
        Assert.Equal(Spherical.MetresPerDegree, above, 1e-6);
        Assert.Equal((0.0, 0.0), (lon, lat));

        var beyond = Spherical.DistanceToEdgesMetres(2, 0, edges, out lon, out lat);
        Assert.Equal(Spherical.MetresPerDegree, beyond, 1e-6);
        Assert.Equal((1.0, 0.0), (lon, lat));

        var nearMeridian = Spherical.DistanceToEdgesMetres(4.5, 0.5, edges, out lon, out lat);
        Assert.Equal(5, lon, 1e-12);
        Assert.Equal(0.5, lat, 1e-12);
        Assert.Equal(Spherical.DistanceMetres(4.5, 0.5, 5, 0.5), nearMeridian, 1e-9);

        var onEdge = Spherical.DistanceToEdgesMetres(0.25, 0, edges, out lon, out lat);
        Assert.Equal(0, onEdge, 1e-9);
        Assert.Equal((0.25, 0.0), (lon, lat));
    }

    [Fact]
    public void DistanceToEdgesMetres_DegenerateEdgeIsAPoint_AndNoEdgeIsInfinitelyFar()
    {
        var d = Spherical.DistanceToEdgesMetres(0, 0, [0, 3, 0, 3], out var lon, out var lat);

        Assert.Equal(3 * Spherical.MetresPerDegree, d, 1e-6);
        Assert.Equal((0.0, 3.0), (lon, lat));
        Assert.Equal(0, Spherical.DistanceToEdgesMetres(7, 8, [], out lon, out lat));
        Assert.Equal((7.0, 8.0), (lon, lat));
    }

    [Fact]
    public void DistanceToEnvelopeMetres_ZeroInside_DegreesScaledByLatitudeOutside()
    {
        Assert.Equal(0, Spherical.DistanceToEnvelopeMetres(0.5, 1, -1, 0, 1, 2));
        Assert.Equal(Spherical.MetresPerDegree, Spherical.DistanceToEnvelopeMetres(0, 3, -1, 0, 1, 2), 1e-6);
        Assert.Equal(2 * Spherical.MetresPerDegree, Spherical.DistanceToEnvelopeMetres(0, -2, -1, 0, 1, 2), 1e-6);
        Assert.Equal(0.5 * Spherical.MetresPerDegree, Spherical.DistanceToEnvelopeMetres(12, 60, 10, 59, 11, 61), 1e-6);
        Assert.Equal(1.5 * Spherical.MetresPerDegree, Spherical.DistanceToEnvelopeMetres(7, 60, 10, 59, 11, 61), 1e-6);
    }
}
