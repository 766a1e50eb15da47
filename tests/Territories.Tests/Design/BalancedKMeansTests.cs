using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Territories.Design;

namespace Territories.Tests.Design;

public class BalancedKMeansTests
{
    private static BalancedKMeansResult Run(KMeansCase c, double tolerance) =>
        BalancedKMeans.Run(c.X, c.Y, [.. Enumerable.Range(0, c.X.Length)], [.. c.Weights.Select(w => (double)w)], c.K, tolerance, new Random(c.Seed));

    /// <summary>Loads recomputed from the assignment and the weights, not taken from the result.</summary>
    private static double[] Loads(int[] of, int[] weights, int k)
    {
        var load = new double[k];
        for (var i = 0; i < of.Length; i++)
        {
            load[of[i]] += weights[i];
        }

        return load;
    }

    private static bool Within(double[] load, double lower, double upper) =>
        load.All(l => l >= lower - 1e-9 && l <= upper + 1e-9);

    /// <summary>
    /// When the band is at least the heaviest unit on each side of the mean, a feasible rounding
    /// always exists (a centre over the band can pass any unit to one under the mean, a centre under
    /// it can take any unit from one over the mean, and each such move lowers the total violation).
    /// </summary>
    [Property(MaxTest = 200, Arbitrary = [typeof(Arbitraries)])]
    public Property Run_BandHoldsTheHeaviestUnit_LoadsWithinBounds(KMeansCase c)
    {
        var mean = (double)c.Weights.Sum() / c.K;
        var tolerance = c.Weights.Max() / mean * (1 + c.Room);
        var result = Run(c, tolerance);
        var load = Loads(result.Of, c.Weights, c.K);
        return (result.Of.All(t => t >= 0 && t < c.K)
                && Within(load, (1 - tolerance) * mean, (1 + tolerance) * mean)
                && result.WithinBounds)
            .Label($"{c} loads=[{string.Join(",", load)}]");
    }

    /// <summary>
    /// On small instances every assignment is enumerated: when one meets the bounds and the band can hold
    /// the heaviest unit (the repair's guarantee), ours must too; when the band is narrower, the repair may
    /// miss a rounding that exists (FsCheck found weights 5,2,5,3,2,4,3,3 into 3 at ±5 %: 8,10,9 where
    /// 9,9,9 exists), and the result must then say so.
    /// </summary>
    [Property(MaxTest = 300, Arbitrary = [typeof(Arbitraries)])]
    public Property Run_FeasibleRoundingExists_LoadsWithinBoundsOrHonestlyReported(KMeansCase c)
    {
        var n = Math.Min(c.X.Length, 8);
        var k = Math.Min(c.K, 3);
        var small = new KMeansCase(c.X[..n], c.Y[..n], c.Weights[..n], Math.Min(k, n), c.Seed, c.Room);
        var tolerance = new[] { 0, 0.05, 0.1, 0.2, 0.3, 0.5 }[(int)(c.Room * 5.999)];
        var mean = (double)small.Weights.Sum() / small.K;
        var (lower, upper) = ((1 - tolerance) * mean, (1 + tolerance) * mean);
        var feasible = BruteForce.Assignments(n, small.K).Any(of => Within(Loads(of, small.Weights, small.K), lower, upper));
        var result = Run(small, tolerance);
        var load = Loads(result.Of, small.Weights, small.K);
        var guaranteed = upper - lower >= small.Weights.Max();
        var within = Within(load, lower, upper);
        return (result.WithinBounds == within && (!feasible || !guaranteed || within))
            .Label($"{small} tolerance={tolerance} loads=[{string.Join(",", load)}]");
    }

    [Property(MaxTest = 50, Arbitrary = [typeof(Arbitraries)])]
    public Property Run_SameSeed_SameResult(KMeansCase c)
    {
        var a = Run(c, 0.2);
        var b = Run(c, 0.2);
        return (a.Of.SequenceEqual(b.Of) && a.Centres.SequenceEqual(b.Centres) && a.Iterations == b.Iterations).Label(c.ToString());
    }

    [Fact]
    public void Run_SameSeedOnThousandsOfUnits_SameResult()
    {
        var random = new Random(3);
        var n = 3000;
        var x = Enumerable.Range(0, n).Select(_ => random.NextDouble() * 1000).ToArray();
        var y = Enumerable.Range(0, n).Select(i => x[i] < 300 ? random.NextDouble() * 100 : random.NextDouble() * 1000).ToArray();
        var w = Enumerable.Range(0, n).Select(_ => 0.5 + random.NextDouble()).ToArray();
        var units = Enumerable.Range(0, n).ToArray();
        var a = BalancedKMeans.Run(x, y, units, w, 30, 0.02, new Random(11));
        var b = BalancedKMeans.Run(x, y, units, w, 30, 0.02, new Random(11));
        Assert.Equal(a.Of, b.Of);
        Assert.Equal(a.Centres, b.Centres);
        var mean = w.Sum() / 30;
        var load = new double[30];
        for (var i = 0; i < n; i++)
        {
            load[a.Of[i]] += w[i];
        }

        Assert.All(load, l => Assert.InRange(l, 0.98 * mean, 1.02 * mean));
    }

