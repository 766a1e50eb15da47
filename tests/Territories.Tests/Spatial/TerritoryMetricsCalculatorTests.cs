using Territories.Model;
using Territories.Spatial;
using static Territories.Tests.Spatial.GeometryFixtures;

namespace Territories.Tests.Spatial;

public class TerritoryMetricsCalculatorTests
{
    private static readonly JourneyCycle FourWeeks = JourneyCycle.Create(4);

    [Fact]
    public void Compute_OneDegreeSquareOnTheEquator_AreaOnTheSphere()
    {
        var map = Map(Territory("sq", Square(0, 0, 1)));

        var m = Assert.Single(TerritoryMetricsCalculator.Compute(map, map.Assign([], cancellationToken: TestContext.Current.CancellationToken), [], FourWeeks));

        // Exact for a longitude-latitude rectangle: R² Δλ (sin φ2 − sin φ1) with R = 6371.0088 km.
        var r = 6371.0088;
        var expected = r * r * (Math.PI / 180) * Math.Sin(Math.PI / 180);
        Assert.Equal(expected, m.AreaKm2, expected * 1e-4);
        Assert.Equal(4 * 111.195, m.PerimeterKm, 0.5);
        Assert.Equal(Math.PI / 4, m.Compactness, 0.01);
        Assert.Equal(0.5, m.Centroid!.Value.Longitude, 1e-6);
        Assert.Equal(0.5, m.Centroid!.Value.Latitude, 1e-3);
    }

    [Fact]
    public void Compute_AreaAtHighLatitude_ShrinksWithTheCosine()
    {
        var map = Map(Territory("eq", Square(0, 0, 1)), Territory("north", Square(0, 60, 1)));

        var metrics = TerritoryMetricsCalculator.Compute(map, map.Assign([], cancellationToken: TestContext.Current.CancellationToken), [], FourWeeks);

        Assert.Equal(Math.Cos(60.5 * Math.PI / 180), metrics[1].AreaKm2 / metrics[0].AreaKm2, 1e-3);
    }

    [Fact]
    public void Compute_Accounts_CountPotentialAndWorkload()
    {
        var map = Map(Territory("a", Square(0, 0, 1)), Territory("b", Square(1, 0, 1)));
        Account[] accounts =
        [
            new(new AccountId("weekly"), new GeoPoint(0.5, 0.5)) { Potential = 100m, Visit = VisitRequirement.Of(VisitFrequency.PerWeek(1)) with { Duration = TimeSpan.FromMinutes(30) } },
            new(new AccountId("fortnightly"), new GeoPoint(0.6, 0.5)) { Potential = 50m, ServiceTime = TimeSpan.FromMinutes(45), Visit = VisitRequirement.Of(VisitFrequency.EveryWeeks(2)) },
            new(new AccountId("never"), new GeoPoint(1.5, 0.5)) { Potential = 7m },
        ];

        var metrics = TerritoryMetricsCalculator.Compute(map, map.Assign(accounts, cancellationToken: TestContext.Current.CancellationToken), accounts, FourWeeks);

        // 4 visits × 0.5 h + 2 visits × 0.75 h.
        Assert.Equal((2, 150m, 3.5), (metrics[0].AccountCount, metrics[0].Potential, metrics[0].WorkloadHours));
        Assert.Equal((1, 7m, 0.0), (metrics[1].AccountCount, metrics[1].Potential, metrics[1].WorkloadHours));
    }

    [Fact]
    public void WorkloadHours_ExplicitPatterns_CountTheirVisits()
    {
        var account = new Account(new AccountId("p"), new GeoPoint(0, 0)) { Visit = new VisitRequirement { Patterns = [new VisitPattern([0, 5, 10])], Duration = TimeSpan.FromHours(1) } };

        Assert.Equal(3, TerritoryMetricsCalculator.WorkloadHours(account, FourWeeks));
    }

    [Fact]
    public void Compute_BadArguments_Throw()
    {
        var map = Map();
        var assignment = map.Assign([], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Throws<ArgumentNullException>("map", () => TerritoryMetricsCalculator.Compute(null!, assignment, [], FourWeeks));
        Assert.Throws<ArgumentNullException>("cycle", () => TerritoryMetricsCalculator.Compute(map, assignment, [], null!));
        Assert.Throws<ArgumentNullException>("account", () => TerritoryMetricsCalculator.WorkloadHours(null!, FourWeeks));
    }
}
