using Territories.Mix;
using Territories.Model;

namespace Territories.Tests.Mix;

/// <summary>The mix of territories given as they stand (designed ones, not in a model), and the handoff to the planner.</summary>
public class SalesMixPlannerTerritoriesTests
{
    private static readonly JourneyCycle Cycle = JourneyCycle.Create(4);

    // 20 days of 8 h (08:00-17:00 less a 60-minute break).
    private static readonly SalesPosition Rep = new(new PositionId("rep")) { Break = TimeSpan.FromHours(1) };

    [Fact]
    public void Plan_DesignedTerritories_CapacityIsWorkingTimeLessTravelAndRestIsSlack()
    {
        var request = new MixPlanningRequest([Designed("T02", 4, TimeSpan.FromHours(30)), Designed("T01", 10, TimeSpan.FromHours(40))], Cycle);
        var plan = new SalesMixPlanner().Plan(request).AsT0;

        Assert.Equal(["T01", "T02"], plan.Territories.Select(t => t.Territory.Value));
        var t01 = plan.Territories[0];
        Assert.Equal(TimeSpan.FromHours(160), t01.WorkingTime);
        Assert.Equal(TimeSpan.FromHours(40), t01.Travel);
        Assert.Equal(120 * 60, t01.Allocation.CapacityUnits);

        // 10 accounts x 4 visits x 20 minutes.
        Assert.Equal(TimeSpan.FromMinutes(800), t01.Service);
        Assert.Equal(TimeSpan.FromHours(120) - TimeSpan.FromMinutes(800), t01.Allocation.SlackTime + t01.Allocation.Accounts.Aggregate(TimeSpan.Zero, (s, a) => s + a.RemoteTime));
        Assert.Equal(TimeSpan.FromHours(120) - TimeSpan.FromMinutes(800), t01.TimeLeft);
        Assert.Equal(10, t01.Allocation.Accounts.Length);
        Assert.Empty(plan.Warnings);
    }

    [Fact]
    public void RemoteTime_RoomLeft_RemoteAllocationOfEachRemoteActivity()
    {
        var t01 = new SalesMixPlanner().Plan(new MixPlanningRequest([Designed("T01", 10, TimeSpan.FromHours(40))], Cycle)).AsT0.Territories[0];
        var remote = t01.Allocation.Activities.Where(a => a.Channel == ActivityChannel.Remote && a.Units > 0).ToList();

        Assert.NotEmpty(remote);
        Assert.Equal(remote.Select(a => (a.Activity, a.Time)), t01.RemoteTime().Select(kv => (kv.Key, kv.Value)));
        Assert.All(t01.Allocation.Activities.Where(a => a.Activity is "order-taking" or "demo"), a => Assert.Equal(ActivityChannel.Field, a.Channel));
    }

    [Fact]
    public void RemoteTime_MoreRemoteThanTimeLeft_ScaledDownToTheTimeLeft()
    {
        var planned = new SalesMixPlanner().Plan(new MixPlanningRequest([Designed("T01", 10, TimeSpan.FromHours(40))], Cycle)).AsT0.Territories[0];
        var remote = planned.Allocation.Activities.Where(a => a.Channel == ActivityChannel.Remote).ToDictionary(a => a.Activity, a => a.Time);
        var asked = remote.Values.Aggregate(TimeSpan.Zero, (s, t) => s + t);
        var half = TimeSpan.FromMinutes(Math.Floor(asked.TotalMinutes / 2));
        var squeezed = planned with { Travel = planned.WorkingTime - planned.Service - half };

        var time = squeezed.RemoteTime();

        Assert.Equal(half, time.Values.Aggregate(TimeSpan.Zero, (s, t) => s + t));
        Assert.All(time, kv => Assert.True(kv.Value <= remote[kv.Key], $"{kv.Key}: {kv.Value} above its allocation {remote[kv.Key]}"));
        Assert.All(time, kv => Assert.True(Math.Abs((kv.Value / remote[kv.Key]) - 0.5) < 0.05, $"{kv.Key}: {kv.Value} not about half of {remote[kv.Key]}"));
    }

