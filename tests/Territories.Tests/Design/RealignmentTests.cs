using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Territories.Design;
using Territories.Model;

namespace Territories.Tests.Design;

public sealed class RealignmentTests
{
    [Theory]
    [InlineData(new[] { 5.0, 3.0, 3.0 }, 4.0, 5.0)]
    [InlineData(new[] { 1.0, 1.0, 1.0, 1.0, 1.0 }, 2.5, 3.0)]
    [InlineData(new[] { 60.0, 60.0 }, 15.0, 60.0)]
    [InlineData(new[] { 2.0, 2.0 }, 10.0, 10.0)]
    public void LeastSumReaching_SmallSets_IsTheLeastReachingSum(double[] values, double goal, double expected) =>
        Assert.Equal(expected, RealignmentBound.LeastSumReaching(values, goal), 1e-6);

    /// <summary>Never above the least reaching sum found by trying every subset, never below the goal.</summary>
    [Property(MaxTest = 200)]
    public Property LeastSumReaching_AgreesWithEverySubset()
    {
        var cases = from n in Gen.Choose(1, 12)
                    from values in Gen.ArrayOf(Gen.Choose(0, 50), n)
                    from goal in Gen.Choose(1, 200)
                    select (values, goal);
        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var least = double.PositiveInfinity;
            for (var mask = 1; mask < 1 << c.values.Length; mask++)
            {
                var sum = Enumerable.Range(0, c.values.Length).Where(i => (mask & (1 << i)) != 0).Sum(i => c.values[i]);
                if (sum >= c.goal)
                {
                    least = Math.Min(least, sum);
                }
            }

            var bound = RealignmentBound.LeastSumReaching(c.values.Select(v => (double)v), c.goal);
            return bound >= c.goal - 1e-6 && (double.IsPositiveInfinity(least) ? Math.Abs(bound - c.goal) < 1e-6 : Math.Abs(bound - least) < 1e-6);
        });
    }

    [Fact]
    public void Realign_CoarseUnits_BoundCountsWholeUnits()
    {
        // A path A2 - A1 - B1 - B2: T1 = {A1, A2} holds 120 of a target of 100, T2 = {B1, B2} 80. T1 must
        // shed at least 15, and its lightest unit weighs 20: at least 20 has to move, and moving A1 does it.
        var units = new[]
        {
            DesignUnit.FromAttributes("A1", [20]),
            DesignUnit.FromAttributes("A2", [100]),
            DesignUnit.FromAttributes("B1", [40]),
            DesignUnit.FromAttributes("B2", [40]),
        };
        var input = DesignInput.Create(["workload"], units, [new UnitLink("A2", "A1"), new UnitLink("A1", "B1"), new UnitLink("B1", "B2")]);
        var current = Alignment.Create([
            KeyValuePair.Create("A1", new TerritoryId("T1")), KeyValuePair.Create("A2", new TerritoryId("T1")),
            KeyValuePair.Create("B1", new TerritoryId("T2")), KeyValuePair.Create("B2", new TerritoryId("T2"))]);
        var designer = new TerritoryDesigner(new DesignOptions { TerritoryCount = 2, Tolerance = 0.05, Seed = 3 });

        var result = designer.Realign(input, current, cancellationToken: TestContext.Current.CancellationToken).AsT0;

        Assert.Equal(20, result.VolumeLowerBound[0], 1e-6);
        Assert.Equal(20, result.VolumeMoved[0], 1e-6);
        Assert.Equal(["A1"], result.MovedUnits);
    }

    [Fact]
    public void Realign_CoarseUnitsNeedingAnExchange_SwapsTwoUnits()
    {
        // A square A1-A2-B2-B1: T1 = {A1, A2} holds 120 of a target of 100, T2 = {B1, B2} 80. Any single
        // move overshoots; exchanging A2 (60) for B1 (40), or A1 for B2, balances both. T1 must shed at
        // least 15 and its units weigh 60, so the bound is 60; the plan moves 100.
        var units = new[]
        {
            DesignUnit.FromAttributes("A1", [60]),
            DesignUnit.FromAttributes("A2", [60]),
            DesignUnit.FromAttributes("B1", [40]),
            DesignUnit.FromAttributes("B2", [40]),
        };
        var input = DesignInput.Create(["workload"], units,
            [new UnitLink("A1", "A2"), new UnitLink("A2", "B2"), new UnitLink("B2", "B1"), new UnitLink("B1", "A1")]);
        var current = Alignment.Create([
            KeyValuePair.Create("A1", new TerritoryId("T1")), KeyValuePair.Create("A2", new TerritoryId("T1")),
            KeyValuePair.Create("B1", new TerritoryId("T2")), KeyValuePair.Create("B2", new TerritoryId("T2"))]);
        var designer = new TerritoryDesigner(new DesignOptions { TerritoryCount = 2, Tolerance = 0.05, Seed = 3 });

        var result = designer.Realign(input, current, cancellationToken: TestContext.Current.CancellationToken).AsT0;

        Assert.True(result.Design.Report.IsBalanced);
        Assert.True(result.Design.Report.IsContiguous);
        Assert.Equal(60, result.VolumeLowerBound[0], 1e-6);
        Assert.Equal(100, result.VolumeMoved[0], 1e-6);
    }

    /// <summary>Against exhaustive search on small graphs: no balanced contiguous plan moves less of an attribute than its bound.</summary>
    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 100)]
    public bool Realign_BoundNeverAboveTheLeastMovingBalancedPlan(SmallGraphCase c)
    {
        var plans = SmallGraphPlans.Contiguous(c).ToList();
        var original = plans[plans.Count / 2];
        var current = Alignment.Create(Enumerable.Range(0, c.Count).Select(i => KeyValuePair.Create($"u{i}", new TerritoryId($"T{original[i]}"))));
        var designer = new TerritoryDesigner(new DesignOptions { TerritoryCount = c.Territories, Tolerance = c.Tolerance, Seed = 1 });
        var outcome = designer.Realign(SmallGraphPlans.Input(c), current, cancellationToken: TestContext.Current.CancellationToken);
        var result = outcome.Match(r => r, f => f.BestRealignment);
        if (result is null)
        {
            return outcome.AsT1.Errors.Single().Code == DesignErrorCode.NothingToBalance;
        }

        var least = new[] { double.PositiveInfinity, double.PositiveInfinity };
        foreach (var of in plans.Where(of => SmallGraphPlans.Deviation(c, of, 0) <= c.Tolerance + 1e-9 && SmallGraphPlans.Deviation(c, of, 1) <= c.Tolerance + 1e-9))
        {
            for (var a = 0; a < 2; a++)
            {
                least[a] = Math.Min(least[a], Enumerable.Range(0, c.Count).Where(i => of[i] != original[i]).Sum(i => SmallGraphPlans.Weight(c, i, a)));
            }
        }

        return Enumerable.Range(0, 2).All(a => result.VolumeLowerBound[a] <= least[a] + 1e-6);
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 50)]
    public bool Realign_SameSeed_SamePlan(SmallGraphCase c)
    {
        var plans = SmallGraphPlans.Contiguous(c).ToList();
        var original = plans[plans.Count / 3];
        var current = Alignment.Create(Enumerable.Range(0, c.Count).Select(i => KeyValuePair.Create($"u{i}", new TerritoryId($"T{original[i]}"))));
        var designer = new TerritoryDesigner(new DesignOptions { TerritoryCount = c.Territories, Tolerance = c.Tolerance, Seed = 7 });

        RealignmentResult? Run() => designer.Realign(SmallGraphPlans.Input(c), current, cancellationToken: TestContext.Current.CancellationToken)
            .Match(r => r, f => f.BestRealignment);

        var first = Run();
        var second = Run();
        return first is null ? second is null
            : second is not null && first.MovedUnits.SequenceEqual(second.MovedUnits)
                && first.Design.Alignment.Entries.SequenceEqual(second.Design.Alignment.Entries);
    }
}
