using System.Collections.Immutable;
using Territories.Mix;
using Territories.Model;

namespace Territories.Tests.Mix;

public class MixReadinessExamplesTests
{
    private static Account Outlet(string id, JourneyStage stage = JourneyStage.Established, bool visited = true, bool needs = true) =>
        new(new AccountId(id), new GeoPoint(1, 50))
        {
            Stage = stage,
            Visit = visited ? VisitRequirement.Of(VisitFrequency.PerWeek(1)) : null,
            ActivityNeeds = needs ? ImmutableDictionary<string, double>.Empty.Add("order-taking", 2) : ImmutableDictionary<string, double>.Empty,
        };

    private static MarketPosition Market(params (string Product, double Weight)[] weights) =>
        new(new TerritoryId("t1"), 1000m, 200m) { ProductWeights = weights.ToImmutableDictionary(w => w.Product, w => w.Weight) };

    private static MixPlanningRequest Request(MarketPosition? market, params Account[] accounts) =>
        new([new MixTerritoryRequest(new Territory(new TerritoryId("t1"))) { Accounts = [.. accounts], Market = market }], JourneyCycle.Create(4)) { ProductRoles = [new ProductRole("cola", ProductRoleKind.Core)] };

    [Fact]
    public void Check_Null_Throws() => Assert.Throws<ArgumentNullException>("request", () => MixReadiness.Check(null!));

    [Fact]
    public void Check_NoMarket_ExactItem()
    {
        var item = Assert.Single(MixReadiness.Check(Request(null, Outlet("a"))));
        Assert.Equal((MixGap.NoMarketPosition, "t1", 1, 0), (item.Gap, item.Territory.Value, item.Count, item.Ids.Length));
        Assert.Equal("NoMarketPosition [t1] No market position: the mix has no strategy or product part.", item.ToString());
    }

    [Fact]
    public void Check_WeightedProductsWithoutRole_SortedAndZeroWeightsLeftOut()
    {
        var item = Assert.Single(MixReadiness.Check(Request(Market(("fizz", 2), ("apple", 1), ("zero", 0), ("cola", 1)), Outlet("a"))));
        Assert.Equal((MixGap.ProductWithoutRole, 2), (item.Gap, item.Count));
        Assert.Equal(["apple", "fizz"], item.Ids);
        Assert.Equal("2 weighted product(s) have no product role and are left out.", item.Message);
    }

    [Fact]
    public void Check_ProductWithRoleButZeroWeight_NoProductWeights()
    {
        var item = Assert.Single(MixReadiness.Check(Request(Market(("cola", 0)), Outlet("a"))));
        Assert.Equal((MixGap.NoProductWeights, 1, 0), (item.Gap, item.Count, item.Ids.Length));
        Assert.Equal("No weighted product with a role: the mix has no product part.", item.Message);
    }

    [Fact]
    public void Check_AccountsWithoutStageOrVisit_ExactMessages()
    {
        var gaps = MixReadiness.Check(Request(Market(("cola", 1)), Outlet("b", JourneyStage.Unknown), Outlet("c", visited: false)));
        Assert.Equal(
            [
                (MixGap.AccountsWithoutStage, "b", "1 account(s) have no journey stage and are taken as established."),
                (MixGap.AccountsWithoutVisits, "c", "1 account(s) have no visit requirement and get no field time."),
            ],
            gaps.Select(g => (g.Gap, string.Join(",", g.Ids), g.Message)));
    }

    [Fact]
    public void Check_NoAccounts_NoGap() => Assert.Empty(MixReadiness.Check(Request(Market(("cola", 1)))));

    [Fact]
    public void Check_SomeAccountsWithNeeds_NoNeedsGap() =>
        Assert.Empty(MixReadiness.Check(Request(Market(("cola", 1)), Outlet("a"), Outlet("b", needs: false))));
}
