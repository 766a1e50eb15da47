namespace Territories.Design;

/// <summary>
/// The first contiguous plan of a <see cref="DesignEngine"/> run: territories spread over the graph's
/// connected pieces in proportion to their volume, seeded (by balanced k-means centres, or far apart in
/// hops when units have no position) and grown; units of pieces that get no territory join the nearest.
/// </summary>
internal static class InitialPlan
{
    /// <summary>
    /// An initial contiguous plan: territories spread over the graph's connected pieces in proportion
    /// to their volume, grown from their pinned units (seeds, locks) and from spread seeds; units of
    /// pieces that get no territory (islands) join the territory of the nearest unit and are fixed.
    /// </summary>
    /// <param name="engine">The run: its problem, normalised attributes, random generator and stop; islands are marked in its <see cref="DesignEngine.Fixed"/>.</param>
    /// <param name="pinned">Per unit, its pinned territory or −1.</param>
    /// <param name="seedUnit">Per territory, its seed unit or −1.</param>
    /// <param name="stopped">Whether the engine's stop may end the growth (with <see cref="DesignStoppedException"/>): for the first plan only, as restarts keep the best plan so far.</param>
    public static int[] Build(DesignEngine engine, int[] pinned, int[] seedUnit, bool stopped)
    {
        var p = engine.Problem;
        var g = p.Graph;
        var m = p.M;
        var k = engine.K;
        var normalised = engine.Normalised;
        var of = (int[])pinned.Clone();
        var comps = p.ComponentCount;
        var quota = new double[comps];
        var size = new int[comps];
        for (var i = 0; i < p.N; i++)
        {
            size[p.Component[i]]++;
            for (var a = 0; a < m; a++)
            {
                quota[p.Component[i]] += normalised[(i * m) + a] / m;
            }
        }

        var home = new int[k];
        Array.Fill(home, -1);
        for (var t = 0; t < k; t++)
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

        var remaining = k - alloc.Sum();
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

        var free = new Queue<int>(Enumerable.Range(0, k).Where(t => home[t] < 0));
        for (var c = 0; c < comps; c++)
        {
            for (var j = pinnedCount[c]; j < alloc[c] && free.Count > 0; j++)
            {
                home[free.Dequeue()] = c;
            }
        }

        var centres = g.HasCoordinates ? new (double X, double Y)[k] : null;
        for (var c = 0; c < comps; c++)
        {
            var territories = Enumerable.Range(0, k).Where(t => home[t] == c).ToList();
            if (territories.Count == 0)
            {
                continue;
            }

            var units = Enumerable.Range(0, p.N).Where(i => p.Component[i] == c).ToList();
            PlaceSeeds(engine, units, territories, of, seedUnit, centres);
        }

        RegionGrowing.Grow(g, normalised, m, k, of, centres, stopped ? engine.Stop : null);
        AttachIslands(engine, of);
        return of;
    }


    private static void PlaceSeeds(DesignEngine engine, List<int> units, List<int> territories, int[] of, int[] seedUnit, (double X, double Y)[]? centres)
    {
        var problem = engine.Problem;
        var g = problem.Graph;
        var taken = new HashSet<int>(Enumerable.Range(0, problem.N).Where(i => of[i] >= 0));
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
            var weight = Enumerable.Range(0, problem.N).Select(i => engine.Normalised[i * problem.M]).ToArray();

            // The baseline's centres seed the first plan when they cover the same units; restarts draw new ones.
            var baseline = engine.TakeBaselineCentres();
            var kc = baseline is not null && open.Count == engine.K && candidates.Count == problem.N ? baseline : BalancedKMeans.Run(g.X!, g.Y!, [.. candidates], weight, open.Count, engine.Hi[0] - 1, engine.Random, stop: engine.Stop).Centres;
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
            var spread = RegionGrowing.FarthestSeeds(g, candidates, open.Count, engine.Random);
            for (var j = 0; j < spread.Count; j++)
            {
                of[spread[j]] = open[j];
            }
        }
    }

    private static void AttachIslands(DesignEngine engine, int[] of)
    {
        var problem = engine.Problem;
        var g = problem.Graph;
        var placed = Enumerable.Range(0, problem.N).Where(i => of[i] >= 0).ToArray();
        for (var i = 0; i < problem.N; i++)
        {
            if (of[i] >= 0)
            {
                continue;
            }

            var nearest = g.HasCoordinates
                ? placed.MinBy(j => Sq(g.X![i] - g.X![j]) + Sq(g.Y![i] - g.Y![j]))
                : placed[0];
            of[i] = of[nearest];
            engine.Fixed[i] = true;
        }
    }

    private static double Sq(double v) => v * v;
}
