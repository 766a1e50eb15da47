using System.Collections.Immutable;
using FsCheck.Xunit;
using Territories.Journeys;
using Territories.Mix;
using Territories.Model;

namespace Territories.Tests.Mix;

public class MixDeliveryTests
{
    private static readonly ImmutableSortedDictionary<TerritoryId, SalesMix> Targets = new Dictionary<TerritoryId, SalesMix>
    {
        [new TerritoryId("north")] = MixAllocatorTests.Mix(("order-taking", 0.5), ("outbound", 0.5)),
        [new TerritoryId("south")] = MixAllocatorTests.Mix(("demo", 1.0)),
    }.ToImmutableSortedDictionary();

    [Fact]
    public void Compare_DeliveredEffort_SharesAndGapsPerTerritory()
    {
        var reports = MixDelivery.Compare(Targets,
        [
            new(new TerritoryId("north"), "order-taking", TimeSpan.FromMinutes(90)),
            new(new TerritoryId("north"), "outbound", TimeSpan.FromMinutes(20)),
            new(new TerritoryId("north"), "outbound", TimeSpan.FromMinutes(10)),
        ]).AsT0;

        Assert.Equal(["north", "south"], reports.Select(r => r.Territory.Value));
        var north = reports[0];
        Assert.Equal(TimeSpan.FromMinutes(120), north.DeliveredTime);
        var orders = north.Activities.Single(a => a.Activity == "order-taking");
        Assert.Equal(0.75, orders.DeliveredShare, 12);
        Assert.Equal(0.25, orders.Gap, 12);
        Assert.Equal(TimeSpan.FromMinutes(90), orders.Delivered);
        Assert.Equal(0.25, MixCoherence.Divergence(north.Target, north.Delivered!, MixDivergenceMeasure.TotalVariation), 12);
        Assert.True(north.Divergence > 0);

        Assert.Null(reports[1].Delivered);
        Assert.Equal(1, reports[1].Divergence);
    }

    [Fact]
    public void Compare_BadRows_ReportsEveryOne()
    {
        var errors = MixDelivery.Compare(Targets,
        [
            new(new TerritoryId("north"), "demo", TimeSpan.FromMinutes(-5)),
            new(new TerritoryId("west"), "demo", TimeSpan.FromMinutes(5)),
            new(new TerritoryId("north"), "juggling", TimeSpan.FromMinutes(5)),
        ]).AsT1.Errors;
        Assert.Contains(errors, e => e is { Code: MixErrorCode.NegativeValue, Field: "Time" } && e.Ids.SequenceEqual(["north", "demo"]));
        Assert.Contains(errors, e => e is { Code: MixErrorCode.UnknownTerritory, Value: "west" });
        Assert.Contains(errors, e => e is { Code: MixErrorCode.UnknownActivity, Value: "juggling" });
    }