    [Fact]
    public void Plan_ExplicitCapacity_AllocatedAsGiven()
    {
        var territory = Designed("T01", 2, TimeSpan.FromHours(10)) with { Capacity = TimeSpan.FromHours(100) };
        var plan = new SalesMixPlanner().Plan(new MixPlanningRequest([territory], Cycle)).AsT0;
        Assert.Equal(100 * 60, plan.Territories[0].Allocation.CapacityUnits);
    }

    [Fact]
    public void Plan_ApplyTo_FrequenciesKeptAndActivityFromTheMix()
    {
        var territory = Designed("T01", 3, TimeSpan.FromHours(20));
        var plan = new SalesMixPlanner().Plan(new MixPlanningRequest([territory], Cycle)).AsT0;
        var outsider = new Account(new AccountId("elsewhere"), new GeoPoint(-83, 40)) { Visit = VisitRequirement.Of(VisitFrequency.PerWeek(2)) };
        var applied = plan.ApplyTo([.. territory.Accounts, outsider]);

        for (var i = 0; i < territory.Accounts.Length; i++)
        {
            Assert.Equal(territory.Accounts[i].Visit!.Frequency, applied[i].Visit!.Frequency);
            Assert.Equal(TimeSpan.FromMinutes(20), applied[i].Visit!.Duration);
            Assert.Equal(plan.Territories[0].Allocation.Accounts.Single(a => a.Account == applied[i].Id).Visit!.Activity, applied[i].Visit!.Activity);
            Assert.NotNull(applied[i].Visit!.Activity);
        }

        Assert.Same(outsider, applied[^1]);
    }

