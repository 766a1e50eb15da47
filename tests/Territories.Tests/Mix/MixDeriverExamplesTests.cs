using System.Collections.Immutable;
using Territories.Mix;
using Territories.Model;

namespace Territories.Tests.Mix;

/// <summary>Exact examples of the derivation: error order and messages, overflow scaling, which parts and contributions take part.</summary>
public class MixDeriverExamplesTests
{
    private static readonly TerritoryId T = new("t");

    [Fact]
    public void Derive_BadNeedsOfTwoAccounts_ErrorsInAccountOrder()
    {
        var errors = Fail(new MixDerivationInput(T) { Accounts = [Need("b", "demo", -1), Need("a", "demo", -2)] }, MixRules.None);
        Assert.Equal(["a", "b"], errors.Select(e => e.Ids[0]));
        Assert.Equal(["-2", "-1"], errors.Select(e => e.Value));
    }

    [Fact]
    public void Derive_BadProductWeights_ErrorsInProductOrderWithMessage()
    {
        var market = Market(("p2", double.NaN), ("p1", -1), ("p0", 0));
        var errors = Fail(new MixDerivationInput(T) { Market = market }, MixRules.None);
        Assert.Equal(["ProductWeights[p1]", "ProductWeights[p2]"], errors.Select(e => e.Field));
        Assert.Equal(["-1", "NaN"], errors.Select(e => e.Value));
        Assert.All(errors, e => Assert.Equal((MixErrorCode.NegativeValue, ItemKind.MarketPosition, "t"), (e.Code, e.Kind, e.Ids[0])));
        Assert.Equal("The weight of product 'p1' must be a finite number, zero or more.", errors[0].Message);
    }

    [Fact]
    public void Derive_NeedsOverflowingTheirSum_ScaledByTheLargest()
    {
        var accounts = new[] { Need("a", "demo", 1e308), Need("b", "demo", 1e308), Need("c", "collection", 1) };
        var target = Derive(new MixDerivationInput(T) { Accounts = [.. accounts] }, MixRules.None).Target;

        // Default mix weight 1, needs (all but nothing on demo) weight 2.
        Assert.Equal((0.05 + 2) / 3, target["demo"], 12);
        Assert.Equal(0.05 / 3, target["collection"], 12);
        Assert.Equal(0.30 / 3, target["order-taking"], 12);
    }

    [Fact]
    public void Derive_UnknownStage_CountsAsEstablished()
    {
        var account = new Account(new AccountId("a"), new GeoPoint(0, 45)) { Stage = JourneyStage.Unknown };
        var derivation = Derive(new MixDerivationInput(T) { Accounts = [account] }, MixRules.Default);
        Assert.Equal(["stage:Established"], derivation.Contributions.Select(c => c.Source).Where(s => s.StartsWith("stage:", StringComparison.Ordinal)).Distinct());
        Assert.Equal(0.45 / 2, derivation.Explain("order-taking").Single(c => c.Source == "stage:Established").Share, 12);
    }

    [Fact]
    public void Derive_StageWithZeroOrEmptyTable_LeftOutOfTheAverage()
    {
        var rules = MixRules.None with
        {
            StageMixes = ImmutableDictionary<JourneyStage, ImmutableDictionary<string, double>>.Empty
                .Add(JourneyStage.Prospect, ImmutableDictionary<string, double>.Empty.Add("demo", 0))
                .Add(JourneyStage.Lapsed, ImmutableDictionary<string, double>.Empty)
                .Add(JourneyStage.Established, ImmutableDictionary<string, double>.Empty.Add("audit", 1)),
        };
        var accounts = new[] { JourneyStage.Prospect, JourneyStage.Lapsed, JourneyStage.Established }
            .Select((s, i) => new Account(new AccountId($"a{i}"), new GeoPoint(0, 45)) { Stage = s });

        var derivation = Derive(new MixDerivationInput(T) { Accounts = [.. accounts] }, rules);

        // Default mix weight 1 and the stage part (only Established) weight 1.
        var stage = Assert.Single(derivation.Contributions, c => c.Source.StartsWith("stage:", StringComparison.Ordinal));
        Assert.Equal(("audit", "stage:Established", 0.5), (stage.Activity, stage.Source, stage.Share));
        Assert.Equal(1.0, derivation.Target.Shares.Values.Sum(), 12);
    }

