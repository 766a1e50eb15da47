using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Territories.Mix;

namespace Territories.Tests.Mix;

/// <summary>
/// The quota method (Balinski and Young) behind every exact allocation: it hands out whole units one
/// at a time by the largest weight per unit held, among the parties still within their upper quota.
/// </summary>
public class ApportionmentTests
{
    private static readonly Gen<int[]> IntegerWeights =
        Gen.Choose(0, 12).ArrayOf().Where(w => w.Length is > 0 and <= 8 && w.Sum() > 0);

    private static long[] Unbounded(int count, long value) => [.. Enumerable.Repeat(value, count)];

    private static long[] Allocate(int[] weights, long total) =>
        Feasible(Apportionment.Allocate([.. weights.Select(w => (double)w)], total, Unbounded(weights.Length, 0), Unbounded(weights.Length, long.MaxValue / 8)));

    private static long[] Feasible(long[]? units)
    {
        Assert.NotNull(units);
        return units;
    }

    [Fact]
    public void Allocate_EqualWeights_TiesGoToTheFirstParty()
    {
        Assert.Equal([2, 1, 1], Allocate([1, 1, 1], 4));
        Assert.Equal([2, 2, 1], Allocate([1, 1, 1], 5));
    }

    [Fact]
    public void Allocate_ExactQuotas_AreGivenExactly()
    {
        Assert.Equal([5, 3, 2], Allocate([5, 3, 2], 10));
        Assert.Equal([10, 6, 4], Allocate([5, 3, 2], 20));
        Assert.Equal([0, 7, 0], Allocate([0, 1, 0], 7));
    }

    [Fact]
    public void Allocate_Remainders_GoByLargestWeightPerUnitHeld()
    {
        // Quotas 4.2, 2.1 and 0.7 of 7 units. Unit by unit: A (6/1), A (6/2 ties B's 3/1, first wins),
        // B (A is at its upper quota 1.8 of 3), A, B (A at 3.0 of 5), A, A (6/5 beats 3/3 and 1/1).
        Assert.Equal([5, 2, 0], Allocate([6, 3, 1], 7));
    }

    [Fact]
    public void Allocate_UpperQuota_StopsALargePartyFromTakingMore()
    {
        // D'Hondt alone would give all 5 units to the party of weight 60 (60, 30, 20, 15 and 12 all beat
        // 10); its quota is 3.0, so the quota method gives it 3 and one unit each to the next two.
        Assert.Equal([3, 1, 1, 0, 0], Allocate([60, 10, 10, 10, 10], 5));
        Assert.Equal([3, 0], Allocate([10, 1], 3));
        Assert.Equal([10, 1], Allocate([10, 1], 11));
    }

    [Fact]
    public void Allocate_MinimumsAndMaximums_AreKept()
    {
        var units = Feasible(Apportionment.Allocate([1.0, 1.0, 1.0], 6, [0, 3, 0], [1, 10, 10]));

        Assert.Equal([1, 3, 2], units);
    }

    [Fact]
    public void Allocate_Infeasible_ReturnsNull()
    {
        Assert.Null(Apportionment.Allocate([1.0, 1.0], 3, [2, 2], [5, 5]));
        Assert.Null(Apportionment.Allocate([1.0, 1.0], 5, [0, 0], [2, 2]));
        Assert.Null(Apportionment.Allocate([1.0, 1.0], 2, [2, 0], [1, 5]));
        Assert.NotNull(Apportionment.Allocate([1.0, 1.0], 4, [2, 2], [2, 2]));
        Assert.NotNull(Apportionment.Allocate([1.0, 1.0], 4, [0, 0], [2, 2]));
    }

    [Fact]
    public void Allocate_WeightsTooLargeToAdd_AreScaledFirst()
    {
        Assert.Equal([2, 2], Feasible(Apportionment.Allocate([double.MaxValue, double.MaxValue], 4, [0, 0], [10, 10])));
        Assert.Equal([3, 1], Feasible(Apportionment.Allocate([double.MaxValue, double.MaxValue / 3], 4, [0, 0], [10, 10])));
    }

    [Fact]
    public void Allocate_ZeroWeight_GetsOnlyWhatOthersCannotTake()
    {
        Assert.Equal([0, 4], Feasible(Apportionment.Allocate([0.0, 1.0], 4, [0, 0], [10, 10])));
        Assert.Equal([2, 3], Feasible(Apportionment.Allocate([0.0, 1.0], 5, [0, 0], [10, 3])));
    }

    [Property]
    public Property Allocate_AnyWeights_SumsToTotalWithinQuota() =>
        Prop.ForAll(IntegerWeights.ToArbitrary(), Gen.Choose(0, 60).ToArbitrary(), (weights, total) =>
        {
            var units = Allocate(weights, total);
            var sum = weights.Sum();

            Assert.Equal(total, units.Sum());
            for (var i = 0; i < weights.Length; i++)
            {
                // floor(q) <= units <= ceil(q) with q = w * total / sum, in integers.
                Assert.InRange(units[i] * sum, ((long)weights[i] * total) - sum + 1, ((long)weights[i] * total) + sum - 1);
            }
        });

    [Property]
    public Property Allocate_OneMoreUnit_NoPartyLoses() =>
        Prop.ForAll(IntegerWeights.ToArbitrary(), Gen.Choose(0, 60).ToArbitrary(), (weights, total) =>
        {
            var before = Allocate(weights, total);
            var after = Allocate(weights, total + 1);

            Assert.All(Enumerable.Range(0, weights.Length), i => Assert.InRange(after[i], before[i], before[i] + 1));
        });

    [Property]
    public Property Allocate_Bounds_KeptOrNullExactlyWhenImpossible() =>
        Prop.ForAll(IntegerWeights.ToArbitrary(), Gen.Choose(0, 40).ToArbitrary(), Gen.Choose(0, 1000).ToArbitrary(), (weights, total, seed) =>
        {
            var random = new Random(seed);
            long[] minimums = [.. weights.Select(_ => (long)random.Next(0, 6))];
            long[] maximums = [.. minimums.Select(m => m + random.Next(-1, 8))];
            var units = Apportionment.Allocate([.. weights.Select(w => (double)w)], total, minimums, maximums);

            var feasible = minimums.Zip(maximums).All(p => p.First <= p.Second) && minimums.Sum() <= total && maximums.Sum() >= total;
            Assert.Equal(feasible, units is not null);
            if (units is not null)
            {
                Assert.Equal(total, units.Sum());
                Assert.All(Enumerable.Range(0, weights.Length), i => Assert.InRange(units[i], minimums[i], maximums[i]));
            }
        });
}
