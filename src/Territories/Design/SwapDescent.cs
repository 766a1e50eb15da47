namespace Territories.Design;

/// <summary>
/// Exchanges of two border units between neighbouring territories while one lowers the violation
/// and both territories stay in one piece: with coarse units (counties) one unit alone often
/// overshoots in both directions, and the single moves of the annealing cannot pass through that
/// worse state. At most 50 passes of at most 2,000,000 tried pairs each.
/// </summary>
internal static class SwapDescent
{
    private const double Eps = 1e-9;

    /// <summary>Runs the descent on <paramref name="p"/> with the engine's normalised attributes; fixed units never move.</summary>
    /// <param name="engine">The run: problem, normalised attributes, fixed units.</param>
    /// <param name="p">The plan, changed in place.</param>
    public static void Run(DesignEngine engine, Partition p)
    {
        var problem = engine.Problem;
        var g = problem.Graph;
        var m = problem.M;
        for (var pass = 0; pass < 50 && p.Violation() > Eps; pass++)
        {
            // Border units per ordered pair of territories: units of t with a neighbour in s.
            var border = new Dictionary<(int T, int S), List<int>>();
            for (var i = 0; i < problem.N; i++)
            {
                if (engine.Fixed[i])
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

                        if (p.Of[i] != t || p.Of[j] != s || Delta(engine.Normalised, p, i, j, t, s, m) >= -Eps || !p.CanLeave(i))
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

    private static double Delta(double[] normalised, Partition p, int i, int j, int t, int s, int m)
    {
        var d = 0.0;
        for (var a = 0; a < m; a++)
        {
            var w = normalised[(i * m) + a] - normalised[(j * m) + a];
            var lt = p.Load[(t * m) + a];
            var ls = p.Load[(s * m) + a];
            d += p.Excess(lt - w, a) - p.Excess(lt, a) + p.Excess(ls + w, a) - p.Excess(ls, a);
        }

        return d;
    }
}
