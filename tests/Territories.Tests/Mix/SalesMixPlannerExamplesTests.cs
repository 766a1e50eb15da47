using System.Collections.Immutable;
using Territories.Mix;
using Territories.Model;

namespace Territories.Tests.Mix;

/// <summary>Exact examples at the boundaries of <see cref="SalesMixPlanner"/>: option checks, request checks and their messages, shared positions, smoothing and the travel warning.</summary>
public class SalesMixPlannerExamplesTests
{
    private static readonly JourneyCycle Cycle = JourneyCycle.Create(4);

    // 20 days of 8 h (08:00-17:00 less a 60-minute break): 160 h per cycle.
    private static readonly SalesPosition Rep = new(new PositionId("rep")) { Break = TimeSpan.FromHours(1) };

    [Fact]
    public void Constructor_NullRulesOrAllocation_ThrowsWithMessage()
    {
        var rules = Assert.Throws<ArgumentException>("options", () => new SalesMixPlanner(new MixPlanningOptions { Rules = null! }));
        Assert.StartsWith("Rules must not be null.", rules.Message, StringComparison.Ordinal);
        var allocation = Assert.Throws<ArgumentException>("options", () => new SalesMixPlanner(new MixPlanningOptions { Allocation = null! }));
        Assert.StartsWith("Allocation must not be null.", allocation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_TravelReserveZero_AcceptedAndNegativeRejectedWithMessage()
    {
        var plan = new SalesMixPlanner(new MixPlanningOptions { TravelReserve = 0 }).Plan(new MixPlanningRequest([Designed("T01", 110, TimeSpan.Zero)], Cycle)).AsT0;
        Assert.Empty(plan.Warnings);
        var error = Assert.Throws<ArgumentException>("options", () => new SalesMixPlanner(new MixPlanningOptions { TravelReserve = -0.01 }));
        Assert.StartsWith("TravelReserve must be at least 0 and below 1.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_NegativeCapacity_ThrowsNamingTheTerritory()
    {
        var request = new MixPlanningRequest([Designed("T01", 1, TimeSpan.Zero) with { Capacity = TimeSpan.FromMinutes(-1) }], Cycle);
        var error = Assert.Throws<ArgumentException>("request", () => new SalesMixPlanner().Plan(request));
        Assert.StartsWith("Capacity of territory 'T01' must be zero or more.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_ZeroCapacity_IsAllowed()
    {
        var plan = new SalesMixPlanner().Plan(new MixPlanningRequest([Designed("T01", 0, TimeSpan.Zero) with { Capacity = TimeSpan.Zero }], Cycle)).AsT0;
        Assert.Equal(0, Assert.Single(plan.Territories).Allocation.CapacityUnits);
    }

    [Fact]
    public void Plan_SameTerritoryTwice_ErrorFieldValueAndMessage()
    {
        var t1 = Designed("T01", 1, TimeSpan.Zero);
        var errors = new SalesMixPlanner().Plan(new MixPlanningRequest([t1, t1 with { Accounts = [] }], Cycle)).AsT1.Errors;
        var error = Assert.Single(errors, e => e.Code == MixErrorCode.DuplicateTerritory);
        Assert.Equal(("T01", "Territories", "2", "Territory 'T01' is given 2 times."), (error.Ids[0], error.Field, error.Value, error.Message));
    }

    [Fact]
    public void Plan_TwoAccountsInTwoTerritories_ErrorsInAccountOrderWithMessage()
    {
        var t1 = Designed("T01", 2, TimeSpan.Zero);
        var t2 = Designed("T02", 0, TimeSpan.Zero) with { Accounts = [t1.Accounts[1], t1.Accounts[0]] };
        var errors = new SalesMixPlanner().Plan(new MixPlanningRequest([t2, t1], Cycle)).AsT1.Errors;

        Assert.Equal(["T01-a000", "T01-a001"], errors.Select(e => e.Ids[0]));
        Assert.All(errors, e => Assert.Equal((MixErrorCode.DuplicateAccount, "Accounts", "2"), (e.Code, e.Field, e.Value)));
        Assert.Equal("Account 'T01-a000' is in 2 territories (T01, T02); each account belongs to one.", errors[0].Message);
    }

    [Fact]
    public void Plan_NoPositionsNoCapacity_OnlyThatErrorWithMessage()
    {
        // The account's bad need would be a second error if the territory were derived.
        var vacant = WithBadNeed(Designed("T01", 1, TimeSpan.Zero) with { Positions = [Rep with { IsVacant = true }] });
        var error = Assert.Single(new SalesMixPlanner().Plan(new MixPlanningRequest([vacant], Cycle)).AsT1.Errors);
        Assert.Equal((MixErrorCode.NoPositions, "T01", "Positions", "1"), (error.Code, error.Ids[0], error.Field, error.Value));
        Assert.Equal("Territory 'T01' has no position that works and no capacity given, so it has nothing to allocate.", error.Message);
    }

    [Fact]
    public void Plan_TravelDoesNotFit_OnlyThatErrorWithExactMessage()
    {
        var far = WithBadNeed(Designed("T01", 1, TimeSpan.FromHours(170)));
        var error = Assert.Single(new SalesMixPlanner().Plan(new MixPlanningRequest([far], Cycle)).AsT1.Errors);
        Assert.Equal((MixErrorCode.TravelDoesNotFit, "T01", "Travel", "170", 600L), (error.Code, error.Ids[0], error.Field, error.Value, error.Units));
        Assert.Equal("Territory 'T01' needs 170 h of travel, but its positions work 160 h per cycle.", error.Message);
    }

    [Fact]
    public void Plan_TravelPlusCapacityAboveWorkingTime_TravelDoesNotFitWithTheCapacityAsked()
    {
        var territory = Designed("T01", 1, TimeSpan.FromHours(10)) with { Capacity = TimeSpan.FromHours(155) };
        var error = Assert.Single(new SalesMixPlanner().Plan(new MixPlanningRequest([territory], Cycle)).AsT1.Errors);
        Assert.Equal((MixErrorCode.TravelDoesNotFit, "T01", "10", 300L), (error.Code, error.Ids[0], error.Value, error.Units));
        Assert.Equal("Territory 'T01' needs 10 h of travel and asks 155 h of capacity, but its positions work 160 h per cycle.", error.Message);
    }

    [Fact]
    public void Plan_TravelPlusCapacityExactlyWorkingTime_Fits()
    {
        var territory = Designed("T01", 1, TimeSpan.FromHours(10)) with { Capacity = TimeSpan.FromHours(150) };
        var mix = Assert.Single(new SalesMixPlanner().Plan(new MixPlanningRequest([territory], Cycle)).AsT0.Territories);
        Assert.Equal((150 * 60L, TimeSpan.FromHours(160), TimeSpan.FromHours(10)), (mix.Allocation.CapacityUnits, mix.WorkingTime, mix.Travel));
    }

    [Fact]
    public void Plan_NoWorkingPositionButCapacityAndTravel_AllocatesTheCapacityWithoutWarning()
    {
        var territory = Designed("T01", 2, TimeSpan.FromHours(1)) with { Positions = [Rep with { IsVacant = true }], Capacity = TimeSpan.FromHours(10) };
        var plan = new SalesMixPlanner().Plan(new MixPlanningRequest([territory], Cycle)).AsT0;
        var mix = Assert.Single(plan.Territories);
        Assert.Equal((10 * 60L, TimeSpan.Zero), (mix.Allocation.CapacityUnits, mix.WorkingTime));
        Assert.Empty(plan.Warnings);

        var noTravel = new SalesMixPlanner().Plan(new MixPlanningRequest([territory with { Travel = TimeSpan.Zero }], Cycle)).AsT0;
        Assert.Empty(noTravel.Warnings);
    }

    [Fact]
    public void Plan_PositionSharedByThreeTerritories_LeftoverTicksGoToTheFirstIds()
    {
        var odd = new SalesPosition(new PositionId("desk")) { Break = TimeSpan.FromHours(1) + TimeSpan.FromTicks(1) };
        var total = MixCapacity.PerCycle(odd, Cycle).Ticks;
        Assert.Equal(1, total % 3);
        var territories = new[] { "T03", "T01", "T02" }.Select(id => Designed(id, 0, TimeSpan.Zero) with { Positions = [odd] });

        var plan = new SalesMixPlanner().Plan(new MixPlanningRequest(territories, Cycle)).AsT0;

        Assert.Equal(["T01", "T02", "T03"], plan.Territories.Select(t => t.Territory.Value));
        Assert.Equal([(total / 3) + 1, total / 3, total / 3], plan.Territories.Select(t => t.WorkingTime.Ticks));
    }

    [Fact]
    public void Plan_NeighboursWithoutSmoothing_TargetsAreTheDerivedOnes()
    {
        var request = new MixPlanningRequest([Designed("T01", 3, TimeSpan.FromHours(20)), Designed("T02", 30, TimeSpan.FromHours(20)) with { Market = new MarketPosition(new TerritoryId("T02"), 10m, 9m) }], Cycle)
        {
            Neighbours = [new NeighbourPair(new TerritoryId("T01"), new TerritoryId("T02"))],
        };
        var plan = new SalesMixPlanner().Plan(request).AsT0;
        Assert.NotEqual(plan.Territories[0].Target, plan.Territories[1].Target);
        Assert.All(plan.Territories, t => Assert.Equal(t.Derivation.Target, t.Target));
    }

    [Fact]
    public void Plan_SmoothingWithoutNeighbours_TargetsAreTheDerivedOnes()
    {
        var options = new MixPlanningOptions { Smoothing = new MixSmoothingOptions { Strength = 0.5 } };
        var request = new MixPlanningRequest([Designed("T01", 3, TimeSpan.FromHours(20)), Designed("T02", 30, TimeSpan.FromHours(20))], Cycle);
        var plan = new SalesMixPlanner(options).Plan(request).AsT0;
        Assert.All(plan.Territories, t => Assert.Equal(t.Derivation.Target, t.Target));
    }

    [Fact]
    public void Plan_SmoothingWithAnUnknownNeighbour_FailsWithTheSmoothingError()
    {
        var options = new MixPlanningOptions { Smoothing = new MixSmoothingOptions { Strength = 0.5 } };
        var request = new MixPlanningRequest([Designed("T01", 3, TimeSpan.FromHours(20))], Cycle)
        {
            Neighbours = [new NeighbourPair(new TerritoryId("T01"), new TerritoryId("T99"))],
        };
        var errors = new SalesMixPlanner(options).Plan(request).AsT1.Errors;
        Assert.Contains(errors, e => e.Ids.Contains("T99"));
    }

    [Fact]
    public void Plan_NoMarketPositions_ClassifiesNothing()
    {
        var plan = new SalesMixPlanner().Plan(new MixPlanningRequest([Designed("T01", 2, TimeSpan.FromHours(20)) with { Market = null }], Cycle)).AsT0;
        Assert.Equal(MarketStrategy.Unspecified, Assert.Single(plan.Territories).Derivation.Strategy);
    }

    [Fact]
    public void Plan_TimeLeftExactlyTheReserve_NoWarningAndOneVisitMoreWarns()
    {
        // 96 accounts x 4 x 20 min = 128 h of 160 h: 32 h left, exactly the 20 % reserve.
        var exact = new SalesMixPlanner().Plan(new MixPlanningRequest([Designed("T01", 96, TimeSpan.Zero)], Cycle)).AsT0;
        Assert.Equal(TimeSpan.FromHours(32), exact.Territories[0].TimeLeft);
        Assert.Empty(exact.Warnings);

        // 110 accounts: 146.7 h of 160 h, 13.3 h left.
        var busy = new SalesMixPlanner().Plan(new MixPlanningRequest([Designed("T01", 110, TimeSpan.Zero)], Cycle)).AsT0;
        var warning = Assert.Single(busy.Warnings);
        Assert.Equal((MixErrorCode.TravelMayNotFit, "T01", "Travel", "13.3"), (warning.Code, warning.Ids[0], warning.Field, warning.Value));
        Assert.StartsWith("Territory 'T01': the visits ask 146.7 h of 160 h working time, leaving 13.3 h (", warning.Message, StringComparison.Ordinal);
        Assert.EndsWith(" reserve; state its travel to check that the plan fits.", warning.Message, StringComparison.Ordinal);
    }

    private static MixTerritoryRequest WithBadNeed(MixTerritoryRequest territory) =>
        territory with { Accounts = [territory.Accounts[0] with { ActivityNeeds = ImmutableDictionary<string, double>.Empty.Add("demo", -1) }] };

    /// <summary>A designed territory of <paramref name="accounts"/> weekly accounts of 20 minutes, one rep of 160 h per cycle, and the travel given.</summary>
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
}
