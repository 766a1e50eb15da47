namespace Territories.Design;

/// <summary>
/// Realignment: the better (balanced first, then less volume moved) of the annealing repair from
/// the current plan and from the plan after following the least-cost border flow.
/// </summary>
internal static class RealignmentRepair
{
    private const double Eps = 1e-9;

    /// <summary>Annealing runs per start in a realignment (fewer when the time limit comes first).</summary>
    private const int RepairRestarts = 8;

    /// <summary>Repairs <paramref name="start"/> until balanced, moving as little volume away from <paramref name="original"/> as it can.</summary>
    /// <param name="engine">The run: problem, normalised attributes and bounds, fixed units, random generator and stop.</param>
    /// <param name="start">The plan to repair.</param>
    /// <param name="original">Per unit, its territory before the realignment, or −1.</param>
    /// <param name="maxRounds">The most annealing rounds per run.</param>
    /// <returns>The best plan, and whether the stop condition cut the search short.</returns>
    public static (int[] Plan, bool Stopped) Run(DesignEngine engine, int[] start, int[] original, int maxRounds)
    {
        var problem = engine.Problem;
        var g = problem.Graph;
        var m = problem.M;
        var cost = new double[problem.N];
        for (var i = 0; i < problem.N; i++)
        {
            for (var a = 0; a < m; a++)
            {
                cost[i] += engine.Normalised[(i * m) + a] / m;
            }
        }

        if (engine.NewPartition(start).Violation() <= Eps)
        {
            return ((int[])start.Clone(), false);
        }

        var search = new PartitionSearch(g, engine.Fixed, engine.Random, engine.Stop);

        // Two starts compete: the plan as it is, and the plan after following the least-cost flow of
        // volume over the territory borders (plus transfer chains for what is left), which moves about
        // as much as that flow needs; the annealing then finishes and trims each.
        var chained = engine.NewPartition(start);
        var chains = new ChainRepair(g, engine.Normalised, m, engine.Fixed, original, engine.Lo, engine.Hi);
        chains.RunFlow(chained, engine.Stop);
        chains.Run(chained, engine.Stop);
        var (best, bestV, bestMoved) = RepairFrom(engine, search, start, original, cost, maxRounds);
        var restarts = 0;
        do
        {
            // Each annealing run takes its own random path; a few more runs from both starts (while
            // time remains) find plans that move less, and the best one is kept.
            foreach (var from in restarts == 0 ? [chained.Of] : new[] { start, chained.Of })
            {
                var (candidate, v, moved) = RepairFrom(engine, search, from, original, cost, maxRounds);
                if (v < bestV - Eps || (v <= bestV + Eps && moved < bestMoved - Eps))
                {
                    (best, bestV, bestMoved) = (candidate, v, moved);
                }
            }
        }
        while (++restarts < RepairRestarts && !search.Stopped && !engine.Stop.ShouldInterrupt());

        return (best, search.Stopped);
    }

    /// <summary>
    /// From <paramref name="start"/>, anneal on balance first and moved volume second (no compactness
    /// term, so a balanced plan moves nothing), in rounds until balanced; then, with balance held,
    /// take back moves that are not needed.
    /// </summary>
    private static (int[] Best, double Violation, double Moved) RepairFrom(DesignEngine engine, PartitionSearch search, int[] start, int[] original, double[] cost, int maxRounds)
    {
        var edges = (long)engine.Problem.Graph.Neighbours.Length;
        var mean = cost.Where(c => c > 0).DefaultIfEmpty(1).Average();
        var objective = new SearchObjective(20, 0, 1, original, cost);
        var best = (int[])start.Clone();
        var bestV = engine.NewPartition(best).Violation();
        var bestMoved = Moved(best, original, cost);
        for (var round = 0; round < maxRounds && bestV > Eps && !search.Stopped; round++)
        {
            var p = engine.NewPartition(best);
            search.Anneal(p, objective, (round == 0 ? 0.3 : 1.0) * mean, 0.003 * mean, 100 * edges, hardBalance: false, stopWhenBalanced: false);
            SwapDescent.Run(engine, p);
            var v = p.Violation();
            var moved = Moved(p.Of, original, cost);
            if (v < bestV - Eps || (v <= bestV + Eps && moved < bestMoved))
            {
                (best, bestV, bestMoved) = ((int[])p.Of.Clone(), v, moved);
            }
        }

        for (var round = 0; round < 4 && bestV <= Eps && !search.Stopped; round++)
        {
            var p = engine.NewPartition(best);
            search.Anneal(p, objective, 0.1 * mean, 0.001 * mean, 100 * edges, hardBalance: true, stopWhenBalanced: false);
            var moved = Moved(p.Of, original, cost);
            if (p.Violation() <= Eps && moved < bestMoved)
            {
                (best, bestMoved) = ((int[])p.Of.Clone(), moved);
            }
        }

        return (best, bestV, bestMoved);
    }

    private static double Moved(int[] of, int[] original, double[] cost)
    {
        var moved = 0.0;
        for (var i = 0; i < of.Length; i++)
        {
            if (original[i] >= 0 && of[i] != original[i])
            {
                moved += cost[i];
            }
        }

        return moved;
    }
}
