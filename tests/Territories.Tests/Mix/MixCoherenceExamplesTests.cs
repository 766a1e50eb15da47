using System.Collections.Immutable;
using Territories.Mix;
using Territories.Model;

namespace Territories.Tests.Mix;

public class MixCoherenceExamplesTests
{
    private static readonly SalesMix FieldOnly = MixAllocatorTests.Mix(("order-taking", 0.5), ("merchandising", 0.5));
    private static readonly SalesMix RemoteOnly = MixAllocatorTests.Mix(("inbound", 0.5), ("outbound", 0.5));
    private static readonly SalesMix Half = MixAllocatorTests.Mix(("order-taking", 0.5), ("inbound", 0.5));
    private static readonly TerritoryId A = new("a");
    private static readonly TerritoryId B = new("b");
    private static readonly TerritoryId C = new("c");

    [Fact]
    public void Divergence_NullOrUnknownMeasure_Throws()
    {
        Assert.Throws<ArgumentNullException>("first", () => MixCoherence.Divergence(null!, FieldOnly));
        Assert.Throws<ArgumentNullException>("second", () => MixCoherence.Divergence(FieldOnly, null!));
        var ex = Assert.Throws<ArgumentException>("measure", () => MixCoherence.Divergence(FieldOnly, RemoteOnly, (MixDivergenceMeasure)99));
        Assert.StartsWith("Unknown divergence measure.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Divergence_MixesOverDisjointActivities_ComparedOverTheUnion()
    {
        var x = SalesMix.FromTrusted([KeyValuePair.Create("x", 1.0)]);
        var y = SalesMix.FromTrusted([KeyValuePair.Create("y", 1.0)]);
        Assert.Equal(1, MixCoherence.Divergence(x, y), 12);
        Assert.Equal(1, MixCoherence.Divergence(x, y, MixDivergenceMeasure.TotalVariation), 12);
    }

    [Fact]
    public void Analyze_BadArguments_Throw()
    {
        var mixes = Map((A, FieldOnly), (B, RemoteOnly));
        Assert.Throws<ArgumentNullException>("mixes", () => MixCoherence.Analyze(null!, []));
        Assert.Throws<ArgumentNullException>("pairs", () => MixCoherence.Analyze(mixes, null!));
        Assert.Throws<ArgumentOutOfRangeException>("threshold", () => MixCoherence.Analyze(mixes, [], -0.01));
        Assert.Throws<ArgumentOutOfRangeException>("threshold", () => MixCoherence.Analyze(mixes, [], double.NaN));
        var ex = Assert.Throws<ArgumentException>("measure", () => MixCoherence.Analyze(mixes, [], 0.05, (MixDivergenceMeasure)99));
        Assert.StartsWith("Unknown divergence measure.", ex.Message, StringComparison.Ordinal);
        var withNull = new Dictionary<TerritoryId, SalesMix> { [A] = null! };
        var nullMix = Assert.Throws<ArgumentException>("mixes", () => MixCoherence.Analyze(withNull, []));
        Assert.StartsWith("The mix of territory 'a' is null.", nullMix.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_DivergenceEqualToThreshold_NotDivergent()
    {
        var mixes = Map((A, FieldOnly), (B, Half));
        var at = MixCoherence.Analyze(mixes, [new(A, B)], 0.5, MixDivergenceMeasure.TotalVariation).AsT0;
        Assert.Equal(0.5, Assert.Single(at.Pairs).Divergence);
        Assert.Empty(at.Divergent);
        var below = MixCoherence.Analyze(mixes, [new(A, B)], 0.4999, MixDivergenceMeasure.TotalVariation).AsT0;
        Assert.Single(below.Divergent);
    }

    [Fact]
    public void Analyze_PairsSortedByFirstThenSecond_OrientationKept()
    {
        var mixes = Map((A, FieldOnly), (B, Half), (C, RemoteOnly));
        var report = MixCoherence.Analyze(mixes, [new(A, C), new(A, B), new(C, B)]).AsT0;
        Assert.Equal([("a", "b"), ("a", "c"), ("b", "c")], report.Pairs.Select(p => (p.First.Value, p.Second.Value)));
    }

    [Fact]
    public void Analyze_DuplicatePairs_TheLighterCheckedFirst()
    {
        var errors = MixCoherence.Analyze(Map((A, FieldOnly), (B, RemoteOnly)), [new(A, B, 1), new(B, A, -1)]).AsT1.Errors;
        Assert.Equal(
            [
                (MixErrorCode.NegativeValue, "a,b", "Weight", "-1", "The weight of a pair must be a positive finite number."),
                (MixErrorCode.InvalidNeighbourPair, "a,b", "First", "a", "The pair 'a'-'b' is listed more than once."),
            ],
            errors.Select(e => (e.Code, string.Join(",", e.Ids), e.Field, e.Value, e.Message)));
    }

    [Fact]
    public void Analyze_SelfUnknownAndWeightlessPairs_ExactErrors()
    {
        var mixes = Map((A, FieldOnly), (B, RemoteOnly));
        var errors = MixCoherence.Analyze(mixes, [new(A, A), new(A, new TerritoryId("zz")), new(new TerritoryId("aa"), B), new(new TerritoryId("x"), new TerritoryId("y")), new(A, B, 0)]).AsT1.Errors;
        Assert.Equal(
            [
                (MixErrorCode.InvalidNeighbourPair, "a,a", "Second", "a", "Territory 'a' is paired with itself."),
                (MixErrorCode.NegativeValue, "a,b", "Weight", "0", "The weight of a pair must be a positive finite number."),
                (MixErrorCode.UnknownTerritory, "a,zz", "Second", "zz", "Territory 'zz' has no mix."),
                (MixErrorCode.UnknownTerritory, "aa,b", "First", "aa", "Territory 'aa' has no mix."),
                (MixErrorCode.UnknownTerritory, "x,y", "First", "x", "Territory 'x' has no mix."),
                (MixErrorCode.UnknownTerritory, "x,y", "Second", "y", "Territory 'y' has no mix."),
            ],
            errors.Select(e => (e.Code, string.Join(",", e.Ids), e.Field, e.Value, e.Message)));
    }

    [Fact]
    public void Smooth_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>("mixes", () => MixCoherence.Smooth(null!, []));
        Assert.Throws<ArgumentNullException>("pairs", () => MixCoherence.Smooth(Map((A, FieldOnly)), null!));
    }

    [Fact]
    public void Smooth_BoundsForUnknownTerritoriesAndActivities_EveryOneInOrder()
    {
        var options = Options(
            (new TerritoryId("zz"), "order-taking", new ShareBounds(0, 1)),
            (new TerritoryId("yy"), "order-taking", new ShareBounds(0, 1)),
            (A, "zz", new ShareBounds(0, 1)),
            (A, "yy", new ShareBounds(0, 1)));
        var errors = MixCoherence.Smooth(Map((A, FieldOnly), (B, RemoteOnly)), [new(A, B)], options).AsT1.Errors;
        Assert.Equal(
            [
                (MixErrorCode.UnknownActivity, "a", "Bounds[yy]", "yy", "Activity 'yy' is in no mix."),
                (MixErrorCode.UnknownActivity, "a", "Bounds[zz]", "zz", "Activity 'zz' is in no mix."),
                (MixErrorCode.UnknownTerritory, "yy", "Bounds", "yy", "Bounds are given for territory 'yy', which has no mix."),
                (MixErrorCode.UnknownTerritory, "zz", "Bounds", "zz", "Bounds are given for territory 'zz', which has no mix."),
            ],
            errors.Select(e => (e.Code, string.Join(",", e.Ids), e.Field, e.Value, e.Message)));
    }

    [Fact]
    public void Smooth_SharesOutsideBounds_EveryOneWithItsBounds()
    {
        var options = Options((A, "order-taking", new ShareBounds(0.6, 1)), (A, "merchandising", new ShareBounds(0, 0.4)));
        var errors = MixCoherence.Smooth(Map((A, FieldOnly), (B, RemoteOnly)), [new(A, B)], options).AsT1.Errors;
        Assert.Equal(
            [
                (MixErrorCode.MixOutsideBounds, "a", "Bounds[merchandising]", "0.5", "The share of 'merchandising' is 0.5, outside its bounds 0 to 0.4."),
                (MixErrorCode.MixOutsideBounds, "a", "Bounds[order-taking]", "0.5", "The share of 'order-taking' is 0.5, outside its bounds 0.6 to 1."),
            ],
            errors.Select(e => (e.Code, string.Join(",", e.Ids), e.Field, e.Value, e.Message)));
    }

    [Theory]
    [InlineData(0.5 + 1e-12, 1.0, 0.5)]
    [InlineData(0.0, 0.5 - 1e-12, 0.25)]
    [InlineData(0.5, 0.5, 0.5)]
    public void Smooth_ShareOnItsBoundWithinTolerance_Accepted(double minimum, double maximum, double smoothed)
    {
        var result = MixCoherence.Smooth(Map((A, FieldOnly), (B, RemoteOnly)), [new(A, B)], Options((A, "order-taking", new ShareBounds(minimum, maximum)))).AsT0;
        Assert.Equal(smoothed, result.Mixes[A]["order-taking"], 1e-9);
    }

    [Fact]
    public void Smooth_ShareBeyondTolerance_Reported()
    {
        var error = Assert.Single(MixCoherence.Smooth(Map((A, FieldOnly), (B, RemoteOnly)), [new(A, B)], Options((A, "order-taking", new ShareBounds(0, 0.5 - 3e-12)))).AsT1.Errors);
        Assert.Equal(MixErrorCode.MixOutsideBounds, error.Code);
    }

    [Fact]
    public void Smooth_FrozenShare_TerritoryDoesNotMove()
    {
        var result = MixCoherence.Smooth(Map((A, FieldOnly), (B, RemoteOnly)), [new(A, B)], Options((A, "order-taking", new ShareBounds(0.5, 0.5)))).AsT0;
        Assert.Same(FieldOnly, result.Mixes[A]);
        Assert.Equal(0.25, result.Mixes[B]["order-taking"], 12);
    }

    [Fact]
    public void Smooth_TwoRounds_DifferenceHalvesTwice()
    {
        var options = new MixSmoothingOptions { Strength = 0.25, Rounds = 2, Measure = MixDivergenceMeasure.TotalVariation };
        var result = MixCoherence.Smooth(Map((A, FieldOnly), (B, RemoteOnly)), [new(A, B)], options).AsT0;
        Assert.Equal(0.3125, result.Mixes[A]["order-taking"], 12);
        Assert.Equal(0.1875, result.Mixes[A]["inbound"], 12);
        Assert.Equal(1.0, result.TotalDivergenceBefore, 12);
        Assert.Equal(0.25, result.TotalDivergenceAfter, 12);
    }

    [Fact]
    public void Smooth_ZeroRounds_Unchanged()
    {
        var result = MixCoherence.Smooth(Map((A, FieldOnly), (B, RemoteOnly)), [new(A, B)], new MixSmoothingOptions { Rounds = 0 }).AsT0;
        Assert.Same(FieldOnly, result.Mixes[A]);
        Assert.Same(RemoteOnly, result.Mixes[B]);
        Assert.Equal(result.TotalDivergenceBefore, result.TotalDivergenceAfter);
    }

    [Fact]
    public void Smooth_FullStrengthSwapKeepsTotal_Accepted()
    {
        var options = new MixSmoothingOptions { Strength = 1, Measure = MixDivergenceMeasure.TotalVariation };
        var result = MixCoherence.Smooth(Map((A, FieldOnly), (B, RemoteOnly)), [new(A, B)], options).AsT0;
        Assert.Equal(RemoteOnly, result.Mixes[A]);
        Assert.Equal(FieldOnly, result.Mixes[B]);
        Assert.Equal(1.0, result.TotalDivergenceAfter, 12);
    }

    [Theory]
    [InlineData("order-taking", 0.0, 0.4)]
    [InlineData("demo", 0.6, 1.0)]
    public void Smooth_BoundShortensTheStep(string activity, double minimum, double maximum)
    {
        var a = MixAllocatorTests.Mix(("order-taking", 0.2), ("demo", 0.8));
        var b = MixAllocatorTests.Mix(("order-taking", 0.8), ("demo", 0.2));
        var options = Options((A, activity, new ShareBounds(minimum, maximum)));
        options.Strength = 1;
        options.Measure = MixDivergenceMeasure.TotalVariation;
        var result = MixCoherence.Smooth(Map((A, a), (B, b)), [new(A, B)], options).AsT0;
        Assert.Equal(0.4, result.Mixes[A]["order-taking"], 12);
        Assert.Equal(0.6, result.Mixes[A]["demo"], 12);
        Assert.Equal(0.2, result.Mixes[B]["order-taking"], 12);
        Assert.Equal(0.2, result.TotalDivergenceAfter, 12);
    }

    [Fact]
    public void Smooth_SharePinnedAtItsBoundButNotMoving_DoesNotBlockTheStep()
    {
        var a = MixAllocatorTests.Mix(("order-taking", 0.2), ("demo", 0.8));
        var b = MixAllocatorTests.Mix(("order-taking", 0.8), ("demo", 0.2));
        var options = Options((A, "audit", new ShareBounds(0, 0)));
        options.Measure = MixDivergenceMeasure.TotalVariation;
        var result = MixCoherence.Smooth(Map((A, a), (B, b)), [new(A, B)], options).AsT0;
        Assert.Equal(0.5, result.Mixes[A]["order-taking"], 12);
        Assert.Equal(0.5, result.Mixes[A]["demo"], 12);
        Assert.Equal(0, result.TotalDivergenceAfter, 12);
    }

    [Fact]
    public void Smooth_TerritoryWithOneDifferentNeighbour_Moves()
    {
        var options = new MixSmoothingOptions { Measure = MixDivergenceMeasure.TotalVariation };
        var result = MixCoherence.Smooth(Map((A, FieldOnly), (B, FieldOnly), (C, RemoteOnly)), [new(A, B), new(B, C)], options).AsT0;
        Assert.Same(FieldOnly, result.Mixes[A]);
        Assert.Equal(0.375, result.Mixes[B]["order-taking"], 12);
        Assert.Equal(0.125, result.Mixes[B]["inbound"], 12);
        Assert.Equal(0.25, result.Mixes[C]["order-taking"], 12);
        Assert.Equal(0.5, result.TotalDivergenceAfter, 12);
    }

    [Theory]
    [InlineData(-0.5)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Options_StrengthOutOfRange_Throws(double strength)
    {
        var ex = Assert.Throws<ArgumentException>("options", () => MixCoherence.Smooth(Map((A, FieldOnly)), [], new MixSmoothingOptions { Strength = strength }));
        Assert.Equal("Invalid MixSmoothingOptions: Strength must be between 0 and 1. (Parameter 'options')", ex.Message);
    }

    [Fact]
    public void Options_UnknownMeasureAndNullBounds_Throw()
    {
        var measure = Assert.Throws<ArgumentException>("options", () => MixCoherence.Smooth(Map((A, FieldOnly)), [], new MixSmoothingOptions { Measure = (MixDivergenceMeasure)99 }));
        Assert.Equal("Invalid MixSmoothingOptions: Measure is not a known measure. (Parameter 'options')", measure.Message);
        var bounds = Assert.Throws<ArgumentException>("options", () => MixCoherence.Smooth(Map((A, FieldOnly)), [], new MixSmoothingOptions { Bounds = null! }));
        Assert.Equal("Invalid MixSmoothingOptions: Bounds must not be null. (Parameter 'options')", bounds.Message);
    }

    [Fact]
    public void Options_InvalidBounds_EveryOneInOrder()
    {
        var options = Options(
            (B, "x", new ShareBounds(-0.1, 0.5)),
            (A, "z", new ShareBounds(0, 1.5)),
            (A, "y", new ShareBounds(0.6, 0.5)),
            (A, "w", new ShareBounds(0.3, 0.3)));
        var ex = Assert.Throws<ArgumentException>("options", () => MixCoherence.Smooth(Map((A, FieldOnly), (B, RemoteOnly)), [], options));
        Assert.Equal(
            "Invalid MixSmoothingOptions: Bounds[a][y] must satisfy 0 <= Minimum <= Maximum <= 1. Bounds[a][z] must satisfy 0 <= Minimum <= Maximum <= 1. Bounds[b][x] must satisfy 0 <= Minimum <= Maximum <= 1. (Parameter 'options')",
            ex.Message);
    }

    [Fact]
    public void Options_NullBoundsTable_TakenAsNoBounds()
    {
        var options = new MixSmoothingOptions { Bounds = new Dictionary<TerritoryId, IReadOnlyDictionary<string, ShareBounds>> { [A] = null! }, Measure = MixDivergenceMeasure.TotalVariation };
        var result = MixCoherence.Smooth(Map((A, FieldOnly), (B, RemoteOnly)), [new(A, B)], options).AsT0;
        Assert.Equal(0.25, result.Mixes[A]["order-taking"], 12);
    }

    private static MixSmoothingOptions Options(params (TerritoryId Territory, string Activity, ShareBounds Bounds)[] bounds)
    {
        var table = new Dictionary<TerritoryId, IReadOnlyDictionary<string, ShareBounds>>();
        foreach (var group in bounds.GroupBy(b => b.Territory))
        {
            table[group.Key] = group.ToDictionary(b => b.Activity, b => b.Bounds, StringComparer.Ordinal);
        }

        return new MixSmoothingOptions { Bounds = table };
    }

    private static ImmutableSortedDictionary<TerritoryId, SalesMix> Map(params (TerritoryId Id, SalesMix Mix)[] mixes) =>
        mixes.ToImmutableSortedDictionary(m => m.Id, m => m.Mix);
}
