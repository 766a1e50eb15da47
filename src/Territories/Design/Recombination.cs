namespace Territories.Design;

/// <summary>
/// The recombination move (ReCom) on a <see cref="Partition"/>: two neighbouring territories are
/// merged, a uniformly random spanning tree of their union is drawn (Wilson's algorithm), and the
/// tree edge whose cut best balances both halves on every attribute splits the union again. Both
/// halves are connected by construction, so on sparse, tree-like graphs, where single-unit moves
/// are mostly blocked by the contiguity test, whole branches still change hands.
/// </summary>
/// <remarks>
/// A step is kept only when it does not increase the balance violation of the pair (neutral steps
/// are kept, so the chain keeps moving among balanced plans). Fixed units stay in their territory.
/// Deterministic for a given random generator. A step costs O(units of the pair × attributes) plus
/// the cover time of the random walks, which is small on the pairs' sizes.
/// </remarks>
internal sealed class Recombination
{
    private const double Eps = 1e-12;
    private readonly UnitGraph _graph;
    private readonly double[] _a;
    private readonly int _m;
    private readonly bool[] _fixed;
    private readonly Random _random;
    private readonly int[] _mark;
    private readonly int[] _next;
    private readonly int[] _units;
    private readonly int[] _childStart;
    private readonly int[] _children;
    private readonly int[] _order;
    private readonly double[] _sum;
    private readonly int[] _fixT;
    private readonly int[] _fixS;
    private readonly int[] _neighbourBuffer;
    private readonly int[] _local;
    private int _stamp;

    public Recombination(UnitGraph graph, double[] normalised, int attributes, bool[] isFixed, Random random)
    {
        _graph = graph;
        _a = normalised;
        _m = attributes;
        _fixed = isFixed;
        _random = random;
        var n = graph.Count;
        _mark = new int[n];
        _next = new int[n];
        _units = new int[n];
        _childStart = new int[n + 1];
        _children = new int[n];
        _order = new int[n];
        _sum = new double[n * attributes];
        _fixT = new int[n];
        _fixS = new int[n];
        _local = new int[n];
        _neighbourBuffer = new int[graph.Neighbours.Length == 0 ? 1 : graph.Neighbours.Length];
    }

    /// <summary>
    /// One recombination step on a pair of neighbouring territories, the pair chosen through a random
    /// cut link, preferring (with probability <paramref name="focus"/>) a pair holding an unbalanced territory.
    /// </summary>
    /// <param name="p">The plan, changed in place.</param>
    /// <param name="focus">The probability of looking for a pair with an unbalanced territory.</param>
    /// <param name="temperature">Metropolis temperature for steps that increase the violation; 0 keeps only steps that do not.</param>
    /// <returns>True when the pair was split anew.</returns>
    public bool Step(Partition p, double focus, double temperature)
    {
        var edges = _graph.Neighbours.Length;
        if (edges == 0)
        {
            return false;
        }

        var wantViolated = _random.NextDouble() < focus;
        int t = -1, s = -1, from = -1;
        for (var attempt = 0; attempt < 256; attempt++)
        {
            var e = _random.Next(edges);
            var a = _graph.Owner[e];
            var ta = p.Of[a];
            var tb = p.Of[_graph.Neighbours[e]];
            if (ta == tb)
            {
                continue;
            }

            if (wantViolated && attempt < 192 && p.Violation(ta) <= Eps && p.Violation(tb) <= Eps)
            {
                continue;
            }

            (t, s, from) = (ta, tb, a);
            break;
        }

        return t >= 0 && Split(p, t, s, from, temperature);
    }