    [Fact]
    public void Derive_ProductWithoutRoleOrWeight_LeftOut()
    {
        var market = Market(("x", 1), ("p", 1), ("z", 0)) with { Strategy = MarketStrategy.Develop };
        var input = new MixDerivationInput(T) { Market = market, ProductRoles = [new ProductRole("p", ProductRoleKind.Launch), new ProductRole("z", ProductRoleKind.Core)] };
        var rules = MixRules.None with { ProductRoleMixes = MixRules.Default.ProductRoleMixes };

        var derivation = Derive(input, rules);

        Assert.Equal(
            [("demo", "product:p", 0.55 / 2), ("enablement", "product:p", 0.45 / 2)],
            derivation.Contributions.Where(c => c.Source.StartsWith("product:", StringComparison.Ordinal)).Select(c => (c.Activity, c.Source, Math.Round(c.Share, 12))));
    }

    [Fact]
    public void Derive_ProductWhoseRoleHasNoEmphasis_LeftOutOfTheProductWeights()
    {
        var market = Market(("p1", 1), ("p2", 1)) with { Strategy = MarketStrategy.Develop };
        var input = new MixDerivationInput(T) { Market = market, ProductRoles = [new ProductRole("p1", ProductRoleKind.Launch), new ProductRole("p2", ProductRoleKind.Mature)] };
        var rules = MixRules.None with { ProductRoleMixes = MixRules.Default.ProductRoleMixes.Remove(ProductRoleKind.Mature) };

        var derivation = Derive(input, rules);

        Assert.Equal(0.55 / 2, derivation.Explain("demo").Single(c => c.Source == "product:p1").Share, 12);
        Assert.DoesNotContain(derivation.Contributions, c => c.Source == "product:p2");
        Assert.Equal(1.0, derivation.Target.Shares.Values.Sum(), 12);
    }

    [Fact]
    public void Derive_ProductWeightTooSmallToCount_NoContribution()
    {
        var market = Market(("p1", 1e300), ("p2", double.Epsilon));
        var input = new MixDerivationInput(T) { Market = market, ProductRoles = [new ProductRole("p1", ProductRoleKind.Launch), new ProductRole("p2", ProductRoleKind.Core)] };
        var derivation = Derive(input, MixRules.None with { ProductRoleMixes = MixRules.Default.ProductRoleMixes });
        Assert.Equal(["product:p1"], derivation.Contributions.Select(c => c.Source).Where(s => s.StartsWith("product:", StringComparison.Ordinal)).Distinct());
    }

    [Fact]
    public void Derive_NothingApplies_EmptyMixErrorWithMessage()
    {
        var error = Assert.Single(Fail(new MixDerivationInput(T), MixRules.None with { DefaultMixWeight = 0 }));
        Assert.Equal((MixErrorCode.EmptyMix, "t", "Rules", (string?)null), (error.Code, error.Ids[0], error.Field, error.Value));
        Assert.Equal("No rule applies with a positive weight: give the default mix a positive weight.", error.Message);
    }

    [Fact]
    public void Derive_ZeroWeightInATable_NoContribution()
    {
        var rules = MixRules.None with { DefaultMix = ImmutableDictionary<string, double>.Empty.Add("demo", 2).Add("audit", 0) };
        var derivation = Derive(new MixDerivationInput(T), rules);
        Assert.Equal([new MixContribution("demo", "default", 1.0)], derivation.Contributions);
        Assert.Equal(0, derivation.Target["audit"]);
    }

    [Fact]
    public void Derive_ZeroWeightPart_NoContribution()
    {
        var rules = MixRules.Default with { NeedsWeight = 0 };
        var derivation = Derive(new MixDerivationInput(T) { Accounts = [Need("a", "demo", 3)] }, rules);
        Assert.DoesNotContain(derivation.Contributions, c => c.Source == "needs");
    }

