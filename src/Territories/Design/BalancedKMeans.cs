using Territories.Internal;

namespace Territories.Design;

/// <summary>
/// The baseline: capacitated k-means on unit centres. Every centre's load (the sum of its units'
/// weights) must lie within [(1 − tolerance) · mean, (1 + tolerance) · mean], mean = total / k.
/// Territories need not be contiguous.
/// </summary>
/// <remarks>
/// <para>
/// Lloyd iterations from a seeded k-means++ start: the assignment step is
/// <see cref="CapacitatedAssignment"/> (the fractional transportation problem solved exactly, then
/// the few split units rounded and repaired), the update step moves each centre to the plain mean of
/// its units, which is the exact minimiser of the sum of squared distances for that assignment. The
/// objective is that sum with every unit counted once (the moment of inertia the design reports),
/// not weighted by the units' weights: weights are what the bounds constrain.
/// </para>
/// <para>
/// What is exact: each assignment step's fractional optimum, and each update step. What is not:
/// rounding the split units (so the assignment step is exact only when the fractional optimum
/// splits no unit, as when all weights are equal and the bounds are whole multiples of the weight),
/// and Lloyd's method itself, which ends in a local optimum that depends on the start. Iterations
/// stop when the exact fractional assignment step gains nothing on the current assignment at the
/// current centres (converged; this includes an assignment that repeats), after ten iterations
/// without a plan better by 0.01 % (rounding makes later iterations wander around the optimum of
/// the relaxation), or at the iteration limit; the best plan seen is returned (first within the bounds,
/// then the least violation, then the least moment of inertia).
/// </para>
/// <para>
/// Deterministic for a given random generator (used only for the k-means++ start). Coordinates are
/// planar (the design's local projection). Time: per iteration O(n · k) plus the flow solve; 1.5 to
/// 2 s for 10,000 units and 100 centres on the shared 2-core machine (benchmarks/README.md).
/// </para>
/// </remarks>
internal static class BalancedKMeans
{
    private const int Patience = 10;

    /// <summary>The relative gain in the moment of inertia that counts as progress for <see cref="Patience"/>.</summary>
    private const double MinGain = 1e-4;

    /// <summary>Runs the capacitated k-means on the given units.</summary>
    /// <param name="x">Planar x of every unit (indexed like <paramref name="weight"/>).</param>
    /// <param name="y">Planar y of every unit.</param>
    /// <param name="units">The units to cluster (indices into the arrays); others get −1.</param>
    /// <param name="weight">The weight of every unit: zero or more.</param>
    /// <param name="k">Number of centres, 1 to the number of units.</param>
    /// <param name="tolerance">Relative tolerance on the loads (zero or more; infinity for none).</param>
    /// <param name="random">The seeded generator for the start.</param>
    /// <param name="maxIterations">The most Lloyd iterations.</param>
    /// <param name="stop">Polled between iterations and inside each assignment; when it fires, the best plan so far is returned (before the first assignment ends: each unit at its nearest centre). None when null.</param>
    /// <exception cref="ArgumentException">An index out of range or repeated, a coordinate or weight not finite, a negative weight or tolerance, or k out of range.</exception>
    public static BalancedKMeansResult Run(double[] x, double[] y, int[] units, double[] weight, int k, double tolerance, Random random, int maxIterations = 100, StopCondition? stop = null)
    {
        Guard.NotNull(x);
        Guard.NotNull(y);
        Guard.NotNull(units);
        Guard.NotNull(weight);
        Guard.NotNull(random);
        Guard.That(x.Length == y.Length && x.Length == weight.Length, "x, y and weight must have the same length.", nameof(weight));
        Guard.That(k >= 1 && k <= units.Length, $"k must be between 1 and the number of units ({units.Length}), not {k}.", nameof(k));
        Guard.That(tolerance >= 0, $"The tolerance must be zero or more, not {tolerance}.", nameof(tolerance));
        Guard.Positive(maxIterations);
        var seen = new bool[x.Length];
        foreach (var u in units)
        {
            Guard.That(u >= 0 && u < x.Length && !seen[u], $"Unit index {u} is out of range or repeated.", nameof(units));
            seen[u] = true;
            Guard.That(double.IsFinite(x[u]) && double.IsFinite(y[u]), $"Unit {u} has no finite position.", nameof(x));
            Guard.That(double.IsFinite(weight[u]) && weight[u] >= 0, $"Unit {u} has weight {weight[u]}; weights must be finite and zero or more.", nameof(weight));
        }

        var n = units.Length;
        var px = units.Select(u => x[u]).ToArray();
        var py = units.Select(u => y[u]).ToArray();
        var pw = units.Select(u => weight[u]).ToArray();
        var mean = pw.Sum() / k;
        var bounded = mean > 0 && double.IsFinite(tolerance);
        var (lower, upper) = bounded ? (Math.Max(0, 1 - tolerance) * mean, (1 + tolerance) * mean) : (0, double.PositiveInfinity);
        var assignment = new CapacitatedAssignment(px, py, pw, lower, upper) { Stop = stop };
        var centres = PlusPlus(px, py, k, random);
        var load = new double[k];
        int[]? previous = null;
        var previousViolation = double.PositiveInfinity;
        (int[] Of, (double X, double Y)[] Centres, double[] Load, double Violation, double Inertia, int Split)? best = null;
        var iterations = 0;
        var converged = false;
        var sinceBest = 0;
        while (iterations < maxIterations)
        {
            // Stopped (time limit, cancellation), the best plan of the iterations done is kept: one
            // iteration on 20,000 units takes a capacitated assignment of hundreds of milliseconds.
            if (stop is not null && stop.ShouldInterrupt())
            {
                best ??= Nearest(px, py, pw, centres, assignment);
                break;
            }

            iterations++;
            int[] of;
            try
            {
                of = assignment.Solve(centres, load);
            }
            catch (DesignStoppedException)
            {
                // Stopped in the first assignment: each unit goes to its nearest centre, unbalanced.
                best ??= Nearest(px, py, pw, centres, assignment);
                break;
            }

            var violation = load.Sum(assignment.Violation);

            // Converged when the exact (fractional) assignment step gains nothing on the current
            // assignment at these centres: only rounding would then change the plan.
            if (previous is not null
                && (of.AsSpan().SequenceEqual(previous)
                    || (previousViolation <= 1e-12 && assignment.FractionalCost >= Cost(px, py, previous, centres) * (1 - 1e-9))))
            {
                converged = true;
                break;
            }

            var next = Means(px, py, of, centres);
            var inertia = Cost(px, py, of, next);
            var better = best is not { } b || violation < b.Violation - 1e-12 || (violation <= b.Violation + 1e-12 && inertia < b.Inertia);
            var gain = best is not { } g || violation < g.Violation - 1e-12 || (violation <= g.Violation + 1e-12 && inertia < g.Inertia * (1 - MinGain));
            if (better)
            {
                best = ((int[])of.Clone(), next, (double[])load.Clone(), violation, inertia, assignment.SplitUnits);
            }

            sinceBest = gain ? 0 : sinceBest + 1;
            if (sinceBest >= Patience)
            {
                break;
            }

            previous = of;
            previousViolation = violation;
            centres = next;
        }

        var result = best!.Value;
        var full = new int[x.Length];
        Array.Fill(full, -1);
        for (var i = 0; i < n; i++)
        {
            full[units[i]] = result.Of[i];
        }

        var within = result.Load.All(l => assignment.Violation(l) <= 1e-9 * Math.Max(1, upper is double.PositiveInfinity ? 1 : upper));
        return new BalancedKMeansResult(full, result.Centres, result.Load, lower, upper, within, iterations, converged, result.Inertia, result.Split);
    }

