using FsCheck.Xunit;
using Territories.Model;
using Territories.Travel;

namespace Territories.Tests.Travel;

[Properties(Arbitrary = [typeof(Arbitraries)])]
public class GreatCircleTravelModelTests
{
    private const double OneDegreeMetres = GreatCircleTravelModel.EarthRadiusMetres * Math.PI / 180;

    [Property]
    public void DistanceMetres_IsSymmetric(GreatCircleTravelModel model, GlobePoints points) => TravelLaws.Symmetric(model, points.Points);

    [Property]
    public void DistanceMetres_IsZeroOnTheDiagonal(GreatCircleTravelModel model, GlobePoints points) => TravelLaws.ZeroOnDiagonal(model, points.Points);

    [Property]
    public void DistanceMetres_KeepsTheTriangleInequality(GreatCircleTravelModel model, GlobePoints points) => TravelLaws.TriangleInequality(model, points.Points);

    [Property]
    public void Matrix_AgreesWithPairwiseCalls(GreatCircleTravelModel model, GlobePoints points) => TravelLaws.MatrixAgreesWithPairs(model, points.Points);

    [Property]
    public void DistanceMetres_IsHaversineTimesCircuity_AndNeverMoreThanHalfTheGlobe(GreatCircleTravelModel model, GlobePoints points)
    {
        var (a, b) = (points.Points[0], points.Points[1]);
        var haversine = GreatCircleTravelModel.HaversineMetres(a, b);

        Assert.InRange(haversine, 0, (Math.PI * GreatCircleTravelModel.EarthRadiusMetres) + 1e-6);
        Assert.Equal(haversine * model.CircuityFactor, model.DistanceMetres(a, b), 1e-6);
        Assert.Equal(model.DistanceMetres(a, b) / (model.SpeedKmh / 3.6), model.Duration(a, b).TotalSeconds, 1e-3);
    }

    [Theory]
    [InlineData(0, 0, 0, 1)]
    [InlineData(0, 0, 1, 0)]
    [InlineData(12.5, 45, 12.5, 46)]
    [InlineData(-80, -30, -80, -31)]
    [InlineData(179.5, 0, -179.5, 0)]
    public void HaversineMetres_OneDegreeOfLatitudeOrEquatorialLongitude_IsAbout111Km(double lon1, double lat1, double lon2, double lat2)
    {
        Assert.Equal(111_195.08, OneDegreeMetres, 0.01);
        Assert.Equal(OneDegreeMetres, GreatCircleTravelModel.HaversineMetres(new GeoPoint(lon1, lat1), new GeoPoint(lon2, lat2)), 0.01);
    }

    [Fact]
    public void DistanceMetres_DefaultModel_IsOneDegreeTimesCircuity1_3()
    {
        var model = new GreatCircleTravelModel();

        Assert.Equal(40, model.SpeedKmh);
        Assert.Equal(1.3, model.CircuityFactor);
        Assert.Equal(111_195.08 * 1.3, model.DistanceMetres(new GeoPoint(5, 50), new GeoPoint(5, 51)), 0.05);
    }

    [Fact]
    public void HaversineMetres_KnownPlaces_MatchPublishedDistances()
    {
        var paris = new GeoPoint(2.3522, 48.8566);
        var london = new GeoPoint(-0.1276, 51.5072);

        Assert.Equal(343_500, GreatCircleTravelModel.HaversineMetres(paris, london), 500.0);
        Assert.Equal(Math.PI * GreatCircleTravelModel.EarthRadiusMetres, GreatCircleTravelModel.HaversineMetres(new GeoPoint(0, 0), new GeoPoint(180, 0)), 1e-3);
        Assert.Equal(Math.PI * GreatCircleTravelModel.EarthRadiusMetres / 2, GreatCircleTravelModel.HaversineMetres(new GeoPoint(30, 0), new GeoPoint(-100, 90)), 1e-3);
    }

    [Fact]
    public void Duration_TenMetresPerSecondOverOneDegree_Is11119Seconds()
    {
        var model = new GreatCircleTravelModel(36, 1);

        Assert.Equal(OneDegreeMetres / 10, model.Duration(new GeoPoint(0, 10), new GeoPoint(0, 11)).TotalSeconds, 1e-3);
    }

    [Theory]
    [InlineData(0, 1.3, "speedKmh")]
    [InlineData(-40, 1.3, "speedKmh")]
    [InlineData(double.NaN, 1.3, "speedKmh")]
    [InlineData(double.PositiveInfinity, 1.3, "speedKmh")]
    [InlineData(40, 0.99, "circuityFactor")]
    [InlineData(40, double.NaN, "circuityFactor")]
    [InlineData(40, double.PositiveInfinity, "circuityFactor")]
    public void Constructor_OutOfRange_ThrowsNamingTheParameter(double speedKmh, double circuityFactor, string name) =>
        Assert.Equal(name, Assert.Throws<ArgumentOutOfRangeException>(() => new GreatCircleTravelModel(speedKmh, circuityFactor)).ParamName);

    [Fact]
    public void Matrix_NoLocations_IsEmpty() => Assert.Equal(0, new GreatCircleTravelModel().Matrix([]).Count);
}
