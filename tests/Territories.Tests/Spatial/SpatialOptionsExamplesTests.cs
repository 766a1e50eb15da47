using Territories.Model;
using Territories.Spatial;
using static Territories.Tests.Spatial.GeometryFixtures;

namespace Territories.Tests.Spatial;

/// <summary>
/// Exact examples of the checks of <see cref="AssignmentOptions"/> and <see cref="TerritoryValidationOptions"/>:
/// which values are refused, with which sentence, and that zero is a sound value wherever it is allowed.
/// </summary>
public class SpatialOptionsExamplesTests
{
    private static void Assign(AssignmentOptions options) =>
        Map(Territory("a", Square(0, 0, 1))).Assign([new Account(new AccountId("x"), new GeoPoint(0.5, 0.5))], options, TestContext.Current.CancellationToken);

    [Fact]
    public void AssignmentOptions_NegativeThreshold_ArgumentExceptionSayingSo()
    {
        var ex = Assert.Throws<ArgumentException>("options", () => Assign(new AssignmentOptions { ParallelThreshold = -1 }));

        Assert.StartsWith("Invalid AssignmentOptions: ParallelThreshold must be zero or more, not -1.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AssignmentOptions_EveryValueBad_OneSentenceEachInOrder()
    {
        var ex = Assert.Throws<ArgumentException>("options", () => Assign(new AssignmentOptions { MaxDegreeOfParallelism = -2, ParallelThreshold = -3, SnapDistanceMetres = double.NegativeInfinity }));

        Assert.StartsWith(
            "Invalid AssignmentOptions: MaxDegreeOfParallelism must be zero (all cores) or more, not -2. ParallelThreshold must be zero or more, not -3. SnapDistanceMetres must be a finite distance of zero or more, not -Infinity.",
            ex.Message,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 0)]
    [InlineData(0, 16_384)]
    [InlineData(7, 1)]
    public void AssignmentOptions_ZeroAndPositiveValues_Accepted(int threads, int threshold)
    {
        var map = Map(Territory("a", Square(0, 0, 1)));
        var options = new AssignmentOptions { MaxDegreeOfParallelism = threads, ParallelThreshold = threshold, SnapDistanceMetres = 0 };

        var result = map.Assign([new Account(new AccountId("x"), new GeoPoint(0.5, 0.5)), new Account(new AccountId("y"), new GeoPoint(1.5, 0.5))], options, TestContext.Current.CancellationToken);

        Assert.Equal((1, 1), (result.AssignedCount, result.UnassignedCount));
    }

    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(-1, "-1")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    public void ValidationOptions_BadMinimumArea_ArgumentExceptionSayingSo(double km2, string shown)
    {
        var ex = Assert.Throws<ArgumentException>("options", () => TerritoryValidator.Validate([], new TerritoryValidationOptions { MinimumAreaKm2 = km2 }));

        Assert.StartsWith($"Invalid TerritoryValidationOptions: MinimumAreaKm2 must be a finite area of zero or more, not {shown}.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidationOptions_BothAreasBad_OneSentenceEach()
    {
        var ex = Assert.Throws<ArgumentException>("options", () => TerritoryValidator.Validate([], new TerritoryValidationOptions { SliverAreaKm2 = -1, MinimumAreaKm2 = double.NaN }));

        Assert.StartsWith(
            "Invalid TerritoryValidationOptions: SliverAreaKm2 must be a finite area of zero or more, not -1. MinimumAreaKm2 must be a finite area of zero or more, not NaN.",
            ex.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void ValidationOptions_ZeroAreas_AcceptedAndEveryOverlapCounts()
    {
        var result = TerritoryValidator.Validate(
            [Territory("a", Square(0, 0, 1)), Territory("b", Square(0.999, 0, 1))],
            new TerritoryValidationOptions { SliverAreaKm2 = 0, MinimumAreaKm2 = 0 });

        var overlap = Assert.Single(result.Problems);
        Assert.Equal(TerritoryProblemCode.Overlap, overlap.Code);
        Assert.InRange(overlap.AreaKm2, 12, 13);
    }
}
