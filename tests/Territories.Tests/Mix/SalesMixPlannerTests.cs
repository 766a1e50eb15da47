using System.Collections.Immutable;
using Territories.Mix;
using Territories.Model;

namespace Territories.Tests.Mix;

public class SalesMixPlannerTests
{
    [Fact]
    public void Plan_SmallModel_EveryTerritoryAllocatedExactly()
    {
        var model = Model();
        var plan = new SalesMixPlanner().Plan(model).AsT0;

        Assert.Equal(["east", "west"], plan.Territories.Select(t => t.Territory.Value));
        foreach (var territory in plan.Territories)
        {
            Assert.Equal(180 * 60, territory.Allocation.CapacityUnits);
            Assert.Equal(180 * 60, territory.Allocation.Activities.Sum(a => a.Units));
            Assert.Equal(territory.Derivation.Target, territory.Target);
        }

        var east = plan.Territories[0];
        Assert.Equal(MarketStrategy.Develop, east.Derivation.Strategy);
        Assert.Equal(["e1", "e2"], east.Allocation.Accounts.Select(a => a.Account.Value));
        Assert.Equal(MarketStrategy.Maintain, plan.Territories[1].Derivation.Strategy);
    }

    [Fact]
    public void Plan_Assignment_OverridesAccountTerritory()
    {
        var model = Model();
        var assignment = model.Accounts.ToDictionary(a => a.Id, _ => new TerritoryId("west"));
        var plan = new SalesMixPlanner().Plan(model, assignment).AsT0;
        Assert.Empty(plan.Territories[0].Allocation.Accounts);
        Assert.Equal(3, plan.Territories[1].Allocation.Accounts.Length);
    }

    [Fact]
    public void Plan_WithVisitRequirements_ModelStillValidAndVisitsSet()
    {
        var model = Model();
        var plan = new SalesMixPlanner().Plan(model).AsT0;
        var updated = plan.WithVisitRequirements(model).AsT0;
        var account = updated.FindAccount(new AccountId("e1"))!;
        Assert.NotNull(account.Visit);
        Assert.NotNull(account.Visit.Activity);
        Assert.Equal(plan.Territories[0].Allocation.Accounts[0].Visit, account.Visit);
        Assert.NotEmpty(account.Visit.AllowedPatterns(updated.Cycle));
    }

    [Fact]
    public void Plan_WithSmoothing_TargetsMoveTogether()
    {
        var model = Model();
        var options = new MixPlanningOptions { Smoothing = new MixSmoothingOptions { Strength = 0.5 } };
        var plan = new SalesMixPlanner(options).Plan(model, neighbours: [new NeighbourPair(new TerritoryId("east"), new TerritoryId("west"))]).AsT0;
        var before = MixCoherence.Divergence(plan.Territories[0].Derivation.Target, plan.Territories[1].Derivation.Target);
        var after = MixCoherence.Divergence(plan.Territories[0].Target, plan.Territories[1].Target);
        Assert.True(after < before, $"{before} -> {after}");
    }

    [Fact]
    public void Plan_TerritoryWithoutPositions_Reported()
    {
        var model = SalesModel.Create(Input() with
        {
            Territories = [new Territory(new TerritoryId("east")) { Positions = [new PositionId("rep-e")] }, new Territory(new TerritoryId("west")), new Territory(new TerritoryId("north")) { Positions = [new PositionId("rep-v")] }],
            Positions = [new SalesPosition(new PositionId("rep-e")), new SalesPosition(new PositionId("rep-v")) { IsVacant = true }],
        }).AsT0;
        var errors = new SalesMixPlanner().Plan(model).AsT1.Errors;
        Assert.Equal(["north", "west"], errors.Where(e => e.Code == MixErrorCode.NoPositions).Select(e => e.Ids[0]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Plan_CapacityShortOfMinimumVisits_ReportsShortfall()
    {
        var input = Input();
        var busy = input.Accounts.Select(a => a with { Visit = VisitRequirement.Of(VisitFrequency.PerWeek(5)), ServiceTime = TimeSpan.FromHours(5) });
        var model = SalesModel.Create(input with { Accounts = [.. busy] }).AsT0;
        var errors = new SalesMixPlanner().Plan(model).AsT1.Errors;
        var shortfall = Assert.Single(errors, e => e.Ids[0] == "east");
        Assert.Equal(MixErrorCode.CapacityShortfall, shortfall.Code);
        Assert.Equal((2 * 20 * 5 * 60) - (180 * 60), shortfall.Units);
    }

    [Fact]
    public void Plan_NullModel_Throws() => Assert.Throws<ArgumentNullException>("model", () => new SalesMixPlanner().Plan((SalesModel)null!));

    internal static SalesModel Model() => SalesModel.Create(Input()).AsT0;

    internal static SalesModelInput Input() => new()
    {
        Accounts =
        [
            new Account(new AccountId("e2"), new GeoPoint(-82.9, 40.0)) { Territory = new TerritoryId("east"), Stage = JourneyStage.Prospect },
            new Account(new AccountId("e1"), new GeoPoint(-82.8, 40.1)) { Territory = new TerritoryId("east"), Stage = JourneyStage.Onboarding, Visit = VisitRequirement.Of(VisitFrequency.PerWeek(1)) },
            new Account(new AccountId("w1"), new GeoPoint(-84.0, 40.0))
            {
                Territory = new TerritoryId("west"),
                ActivityNeeds = new Dictionary<string, double> { ["collection"] = 4, ["order-taking"] = 6 }.ToImmutableDictionary(),
            },
        ],
        Positions = [new SalesPosition(new PositionId("rep-e")), new SalesPosition(new PositionId("rep-w"))],
        Territories = [new Territory(new TerritoryId("west")) { Positions = [new PositionId("rep-w")] }, new Territory(new TerritoryId("east")) { Positions = [new PositionId("rep-e")] }],
        MarketPositions =
        [
            new MarketPosition(new TerritoryId("east"), 900_000m, 90_000m) { ProductWeights = ImmutableDictionary<string, double>.Empty.Add("new-gadget", 1) },
            new MarketPosition(new TerritoryId("west"), 100_000m, 60_000m),
        ],
        ProductRoles = [new ProductRole("new-gadget", ProductRoleKind.Launch)],
        Cycle = JourneyCycle.Create(4),
    };
}
