using Territories.Internal;

namespace Territories.Design;

/// <summary>
/// The search behind <see cref="TerritoryDesigner"/>: normalised attributes, an initial contiguous
/// plan grown from seeds spread by balanced k-means (or far apart in hops when units have no
/// position), annealing rounds until balanced, then compactness under the balance.
/// </summary>
internal sealed class DesignEngine
{
    private const double Eps = 1e-9;

    /// <summary>Annealing runs per start in a realignment (fewer when the time limit comes first).</summary>
    private const int RepairRestarts = 8;
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

    /// <summary>
    /// An initial contiguous plan: territories spread over the graph's connected pieces in proportion
    /// to their volume, grown from their pinned units (seeds, locks) and from spread seeds; units of
    /// pieces that get no territory (islands) join the territory of the nearest unit and are fixed.
    /// </summary>
    /// <param name="pinned">Per unit, its pinned territory or −1.</param>
    /// <param name="seedUnit">Per territory, its seed unit or −1.</param>
    /// <param name="stopped">Whether the engine's stop may end the growth (with <see cref="DesignStoppedException"/>): for the first plan only, as restarts keep the best plan so far.</param>
    public int[] Initial(int[] pinned, int[] seedUnit, bool stopped = false)
    {
        var p = _problem;
        var g = p.Graph;
        var m = p.M;
        var of = (int[])pinned.Clone();
        var comps = p.ComponentCount;
        var quota = new double[comps];
        var size = new int[comps];
        for (var i = 0; i < p.N; i++)
        {
            size[p.Component[i]]++;
            for (var a = 0; a < m; a++)
            {
                quota[p.Component[i]] += Normalised[(i * m) + a] / m;
            }
        }

        var home = new int[K];
        Array.Fill(home, -1);
        for (var t = 0; t < K; t++)
        {
            if (seedUnit[t] >= 0)
            {
                home[t] = p.Component[seedUnit[t]];
            }
        }

        for (var i = 0; i < p.N; i++)
        {
            if (pinned[i] >= 0 && home[pinned[i]] < 0)
            {
                home[pinned[i]] = p.Component[i];
            }
        }

        var pinnedCount = new int[comps];
        foreach (var h in home.Where(h => h >= 0))
        {
            pinnedCount[h]++;
        }

        var alloc = new int[comps];
        for (var c = 0; c < comps; c++)
        {
            alloc[c] = Math.Max(pinnedCount[c], Math.Min(size[c], (int)Math.Floor(quota[c])));
        }

        var remaining = K - alloc.Sum();
        while (remaining > 0)
        {
            var best = -1;
            for (var c = 0; c < comps; c++)
            {
                if (alloc[c] < size[c] && (best < 0 || quota[c] - alloc[c] > quota[best] - alloc[best]))
                {
                    best = c;
                }
            }

            if (best < 0)
            {
                break;
            }

            alloc[best]++;
            remaining--;
        }

        while (remaining < 0)
        {
            var best = -1;
            for (var c = 0; c < comps; c++)
            {
                if (alloc[c] > pinnedCount[c] && (best < 0 || quota[c] - alloc[c] < quota[best] - alloc[best]))
                {
                    best = c;
                }
            }

            if (best < 0)
            {
                break;
            }

            alloc[best]--;
            remaining++;
        }

        var free = new Queue<int>(Enumerable.Range(0, K).Where(t => home[t] < 0));
        for (var c = 0; c < comps; c++)
        {
            for (var j = pinnedCount[c]; j < alloc[c] && free.Count > 0; j++)
            {
                home[free.Dequeue()] = c;
            }
        }

        var centres = g.HasCoordinates ? new (double X, double Y)[K] : null;
        for (var c = 0; c < comps; c++)
        {
            var territories = Enumerable.Range(0, K).Where(t => home[t] == c).ToList();
            if (territories.Count == 0)
            {
                continue;
            }

            var units = Enumerable.Range(0, p.N).Where(i => p.Component[i] == c).ToList();
            PlaceSeeds(units, territories, of, seedUnit, centres);
        }

        RegionGrowing.Grow(g, Normalised, m, K, of, centres, stopped ? _stop : null);
        AttachIslands(of);
        return of;
    }

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
                SwapDescent(p);
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
        var g = _problem.Graph;
        var m = _problem.M;
        var cost = new double[_problem.N];
        for (var i = 0; i < _problem.N; i++)
        {
            for (var a = 0; a < m; a++)
            {
                cost[i] += Normalised[(i * m) + a] / m;
            }
        }

