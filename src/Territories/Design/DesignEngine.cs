using Territories.Internal;

namespace Territories.Design;

/// <summary>
/// The search behind <see cref="TerritoryDesigner"/>: normalised attributes, an initial contiguous
/// plan (<see cref="InitialPlan"/>) grown from seeds spread by balanced k-means (or far apart in hops
/// when units have no position), annealing rounds until balanced, then compactness under the balance;
/// for a realignment, <see cref="RealignmentRepair"/>.
/// </summary>
/// <remarks>
/// The engine owns the one random generator and stop condition of a run; the parts it delegates to
/// draw from them in the same order as before they were split out.
/// </remarks>
internal sealed class DesignEngine
{
    private const double Eps = 1e-9;
    private readonly DesignProblem _problem;
    private readonly Random _random;
    private readonly StopCondition _stop;
    private (double X, double Y)[]? _baselineCentres;

    public DesignEngine(DesignProblem problem, int k, int seed, StopCondition stop)
    {
        _problem = problem;
        K = k;
        _random = new Random(seed);
        _stop = stop;
        var m = problem.M;
        var totals = problem.Totals();
        Target = [.. totals.Select(t => t / k)];
        Normalised = new double[problem.N * m];
        for (var i = 0; i < problem.N; i++)
        {
            for (var a = 0; a < m; a++)
            {
                Normalised[(i * m) + a] = Target[a] > 0 ? problem.Raw[(i * m) + a] / Target[a] : 0;
            }
        }

        Lo = new double[m];
        Hi = new double[m];
        for (var a = 0; a < m; a++)
        {
            (Lo[a], Hi[a]) = Target[a] > 0 ? (1 - problem.Tolerance[a], 1 + problem.Tolerance[a]) : (double.NegativeInfinity, double.PositiveInfinity);
        }

        Fixed = new bool[problem.N];
    }

    public int K { get; }

    public double[] Target { get; }

    public double[] Normalised { get; }

    public double[] Lo { get; }

    public double[] Hi { get; }

    public bool[] Fixed { get; }

    public bool Stopped { get; private set; }

    public DesignProblem Problem => _problem;

    /// <summary>The run's random generator, shared with the parts the engine delegates to.</summary>
    public Random Random => _random;

    public StopCondition Stop => _stop;

    public Partition NewPartition(int[] of) => new(_problem.Graph, Normalised, _problem.M, K, Lo, Hi, of);

    /// <summary>The balanced k-means baseline on all units; null when units have no position or the stop cut it short.</summary>
    public int[]? Baseline()
    {
        var g = _problem.Graph;
        if (!g.HasCoordinates || K > _problem.N)
        {
            return null;
        }

        var weight = Enumerable.Range(0, _problem.N).Select(i => Normalised[i * _problem.M]).ToArray();
        var kmeans = BalancedKMeans.Run(g.X!, g.Y!, [.. Enumerable.Range(0, _problem.N)], weight, K, Hi[0] - 1, _random, stop: _stop);
        _baselineCentres = kmeans.Centres;

        // Cut short by the stop, it is no baseline to compare with, and scoring it would only delay the result.
        return _stop.ShouldInterrupt() ? null : kmeans.Of;
    }

    /// <summary>The centres of the last <see cref="Baseline"/>, once: the first initial plan reuses them, restarts draw new ones.</summary>
    public (double X, double Y)[]? TakeBaselineCentres()
    {
        var centres = _baselineCentres;
        _baselineCentres = null;
        return centres;
    }

    /// <summary>
    /// An initial contiguous plan: territories spread over the graph's connected pieces in proportion
    /// to their volume, grown from their pinned units (seeds, locks) and from spread seeds; units of
    /// pieces that get no territory (islands) join the territory of the nearest unit and are fixed.
    /// </summary>
    /// <param name="pinned">Per unit, its pinned territory or −1.</param>
    /// <param name="seedUnit">Per territory, its seed unit or −1.</param>
    /// <param name="stopped">Whether the engine's stop may end the growth (with <see cref="DesignStoppedException"/>): for the first plan only, as restarts keep the best plan so far.</param>
    public int[] Initial(int[] pinned, int[] seedUnit, bool stopped = false)
        => InitialPlan.Build(this, pinned, seedUnit, stopped);