    [Fact]
    public void Plan_TravelLongerThanWorkingTime_TravelDoesNotFitNamesTerritoryAndHours()
    {
        var request = new MixPlanningRequest([Designed("T01", 2, TimeSpan.FromHours(170)), Designed("T02", 2, TimeSpan.FromHours(10))], Cycle);
        var error = Assert.Single(new SalesMixPlanner().Plan(request).AsT1.Errors);
        Assert.Equal((MixErrorCode.TravelDoesNotFit, "T01", "170", 600L), (error.Code, error.Ids[0], error.Value, error.Units));
        Assert.Contains("160", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_VisitsAndTravelAboveWorkingTime_ShortfallReported()
    {
        // 40 accounts x 4 visits x 20 minutes = 53.3 h of service; 120 h of travel leaves 40 h.
        var request = new MixPlanningRequest([Designed("T01", 40, TimeSpan.FromHours(120))], Cycle);
        var error = Assert.Single(new SalesMixPlanner().Plan(request).AsT1.Errors);
        Assert.Equal((MixErrorCode.CapacityShortfall, "T01", (40 * 4 * 20) - (40 * 60L)), (error.Code, error.Ids[0], error.Units));
    }

    [Fact]
    public void Plan_TravelNotStatedAndVisitsFillTheDays_TravelMayNotFitWarning()
    {
        // 110 accounts x 4 x 20 min = 146.7 h of 160 h: 8 % left for travel, below the 20 % reserve.
        var busy = Designed("T01", 110, TimeSpan.Zero);
        var plan = new SalesMixPlanner().Plan(new MixPlanningRequest([busy, Designed("T02", 10, TimeSpan.Zero)], Cycle)).AsT0;
        var warning = Assert.Single(plan.Warnings);
        Assert.Equal((MixErrorCode.TravelMayNotFit, "T01"), (warning.Code, warning.Ids[0]));

        var stated = new SalesMixPlanner().Plan(new MixPlanningRequest([busy with { Travel = TimeSpan.FromHours(10) }], Cycle)).AsT0;
        Assert.Empty(stated.Warnings);
    }

    [Fact]
    public void Plan_AccountInTwoTerritories_DuplicateAccountNamesBoth()
    {
        var t1 = Designed("T01", 2, TimeSpan.Zero);
        var t2 = Designed("T02", 1, TimeSpan.Zero) with { Accounts = [t1.Accounts[0] with { Name = "moved" }] };
        var error = Assert.Single(new SalesMixPlanner().Plan(new MixPlanningRequest([t2, t1], Cycle)).AsT1.Errors);
        Assert.Equal(MixErrorCode.DuplicateAccount, error.Code);
        Assert.Equal([t1.Accounts[0].Id.Value, "T01", "T02"], error.Ids);
    }

    [Fact]
    public void Plan_SameTerritoryTwice_DuplicateTerritory()
    {
        var t1 = Designed("T01", 1, TimeSpan.Zero);
        var errors = new SalesMixPlanner().Plan(new MixPlanningRequest([t1, t1 with { Accounts = [] }], Cycle)).AsT1.Errors;
        Assert.Contains(errors, e => e is { Code: MixErrorCode.DuplicateTerritory } && e.Ids[0] == "T01");
    }

    [Fact]
    public void Plan_NoPositionsNoCapacity_NoPositions()
    {
        var vacant = Designed("T01", 1, TimeSpan.Zero) with { Positions = [Rep with { IsVacant = true }] };
        var error = Assert.Single(new SalesMixPlanner().Plan(new MixPlanningRequest([vacant], Cycle)).AsT1.Errors);
        Assert.Equal((MixErrorCode.NoPositions, "T01"), (error.Code, error.Ids[0]));
    }

    [Fact]
    public void Plan_ModelPathAndRequestPath_SameAllocations()
    {
        var model = SalesMixPlannerTests.Model();
        var fromModel = new SalesMixPlanner().Plan(model).AsT0;
        var territories = model.Territories.Select(t => new MixTerritoryRequest(t)
        {
            Accounts = [.. model.Accounts.Where(a => a.Territory == t.Id)],
            Positions = [.. t.Positions.Select(p => model.FindPosition(p)!)],
            Market = model.MarketPositions.Single(m => m.Territory == t.Id),
        });
        var fromRequest = new SalesMixPlanner().Plan(new MixPlanningRequest(territories, model.Cycle) { ProductRoles = model.ProductRoles }).AsT0;

        Assert.Equal(fromModel.Targets, fromRequest.Targets);
        Assert.Equal(
            fromModel.Territories.SelectMany(t => t.Allocation.Accounts).Select(a => (a.Account, a.FieldTime, a.RemoteTime, a.Visit)),
            fromRequest.Territories.SelectMany(t => t.Allocation.Accounts).Select(a => (a.Account, a.FieldTime, a.RemoteTime, a.Visit)));
        Assert.Equal(fromModel.Territories.Select(t => t.Allocation.SlackUnits), fromRequest.Territories.Select(t => t.Allocation.SlackUnits));
    }

    [Fact]
    public void WithVisitRequirements_Model_FrequenciesKeptAndServiceWellBelowWorkingTime()
    {
        // Issue 17 item 10: the handoff spent 100 % of the working time and overrode frequencies (66 visits became 173).
        var model = SalesMixPlannerTests.Model();
        var plan = new SalesMixPlanner().Plan(model).AsT0;
        var updated = plan.WithVisitRequirements(model).AsT0;

        Assert.Equal(
            model.Accounts.OrderBy(a => a.Id).Select(a => a.Visit?.Frequency),
            updated.Accounts.OrderBy(a => a.Id).Select(a => a.Visit?.Frequency));
        var east = plan.Territories.Single(t => t.Territory.Value == "east");
        Assert.Equal(TimeSpan.FromMinutes(4 * 15), east.Service);
        Assert.True(east.Allocation.SlackTime > east.WorkingTime / 2, $"slack {east.Allocation.SlackTime} of {east.WorkingTime}");
    }

    [Fact]
    public void Plan_NegativeTravel_Throws()
    {
        var request = new MixPlanningRequest([Designed("T01", 1, TimeSpan.FromHours(-1))], Cycle);
        Assert.Throws<ArgumentException>("request", () => new SalesMixPlanner().Plan(request));
        Assert.Throws<ArgumentNullException>("request", () => new SalesMixPlanner().Plan((MixPlanningRequest)null!));
    }

    [Fact]
    public void Constructor_TravelReserveOutOfRange_Throws() =>
        Assert.Throws<ArgumentException>("options", () => new SalesMixPlanner(new MixPlanningOptions { TravelReserve = 1 }));

    /// <summary>A designed territory (not in any model) of <paramref name="accounts"/> weekly accounts of 20 minutes, one rep of 160 h per cycle, and the travel given.</summary>
    private static MixTerritoryRequest Designed(string id, int accounts, TimeSpan travel) => new(new Territory(new TerritoryId(id)))
    {
        Accounts = [.. Enumerable.Range(0, accounts).Select(i => new Account(new AccountId($"{id}-a{i:D3}"), new GeoPoint(-82 - (i * 0.01), 40))
        {
            ServiceTime = TimeSpan.FromMinutes(20),
            Visit = VisitRequirement.Of(VisitFrequency.PerWeek(1)),
            Potential = 1000 * (i + 1),
        })],
        Positions = [Rep with { Id = new PositionId($"rep-{id}") }],
        Market = new MarketPosition(new TerritoryId(id), 1000m * accounts, 0m),
        Travel = travel,
    };

    [Fact]
    public void WithActivities_PlanMadeBeforeTheMix_VisitsCarryTheMixActivityAndDeliverIt()
    {
        var territory = Designed("T01", 3, TimeSpan.FromHours(20));
        var mix = new SalesMixPlanner().Plan(new MixPlanningRequest([territory], Cycle)).AsT0;
        var before = new Territories.Journeys.JourneyPlan
        {
            Routes = [new Territories.Journeys.JourneyRoute { Position = new PositionId("rep-T01"), Day = 0, Visits = [.. territory.Accounts.Select((a, i) => new Territories.Journeys.PlannedVisit(a.Id, TimeSpan.FromHours(9 + i), TimeSpan.FromHours(9 + i), TimeSpan.FromHours(9 + i) + TimeSpan.FromMinutes(20), 0, TimeSpan.Zero, null))], Start = TimeSpan.FromHours(9), End = TimeSpan.FromHours(12), DistanceMetres = 0, TravelTime = TimeSpan.Zero, ServiceTime = TimeSpan.FromMinutes(60), Load = 0, }],
            Unplanned = [],
            Kpis = new Territories.Journeys.JourneyPlanKpis { TotalDistanceMetres = 0, TotalTravelTime = TimeSpan.Zero, TotalServiceTime = TimeSpan.FromMinutes(60), Routes = 1, Visits = 3, MinWorkingHours = 0, MaxWorkingHours = 0, MeanWorkingHours = 0, StdDevWorkingHours = 0, Utilisation = 0, VisitsPerDay = 0, },
            Capacity = [],
            Crossings = [],
            Status = Territories.Journeys.JourneyPlanStatus.Completed,
            Cost = 0,
            Iterations = 0,
        };
        Assert.Empty(MixDelivery.Effort(before, new TerritoryId("T01")));

        var after = mix.WithActivities(before);
        var activities = mix.Territories[0].Allocation.Accounts.ToDictionary(a => a.Account, a => a.Visit!.Activity!);
        Assert.All(after.Routes[0].Visits, v => Assert.Equal(activities[v.Account], v.Activity));

        // Three equal accounts under a target with several field activities: the visits carry three of them, not one.
        Assert.Equal(3, after.Routes[0].Visits.Select(v => v.Activity).Distinct().Count());
        var effort = MixDelivery.Effort(after, new TerritoryId("T01"));
        Assert.Equal(after.Routes[0].Visits.Select(v => v.Activity!).Order(StringComparer.Ordinal), effort.Select(e => e.Activity));
        Assert.All(effort, e => Assert.Equal(TimeSpan.FromMinutes(20), e.Time));
    }
}