        if (NewPartition(start).Violation() <= Eps)
        {
            return (int[])start.Clone();
        }

        var search = new PartitionSearch(g, Fixed, _random, _stop);

        // Two starts compete: the plan as it is, and the plan after following the least-cost flow of
        // volume over the territory borders (plus transfer chains for what is left), which moves about
        // as much as that flow needs; the annealing then finishes and trims each.
        var chained = NewPartition(start);
        var chains = new ChainRepair(g, Normalised, m, Fixed, original, Lo, Hi);
        chains.RunFlow(chained, _stop);
        chains.Run(chained, _stop);
        var (best, bestV, bestMoved) = RepairFrom(search, start, original, cost, maxRounds);
        var restarts = 0;
        do
        {
            // Each annealing run takes its own random path; a few more runs from both starts (while
            // time remains) find plans that move less, and the best one is kept.
            foreach (var from in restarts == 0 ? [chained.Of] : new[] { start, chained.Of })
            {
                var (candidate, v, moved) = RepairFrom(search, from, original, cost, maxRounds);
                if (v < bestV - Eps || (v <= bestV + Eps && moved < bestMoved - Eps))
                {
                    (best, bestV, bestMoved) = (candidate, v, moved);
                }
            }
        }
        while (++restarts < RepairRestarts && !search.Stopped && !_stop.ShouldInterrupt());