    [Fact]
    public void Compare_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>("targets", () => MixDelivery.Compare(null!, []));
        Assert.Throws<ArgumentNullException>("delivered", () => MixDelivery.Compare(Targets, null!));
    }

    [Property(Arbitrary = [typeof(Arbitraries)])]
    public void Compare_PlanWhoseVisitsAllCarryOneActivity_DeliveredIsAllThatActivity(OneActivityPlanCase c)
    {
        var plan = c.Plan();
        var effort = MixDelivery.Effort(plan, new TerritoryId("T01"));
        var report = Assert.Single(MixDelivery.Compare(new Dictionary<TerritoryId, SalesMix> { [new TerritoryId("T01")] = c.Target }, effort, MixDivergenceMeasure.TotalVariation).AsT0);

        Assert.Equal(TimeSpan.FromMinutes(c.Routes.Sum(r => r.Minutes.Sum())), report.DeliveredTime);
        Assert.All(report.Activities, a => Assert.Equal(a.Activity == c.Activity ? 1.0 : 0.0, a.DeliveredShare));
        Assert.Equal(1 - c.Target[c.Activity], report.Divergence, 12);
    }

    [Fact]
    public void Effort_PlanOfTwoPositions_ServiceTimePerTerritoryAndActivity()
    {
        var plan = Plan(
            Route("rep-n", 0, ("order-taking", 30), ("demo", 45), (null, 20)),
            Route("rep-n", 1, ("order-taking", 15)),
            Route("rep-s", 0, ("demo", 60)));
        var effort = MixDelivery.Effort(plan, new Dictionary<PositionId, TerritoryId> { [new PositionId("rep-n")] = new TerritoryId("north"), [new PositionId("rep-s")] = new TerritoryId("south") });

        Assert.Equal(
            [("north", "demo", 45.0), ("north", "order-taking", 45.0), ("south", "demo", 60.0)],
            effort.Select(e => (e.Territory.Value, e.Activity, e.Time.TotalMinutes)));
    }

    [Fact]
    public void Compare_PlanAgainstTarget_ToStringShowsDeliveredTargetAndDivergence()
    {
        var plan = Plan(Route("rep-n", 0, ("order-taking", 90)), Route("rep-n", 1, ("order-taking", 30)));
        var report = MixDelivery.Compare(Targets, MixDelivery.Effort(plan, new TerritoryId("north")), MixDivergenceMeasure.TotalVariation).AsT0[0];

        Assert.Equal(0.5, report.Divergence, 12);
        Assert.Equal(MixDivergenceMeasure.TotalVariation, report.Measure);
        Assert.Equal("north: 2 h delivered, divergence 0.500 (total variation); order-taking 100.0 % (target 50.0 %), outbound 0.0 % (target 50.0 %)", report.ToString());
    }

    [Fact]
    public void Effort_PositionWithoutTerritory_Throws()
    {
        var plan = Plan(Route("rep-x", 0, ("demo", 10)));
        var ex = Assert.Throws<ArgumentException>("territories", () => MixDelivery.Effort(plan, new Dictionary<PositionId, TerritoryId> { [new PositionId("rep-n")] = new TerritoryId("north") }));
        Assert.Contains("rep-x", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Effort_PlanAndRemoteBlocks_VisitsAndBlocksPerActivity()
    {
        var plan = Plan(Route("rep-n", 0, ("order-taking", 30), ("demo", 45)), Route("rep-n", 1, ("order-taking", 15)));
        RemoteBlock[] blocks = [new(new PositionId("rep-n"), 0, TimeSpan.FromHours(14), TimeSpan.FromHours(15), "outbound"), new(new PositionId("rep-n"), 2, TimeSpan.FromHours(8), TimeSpan.FromHours(8.5), "outbound"), new(new PositionId("rep-n"), 2, TimeSpan.FromHours(8.5), TimeSpan.FromHours(9), "inbound")];

        var effort = MixDelivery.Effort(plan, new TerritoryId("north"), blocks);

        Assert.Equal(
            [("demo", 45.0), ("inbound", 30.0), ("order-taking", 45.0), ("outbound", 90.0)],
            effort.Select(e => (e.Activity, e.Time.TotalMinutes)));
        Assert.All(effort, e => Assert.Equal("north", e.Territory.Value));
    }

    [Fact]
    public void Compare_FieldMixExactRemoteMissing_FieldDivergenceZeroWholeMixNot()
    {
        var targets = new Dictionary<TerritoryId, SalesMix> { [new TerritoryId("north")] = MixAllocatorTests.Mix(("order-taking", 0.3), ("demo", 0.1), ("outbound", 0.6)) };
        var report = MixDelivery.Compare(targets, [new(new TerritoryId("north"), "order-taking", TimeSpan.FromMinutes(90)), new(new TerritoryId("north"), "demo", TimeSpan.FromMinutes(30))], MixDivergenceMeasure.TotalVariation).AsT0.Single();

        Assert.Equal(0, report.FieldDivergence, 12);
        Assert.Equal(0.6, report.Divergence, 12);
        Assert.Equal((TimeSpan.FromMinutes(120), TimeSpan.Zero), (report.FieldTime, report.RemoteTime));
    }

    [Fact]
    public void Compare_FieldMixOffAndRemoteDelivered_FieldDivergenceOverFieldSharesOnly()
    {
        var targets = new Dictionary<TerritoryId, SalesMix> { [new TerritoryId("north")] = MixAllocatorTests.Mix(("order-taking", 0.25), ("demo", 0.25), ("outbound", 0.5)) };
        var report = MixDelivery.Compare(
            targets,
            [new(new TerritoryId("north"), "order-taking", TimeSpan.FromMinutes(60)), new(new TerritoryId("north"), "outbound", TimeSpan.FromMinutes(60))],
            MixDivergenceMeasure.TotalVariation).AsT0.Single();

        // Field: order-taking 100 % against 50 %; whole mix: order-taking 50 % against 25 %, demo 0 % against 25 %.
        Assert.Equal(0.5, report.FieldDivergence, 12);
        Assert.Equal(0.25, report.Divergence, 12);
        Assert.Equal((TimeSpan.FromMinutes(60), TimeSpan.FromMinutes(60)), (report.FieldTime, report.RemoteTime));
    }

    [Fact]
    public void Compare_NoFieldTimeAgainstFieldTarget_FieldDivergenceOne()
    {
        var report = MixDelivery.Compare(Targets, [new(new TerritoryId("north"), "outbound", TimeSpan.FromMinutes(60))]).AsT0[0];
        Assert.Equal(1, report.FieldDivergence);
    }

    internal static JourneyPlan Plan(params JourneyRoute[] routes) =>
        new JourneyPlan
        {
            Routes = [.. routes],
            Unplanned = [],
            Kpis = new JourneyPlanKpis { TotalDistanceMetres = 0, TotalTravelTime = TimeSpan.Zero, TotalServiceTime = TimeSpan.Zero, Routes = routes.Length, Visits = 0, MinWorkingHours = 0, MaxWorkingHours = 0, MeanWorkingHours = 0, StdDevWorkingHours = 0, Utilisation = 0, VisitsPerDay = 0, },
            Capacity = [],
            Crossings = [],
            Status = JourneyPlanStatus.Completed,
            Cost = 0,
            Iterations = 0,
        };

    internal static JourneyRoute Route(string position, int day, params (string? Activity, int Minutes)[] visits)
    {
        var clock = TimeSpan.FromHours(9);
        var planned = ImmutableArray.CreateBuilder<PlannedVisit>();
        foreach (var (activity, minutes) in visits)
        {
            planned.Add(new PlannedVisit(new AccountId($"a{planned.Count}"), clock, clock, clock + TimeSpan.FromMinutes(minutes), 0, TimeSpan.Zero, activity));
            clock += TimeSpan.FromMinutes(minutes);
        }

        return new JourneyRoute
        {
            Position = new PositionId(position),
            Day = day,
            Visits = planned.ToImmutable(),
            Start = TimeSpan.FromHours(9),
            End = clock,
            DistanceMetres = 0,
            TravelTime = TimeSpan.Zero,
            ServiceTime = clock - TimeSpan.FromHours(9),
            Load = 0,
        };
    }
}
