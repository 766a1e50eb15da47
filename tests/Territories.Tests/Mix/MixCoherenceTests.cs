using System.Collections.Immutable;
using FsCheck.Xunit;
using Territories.Mix;
using Territories.Model;

namespace Territories.Tests.Mix;

public class MixCoherenceTests
{
    private static readonly SalesMix FieldOnly = MixAllocatorTests.Mix(("order-taking", 0.5), ("merchandising", 0.5));
    private static readonly SalesMix RemoteOnly = MixAllocatorTests.Mix(("inbound", 0.5), ("outbound", 0.5));
    private static readonly SalesMix Half = MixAllocatorTests.Mix(("order-taking", 0.5), ("inbound", 0.5));

    [Fact]
    public void Divergence_KnownValues()
    {
        Assert.Equal(0, MixCoherence.Divergence(FieldOnly, FieldOnly));
        Assert.Equal(1, MixCoherence.Divergence(FieldOnly, RemoteOnly), 12);
        Assert.Equal(1, MixCoherence.Divergence(FieldOnly, RemoteOnly, MixDivergenceMeasure.TotalVariation), 12);
        Assert.Equal(0.5, MixCoherence.Divergence(FieldOnly, Half, MixDivergenceMeasure.TotalVariation), 12);

        // JS of (1/2, 1/2, 0) and (1/2, 0, 1/2): the shared half contributes nothing, each other quarter log2(2) / 2.
        Assert.Equal(0.5, MixCoherence.Divergence(FieldOnly, Half), 12);
    }

    [Fact]
    public void Analyze_ListsPairsAboveThreshold()
    {
        var mixes = Map(("a", FieldOnly), ("b", FieldOnly), ("c", RemoteOnly));
        var report = MixCoherence.Analyze(mixes, [new(new TerritoryId("b"), new TerritoryId("a")), new(new TerritoryId("c"), new TerritoryId("b"), 2)], threshold: 0.1).AsT0;
        Assert.Equal([("a", "b", 0.0), ("b", "c", 1.0)], report.Pairs.Select(p => (p.First.Value, p.Second.Value, Math.Round(p.Divergence, 9))));
        var divergent = Assert.Single(report.Divergent);
        Assert.Equal(("b", "c"), (divergent.First.Value, divergent.Second.Value));
        Assert.Equal(2.0, report.TotalDivergence, 1e-9);
    }

