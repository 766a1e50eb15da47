using NetTopologySuite.Geometries;
using Territories.Model;

namespace Territories.Tests.Model;

public class TerritoryBoundaryTests
{
    [Fact]
    public void Rectangle_HasFivePointsAndItsBounds()
    {
        var boundary = TerritoryBoundary.Rectangle(-1, 50, 2, 52);

        Assert.Equal(5, boundary.PointCount);
        Assert.False(boundary.IsEmpty);
        Assert.Equal((-1.0, 50.0, 2.0, 52.0), boundary.Bounds);
    }

    [Fact]
    public void FromWkt_MultiPolygon_IsRead()
    {
        var boundary = TerritoryBoundary.FromWkt("MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))");

        Assert.Equal(8, boundary.PointCount);
        Assert.StartsWith("MULTIPOLYGON", boundary.ToWkt(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("POLYGON ((0 0, 1 0")]
    [InlineData("not wkt at all")]
    [InlineData("POINT (1 2)")]
    [InlineData("LINESTRING (0 0, 1 1)")]
    public void FromWkt_NotAPolygon_ThrowsArgumentException(string wkt) =>
        Assert.Throws<ArgumentException>(() => TerritoryBoundary.FromWkt(wkt));

    [Fact]
    public void FromGeometry_CopiesTheCallersGeometry_AndToGeometryHandsOutACopy()
    {
        var factory = new GeometryFactory();
        var polygon = factory.CreatePolygon([new Coordinate(0, 0), new Coordinate(1, 0), new Coordinate(1, 1), new Coordinate(0, 0)]);

        var boundary = TerritoryBoundary.FromGeometry(polygon);
        polygon.Shell.CoordinateSequence.SetOrdinate(1, Ordinate.X, 50);
        polygon.GeometryChanged();
        var copy = (Polygon)boundary.ToGeometry();
        copy.Shell.CoordinateSequence.SetOrdinate(1, Ordinate.X, 70);
        copy.GeometryChanged();

        Assert.Equal(50, polygon.EnvelopeInternal.MaxX);
        Assert.Equal(70, copy.EnvelopeInternal.MaxX);
        Assert.Equal((0.0, 0.0, 1.0, 1.0), boundary.Bounds);
        Assert.Equal(4326, copy.SRID);
    }
}
