using Territories.Internal;

namespace Territories.Design;

/// <summary>
/// Realignment by transfer chains: the territory furthest outside its band sends its excess (or
/// draws its shortfall) along a shortest chain of neighbouring territories to the nearest territory
/// with room, each link of the chain handing over boundary units worth about that amount: units
/// going back to their original territory first (they cost nothing), then the largest unit that
/// does not overshoot what is still owed, and the smallest that covers the last remainder. Only territories on the chain change,
/// so the volume moved stays near the excess times the chain length.
/// </summary>
/// <remarks>
/// Every handed-over unit keeps its territory in one piece (the same local test as the annealing).
/// A chain that does not lower the plan's balance violation is undone and its territory is not
/// tried again. Deterministic: ties break by unit and territory index. A chain costs O(links) to find
/// the territory adjacency plus O(boundary units) per handed-over unit.
/// </remarks>
internal sealed class ChainRepair
{
    private const double Eps = 1e-12;
    private readonly UnitGraph _graph;
    private readonly double[] _a;
    private readonly int _m;
    private readonly bool[] _fixed;
    private readonly int[] _original;
    private readonly double[] _lo;
    private readonly double[] _hi;

    public ChainRepair(UnitGraph graph, double[] normalised, int attributes, bool[] isFixed, int[] original, double[] lo, double[] hi)
    {
        _graph = graph;
        _a = normalised;
        _m = attributes;
        _fixed = isFixed;
        _original = original;
        _lo = lo;
        _hi = hi;
    }

    /// <summary>Applies chains until the plan is balanced, no chain helps, or <paramref name="stop"/> says so.</summary>
    public void Run(Partition p, StopCondition stop)
    {
        var k = p.K;
        var stuck = new bool[k];
        var journal = new List<(int Unit, int From)>();
        for (var iteration = 0; iteration < 20 * k && !stop.ShouldInterrupt(); iteration++)
        {
            var (t, attribute, over) = Worst(p, stuck);
            if (t < 0)
            {
                return;
            }

            var load = p.Load[(t * _m) + attribute];

            // Aim a little inside the band so that unit granularity does not leave the territory on its edge.
            var margin = 0.1 * (_hi[attribute] - 1);
            var amount = over ? load - (_hi[attribute] - margin) : (_lo[attribute] + margin) - load;
            var path = Path(p, t, attribute, over, amount);
            if (path is null)
            {
                stuck[t] = true;
                continue;
            }

            var before = p.Violation();
            journal.Clear();
            var ok = true;

            // Over: units flow t → … → end; under: end → … → t. Either way each link hands over about the amount.
            for (var j = 0; j + 1 < path.Count && ok; j++)
            {
                var (from, to) = over ? (path[j], path[j + 1]) : (path[j + 1], path[j]);
                ok = Transfer(p, from, to, attribute, amount, journal) > 0;
            }

            if (!ok || p.Violation() > before - Eps)
            {
                for (var q = journal.Count - 1; q >= 0; q--)
                {
                    p.Move(journal[q].Unit, journal[q].From);
                }

                stuck[t] = true;
            }
        }
    }

    /// <summary>
    /// Follows the least-cost flow over the territory adjacency graph (<see cref="TerritoryFlow"/>) for the
    /// attribute furthest out of balance: each border hands over about the volume the flow puts on it,
    /// aiming a tenth of the tolerance inside the band.
    /// </summary>
    public void RunFlow(Partition p, StopCondition stop)
    {
        var k = p.K;
        var attribute = -1;
        var worst = Eps;
        for (var a = 0; a < _m; a++)
        {
            var v = 0.0;
            for (var t = 0; t < k; t++)
            {
                v += p.Excess(p.Load[(t * _m) + a], a);
            }

            if (v > worst)
            {
                (worst, attribute) = (v, a);
            }
        }

        if (attribute < 0)
        {
            return;
        }

        var adjacent = new bool[k, k];
        var g = _graph;
        for (var e = 0; e < g.Neighbours.Length; e++)
        {
            adjacent[p.Of[g.Owner[e]], p.Of[g.Neighbours[e]]] = true;
        }

        var load = new double[k];
        for (var t = 0; t < k; t++)
        {
            load[t] = p.Load[(t * _m) + attribute];
        }

        var margin = 0.1 * (_hi[attribute] - 1);
        var flow = TerritoryFlow.Solve(adjacent, load, _lo[attribute] + margin, _hi[attribute] - margin, stop);
        var journal = new List<(int Unit, int From)>();

        // Territories that only send go first, so that a territory passing volume on has received it.
        var arcs = new List<(int From, int To, double Amount)>();
        for (var a = 0; a < k; a++)
        {
            for (var b = 0; b < k; b++)
            {
                if (flow[a, b] > Eps)
                {
                    arcs.Add((a, b, flow[a, b]));
                }
            }
        }

        var inflow = new double[k];
        foreach (var (_, to, amount) in arcs)
        {
            inflow[to] += amount;
        }

        foreach (var (from, to, amount) in arcs.OrderBy(x => inflow[x.From]).ThenBy(x => x.From).ThenBy(x => x.To))
        {
            if (stop.ShouldInterrupt())
            {
                return;
            }

            Transfer(p, from, to, attribute, amount, journal);
        }
    }

