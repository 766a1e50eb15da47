using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Territories.Design;

namespace Territories.Tests.Design;

public class CapacitatedAssignmentTests
{
    private static double Cost(KMeansCase c, (double X, double Y)[] centres, int[] of) =>
        Enumerable.Range(0, of.Length).Sum(i => Math.Pow(c.X[i] - centres[of[i]].X, 2) + Math.Pow(c.Y[i] - centres[of[i]].Y, 2));

    private static (double X, double Y)[] Centres(KMeansCase c, int k)
    {
        var random = new Random(c.Seed);
        return [.. Enumerable.Range(0, k).Select(_ => (random.NextDouble() * 100, random.NextDouble() * 100))];
    }

    /// <summary>
    /// Unit weights and whole bounds: the transportation polytope has whole vertices, so the
    /// assignment step must find the least-cost assignment, checked against every assignment.
    /// </summary>
    [Property(MaxTest = 150, Arbitrary = [typeof(Arbitraries)])]
    public Property Solve_UnitWeightsWholeBounds_MatchesBruteForce(KMeansCase c, bool slack)
    {
        var k = Math.Min(c.K, 3);
        var per = Math.Min(c.X.Length / k, k == 3 ? 3 : 4);
        if (per < 1)
        {
            return true.ToProperty();
        }

        var n = k * per;
        var small = c with { X = c.X[..n], Y = c.Y[..n], Weights = [.. Enumerable.Repeat(1, n)] };
        var (lower, upper) = slack ? (per - 1.0, per + 1.0) : (per, per);
        var centres = Centres(c, k);
        var assignment = new CapacitatedAssignment(small.X, small.Y, [.. Enumerable.Repeat(1.0, n)], lower, upper);
        var of = assignment.Solve(centres, new double[k]);
        var best = BruteForce.Assignments(n, k)
            .Where(a => Enumerable.Range(0, k).All(t => a.Count(x => x == t) is var m && m >= lower && m <= upper))
            .Min(a => Cost(small, centres, a));
        var ours = Cost(small, centres, of);
        var counts = Enumerable.Range(0, k).Select(t => of.Count(x => x == t)).ToArray();
        return (Math.Abs(ours - best) <= 1e-9 * Math.Max(1, best) && counts.All(m => m >= lower && m <= upper) && assignment.FractionalOptimal)
            .Label($"{small} lower={lower} upper={upper} ours={ours} best={best} counts=[{string.Join(",", counts)}]");
    }

    /// <summary>With whole units of any weight the fractional optimum is a lower bound on every feasible rounding.</summary>
    [Property(MaxTest = 150, Arbitrary = [typeof(Arbitraries)])]
    public Property Solve_AnyWeights_FractionalCostAtMostBestRounding(KMeansCase c)
    {
        var n = Math.Min(c.X.Length, 8);
        var k = Math.Min(Math.Min(c.K, 3), n);
        var small = c with { X = c.X[..n], Y = c.Y[..n], Weights = c.Weights[..n] };
        var w = small.Weights.Select(x => (double)x).ToArray();
        var mean = w.Sum() / k;
        var tolerance = c.Room * 0.5;
        var (lower, upper) = ((1 - tolerance) * mean, (1 + tolerance) * mean);
        var centres = Centres(c, k);
        var assignment = new CapacitatedAssignment(small.X, small.Y, w, lower, upper);
        var load = new double[k];
        var of = assignment.Solve(centres, load);
        var feasible = BruteForce.Assignments(n, k)
            .Where(a =>
            {
                var l = new double[k];
                for (var i = 0; i < n; i++)
                {
                    l[a[i]] += w[i];
                }

                return l.All(x => x >= lower - 1e-9 && x <= upper + 1e-9);
            })
            .Select(a => Cost(small, centres, a))
            .DefaultIfEmpty(double.PositiveInfinity)
            .Min();
        return (assignment.FractionalOptimal && assignment.FractionalCost <= feasible + (1e-9 * Math.Max(1, feasible)) && of.All(t => t >= 0 && t < k))
            .Label($"{small} tolerance={tolerance} fractional={assignment.FractionalCost} best={feasible}");
    }

    [Fact]
    public void Solve_CrowdedCentre_UnitsMoveToTheNextCheapest()
    {
        // Four units at x = 0..3 and one far away; centres at 0 and 100: two per centre is forced,
        // and the cheapest way is to send the two units nearest to 100 (x = 3 and 2) there.
        double[] x = [0, 1, 2, 3];
        double[] y = [0, 0, 0, 0];
        var assignment = new CapacitatedAssignment(x, y, [1, 1, 1, 1], 2, 2);
        var of = assignment.Solve([(0, 0), (100, 0)], new double[2]);
        Assert.Equal([0, 0, 1, 1], of);
        Assert.Equal(0, assignment.SplitUnits);
    }
}