    /// <summary>Anneals for balance in rounds (restarting from the best plan, or afresh every fourth round), then for compactness.</summary>
    public int[] Search(int[] initial, int[] pinned, int[] seedUnit, int maxRounds, Action<DesignProgress>? report)
    {
        var g = _problem.Graph;
        var edges = (long)g.Neighbours.Length;
        var p = NewPartition(initial);
        var search = new PartitionSearch(g, Fixed, _random, _stop);
        var (dv, dc) = search.Calibrate(p);
        var weightC = dc > 0 ? 0.1 * dv / dc : 0;
        var best = (int[])p.Of.Clone();
        var bestV = p.Violation();
        var bestC = p.Compactness();
        var recombination = new Recombination(g, Normalised, _problem.M, Fixed, _random);
        var recombineStopped = false;
        for (var round = 0; round < maxRounds && bestV > Eps && !search.Stopped && !recombineStopped; round++)
        {
            if (round > 0)
            {
                p = NewPartition(round % 2 == 0 ? Initial(pinned, seedUnit) : best);
            }

            search.Anneal(p, new SearchObjective(1, weightC), (round == 0 ? 0.5 : 1.5) * dv, 0.01 * dv, Math.Max(100 * edges, 1_000_000), hardBalance: false, stopWhenBalanced: true);
            if (p.Violation() > Eps && !search.Stopped)
            {
                recombineStopped = Recombine(recombination, p, 40L * _problem.N);
            }

            if (p.Violation() > Eps && !search.Stopped && !recombineStopped)
            {
                SwapDescent.Run(this, p);
            }

            var v = p.Violation();
            var c = p.Compactness();
            if (v < bestV - Eps || (v <= bestV + Eps && c < bestC))
            {
                (best, bestV, bestC) = ((int[])p.Of.Clone(), v, c);
            }

            report?.Invoke(new DesignProgress(round, bestV, bestV <= Eps));
        }

        if (!search.Stopped && !recombineStopped)
        {
            p = NewPartition(best);
            var (_, dc2) = search.Calibrate(p);
            search.Anneal(p, new SearchObjective(0, 1), 0.3 * dc2, 0.003 * dc2, 100 * edges, hardBalance: true, stopWhenBalanced: false);
            if (p.Violation() <= bestV + Eps)
            {
                best = (int[])p.Of.Clone();
            }
        }

        Stopped = search.Stopped || recombineStopped;
        return best;
    }

    /// <summary>
    /// Recombination steps (see <see cref="Recombination"/>) until the plan is balanced or
    /// <paramref name="steps"/> steps have passed; none of them increases the violation.
    /// </summary>
    /// <returns>True when the stop condition ended the phase.</returns>
    private bool Recombine(Recombination recombination, Partition p, long steps)
    {
        var best = (int[])p.Of.Clone();
        var bestV = p.Violation();
        var stopped = false;
        for (long step = 0; step < steps; step++)
        {
            if ((step & 63) == 0 && _stop.ShouldInterrupt())
            {
                stopped = true;
                break;
            }

            var temperature = 0.02 * Math.Pow(0.01, (double)step / steps);
            if (recombination.Step(p, 0.5, temperature))
            {
                var v = p.Violation();
                if (v < bestV - Eps)
                {
                    bestV = v;
                    Array.Copy(p.Of, best, best.Length);
                    if (bestV <= Eps)
                    {
                        break;
                    }
                }
            }
        }

        for (var i = 0; i < best.Length; i++)
        {
            if (p.Of[i] != best[i])
            {
                p.Move(i, best[i]);
            }
        }

        return stopped;
    }

    /// <summary>
    /// Realignment: the better (balanced first, then less volume moved) of the annealing repair from
    /// the current plan and from the plan after following the least-cost border flow.
    /// </summary>
    public int[] Repair(int[] start, int[] original, int maxRounds)
    {
        var (plan, stopped) = RealignmentRepair.Run(this, start, original, maxRounds);
        Stopped = stopped;
        return plan;
    }
}