    /// <summary>The territory with the largest single-attribute excess outside its band, not yet given up on.</summary>
    private (int Territory, int Attribute, bool Over) Worst(Partition p, bool[] stuck)
    {
        var best = (-1, 0, false);
        var worst = Eps;
        for (var t = 0; t < p.K; t++)
        {
            if (stuck[t])
            {
                continue;
            }

            for (var a = 0; a < _m; a++)
            {
                var l = p.Load[(t * _m) + a];
                if (l - _hi[a] > worst)
                {
                    (worst, best) = (l - _hi[a], (t, a, true));
                }
                else if (_lo[a] - l > worst)
                {
                    (worst, best) = (_lo[a] - l, (t, a, false));
                }
            }
        }

        return best;
    }

    /// <summary>
    /// A shortest chain (in territory hops) from <paramref name="t"/> to the nearest territory with
    /// room for <paramref name="amount"/> (or, failing that, the one with the most room at the
    /// smallest distance); null when no territory has any room.
    /// </summary>
    private List<int>? Path(Partition p, int t, int attribute, bool over, double amount)
    {
        var k = p.K;
        var adjacent = new HashSet<(int, int)>();
        var g = _graph;
        for (var e = 0; e < g.Neighbours.Length; e++)
        {
            var a = p.Of[g.Owner[e]];
            var b = p.Of[g.Neighbours[e]];
            if (a != b)
            {
                adjacent.Add((a, b));
            }
        }

        var previous = new int[k];
        var distance = new int[k];
        Array.Fill(distance, -1);
        distance[t] = 0;
        previous[t] = -1;
        var queue = new Queue<int>();
        queue.Enqueue(t);
        var order = new List<int>();
        while (queue.Count > 0)
        {
            var u = queue.Dequeue();
            order.Add(u);
            for (var v = 0; v < k; v++)
            {
                if (distance[v] < 0 && adjacent.Contains((u, v)))
                {
                    distance[v] = distance[u] + 1;
                    previous[v] = u;
                    queue.Enqueue(v);
                }
            }
        }

        var end = -1;
        var endRoom = 0.0;
        var enough = false;
        foreach (var r in order)
        {
            if (r == t)
            {
                continue;
            }

            var l = p.Load[(r * _m) + attribute];
            var room = over ? _hi[attribute] - l : l - _lo[attribute];
            if (room <= Eps)
            {
                continue;
            }

            var fits = room >= amount;
            if (end < 0 || (fits && !enough) || (fits == enough && distance[r] == distance[end] && room > endRoom))
            {
                if (end >= 0 && enough && distance[r] > distance[end])
                {
                    break;
                }

                (end, endRoom, enough) = (r, room, fits);
            }
        }

        if (end < 0)
        {
            return null;
        }

        var path = new List<int>();
        for (var v = end; v >= 0; v = previous[v])
        {
            path.Add(v);
        }

        path.Reverse();
        return path;
    }

    /// <summary>Hands boundary units of <paramref name="from"/> to <paramref name="to"/> until about <paramref name="amount"/> has moved.</summary>
    private double Transfer(Partition p, int from, int to, int attribute, double amount, List<(int Unit, int From)> journal)
    {
        // Stop within a twentieth of the tolerance of the amount: the flow aimed a tenth inside the band.
        var slack = Math.Max(Eps, 0.05 * (_hi[attribute] - 1));
        var moved = 0.0;
        for (var guard = 0; moved < amount - slack && guard < 10_000; guard++)
        {
            var owed = amount - moved;
            int home = -1, cover = -1, largest = -1;
            for (var i = 0; i < p.Of.Length; i++)
            {
                if (p.Of[i] != from || _fixed[i] || !p.Touches(i, to))
                {
                    continue;
                }

                var w = _a[(i * _m) + attribute];
                if (w <= 0)
                {
                    continue;
                }

                if (_original[i] == to && (home < 0 || w > _a[(home * _m) + attribute]))
                {
                    if (p.CanLeave(i))
                    {
                        home = i;
                    }

                    continue;
                }

                if (w >= owed && (cover < 0 || w < _a[(cover * _m) + attribute]) && p.CanLeave(i))
                {
                    cover = i;
                }
                else if (w < owed && (largest < 0 || w > _a[(largest * _m) + attribute]) && p.CanLeave(i))
                {
                    largest = i;
                }
            }

            // Fill from below first (no overshoot); cover the last remainder with the smallest unit that does.
            var pick = home >= 0 ? home : largest >= 0 ? largest : cover;
            if (pick < 0)
            {
                return moved;
            }

            p.Move(pick, to);
            journal.Add((pick, from));
            moved += _a[(pick * _m) + attribute];
        }

        return moved;
    }
}