    [Fact]
    public void Analyze_BadPairs_ReportsEveryOne()
    {
        var mixes = Map(("a", FieldOnly), ("b", RemoteOnly));
        var errors = MixCoherence.Analyze(mixes, [new(new TerritoryId("a"), new TerritoryId("a")), new(new TerritoryId("a"), new TerritoryId("b")), new(new TerritoryId("b"), new TerritoryId("a")), new(new TerritoryId("a"), new TerritoryId("zz")), new(new TerritoryId("a"), new TerritoryId("b"), -1)]).AsT1.Errors;
        Assert.Contains(errors, e => e.Code == MixErrorCode.InvalidNeighbourPair && e.Message.Contains("itself", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Code == MixErrorCode.InvalidNeighbourPair && e.Message.Contains("more than once", StringComparison.Ordinal));
        Assert.Contains(errors, e => e is { Code: MixErrorCode.UnknownTerritory, Value: "zz" });
        Assert.Contains(errors, e => e is { Code: MixErrorCode.NegativeValue, Field: "Weight", Value: "-1" });
    }

    [Property(Arbitrary = [typeof(Arbitraries)])]
    public void Smooth_AnyMap_NeverIncreasesTotalDivergence(MixMapCase c)
    {
        var options = new MixSmoothingOptions { Strength = c.Strength, Rounds = c.Rounds, Measure = c.Measure };
        var result = MixCoherence.Smooth(c.Mixes, c.Pairs, options).AsT0;
        var before = MixCoherence.Analyze(c.Mixes, c.Pairs, measure: c.Measure).AsT0.TotalDivergence;
        var after = MixCoherence.Analyze(result.Mixes, c.Pairs, measure: c.Measure).AsT0.TotalDivergence;
        Assert.True(after <= before + 1e-12, $"{before} -> {after}");
        Assert.All(result.Mixes.Values, m => Assert.Equal(1.0, m.Shares.Values.Sum(), 9));
    }

    [Property(Arbitrary = [typeof(Arbitraries)])]
    public void Smooth_UniformMap_Unchanged(MixMapCase c)
    {
        var one = c.Mixes.Values.First();
        var uniform = c.Mixes.Keys.ToImmutableSortedDictionary(k => k, _ => one);
        var result = MixCoherence.Smooth(uniform, c.Pairs, new MixSmoothingOptions { Strength = c.Strength, Rounds = c.Rounds, Measure = c.Measure }).AsT0;
        Assert.All(result.Mixes, m => Assert.Equal(one, m.Value));
        Assert.Equal(0, result.TotalDivergenceAfter);
    }

    [Property(Arbitrary = [typeof(Arbitraries)])]
    public void Smooth_WithBounds_EveryShareStaysInsideItsBounds(MixMapCase c)
    {
        // Bounds around each mix: at most 0.05 below and above its current share.
        var bounds = c.Mixes.ToDictionary(
            m => m.Key,
            m => (IReadOnlyDictionary<string, ShareBounds>)m.Value.Shares.ToDictionary(s => s.Key, s => new ShareBounds(Math.Max(0, s.Value - 0.05), Math.Min(1, s.Value + 0.05))));
        var options = new MixSmoothingOptions { Strength = c.Strength, Rounds = c.Rounds, Measure = c.Measure, Bounds = bounds };
        var result = MixCoherence.Smooth(c.Mixes, c.Pairs, options).AsT0;
        foreach (var (territory, mix) in result.Mixes)
        {
            foreach (var (activity, share) in mix.Shares)
            {
                var b = bounds[territory][activity];
                Assert.InRange(share, b.Minimum - 1e-12, b.Maximum + 1e-12);
            }
        }
    }

    [Fact]
    public void Smooth_TwoOpposites_MoveTowardEachOther()
    {
        var mixes = Map(("a", FieldOnly), ("b", RemoteOnly));
        var result = MixCoherence.Smooth(mixes, [new(new TerritoryId("a"), new TerritoryId("b"))], new MixSmoothingOptions { Strength = 0.25, Measure = MixDivergenceMeasure.TotalVariation }).AsT0;
        Assert.Equal(0.375, result.Mixes[new TerritoryId("a")]["order-taking"], 12);
        Assert.Equal(0.125, result.Mixes[new TerritoryId("a")]["inbound"], 12);
        Assert.Equal(1.0, result.TotalDivergenceBefore, 12);
        Assert.Equal(0.5, result.TotalDivergenceAfter, 12);
    }

    [Fact]
    public void Smooth_StrengthZero_Unchanged()
    {
        var mixes = Map(("a", FieldOnly), ("b", RemoteOnly));
        var result = MixCoherence.Smooth(mixes, [new(new TerritoryId("a"), new TerritoryId("b"))], new MixSmoothingOptions { Strength = 0 }).AsT0;
        Assert.Same(FieldOnly, result.Mixes[new TerritoryId("a")]);
        Assert.Same(RemoteOnly, result.Mixes[new TerritoryId("b")]);
    }

    [Fact]
    public void Smooth_MixOutsideItsBounds_Reported()
    {
        var mixes = Map(("a", FieldOnly), ("b", RemoteOnly));
        var options = new MixSmoothingOptions
        {
            Bounds = new Dictionary<TerritoryId, IReadOnlyDictionary<string, ShareBounds>> { [new TerritoryId("a")] = new Dictionary<string, ShareBounds> { ["order-taking"] = new(0.6, 1) } },
        };
        var error = Assert.Single(MixCoherence.Smooth(mixes, [new(new TerritoryId("a"), new TerritoryId("b"))], options).AsT1.Errors);
        Assert.Equal((MixErrorCode.MixOutsideBounds, "a", "Bounds[order-taking]", "0.5"), (error.Code, error.Ids[0], error.Field, error.Value));
    }

    [Fact]
    public void Smooth_InvalidOptions_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => MixCoherence.Smooth(Map(("a", FieldOnly)), [], new MixSmoothingOptions { Strength = 2, Rounds = -1 }));
        Assert.Contains("Strength", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Rounds", ex.Message, StringComparison.Ordinal);
    }

    private static ImmutableSortedDictionary<TerritoryId, SalesMix> Map(params (string Id, SalesMix Mix)[] mixes) =>
        mixes.ToImmutableSortedDictionary(m => new TerritoryId(m.Id), m => m.Mix);
}