        Stopped = search.Stopped;
        return best;
    }

    /// <summary>
    /// From <paramref name="start"/>, anneal on balance first and moved volume second (no compactness
    /// term, so a balanced plan moves nothing), in rounds until balanced; then, with balance held,
    /// take back moves that are not needed.
    /// </summary>
    private (int[] Best, double Violation, double Moved) RepairFrom(PartitionSearch search, int[] start, int[] original, double[] cost, int maxRounds)
    {
        var edges = (long)_problem.Graph.Neighbours.Length;
        var mean = cost.Where(c => c > 0).DefaultIfEmpty(1).Average();
        var objective = new SearchObjective(20, 0, 1, original, cost);
        var best = (int[])start.Clone();
        var bestV = NewPartition(best).Violation();
        var bestMoved = Moved(best, original, cost);
        for (var round = 0; round < maxRounds && bestV > Eps && !search.Stopped; round++)
        {
            var p = NewPartition(best);
            search.Anneal(p, objective, (round == 0 ? 0.3 : 1.0) * mean, 0.003 * mean, 100 * edges, hardBalance: false, stopWhenBalanced: false);
            SwapDescent(p);
            var v = p.Violation();
            var moved = Moved(p.Of, original, cost);
            if (v < bestV - Eps || (v <= bestV + Eps && moved < bestMoved))
            {
                (best, bestV, bestMoved) = ((int[])p.Of.Clone(), v, moved);
            }
        }

        for (var round = 0; round < 4 && bestV <= Eps && !search.Stopped; round++)
        {
            var p = NewPartition(best);
            search.Anneal(p, objective, 0.1 * mean, 0.001 * mean, 100 * edges, hardBalance: true, stopWhenBalanced: false);
            var moved = Moved(p.Of, original, cost);
            if (p.Violation() <= Eps && moved < bestMoved)
            {
                (best, bestMoved) = ((int[])p.Of.Clone(), moved);
            }
        }

        return (best, bestV, bestMoved);
    }

    /// <summary>
    /// Exchanges of two border units between neighbouring territories while one lowers the violation
    /// and both territories stay in one piece: with coarse units (counties) one unit alone often
    /// overshoots in both directions, and the single moves of the annealing cannot pass through that
    /// worse state. At most 50 passes of at most 2,000,000 tried pairs each.
    /// </summary>
    private void SwapDescent(Partition p)
    {
        var g = _problem.Graph;
        var m = _problem.M;
        for (var pass = 0; pass < 50 && p.Violation() > Eps; pass++)
        {
            // Border units per ordered pair of territories: units of t with a neighbour in s.
            var border = new Dictionary<(int T, int S), List<int>>();
            for (var i = 0; i < _problem.N; i++)
            {
                if (Fixed[i])
                {
                    continue;
                }

                for (var e = g.Start[i]; e < g.Start[i + 1]; e++)
                {
                    var s = p.Of[g.Neighbours[e]];
                    if (s != p.Of[i])
                    {
                        var key = (p.Of[i], s);
                        if (!border.TryGetValue(key, out var list))
                        {
                            border[key] = list = [];
                        }

                        if (list.Count == 0 || list[^1] != i)
                        {
                            list.Add(i);
                        }
                    }
                }
            }

            var improved = false;
            var tried = 0;
            foreach (var ((t, s), mine) in border.OrderBy(b => b.Key))
            {
                if (t > s || !border.TryGetValue((s, t), out var theirs))
                {
                    continue;
                }

                foreach (var i in mine)
                {
                    foreach (var j in theirs)
                    {
                        if (++tried > 2_000_000)
                        {
                            return;
                        }

                        if (p.Of[i] != t || p.Of[j] != s || SwapDelta(p, i, j, t, s, m) >= -Eps || !p.CanLeave(i))
                        {
                            continue;
                        }

                        p.Move(i, s);
                        if (p.Touches(j, t) && p.CanLeave(j))
                        {
                            p.Move(j, t);
                            improved = true;
                        }
                        else
                        {
                            p.Move(i, t);
                        }
                    }
                }
            }

            if (!improved)
            {
                break;
            }
        }
    }

    private double SwapDelta(Partition p, int i, int j, int t, int s, int m)
    {
        var d = 0.0;
        for (var a = 0; a < m; a++)
        {
            var w = Normalised[(i * m) + a] - Normalised[(j * m) + a];
            var lt = p.Load[(t * m) + a];
            var ls = p.Load[(s * m) + a];
            d += p.Excess(lt - w, a) - p.Excess(lt, a) + p.Excess(ls + w, a) - p.Excess(ls, a);
        }

        return d;
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

    private void PlaceSeeds(List<int> units, List<int> territories, int[] of, int[] seedUnit, (double X, double Y)[]? centres)
    {
        var g = _problem.Graph;
        var taken = new HashSet<int>(Enumerable.Range(0, _problem.N).Where(i => of[i] >= 0));
        var open = territories.Where(t => seedUnit[t] < 0 && !of.Contains(t)).ToList();
        foreach (var t in territories.Where(t => !open.Contains(t)))
        {
            var s = seedUnit[t] >= 0 ? seedUnit[t] : Array.IndexOf(of, t);
            of[s] = t;
            taken.Add(s);
            if (centres is not null)
            {
                centres[t] = (g.X![s], g.Y![s]);
            }
        }

        if (open.Count == 0)
        {
            return;
        }

        var candidates = units.Where(i => !taken.Contains(i)).ToList();
        if (centres is not null)
        {
            var weight = Enumerable.Range(0, _problem.N).Select(i => Normalised[i * _problem.M]).ToArray();

            // The baseline's centres seed the first plan when they cover the same units; restarts draw new ones.
            var kc = _baselineCentres is not null && open.Count == K && candidates.Count == _problem.N ? _baselineCentres : BalancedKMeans.Run(g.X!, g.Y!, [.. candidates], weight, open.Count, Hi[0] - 1, _random, stop: _stop).Centres;
            _baselineCentres = null;
            for (var j = 0; j < open.Count; j++)
            {
                var s = candidates.Where(i => !taken.Contains(i)).MinBy(i => Sq(g.X![i] - kc[j].X) + Sq(g.Y![i] - kc[j].Y));
                of[s] = open[j];
                taken.Add(s);
                centres[open[j]] = kc[j];
            }
        }
        else
        {
            var spread = RegionGrowing.FarthestSeeds(g, candidates, open.Count, _random);
            for (var j = 0; j < spread.Count; j++)
            {
                of[spread[j]] = open[j];
            }
        }
    }

    private void AttachIslands(int[] of)
    {
        var g = _problem.Graph;
        var placed = Enumerable.Range(0, _problem.N).Where(i => of[i] >= 0).ToArray();
        for (var i = 0; i < _problem.N; i++)
        {
            if (of[i] >= 0)
            {
                continue;
            }

            var nearest = g.HasCoordinates
                ? placed.MinBy(j => Sq(g.X![i] - g.X![j]) + Sq(g.Y![i] - g.Y![j]))
                : placed[0];
            of[i] = of[nearest];
            Fixed[i] = true;
        }
    }

    private static double Sq(double v) => v * v;
}
