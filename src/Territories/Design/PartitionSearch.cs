using Territories.Internal;

namespace Territories.Design;

/// <summary>
/// Simulated annealing over single-unit boundary moves on a <see cref="Partition"/>: a move takes a
/// unit across a link into the neighbouring territory, and is kept only when its territory stays in
/// one piece. The objective is a weighted sum of balance violation, compactness and (for
/// realignment) the volume moved away from the original territories; the best state seen (balance
/// first, then the objective) is restored at the end.
/// </summary>
/// <remarks>Deterministic for a given random generator and iteration count; the stop condition only shortens runs.</remarks>
internal sealed class PartitionSearch
{
    private readonly UnitGraph _graph;
    private readonly bool[] _fixed;
    private readonly Random _random;
    private readonly StopCondition _stop;

    public PartitionSearch(UnitGraph graph, bool[] isFixed, Random random, StopCondition stop)
    {
        _graph = graph;
        _fixed = isFixed;
        _random = random;
        _stop = stop;
    }

    public bool Stopped { get; private set; }

    /// <summary>Mean absolute change of violation and of compactness over a sample of candidate moves.</summary>
    public (double Violation, double Compactness) Calibrate(Partition p)
    {
        double sv = 0, sc = 0;
        int nv = 0, nc = 0;
        var edges = _graph.Neighbours.Length;
        for (var k = 0; k < 4000 && edges > 0; k++)
        {
            var e = _random.Next(edges);
            var i = _graph.Owner[e];
            var t = p.Of[i];
            var s = p.Of[_graph.Neighbours[e]];
            if (t == s)
            {
                continue;
            }

            var dv = Math.Abs(p.DeltaViolation(i, t, s));
            var dc = Math.Abs(p.DeltaCompactness(i, t, s));
            if (dv > 0)
            {
                sv += dv;
                nv++;
            }

            if (dc > 0)
            {
                sc += dc;
                nc++;
            }
        }

        return (nv > 0 ? sv / nv : 1e-3, nc > 0 ? sc / nc : 1);
    }

    public void Anneal(Partition p, SearchObjective objective, double t0, double t1, long iterations, bool hardBalance, bool stopWhenBalanced)
    {
        var edges = _graph.Neighbours.Length;
        if (edges == 0 || iterations <= 0)
        {
            return;
        }

        var journal = new List<(int Unit, int From)>();
        var branch = new List<int>();
        var v = p.Violation();
        var f = 0.0;
        var bestV = v;
        var bestF = 0.0;
        var temperature = t0;
        var ratio = t1 / t0;
        for (long it = 0; it < iterations; it++)
        {
            if ((it & 1023) == 0)
            {
                if (_stop.ShouldInterrupt())
                {
                    Stopped = true;
                    break;
                }

                temperature = t0 * Math.Pow(ratio, (double)it / iterations);
            }

            var e = _random.Next(edges);
            var i = _graph.Owner[e];
            var t = p.Of[i];
            var s = p.Of[_graph.Neighbours[e]];
            if (t == s || _fixed[i])
            {
                continue;
            }

            var dv = p.DeltaViolation(i, t, s);
            if (hardBalance && dv > 1e-12)
            {
                continue;
            }

            var d = objective.Violation * dv;
            if (objective.Compactness != 0)
            {
                d += objective.Compactness * p.DeltaCompactness(i, t, s);
            }

            if (objective.Original is { } orig)
            {
                var o = orig[i];
                d += objective.Moved * ((o == t ? objective.Cost![i] : 0) - (o == s ? objective.Cost![i] : 0));
            }

            if (d > 0 && _random.NextDouble() >= Math.Exp(-d / temperature))
            {
                continue;
            }

            if (p.CanLeave(i))
            {
                p.Move(i, s);
                journal.Add((i, t));
            }
            else
            {
                if (!p.TryBranch(i, _fixed, Math.Max(2, p.Count[t] / 3), branch))
                {
                    continue;
                }

                dv = p.DeltaViolation(branch, t, s);
                if (hardBalance && dv > 1e-12)
                {
                    continue;
                }

                d = objective.Violation * dv;
                if (objective.Compactness != 0)
                {
                    d += objective.Compactness * p.DeltaCompactness(branch, t, s);
                }

                if (objective.Original is { } original)
                {
                    foreach (var u in branch)
                    {
                        var o = original[u];
                        d += objective.Moved * ((o == t ? objective.Cost![u] : 0) - (o == s ? objective.Cost![u] : 0));
                    }
                }

                if (d > 0 && _random.NextDouble() >= Math.Exp(-d / temperature))
                {
                    continue;
                }

                foreach (var u in branch)
                {
                    p.Move(u, s);
                    journal.Add((u, t));
                }
            }

            v += dv;
            f += d;
            if (v < bestV - 1e-12 || (v <= bestV + 1e-12 && f < bestF - 1e-12))
            {
                bestV = v;
                bestF = f;
                journal.Clear();
                if (stopWhenBalanced && bestV <= 1e-12)
                {
                    break;
                }
            }
        }

        for (var k = journal.Count - 1; k >= 0; k--)
        {
            p.Move(journal[k].Unit, journal[k].From);
        }
    }
}

/// <summary>The weights of one annealing run.</summary>
/// <param name="Violation">Weight of the balance violation.</param>
/// <param name="Compactness">Weight of the compactness measure.</param>
/// <param name="Moved">Weight of the volume moved away from <paramref name="Original"/>.</param>
/// <param name="Original">The original territory of each unit (-1 for none); null when moves cost nothing.</param>
/// <param name="Cost">The normalised volume of each unit.</param>
internal sealed record SearchObjective(double Violation, double Compactness, double Moved = 0, int[]? Original = null, double[]? Cost = null);
