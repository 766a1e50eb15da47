using System.Collections.Immutable;
using Territories.Mix;
using Territories.Model;

namespace Territories.Tests.Mix;

public class SalesMixTests
{
    private static readonly ActivityType[] Types = [.. ActivityType.Defaults];

    [Fact]
    public void Create_ValidShares_EveryKnownTypeHasAnEntry()
    {
        var mix = SalesMix.Create([KeyValuePair.Create("demo", 0.25), KeyValuePair.Create("order-taking", 0.75)], Types).AsT0;
        Assert.Equal(Types.Length, mix.Shares.Count);
        Assert.Equal(0.25, mix["demo"]);
        Assert.Equal(0.75, mix["order-taking"]);
        Assert.Equal(0, mix["audit"]);
        Assert.Equal(Types.Select(t => t.Id).Order(StringComparer.Ordinal), mix.Shares.Keys);
    }

    [Fact]
    public void Create_SharesNotSummingToOne_ReportsTheSum()
    {
        var error = Assert.Single(SalesMix.Create([KeyValuePair.Create("demo", 0.5), KeyValuePair.Create("audit", 0.3)], Types).AsT1.Errors);
        Assert.Equal(MixErrorCode.SharesDoNotSumToOne, error.Code);
        Assert.Equal("0.8", error.Value);
    }

    [Fact]
    public void Create_NegativeAndUnknownAndDuplicate_ReportsEveryOne()
    {
        var errors = SalesMix.Create(
            [KeyValuePair.Create("demo", -0.5), KeyValuePair.Create("juggling", 1.0), KeyValuePair.Create("audit", 0.25), KeyValuePair.Create("audit", 0.25)],
            Types).AsT1.Errors;
        Assert.Contains(errors, e => e is { Code: MixErrorCode.NegativeValue, Field: "Shares[demo]", Value: "-0.5" });
        Assert.Contains(errors, e => e is { Code: MixErrorCode.UnknownActivity, Field: "Shares[juggling]", Value: "juggling" });
        Assert.Contains(errors, e => e is { Code: MixErrorCode.DuplicateActivity, Field: "Shares[audit]" });
    }

    [Fact]
    public void Create_NaNShare_ReportsNegativeValue()
    {
        var error = Assert.Single(SalesMix.Create([KeyValuePair.Create("demo", double.NaN), KeyValuePair.Create("audit", 1.0)], Types).AsT1.Errors);
        Assert.Equal((MixErrorCode.NegativeValue, "NaN"), (error.Code, error.Value));
    }

    [Fact]
    public void FromWeights_Weights_Normalised()
    {
        var mix = SalesMix.FromWeights([KeyValuePair.Create("demo", 3.0), KeyValuePair.Create("inbound", 1.0)], Types).AsT0;
        Assert.Equal(0.75, mix["demo"]);
        Assert.Equal(0.25, mix["inbound"]);
    }

    [Fact]
    public void FromWeights_AllZero_ReportsEmptyMix()
    {
        var error = Assert.Single(SalesMix.FromWeights([KeyValuePair.Create("demo", 0.0)], Types).AsT1.Errors);
        Assert.Equal(MixErrorCode.EmptyMix, error.Code);
    }

    [Fact]
    public void Create_SameSharesInAnyOrder_EqualMixes()
    {
        var a = SalesMix.Create([KeyValuePair.Create("demo", 0.25), KeyValuePair.Create("audit", 0.75)], Types).AsT0;
        var b = SalesMix.Create([KeyValuePair.Create("audit", 0.75), KeyValuePair.Create("demo", 0.25)], Types.Reverse()).AsT0;
        Assert.Equal(a, b);
        Assert.NotEqual(a, SalesMix.Create([KeyValuePair.Create("demo", 0.5), KeyValuePair.Create("audit", 0.5)], Types).AsT0);
    }

    [Fact]
    public void Create_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>("shares", () => SalesMix.Create(null!, Types));
        Assert.Throws<ArgumentNullException>("weights", () => SalesMix.FromWeights(null!, Types));
        Assert.Throws<ArgumentNullException>("activityTypes", () => SalesMix.Create([], null!));
        Assert.Throws<ArgumentNullException>(() => SalesMix.Derive(null!, MixRules.Default));
        Assert.Throws<ArgumentNullException>(() => SalesMix.Derive(new MixDerivationInput(new TerritoryId("t")), null!));
    }

    [Fact]
    public void FromWeights_WeightsNearDoubleMax_SharesStillSumToOne()
    {
        // Issue 17 item 7: the sum overflowed to infinity and every share became 0.
        var mix = SalesMix.FromWeights([KeyValuePair.Create("demo", 1e308), KeyValuePair.Create("audit", 1e308), KeyValuePair.Create("inbound", 5e307)], Types).AsT0;
        Assert.Equal(0.4, mix["demo"], 12);
        Assert.Equal(0.4, mix["audit"], 12);
        Assert.Equal(0.2, mix["inbound"], 12);
        Assert.Equal(1.0, mix.Shares.Values.Sum(), 12);
    }

    [Fact]
    public void Derive_NeedsNearDoubleMax_FiniteSharesSummingToOne()
    {
        var needs = ImmutableDictionary<string, double>.Empty.Add("demo", 1e308);
        var input = new MixDerivationInput(new TerritoryId("t")) { Accounts = [new Account(new AccountId("a"), new GeoPoint(0, 45)) { ActivityNeeds = needs }, new Account(new AccountId("b"), new GeoPoint(0, 45)) { ActivityNeeds = needs }] };
        var mix = SalesMix.Derive(input, MixRules.Default).AsT0.Target;
        Assert.All(mix.Shares.Values, v => Assert.True(double.IsFinite(v), $"share {v}"));
        Assert.Equal(1.0, mix.Shares.Values.Sum(), 1e-9);
        Assert.True(mix["demo"] > 0);
    }
}
