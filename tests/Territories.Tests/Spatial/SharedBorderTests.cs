using Territories.Spatial;
using static Territories.Tests.Spatial.GeometryFixtures;

namespace Territories.Tests.Spatial;

public class SharedBorderTests
{
    [Fact]
    public void Length_SquaresSideBySide_IsTheCommonSide()
    {
        var length = SharedBorder.Length(Boundary(Square(0, 0, 1)), Boundary(Square(1, 0, 1)), 0.001, 0.001, g => g.Length);

        Assert.Equal(1, length, 1e-12);
    }

    [Fact]
    public void Length_OnWgs84WithTheSphericalMeasure_IsOneDegreeOfMeridianInMetres()
    {
        var length = SharedBorder.Length(
            Boundary(Square(-83, 40, 1)),
            Boundary(Square(-82, 40, 1)),
            SharedBorder.SnapToleranceDegrees,
            1,
            Spherical.LengthMetres);

        Assert.Equal(111_195.08, length, 0.01);
    }

    [Theory]
    [InlineData(1e-7, 111_195.08)]
    [InlineData(1e-4, 0)]
    public void Length_NeighbourDrawnAGapAway_CountsOnlyWithinTheSnappingTolerance(double gapDegrees, double expected)
    {
        var length = SharedBorder.Length(
            Boundary(Square(-83, 40, 1)),
            Boundary(Square(-82 + gapDegrees, 40, 1)),
            SharedBorder.SnapToleranceDegrees,
            1,
            Spherical.LengthMetres);

        Assert.Equal(expected, length, 1.0);
    }

    [Fact]
    public void Length_NoSnapping_OnlyTheExactIntersectionCounts()
    {
        var length = SharedBorder.Length(Boundary(Square(0, 0, 1)), Boundary(Square(1 + 1e-7, 0, 1)), 0, 0, g => g.Length);

        Assert.Equal(0, length);
    }

    [Fact]
    public void Length_CornerContact_IsZero()
    {
        var length = SharedBorder.Length(Boundary(Square(0, 0, 1)), Boundary(Square(1, 1, 1)), 0.001, 0.001, g => g.Length);

        Assert.Equal(0, length);
    }

    [Fact]
    public void SnapToleranceDegrees_IsOneMetreOfLatitude() =>
        Assert.Equal(1 / 111_195.08, SharedBorder.SnapToleranceDegrees, 1e-12);

    private static NetTopologySuite.Geometries.Geometry Boundary(string wkt) => Wkt(wkt).Boundary;
}