    private static (int[] Of, (double X, double Y)[] Centres, double[] Load, double Violation, double Inertia, int Split) Nearest(
        double[] x, double[] y, double[] w, (double X, double Y)[] centres, CapacitatedAssignment assignment)
    {
        var of = new int[x.Length];
        var load = new double[centres.Length];
        for (var i = 0; i < x.Length; i++)
        {
            var best = 0;
            for (var c = 1; c < centres.Length; c++)
            {
                if (Sq(x[i] - centres[c].X) + Sq(y[i] - centres[c].Y) < Sq(x[i] - centres[best].X) + Sq(y[i] - centres[best].Y))
                {
                    best = c;
                }
            }

            of[i] = best;
            load[best] += w[i];
        }

        return (of, centres, load, load.Sum(assignment.Violation), Cost(x, y, of, centres), 0);
    }

    private static double Cost(double[] x, double[] y, int[] of, (double X, double Y)[] centres)
    {
        var cost = 0.0;
        for (var i = 0; i < of.Length; i++)
        {
            cost += Sq(x[i] - centres[of[i]].X) + Sq(y[i] - centres[of[i]].Y);
        }

        return cost;
    }

    private static (double X, double Y)[] Means(double[] x, double[] y, int[] of, (double X, double Y)[] old)
    {
        var k = old.Length;
        var sx = new double[k];
        var sy = new double[k];
        var count = new int[k];
        for (var i = 0; i < of.Length; i++)
        {
            sx[of[i]] += x[i];
            sy[of[i]] += y[i];
            count[of[i]]++;
        }

        var next = new (double X, double Y)[k];
        for (var c = 0; c < k; c++)
        {
            next[c] = count[c] > 0 ? (sx[c] / count[c], sy[c] / count[c]) : old[c];
        }

        return next;
    }

    /// <summary>k-means++ seeding: each next centre drawn with probability proportional to the squared distance to the nearest one chosen.</summary>
    private static (double X, double Y)[] PlusPlus(double[] x, double[] y, int k, Random random)
    {
        var n = x.Length;
        var centres = new (double X, double Y)[k];
        var first = random.Next(n);
        centres[0] = (x[first], y[first]);
        var d = new double[n];
        for (var j = 0; j < n; j++)
        {
            d[j] = Sq(x[j] - x[first]) + Sq(y[j] - y[first]);
        }

        for (var c = 1; c < k; c++)
        {
            var total = d.Sum();
            int pick;
            if (total > 0)
            {
                var r = random.NextDouble() * total;
                for (pick = 0; pick < n - 1 && r > d[pick]; pick++)
                {
                    r -= d[pick];
                }
            }
            else
            {
                pick = random.Next(n);
            }

            centres[c] = (x[pick], y[pick]);
            for (var j = 0; j < n; j++)
            {
                d[j] = Math.Min(d[j], Sq(x[j] - x[pick]) + Sq(y[j] - y[pick]));
            }
        }

        return centres;
    }

    private static double Sq(double v) => v * v;
}
