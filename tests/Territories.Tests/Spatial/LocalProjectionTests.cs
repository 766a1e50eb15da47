using FsCheck.Xunit;
using Territories.Spatial;
using Territories.Travel;

namespace Territories.Tests.Spatial;

public class LocalProjectionTests
{
    [Theory]
    [InlineData(0, 111_195.08)]
    [InlineData(60, 55_597.54)]
    [InlineData(-40, 85_180.37)]
    public void Project_OneDegreeAtTheCentre_IsOneDegreeOfArcOnTheMeanSphere(double lat0, double metresPerDegreeLongitude)
    {
        var projection = LocalProjection.Around(10, lat0);

        var (x, y) = projection.Project(11, lat0 + 1);

        Assert.Equal(metresPerDegreeLongitude, x, 0.01);
        Assert.Equal(111_195.08, y, 0.01);
    }

    [Property(Arbitrary = [typeof(Arbitraries)])]
    public void Project_PointsNearTheCentre_DistanceWithinTwoPercentOfTheGreatCircle(RegionalPoints p)
    {
        var projection = LocalProjection.Around(p.Centre.Longitude, p.Centre.Latitude);
        var (ax, ay) = projection.Project(p.A.Longitude, p.A.Latitude);
        var (bx, by) = projection.Project(p.B.Longitude, p.B.Latitude);

        var planar = Math.Sqrt(((ax - bx) * (ax - bx)) + ((ay - by) * (ay - by)));
        var sphere = GreatCircleTravelModel.HaversineMetres(p.A, p.B);

        Assert.InRange(planar, (sphere * 0.98) - 1e-6, (sphere * 1.02) + 1e-6);
    }

    [Property(Arbitrary = [typeof(Arbitraries)])]
    public void Inverse_OfProject_IsThePosition(RegionalPoints p)
    {
        var projection = LocalProjection.Around(p.Centre.Longitude, p.Centre.Latitude);

        var (lon, lat) = projection.Inverse(projection.Project(p.A.Longitude, p.A.Latitude).X, projection.Project(p.A.Longitude, p.A.Latitude).Y);

        Assert.Equal(p.A.Latitude, lat, 1e-9);
        Assert.Equal(0, Math.IEEERemainder(p.A.Longitude - lon, 360), 1e-9);
    }

    [Fact]
    public void Project_AcrossTheAntimeridian_TakesTheShortWayRound()
    {
        var projection = LocalProjection.Around(179.5, 0);

        Assert.Equal(111_195.08, projection.Project(-179.5, 0).X, 0.01);
    }

    [Fact]
    public void Centred_RegionAcrossTheAntimeridian_CentresOnTheRegion()
    {
        var projection = LocalProjection.Centred([(179, 52), (-179, 54)]);

        Assert.Equal(0, projection.Project(180, 53).X, 1e-6);
        Assert.Equal(0, projection.Project(180, 53).Y, 1e-6);
    }

    [Fact]
    public void Centred_NoPositions_IsTheIdentity()
    {
        var projection = LocalProjection.Centred([]);

        Assert.True(projection.IsIdentity);
        Assert.Equal((3.5, -2.0), projection.Project(3.5, -2));
    }
}
