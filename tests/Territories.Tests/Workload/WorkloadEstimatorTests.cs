using FsCheck.Xunit;
using Territories.Model;
using Territories.Travel;
using Territories.Workload;

namespace Territories.Tests.Workload;

public class WorkloadEstimatorTests
{
    // 1 unit = 1 km at 40 km/h: 90 s a unit.
    private static readonly EuclideanTravelModel Planar = new(1000, 40 / 3.6);

    private static readonly SalesPosition NineHours = new(new PositionId("p")) { Base = new GeoPoint(0, 0), DailyHours = TimeWindow.FromHours(8, 0, 17, 0) };

    private static Account Weekly(string id, double x, int minutes = 10) =>
        new(new AccountId(id), new GeoPoint(x, 0)) { ServiceTime = TimeSpan.FromMinutes(minutes), Visit = VisitRequirement.Of(VisitFrequency.PerWeek(1)) };

    [Fact]
    public void Estimate_ThreeWeeklyAccountsOnALine_MatchesTheHandComputedParts()
    {
        var estimator = new WorkloadEstimator(new WorkloadOptions { TourFactor = 1, StemFactor = 1, DayFill = 0.9 });

        var workload = estimator.Estimate([Weekly("a", 0), Weekly("b", 1), Weekly("c", 2)], NineHours, JourneyCycle.Create(4), Planar);

        // 12 visits × 10 min; legs (135 + 90 + 135 s) × 4 visits × √(3 × 4 / 12); weekly visits need
        // 4 days, each with a stem of 2 × (4 × (0 + 90 + 180) / 12) s.
        Assert.Equal(12, workload.Visits);
        Assert.Equal(TimeSpan.FromMinutes(120), workload.Service);
        Assert.Equal(1440, workload.Travel.TotalSeconds, 1e-6);
        Assert.Equal(4, workload.DaysUsed);
        Assert.Equal(720, workload.Stem.TotalSeconds, 1e-6);
        Assert.Equal(TimeSpan.FromHours(180), workload.Available);
        Assert.Equal(9360.0 / (180 * 3600), workload.Utilisation, 1e-9);
    }

    [Fact]
    public void Estimate_FactorsScaleTheirTermsOnly()
    {
        var accounts = new[] { Weekly("a", 0), Weekly("b", 1), Weekly("c", 2) };
        var one = new WorkloadEstimator(new WorkloadOptions { TourFactor = 1, StemFactor = 1 }).Estimate(accounts, NineHours, JourneyCycle.Create(4), Planar);
        var doubled = new WorkloadEstimator(new WorkloadOptions { TourFactor = 2, StemFactor = 3 }).Estimate(accounts, NineHours, JourneyCycle.Create(4), Planar);

        Assert.Equal(one.Service, doubled.Service);
        Assert.Equal(2 * one.Travel.TotalSeconds, doubled.Travel.TotalSeconds, 1e-6);
        Assert.Equal(3 * one.Stem.TotalSeconds, doubled.Stem.TotalSeconds, 1e-6);
    }

    [Fact]
    public void Estimate_NoBase_ChoosesTheMedianPlace()
    {
        var workload = new WorkloadEstimator().Estimate([Weekly("a", 0), Weekly("b", 1), Weekly("c", 2)], NineHours with { Base = null }, JourneyCycle.Create(4), Planar);

        Assert.Equal(new GeoPoint(1, 0), workload.Base);
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 50)]
    public void Apportion_GeneratedAccounts_SharesAddUpToTheTotal(AlignmentCase c)
    {
        var estimator = new WorkloadEstimator();
        var position = new SalesPosition(new PositionId("p")) { Base = c.Accounts[0].Location };

        var total = estimator.Estimate(c.Accounts, position, AlignmentCase.Cycle, AlignmentCase.Travel).Total;
        var shares = estimator.Apportion(c.Accounts, position, AlignmentCase.Cycle, AlignmentCase.Travel);

        Assert.Equal(c.Accounts.Length, shares.Length);
        // Each share is rounded to a tick (0.1 µs) on its way into a TimeSpan.
        var tolerance = 1e-6 * shares.Length;
        Assert.InRange(shares.Sum(s => s.TotalSeconds), total.TotalSeconds - tolerance, total.TotalSeconds + tolerance);
        Assert.All(shares, s => Assert.True(s >= TimeSpan.Zero));
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 50)]
    public void Size_GeneratedAccounts_FewestPositionsWithinTheTarget(AlignmentCase c)
    {
        var position = new SalesPosition(new PositionId("p")) { DailyHours = TimeWindow.FromHours(8, 0, 10, 0) };

        var sizing = new WorkloadEstimator().Size(c.Accounts, position, AlignmentCase.Cycle, AlignmentCase.Travel, 0.8)!;

        Assert.True(sizing.Positions >= 1);
        Assert.True(sizing.Utilisation <= 0.8 || sizing.Positions == c.Accounts.Length, sizing.ToString());
        if (sizing.UtilisationWithOneFewer is { } fewer)
        {
            Assert.True(fewer > 0.8, sizing.ToString());
        }

        Assert.Equal(sizing.Service.TotalSeconds, c.Accounts.Sum(a => a.ServiceTime.TotalSeconds * (a.Visit!.Frequency!.Value.VisitsPerCycle(AlignmentCase.Cycle) ?? 0)), 1e-3);
    }

    [Fact]
    public void Size_TwiceTheWork_NeedsMorePositions()
    {
        var accounts = Enumerable.Range(0, 40).Select(i => Weekly($"a{i:00}", i % 8, 60)).ToArray();
        var estimator = new WorkloadEstimator();

        var once = estimator.Size(accounts, NineHours, JourneyCycle.Create(4), Planar)!;
        var twice = estimator.Size([.. accounts, .. accounts.Select(a => a with { Id = new AccountId(a.Id.Value + "x") })], NineHours, JourneyCycle.Create(4), Planar)!;

        Assert.True(twice.Positions > once.Positions, $"{once} / {twice}");
    }

    [Fact]
    public void Size_PositionWithoutWorkingTime_IsNull()
    {
        var idle = NineHours with { WorkingDays = [] };

        Assert.Null(new WorkloadEstimator().Size([Weekly("a", 0)], idle, JourneyCycle.Create(4), Planar));
    }

    [Fact]
    public void BadInput_EmptyAccountsOrInvalidOptions_Throw()
    {
        var estimator = new WorkloadEstimator();

        Assert.Throws<ArgumentException>(() => estimator.Estimate([], NineHours, JourneyCycle.Create(4), Planar));
        Assert.Throws<ArgumentException>(() => estimator.Size([Weekly("a", 0)], NineHours, JourneyCycle.Create(4), Planar, 1.5));
        Assert.Throws<ArgumentException>(() => estimator.Size([Weekly("a", 0)], NineHours, JourneyCycle.Create(4), Planar, double.NaN));
        var invalid = Assert.Throws<ArgumentException>(() => new WorkloadEstimator(new WorkloadOptions { TourFactor = double.NaN, DayFill = 0 }));
        Assert.Contains("TourFactor", invalid.Message, StringComparison.Ordinal);
        Assert.Contains("DayFill", invalid.Message, StringComparison.Ordinal);
    }
}
