using FsCheck.Xunit;
using Territories.Model;
using Territories.Travel;

namespace Territories.Tests.Travel;

[Properties(Arbitrary = [typeof(Arbitraries)])]
public class EuclideanTravelModelTests
{
    private static readonly EuclideanTravelModel Kilometres = new(1000, 10);

    [Property]
    public void DistanceMetres_IsSymmetric(PlanePoints points)
    {
        TravelLaws.Symmetric(EuclideanTravelModel.Benchmark, points.Points);
        TravelLaws.Symmetric(Kilometres, points.Points);
    }

    [Property]
    public void DistanceMetres_IsZeroOnTheDiagonal(PlanePoints points) => TravelLaws.ZeroOnDiagonal(Kilometres, points.Points);

    [Property]
    public void DistanceMetres_KeepsTheTriangleInequality(PlanePoints points) => TravelLaws.TriangleInequality(Kilometres, points.Points);

    [Property]
    public void Matrix_AgreesWithPairwiseCalls(PlanePoints points)
    {
        TravelLaws.MatrixAgreesWithPairs(EuclideanTravelModel.Benchmark, points.Points);
        TravelLaws.MatrixAgreesWithPairs(Kilometres, points.Points);
    }

    [Property]
    public void DistanceMetres_ScalesWithMetresPerUnit(PlanePoints points)
    {
        var (a, b) = (points.Points[0], points.Points[1]);

        Assert.Equal(1000 * EuclideanTravelModel.Benchmark.DistanceMetres(a, b), Kilometres.DistanceMetres(a, b), 1e-6);
    }

    [Fact]
    public void Benchmark_ThreeFourFive_IsFiveUnitsAndFiveMinutes()
    {
        var (a, b) = (new GeoPoint(1, 2), new GeoPoint(4, 6));

        Assert.Equal(5, EuclideanTravelModel.Benchmark.DistanceMetres(a, b), 1e-12);
        Assert.Equal(5, EuclideanTravelModel.Benchmark.Duration(a, b).TotalMinutes, 1e-9);
        Assert.Equal(300, EuclideanTravelModel.Benchmark.Matrix([a, b]).DurationSeconds(1, 0), 1e-9);
    }

    [Theory]
    [InlineData(0, 1, "metresPerUnit")]
    [InlineData(-1, 1, "metresPerUnit")]
    [InlineData(double.NaN, 1, "metresPerUnit")]
    [InlineData(1, 0, "metresPerSecond")]
    [InlineData(1, -3, "metresPerSecond")]
    [InlineData(1, double.PositiveInfinity, "metresPerSecond")]
    public void Constructor_OutOfRange_ThrowsNamingTheParameter(double metresPerUnit, double metresPerSecond, string name) =>
        Assert.Equal(name, Assert.Throws<ArgumentOutOfRangeException>(() => new EuclideanTravelModel(metresPerUnit, metresPerSecond)).ParamName);
}
