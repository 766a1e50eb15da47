using System.Collections.Immutable;
using FsCheck.Xunit;
using Territories.Mix;
using Territories.Model;

namespace Territories.Tests.Mix;

public class MixDerivationTests
{
    [Property(Arbitrary = [typeof(Arbitraries)])]
    public void Derive_NoRules_ReturnsTheDefaultMix(AccountsCase c)
    {
        var accounts = c.Accounts.Select(a => a with { ActivityNeeds = ImmutableDictionary<string, double>.Empty }).ToImmutableArray();
        var market = new MarketPosition(new TerritoryId("t"), 1000m, c.Capacity) { ProductWeights = ImmutableDictionary<string, double>.Empty.Add("p1", 1) };
        var input = new MixDerivationInput(new TerritoryId("t")) { Accounts = accounts, Market = market, ProductRoles = [new ProductRole("p1", ProductRoleKind.Launch)], PotentialThreshold = 500m };

        var derivation = SalesMix.Derive(input, MixRules.None).AsT0;

        var expected = new Dictionary<string, double>
        {
            ["order-taking"] = 0.30, ["merchandising"] = 0.15, ["collection"] = 0.05, ["audit"] = 0.05, ["demo"] = 0.05,
            ["inbound"] = 0.10, ["outbound"] = 0.15, ["lead-generation"] = 0.05, ["enablement"] = 0.10,
        };
        foreach (var (activity, share) in expected)
        {
            Assert.Equal(share, derivation.Target[activity], 12);
        }

        Assert.All(derivation.Contributions, x => Assert.Equal("default", x.Source));
    }

    [Property(Arbitrary = [typeof(Arbitraries)])]
    public void Derive_DefaultRules_ContributionsAddUpToEachShare(AccountsCase c)
    {
        var input = new MixDerivationInput(new TerritoryId("t"))
        {
            Accounts = c.Accounts,
            Market = new MarketPosition(new TerritoryId("t"), 1000m, c.Capacity % 1000) { ProductWeights = new Dictionary<string, double> { ["p1"] = 2, ["p2"] = 1 }.ToImmutableDictionary() },
            ProductRoles = [new ProductRole("p1", ProductRoleKind.Core), new ProductRole("p2", ProductRoleKind.Launch)],
            PotentialThreshold = 800m,
        };
        var derivation = SalesMix.Derive(input, MixRules.Default).AsT0;
        Assert.Equal(1.0, derivation.Target.Shares.Values.Sum(), 1e-9);
        foreach (var (activity, share) in derivation.Target.Shares)
        {
            Assert.Equal(share, derivation.Explain(activity).Sum(x => x.Share), 12);
        }
    }

    [Property(Arbitrary = [typeof(Arbitraries)])]
    public void Derive_ShuffledAccounts_SameTarget(AccountsCase c)
    {
        var random = new Random(c.Seed);
        var a = SalesMix.Derive(new MixDerivationInput(new TerritoryId("t")) { Accounts = c.Accounts }, MixRules.Default).AsT0;
        var b = SalesMix.Derive(new MixDerivationInput(new TerritoryId("t")) { Accounts = [.. c.Accounts.OrderBy(_ => random.Next())] }, MixRules.Default).AsT0;
        Assert.Equal(a.Target, b.Target);
        Assert.Equal(a.Contributions, b.Contributions);
    }

    [Fact]
    public void Derive_NewAccounts_MoreEnablementThanLoyalOnes()
    {
        var onboarding = Derive(Accounts(JourneyStage.Onboarding, 5));
        var established = Derive(Accounts(JourneyStage.Established, 5));
        Assert.True(onboarding.Target["enablement"] > established.Target["enablement"]);
        Assert.True(established.Target["order-taking"] > onboarding.Target["order-taking"]);
        Assert.Contains(onboarding.Explain("enablement"), x => x.Source == "stage:Onboarding" && x.Share > 0);
    }

    [Fact]
    public void Derive_LaunchProduct_MoreDemosThanCoreProduct()
    {
        MixDerivation With(ProductRoleKind kind) => Derive([], new MarketPosition(new TerritoryId("t"), 100m, 50m) { Strategy = MarketStrategy.Maintain, ProductWeights = ImmutableDictionary<string, double>.Empty.Add("p", 1) }, [new ProductRole("p", kind)]);
        var launch = With(ProductRoleKind.Launch);
        var core = With(ProductRoleKind.Core);
        Assert.True(launch.Target["demo"] > core.Target["demo"]);
        Assert.Contains(launch.Explain("demo"), x => x.Source == "product:p");
    }