    [Fact]
    public void Run_UnitsOutsideTheSubset_MinusOneAndSubsetClustered()
    {
        double[] x = [0, 1, 50, 100, 101, 7];
        double[] y = [0, 0, 0, 0, 0, 7];
        double[] w = [1, 1, 1, 1, 1, 1];
        var result = BalancedKMeans.Run(x, y, [0, 1, 3, 4], w, 2, 0, new Random(0));
        Assert.Equal(-1, result.Of[2]);
        Assert.Equal(-1, result.Of[5]);
        Assert.Equal(result.Of[0], result.Of[1]);
        Assert.Equal(result.Of[3], result.Of[4]);
        Assert.NotEqual(result.Of[0], result.Of[3]);
    }

    [Fact]
    public void Run_AllWeightsZero_EveryUnitAtItsNearestCentre()
    {
        var random = new Random(5);
        var x = Enumerable.Range(0, 60).Select(_ => random.NextDouble() * 100).ToArray();
        var y = Enumerable.Range(0, 60).Select(_ => random.NextDouble() * 100).ToArray();
        var result = BalancedKMeans.Run(x, y, [.. Enumerable.Range(0, 60)], new double[60], 4, 0.01, new Random(1));
        Assert.True(result.WithinBounds);
        Assert.True(result.Converged);
        for (var i = 0; i < 60; i++)
        {
            var nearest = Enumerable.Range(0, 4).MinBy(c => Math.Pow(x[i] - result.Centres[c].X, 2) + Math.Pow(y[i] - result.Centres[c].Y, 2));
            Assert.Equal(nearest, result.Of[i]);
        }
    }

    [Fact]
    public void Run_SomeWeightsZero_LoadsWithinBounds()
    {
        double[] x = [0, 1, 2, 3, 10, 11, 12, 13, 5, 6];
        double[] y = new double[10];
        double[] w = [1, 1, 1, 1, 1, 1, 1, 1, 0, 0];
        var result = BalancedKMeans.Run(x, y, [.. Enumerable.Range(0, 10)], w, 2, 0, new Random(2));
        var load = new double[2];
        for (var i = 0; i < 10; i++)
        {
            load[result.Of[i]] += w[i];
        }

        Assert.Equal([4.0, 4.0], load);
    }

    [Fact]
    public void Run_UnitHeavierThanTheBand_ReportsLoadsOutOfBounds()
    {
        double[] x = [0, 1, 2, 3];
        double[] y = [0, 0, 0, 0];
        double[] w = [10, 1, 1, 1];
        var result = BalancedKMeans.Run(x, y, [0, 1, 2, 3], w, 2, 0.1, new Random(0));
        Assert.False(result.WithinBounds);
        Assert.Contains(result.Loads, l => l > result.Upper);
    }

    [Fact]
    public void Run_MoreCentresThanUnits_ThrowsArgumentException()
    {
        var ex = Assert.Throws<ArgumentException>(() => BalancedKMeans.Run([0, 1], [0, 1], [0, 1], [1, 1], 3, 0.1, new Random(0)));
        Assert.Equal("k", ex.ParamName);
    }

    [Theory]
    [InlineData(double.NaN, 0, 1, "x")]
    [InlineData(0, double.PositiveInfinity, 1, "x")]
    [InlineData(0, 0, double.NaN, "weight")]
    [InlineData(0, 0, -1, "weight")]
    public void Run_BadUnit_ThrowsArgumentExceptionNamingTheArgument(double x0, double y0, double w0, string name)
    {
        var ex = Assert.Throws<ArgumentException>(() => BalancedKMeans.Run([x0, 1, 2], [y0, 0, 0], [0, 1, 2], [w0, 1, 1], 2, 0.1, new Random(0)));
        Assert.Equal(name, ex.ParamName);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void Run_BadTolerance_ThrowsArgumentException(double tolerance)
    {
        var ex = Assert.Throws<ArgumentException>(() => BalancedKMeans.Run([0, 1, 2], [0, 0, 0], [0, 1, 2], [1, 1, 1], 2, tolerance, new Random(0)));
        Assert.Equal("tolerance", ex.ParamName);
    }

    [Fact]
    public void Run_RepeatedUnit_ThrowsArgumentException()
    {
        var ex = Assert.Throws<ArgumentException>(() => BalancedKMeans.Run([0, 1, 2], [0, 0, 0], [0, 1, 1], [1, 1, 1], 2, 0.1, new Random(0)));
        Assert.Equal("units", ex.ParamName);
    }
}
