namespace Territories.Design;

/// <summary>
/// Grows territories from their seed units over the unit graph, the lightest territory taking its
/// nearest free neighbouring unit next, so that every territory is contiguous and loads stay close.
/// </summary>
/// <remarks>O((n + links) log n). Deterministic: ties break by territory index, then unit index.</remarks>
internal static class RegionGrowing
{
    /// <param name="graph">The unit graph.</param>
    /// <param name="normalised">Attributes per unit, normalised to the target (n × m).</param>
    /// <param name="m">Number of attributes.</param>
    /// <param name="k">Number of territories.</param>
    /// <param name="of">Initial assignment: a territory for seeds and units already placed, -1 for free units; filled in.</param>
    /// <param name="centres">A centre per territory for the nearest-unit rule; null to grow breadth-first.</param>
    /// <param name="stop">Polled every 64 units grown; when it fires, <see cref="DesignStoppedException"/> leaves <paramref name="of"/> half grown.</param>
    public static void Grow(UnitGraph graph, double[] normalised, int m, int k, int[] of, (double X, double Y)[]? centres, Internal.StopCondition? stop = null)
    {
        var grownCount = 0;
        var load = new double[k];
        var frontier = new PriorityQueue<int, (double, int)>[k];
        var order = 0;
        for (var t = 0; t < k; t++)
        {
            frontier[t] = new PriorityQueue<int, (double, int)>();
        }

        for (var i = 0; i < of.Length; i++)
        {
            if (of[i] >= 0)
            {
                load[of[i]] += Weight(normalised, m, i);
            }
        }

        for (var i = 0; i < of.Length; i++)
        {
            if (of[i] >= 0)
            {
                Push(i, of[i]);
            }
        }

        var territories = new PriorityQueue<int, (double, int)>();
        for (var t = 0; t < k; t++)
        {
            territories.Enqueue(t, (load[t], t));
        }

        while (territories.TryDequeue(out var t, out _))
        {
            var q = frontier[t];
            var grown = false;
            while (q.TryDequeue(out var u, out _))
            {
                if (of[u] >= 0)
                {
                    continue;
                }

                if (stop is not null && (++grownCount & 63) == 0 && stop.ShouldInterrupt())
                {
                    throw new DesignStoppedException(stop.Reason);
                }

                of[u] = t;
                load[t] += Weight(normalised, m, u);
                Push(u, t);
                grown = true;
                break;
            }

            if (grown)
            {
                territories.Enqueue(t, (load[t], t));
            }
        }

        void Push(int u, int t)
        {
            for (var e = graph.Start[u]; e < graph.Start[u + 1]; e++)
            {
                var v = graph.Neighbours[e];
                if (of[v] >= 0)
                {
                    continue;
                }

                double key;
                if (centres is null)
                {
                    key = order++;
                }
                else
                {
                    var dx = graph.X![v] - centres[t].X;
                    var dy = graph.Y![v] - centres[t].Y;
                    key = (dx * dx) + (dy * dy);
                }

                frontier[t].Enqueue(v, (key, v));
            }
        }
    }

    /// <summary>Seeds far apart in hops: the first at random among <paramref name="candidates"/>, each next the unit farthest from those chosen.</summary>
    public static List<int> FarthestSeeds(UnitGraph graph, List<int> candidates, int count, Random random)
    {
        var seeds = new List<int> { candidates[random.Next(candidates.Count)] };
        var inSet = new HashSet<int>(candidates);
        var dist = new int[graph.Count];
        var queue = new int[graph.Count];
        while (seeds.Count < count)
        {
            Array.Fill(dist, -1);
            int head = 0, tail = 0;
            foreach (var s in seeds)
            {
                dist[s] = 0;
                queue[tail++] = s;
            }

            while (head < tail)
            {
                var u = queue[head++];
                for (var e = graph.Start[u]; e < graph.Start[u + 1]; e++)
                {
                    var v = graph.Neighbours[e];
                    if (dist[v] < 0)
                    {
                        dist[v] = dist[u] + 1;
                        queue[tail++] = v;
                    }
                }
            }

            var best = -1;
            foreach (var c in candidates)
            {
                if (inSet.Contains(c) && !seeds.Contains(c) && (best < 0 || dist[c] > dist[best]))
                {
                    best = c;
                }
            }

            if (best < 0)
            {
                break;
            }

            seeds.Add(best);
        }

        return seeds;
    }

    private static double Weight(double[] normalised, int m, int i)
    {
        var w = 0.0;
        for (var k = 0; k < m; k++)
        {
            w += normalised[(i * m) + k];
        }

        return w / m;
    }
}