    private bool Split(Partition p, int t, int s, int from, double temperature)
    {
        var g = _graph;
        var of = p.Of;

        // The union, by breadth-first search from one unit; a union in several pieces is left alone.
        _stamp++;
        var count = 0;
        _units[count++] = from;
        _mark[from] = _stamp;
        for (var head = 0; head < count; head++)
        {
            var u = _units[head];
            for (var e = g.Start[u]; e < g.Start[u + 1]; e++)
            {
                var v = g.Neighbours[e];
                if (_mark[v] != _stamp && (of[v] == t || of[v] == s))
                {
                    _mark[v] = _stamp;
                    _units[count++] = v;
                }
            }
        }

        if (count != p.Count[t] + p.Count[s] || count < 2)
        {
            return false;
        }

        var root = _units[_random.Next(count)];
        var member = _stamp;
        _stamp++;
        var inTree = _stamp;
        _mark[root] = inTree;
        _next[root] = -1;
        for (var k = 0; k < count; k++)
        {
            var u = _units[k];
            while (_mark[u] != inTree)
            {
                _next[u] = RandomNeighbour(u, member, inTree);
                u = _next[u];
            }

            u = _units[k];
            while (_mark[u] != inTree)
            {
                _mark[u] = inTree;
                u = _next[u];
            }
        }

        // Children lists, then a breadth-first order from the root, so that subtree totals add up in reverse.
        var local = _local;
        for (var k = 0; k < count; k++)
        {
            local[_units[k]] = k;
        }

        Array.Clear(_childStart, 0, count + 1);
        for (var k = 0; k < count; k++)
        {
            var parent = _next[_units[k]];
            if (parent >= 0)
            {
                _childStart[local[parent] + 1]++;
            }
        }

        for (var k = 0; k < count; k++)
        {
            _childStart[k + 1] += _childStart[k];
        }

        var fill = new int[count];
        for (var k = 0; k < count; k++)
        {
            var parent = _next[_units[k]];
            if (parent >= 0)
            {
                var pk = local[parent];
                _children[_childStart[pk] + fill[pk]++] = k;
            }
        }

        var tail = 0;
        _order[tail++] = local[root];
        for (var head = 0; head < tail; head++)
        {
            var k = _order[head];
            for (var c = _childStart[k]; c < _childStart[k + 1]; c++)
            {
                _order[tail++] = _children[c];
            }
        }

        var m = _m;
        var total = new double[m];
        int totalFixT = 0, totalFixS = 0;
        for (var k = 0; k < count; k++)
        {
            var u = _units[k];
            for (var a = 0; a < m; a++)
            {
                _sum[(k * m) + a] = _a[(u * m) + a];
                total[a] += _a[(u * m) + a];
            }

            _fixT[k] = _fixed[u] && of[u] == t ? 1 : 0;
            _fixS[k] = _fixed[u] && of[u] == s ? 1 : 0;
            totalFixT += _fixT[k];
            totalFixS += _fixS[k];
        }

        for (var q = count - 1; q > 0; q--)
        {
            var k = _order[q];
            var pk = local[_next[_units[k]]];
            for (var a = 0; a < m; a++)
            {
                _sum[(pk * m) + a] += _sum[(k * m) + a];
            }

            _fixT[pk] += _fixT[k];
            _fixS[pk] += _fixS[k];
        }

        var before = 0.0;
        for (var a = 0; a < m; a++)
        {
            var lt = p.Load[(t * m) + a];
            var ls = p.Load[(s * m) + a];
            before += (100 * (p.Excess(lt, a) + p.Excess(ls, a))) + ((lt - 1) * (lt - 1)) + ((ls - 1) * (ls - 1));
        }

        var best = double.PositiveInfinity;
        var bestCut = -1;
        var ties = 0;
        for (var q = 1; q < count; q++)
        {
            var k = _order[q];
            var subToT = _fixS[k] == 0 && _fixT[k] == totalFixT;
            var subToS = _fixT[k] == 0 && _fixS[k] == totalFixS;
            if (!subToT && !subToS)
            {
                continue;
            }

            // Violation first; among equal violations the halves nearest their targets, which leaves slack for later steps.
            var v = 0.0;
            var spread = 0.0;
            for (var a = 0; a < m; a++)
            {
                var inside = _sum[(k * m) + a];
                v += p.Excess(inside, a) + p.Excess(total[a] - inside, a);
                spread += ((inside - 1) * (inside - 1)) + ((total[a] - inside - 1) * (total[a] - inside - 1));
            }

            var score = (100 * v) + spread;
            if (score < best - Eps)
            {
                (best, bestCut, ties) = (score, k, 1);
            }
            else if (score <= best + Eps && _random.Next(++ties) == 0)
            {
                bestCut = k;
            }
        }

        if (bestCut < 0 || (best > before + Eps && (temperature <= 0 || _random.NextDouble() >= Math.Exp(-(best - before) / temperature))))
        {
            return false;
        }

        // The side under the cut is marked; it goes to t or s, whichever moves fewer units and keeps fixed units home.
        _stamp++;
        var side = _stamp;
        var stack = new Stack<int>();
        stack.Push(bestCut);
        var insideAlreadyT = 0;
        var insideCount = 0;
        while (stack.Count > 0)
        {
            var k = stack.Pop();
            _mark[_units[k]] = side;
            insideCount++;
            insideAlreadyT += of[_units[k]] == t ? 1 : 0;
            for (var c = _childStart[k]; c < _childStart[k + 1]; c++)
            {
                stack.Push(_children[c]);
            }
        }

        var canT = _fixS[bestCut] == 0 && _fixT[bestCut] == totalFixT;
        var canS = _fixT[bestCut] == 0 && _fixS[bestCut] == totalFixS;
        var outsideAlreadyT = p.Count[t] - insideAlreadyT;
        var movesIfInsideT = (insideCount - insideAlreadyT) + outsideAlreadyT;
        var movesIfInsideS = insideAlreadyT + (count - insideCount - outsideAlreadyT);
        var insideGets = canT && (!canS || movesIfInsideT <= movesIfInsideS) ? t : s;
        var outsideGets = insideGets == t ? s : t;
        for (var k = 0; k < count; k++)
        {
            var u = _units[k];
            var target = _mark[u] == side ? insideGets : outsideGets;
            if (of[u] != target)
            {
                p.Move(u, target);
            }
        }

        return true;
    }

    private int RandomNeighbour(int u, int member, int inTree)
    {
        var g = _graph;
        var n = 0;
        for (var e = g.Start[u]; e < g.Start[u + 1]; e++)
        {
            var v = g.Neighbours[e];
            if (_mark[v] == member || _mark[v] == inTree)
            {
                _neighbourBuffer[n++] = v;
            }
        }

        return _neighbourBuffer[_random.Next(n)];
    }
}
