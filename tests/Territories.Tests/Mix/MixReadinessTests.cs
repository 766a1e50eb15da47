using System.Collections.Immutable;
using Territories.Mix;
using Territories.Model;

namespace Territories.Tests.Mix;

public class MixReadinessTests
{
    private static Account Outlet(string id, JourneyStage stage = JourneyStage.Established, bool visited = true) =>
        new(new AccountId(id), new GeoPoint(1, 50))
        {
            Stage = stage,
            Visit = visited ? VisitRequirement.Of(VisitFrequency.PerWeek(1)) : null,
            ActivityNeeds = ImmutableDictionary<string, double>.Empty.Add("order-taking", 2),
        };

    private static MixTerritoryRequest Territory(string id, MarketPosition? market, params Account[] accounts) =>
        new(new Territory(new TerritoryId(id))) { Accounts = [.. accounts], Market = market };

    [Fact]
    public void Check_CompleteData_NoGap()
    {
        var market = new MarketPosition(new TerritoryId("t1"), 1000m, 200m) { ProductWeights = ImmutableDictionary<string, double>.Empty.Add("cola", 1) };
        var request = new MixPlanningRequest([Territory("t1", market, Outlet("a"))], JourneyCycle.Create(4)) { ProductRoles = [new ProductRole("cola", ProductRoleKind.Core)] };

        Assert.Empty(MixReadiness.Check(request));
    }

    [Fact]
    public void Check_MissingData_EveryGapNamedWithItsItems()
    {
        var market = new MarketPosition(new TerritoryId("t2"), 1000m, 0m) { ProductWeights = ImmutableDictionary<string, double>.Empty.Add("cola", 1).Add("fizz", 2) };
        var bare = Outlet("c", JourneyStage.Unknown, visited: false) with { ActivityNeeds = ImmutableDictionary<string, double>.Empty };
        var request = new MixPlanningRequest(
            [
                Territory("t2", market, Outlet("b", JourneyStage.Unknown), Outlet("a")),
                Territory("t1", null, bare),
            ],
            JourneyCycle.Create(4)) { ProductRoles = [new ProductRole("cola", ProductRoleKind.Core)] };

        var gaps = MixReadiness.Check(request);

        Assert.Equal(
            [(MixGap.NoMarketPosition, "t1"), (MixGap.AccountsWithoutStage, "t1"), (MixGap.NoActivityNeeds, "t1"), (MixGap.AccountsWithoutVisits, "t1"), (MixGap.NoSales, "t2"), (MixGap.ProductWithoutRole, "t2"), (MixGap.AccountsWithoutStage, "t2")],
            gaps.Select(g => (g.Gap, g.Territory.Value)));
        Assert.Equal(["fizz"], gaps.Single(g => g.Gap == MixGap.ProductWithoutRole).Ids);
        Assert.Equal(["b"], gaps.Single(g => g.Gap == MixGap.AccountsWithoutStage && g.Territory.Value == "t2").Ids);
        Assert.Equal(["c"], gaps.Single(g => g.Gap == MixGap.AccountsWithoutVisits).Ids);
    }

    [Fact]
    public void Check_ManyAccounts_ListsTenIdsAndCountsAll()
    {
        var request = new MixPlanningRequest([Territory("t1", null, [.. Enumerable.Range(0, 25).Select(i => Outlet($"a{i:00}", JourneyStage.Unknown))])], JourneyCycle.Create(4));

        var gap = MixReadiness.Check(request).Single(g => g.Gap == MixGap.AccountsWithoutStage);

        Assert.Equal(25, gap.Count);
        Assert.Equal([.. Enumerable.Range(0, 10).Select(i => $"a{i:00}")], gap.Ids);
    }
}