    [Fact]
    public void Derive_ProductEmphasis_OverridesRoleDefault()
    {
        var role = new ProductRole("p", ProductRoleKind.Core) { ActivityEmphasis = ImmutableDictionary<string, double>.Empty.Add("audit", 1) };
        var derivation = Derive([], new MarketPosition(new TerritoryId("t"), 100m, 50m) { ProductWeights = ImmutableDictionary<string, double>.Empty.Add("p", 1) }, [role]);
        Assert.Equal(["audit"], derivation.Contributions.Where(x => x.Source == "product:p").Select(x => x.Activity));
    }

    [Theory]
    [InlineData(1000, 100, MarketStrategy.Develop)]
    [InlineData(1000, 500, MarketStrategy.Defend)]
    [InlineData(100, 50, MarketStrategy.Maintain)]
    [InlineData(100, 10, MarketStrategy.Harvest)]
    public void Derive_UnstatedStrategy_ClassifiedFromPotentialAndShare(int potential, int sales, MarketStrategy expected)
    {
        var derivation = Derive([], new MarketPosition(new TerritoryId("t"), potential, sales), [], threshold: 500m);
        Assert.Equal(expected, derivation.Strategy);
        Assert.Contains(derivation.Contributions, x => x.Source == $"strategy:{expected}");
    }

    [Fact]
    public void Derive_DevelopStrategy_MoreLeadGenerationThanMaintain()
    {
        var develop = Derive([], new MarketPosition(new TerritoryId("t"), 100m, 1m) { Strategy = MarketStrategy.Develop }, []);
        var maintain = Derive([], new MarketPosition(new TerritoryId("t"), 100m, 1m) { Strategy = MarketStrategy.Maintain }, []);
        Assert.True(develop.Target["lead-generation"] > maintain.Target["lead-generation"]);
    }

    [Fact]
    public void Derive_AccountNeeds_PullTheMixTowardThem()
    {
        var needy = Accounts(JourneyStage.Established, 2).Select(a => a with { ActivityNeeds = ImmutableDictionary<string, double>.Empty.Add("collection", 10) }).ToList();
        var derivation = Derive(needy);
        var without = Derive(Accounts(JourneyStage.Established, 2));
        Assert.True(derivation.Target["collection"] > without.Target["collection"] + 0.3);
        Assert.Contains(derivation.Explain("collection"), x => x.Source == "needs");
    }

    [Fact]
    public void Derive_NegativeNeedAndUnknownActivity_ReportEach()
    {
        var account = new Account(new AccountId("a9"), new GeoPoint(0, 45))
        {
            ActivityNeeds = new Dictionary<string, double> { ["demo"] = -1, ["juggling"] = 2 }.ToImmutableDictionary(),
        };
        var errors = SalesMix.Derive(new MixDerivationInput(new TerritoryId("t")) { Accounts = [account] }, MixRules.Default).AsT1.Errors;
        Assert.Contains(errors, e => e is { Code: MixErrorCode.NegativeValue, Kind: ItemKind.Account, Field: "ActivityNeeds[demo]", Value: "-1" } && e.Ids[0] == "a9");
        Assert.Contains(errors, e => e is { Code: MixErrorCode.UnknownActivity, Kind: ItemKind.Account, Field: "ActivityNeeds[juggling]" } && e.Ids[0] == "a9");
    }

    [Fact]
    public void Derive_RulesNamingUnknownActivity_ReportsTheRule()
    {
        var rules = MixRules.Default with { DefaultMix = ImmutableDictionary<string, double>.Empty.Add("juggling", 1) };
        var error = Assert.Single(SalesMix.Derive(new MixDerivationInput(new TerritoryId("t")), rules).AsT1.Errors);
        Assert.Equal((MixErrorCode.UnknownActivity, 0, "DefaultMix[juggling]"), (error.Code, error.Items.Length, error.Field));
    }

    [Fact]
    public void Derive_NothingApplies_ReportsEmptyMix()
    {
        var rules = MixRules.None with { DefaultMixWeight = 0 };
        var error = Assert.Single(SalesMix.Derive(new MixDerivationInput(new TerritoryId("t")), rules).AsT1.Errors);
        Assert.Equal(MixErrorCode.EmptyMix, error.Code);
    }

    private static List<Account> Accounts(JourneyStage stage, int count) =>
        [.. Enumerable.Range(0, count).Select(i => new Account(new AccountId($"a{i}"), new GeoPoint(0, 45)) { Stage = stage })];

    private static MixDerivation Derive(IEnumerable<Account> accounts, MarketPosition? market = null, IEnumerable<ProductRole>? roles = null, decimal? threshold = null) =>
        SalesMix.Derive(new MixDerivationInput(new TerritoryId("t")) { Accounts = [.. accounts], Market = market, ProductRoles = [.. roles ?? []], PotentialThreshold = threshold }, MixRules.Default).AsT0;
}