    [Fact]
    public void Derive_EverySource_ContributionsSortedByActivityThenSource()
    {
        var account = new Account(new AccountId("a"), new GeoPoint(0, 45)) { Stage = JourneyStage.Prospect, ActivityNeeds = ImmutableDictionary<string, double>.Empty.Add("demo", 1) };
        var market = Market(("p", 1)) with { Strategy = MarketStrategy.Develop };
        var derivation = Derive(new MixDerivationInput(T) { Accounts = [account], Market = market, ProductRoles = [new ProductRole("p", ProductRoleKind.Launch)] }, MixRules.Default);

        Assert.Equal(["default", "needs", "product:p", "stage:Prospect", "strategy:Develop"], derivation.Contributions.Where(c => c.Activity == "demo").Select(c => c.Source));
        var ordered = derivation.Contributions.OrderBy(c => c.Activity, StringComparer.Ordinal).ThenBy(c => c.Source, StringComparer.Ordinal);
        Assert.Equal(ordered, derivation.Contributions);
    }

    [Fact]
    public void Derive_TablesOverflowingTheirSum_ScaledByTheLargest()
    {
        var rules = MixRules.None with { DefaultMix = ImmutableDictionary<string, double>.Empty.Add("demo", 1e308).Add("audit", 1e308).Add("collection", 1) };
        var target = Derive(new MixDerivationInput(T), rules).Target;
        Assert.Equal(0.5, target["demo"], 12);
        Assert.Equal(0.5, target["audit"], 12);
        Assert.Equal(1.0, target.Shares.Values.Sum(), 12);
    }

    [Fact]
    public void Derive_BadPartWeights_OneErrorEachWithMessage()
    {
        var rules = MixRules.None with { DefaultMixWeight = -1, StageWeight = double.PositiveInfinity, HighShareThreshold = double.NaN };
        var errors = Fail(new MixDerivationInput(T), rules);
        Assert.Equal(["DefaultMixWeight", "StageWeight", "HighShareThreshold"], errors.Select(e => e.Field));
        Assert.Equal(["-1", "Infinity", "NaN"], errors.Select(e => e.Value));
        Assert.All(errors, e => Assert.Equal((MixErrorCode.NegativeValue, 0), (e.Code, e.Items.Length)));
        Assert.Equal("DefaultMixWeight must be a finite number, zero or more.", errors[0].Message);
    }

    [Fact]
    public void Derive_BadRuleTables_ErrorsPerTableInKeyOrder()
    {
        var bad = ImmutableDictionary<string, double>.Empty.Add("juggling", 1);
        var rules = MixRules.None with
        {
            StageMixes = ImmutableDictionary<JourneyStage, ImmutableDictionary<string, double>>.Empty.Add(JourneyStage.Lapsed, bad).Add(JourneyStage.Prospect, bad),
            StrategyMixes = ImmutableDictionary<MarketStrategy, ImmutableDictionary<string, double>>.Empty.Add(MarketStrategy.Harvest, bad).Add(MarketStrategy.Develop, bad),
            ProductRoleMixes = ImmutableDictionary<ProductRoleKind, ImmutableDictionary<string, double>>.Empty.Add(ProductRoleKind.Mature, bad).Add(ProductRoleKind.Core, bad),
        };
        var errors = Fail(new MixDerivationInput(T), rules);
        Assert.Equal(
            [
                "StageMixes[Prospect][juggling]", "StageMixes[Lapsed][juggling]",
                "StrategyMixes[Develop][juggling]", "StrategyMixes[Harvest][juggling]",
                "ProductRoleMixes[Core][juggling]", "ProductRoleMixes[Mature][juggling]",
            ],
            errors.Select(e => e.Field));
        Assert.All(errors, e => Assert.Equal(MixErrorCode.UnknownActivity, e.Code));
    }

    private static Account Need(string id, string activity, double hours) =>
        new(new AccountId(id), new GeoPoint(0, 45)) { ActivityNeeds = ImmutableDictionary<string, double>.Empty.Add(activity, hours) };

    private static MarketPosition Market(params (string Product, double Weight)[] weights) =>
        new(T, 100m, 50m) { ProductWeights = weights.ToImmutableDictionary(w => w.Product, w => w.Weight) };

    private static MixDerivation Derive(MixDerivationInput input, MixRules rules) => SalesMix.Derive(input, rules).AsT0;

    private static ImmutableArray<MixError> Fail(MixDerivationInput input, MixRules rules) => SalesMix.Derive(input, rules).AsT1.Errors;
}
