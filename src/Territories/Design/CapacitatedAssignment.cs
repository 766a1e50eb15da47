using Territories.Internal;

namespace Territories.Design;

/// <summary>
/// The assignment step of <see cref="BalancedKMeans"/>: units with weights to fixed centres, every
/// centre's load within [lower, upper], minimising the sum over units of the squared distance to
/// their centre; solved exactly as a transportation problem (fractional), then rounded to whole units.
/// </summary>
/// <remarks>
/// <para>
/// The linear program: a unit i of weight w sends w units of flow, at cost d²(i, c) / w per unit of
/// flow to centre c, so that a unit sent whole costs d²(i, c) whatever its weight (every unit counts
/// once, as in the moment of inertia the design reports). A centre must receive at least the lower
/// bound and at most the upper one. It is a min-cost flow: units → centres → a sink, each centre
/// demanding the lower bound, and the rest (total − k · lower) going to a shared sink over one arc
/// per centre of capacity upper − lower.
/// </para>
/// <para>
/// Solved by successive shortest paths with node potentials (Dijkstra on reduced costs). The start
/// is an optimal pseudo-flow: every unit whole at its centre of least reduced cost under the
/// potentials of the previous Lloyd iteration (zero at first), the shared-sink arcs set by the sign
/// of their reduced cost; centres above their bounds then hold excess and centres below them a
/// deficit, and each augmentation moves excess to the nearest deficit. Units are eliminated from the
/// search graph: a path moves flow between centres through a unit that has flow at the first one, so
/// Dijkstra runs on k + 1 nodes (centres and the shared sink), the cheapest such unit per ordered
/// pair of centres kept in a heap (its key, a difference of d²/w, does not depend on the
/// potentials). Each unit is first linked to its 10 nearest centres; when no deficit can be reached,
/// the units at the centres reached are linked to twice as many (a unit cheaper at a new centre
/// moves there whole, which keeps the invariant). At the end the optimality conditions are checked
/// against every centre (each unit at a centre of least reduced cost, sink arcs used only at zero
/// reduced cost); if one fails, the solve is repeated with twice as many linked centres, from the
/// potentials reached. So the fractional solution is optimal for the complete problem (up to a
/// relative 1e-9 in reduced costs).
/// </para>
/// <para>
/// Rounding is not exact. A unit with weight is indivisible, and the fractional optimum splits a few
/// (at most about one per centre). Each split unit goes whole to one of the centres it is split over
/// (heaviest first; the centre that adds the least violation of the bounds, then the nearest), then a
/// repair moves single units, or swaps two, out of and into the centres outside their bounds,
/// choosing the move with the least added cost per unit of violation removed; when none lowers the
/// violation, one that keeps it (each unit at most once) may open the way to one that does. When every centre can
/// absorb the heaviest unit (upper − mean and mean − lower at least the heaviest weight) the repair
/// always ends within the bounds (a centre over the upper bound can pass any unit to one below the
/// mean, and one under the lower bound can take any unit from one above the mean); otherwise it
/// can fail where a feasible rounding exists (that is a bin-packing question), and the result says so.
/// </para>
/// <para>
/// Units of weight zero take no capacity and go to their nearest centre. Deterministic: no
/// randomness, and the same input gives the same sequence of operations. Time: O(n · k) per solve for the candidate lists and the
/// optimality check, plus O(k log k + edges between centres) per augmentation; warm-started solves
/// of later Lloyd iterations need a few hundred augmentations for 10,000 units and 100 centres.
/// </para>
/// </remarks>
internal sealed class CapacitatedAssignment
{
    private const int InitialCandidates = 10;
    private readonly double[] _x;
    private readonly double[] _y;
    private readonly double[] _w;
    private readonly double _lower;
    private readonly double _upper;
    private readonly int _n;

    // The last solve's potentials (centres, then the shared sink): the next solve starts from them.
    private double[]? _potential;

    /// <summary>Creates the assignment problem for units (compact indices) with weights and the load bounds of every centre.</summary>
    public CapacitatedAssignment(double[] x, double[] y, double[] weight, double lower, double upper)
    {
        _x = x;
        _y = y;
        _w = weight;
        _n = x.Length;
        _lower = lower;
        _upper = upper;
    }

    /// <summary>
    /// Polled every few flow augmentations and repair moves of <see cref="Solve"/>, which then throws
    /// <see cref="DesignStoppedException"/>: one solve on 20,000 units takes hundreds of milliseconds.
    /// None when null (the default).
    /// </summary>
    public StopCondition? Stop { get; set; }

    /// <summary>How many units the last <see cref="Solve"/> split between centres before rounding.</summary>
    public int SplitUnits { get; private set; }

    /// <summary>How many centres each unit was linked to in the last solve's sparse graph.</summary>
    public int Candidates { get; private set; }

    /// <summary>True when the last solve's fractional flow met every bound and was verified optimal for the complete problem.</summary>
    public bool FractionalOptimal { get; private set; }

    /// <summary>The objective of the last fractional optimum: sum of d²(i, c) · share of i at c.</summary>
    public double FractionalCost { get; private set; }

    /// <summary>Assigns every unit to one centre; loads are returned in <paramref name="load"/>.</summary>
    public int[] Solve((double X, double Y)[] centres, double[] load)
    {
        var k = centres.Length;
        var flows = SolveFractional(centres);
        var of = new int[_n];
        Array.Clear(load);
        var split = new List<int>();
        FractionalCost = 0;
        for (var i = 0; i < _n; i++)
        {
            var f = flows[i];
            foreach (var (c, amount) in f)
            {
                FractionalCost += Sq(i, centres[c]) * (_w[i] > 0 ? amount / _w[i] : 1);
            }

            if (f.Count == 1)
            {
                of[i] = f[0].C;
                load[of[i]] += _w[i];
            }
            else
            {
                of[i] = -1;
                split.Add(i);
            }
        }

        SplitUnits = split.Count;
        foreach (var i in split.OrderByDescending(i => _w[i]).ThenBy(i => i))
        {
            var best = -1;
            var bestV = double.PositiveInfinity;
            var bestD = double.PositiveInfinity;
            foreach (var (c, _) in flows[i])
            {
                var v = Violation(load[c] + _w[i]) - Violation(load[c]);
                var d = Sq(i, centres[c]);
                if (v < bestV - Tol(v) || (v <= bestV + Tol(v) && d < bestD))
                {
                    (best, bestV, bestD) = (c, v, d);
                }
            }

            of[i] = best;
            load[best] += _w[i];
        }

        Repair(centres, of, load, k);
        return of;
    }

    /// <summary>How far a load lies outside [lower, upper] (0 inside).</summary>
    public double Violation(double load) => Math.Max(0, _lower - load) + Math.Max(0, load - _upper);

    private static double Tol(double v) => 1e-12 * Math.Max(1, Math.Abs(v));

    private void Poll(int step)
    {
        if (Stop is not null && (step & 15) == 15 && Stop.ShouldInterrupt())
        {
            throw new DesignStoppedException(Stop.Reason);
        }
    }

    private double Sq(int i, (double X, double Y) c) => ((_x[i] - c.X) * (_x[i] - c.X)) + ((_y[i] - c.Y) * (_y[i] - c.Y));

    /// <summary>The fractional optimum: per unit, the centres it sends flow to and how much.</summary>
    private List<(int C, double F)>[] SolveFractional((double X, double Y)[] centres)
    {
        var k = centres.Length;
        var candidates = Math.Min(k, InitialCandidates);
        if (_potential?.Length != k + 1)
        {
            _potential = null;
        }

        while (true)
        {
            Candidates = candidates;
            var solver = new Flow(this, centres, candidates, _potential);
            var ok = solver.Run();
            _potential = solver.Potential;
            FractionalOptimal = ok && solver.Optimal();
            if (FractionalOptimal || candidates == k)
            {
                return solver.Flows;
            }

            candidates = Math.Min(k, candidates * 2);
        }
    }

    /// <summary>Moves or swaps single units until every centre is within its bounds, or no move reduces the violation.</summary>
    private void Repair((double X, double Y)[] centres, int[] of, double[] load, int k)
    {
        var members = new List<int>[k];
        for (var c = 0; c < k; c++)
        {
            members[c] = [];
        }

        for (var i = 0; i < _n; i++)
        {
            members[of[i]].Add(i);
        }

        // Moves that leave the violation as it is may open the way to one that lowers it (a swap
        // passes the excess on to a centre that can shed it); each unit makes at most one of them.
        var tabu = new HashSet<int>();
        for (var guard = 0; guard < 4 * (_n + k); guard++)
        {
            Poll(guard);
            var violating = Enumerable.Range(0, k).Where(c => Violation(load[c]) > Tol(_upper)).OrderByDescending(c => Violation(load[c])).ThenBy(c => c).ToList();
            if (violating.Count == 0)
            {
                return;
            }

            var moved = false;
            foreach (var neutral in new[] { false, true })
            {
                moved = violating.Exists(c => BestMove(centres, of, load, members, c, neutral ? tabu : null))
                    || violating.Exists(c => BestSwap(centres, of, load, members, c, neutral ? tabu : null));
                if (moved)
                {
                    break;
                }
            }

            if (!moved)
            {
                return;
            }
        }
    }

    /// <summary>The best move of one unit out of (or into) violating centre <paramref name="c"/>: least added cost per unit of violation removed; with <paramref name="tabu"/>, moves that leave the violation as it is are allowed, once per unit.</summary>
    private bool BestMove((double X, double Y)[] centres, int[] of, double[] load, List<int>[] members, int c, HashSet<int>? tabu)
    {
        var over = load[c] > _upper;
        var (bestUnit, bestTo, bestV, bestD) = (-1, -1, double.PositiveInfinity, double.PositiveInfinity);
        var before = Violation(load[c]);
        for (var d = 0; d < centres.Length; d++)
        {
            if (d == c)
            {
                continue;
            }

            var (from, to) = over ? (c, d) : (d, c);
            var pair = Violation(load[from]) + Violation(load[to]);
            foreach (var i in members[from])
            {
                var after = Violation(load[from] - _w[i]) + Violation(load[to] + _w[i]);
                if (tabu is null ? after >= pair - Tol(before) : after > pair + Tol(before) || _w[i] <= 0 || tabu.Contains(i))
                {
                    continue;
                }

                var cost = Sq(i, centres[to]) - Sq(i, centres[from]);
                var score = tabu is null ? cost / (pair - after) : cost;
                if (score < bestV || (score == bestV && after < bestD))
                {
                    (bestUnit, bestTo, bestV, bestD) = (i, to, score, after);
                }
            }
        }

        if (bestUnit < 0)
        {
            return false;
        }

        Move(of, load, members, bestUnit, bestTo);
        tabu?.Add(bestUnit);
        return true;
    }

    /// <summary>As <see cref="BestMove"/> for an exchange of two units between <paramref name="c"/> and another centre.</summary>
    private bool BestSwap((double X, double Y)[] centres, int[] of, double[] load, List<int>[] members, int c, HashSet<int>? tabu)
    {
        var (bestI, bestJ, bestV, bestD) = (-1, -1, double.PositiveInfinity, double.PositiveInfinity);
        var before = Violation(load[c]);
        for (var d = 0; d < centres.Length; d++)
        {
            if (d == c)
            {
                continue;
            }

            var pair = Violation(load[c]) + Violation(load[d]);
            foreach (var i in members[c])
            {
                foreach (var j in members[d])
                {
                    var shift = _w[i] - _w[j];
                    var after = Violation(load[c] - shift) + Violation(load[d] + shift);
                    if (tabu is null ? after >= pair - Tol(before) : after > pair + Tol(before) || shift == 0 || tabu.Contains(i) || tabu.Contains(j))
                    {
                        continue;
                    }

                    var cost = Sq(i, centres[d]) + Sq(j, centres[c]) - Sq(i, centres[c]) - Sq(j, centres[d]);
                    var score = tabu is null ? cost / (pair - after) : cost;
                    if (score < bestV || (score == bestV && after < bestD))
                    {
                        (bestI, bestJ, bestV, bestD) = (i, j, score, after);
                    }
                }
            }
        }

        if (bestI < 0)
        {
            return false;
        }

        var (ci, cj) = (of[bestI], of[bestJ]);
        Move(of, load, members, bestI, cj);
        Move(of, load, members, bestJ, ci);
        tabu?.Add(bestI);
        tabu?.Add(bestJ);
        return true;
    }

    private void Move(int[] of, double[] load, List<int>[] members, int i, int to)
    {
        var from = of[i];
        members[from].Remove(i);
        members[to].Add(i);
        load[from] -= _w[i];
        load[to] += _w[i];
        of[i] = to;
    }

    /// <summary>
    /// One successive-shortest-path solve on a sparse graph of candidate centres, started from every
    /// unit at its cheapest centre under the given potentials (an optimal pseudo-flow), then moving
    /// excess from centres above their bounds to centres below them along shortest paths.
    /// </summary>
    private sealed class Flow
    {
        private readonly CapacitatedAssignment _p;
        private readonly (double X, double Y)[] _centres;
        private readonly int _k;
        // Per unit: all centres nearest first, and how many of them it is linked to.
        private readonly int[][] _order;
        private readonly int[] _linked;
        private readonly double[] _excess;
        private readonly double[] _toSink;
        private readonly PriorityQueue<int, double>?[] _reroute;
        private readonly List<int>[] _next;
        private readonly double _eps;
        private readonly double _slack;

        public Flow(CapacitatedAssignment p, (double X, double Y)[] centres, int candidates, double[]? potential)
        {
            _p = p;
            _centres = centres;
            _k = centres.Length;
            var n = p._n;
            _order = new int[n][];
            _linked = new int[n];
            Flows = new List<(int C, double F)>[n];
            Potential = potential is null ? new double[_k + 1] : (double[])potential.Clone();
            _reroute = new PriorityQueue<int, double>?[_k * _k];
            _next = new List<int>[_k];
            for (var c = 0; c < _k; c++)
            {
                _next[c] = [];
            }

            var load = new double[_k];
            var dist = new double[candidates];
            var total = 0.0;
            for (var i = 0; i < n; i++)
            {
                // The nearest centres by insertion (most are rejected at the first comparison).
                var order = _order[i] = new int[candidates];
                var filled = 0;
                for (var c = 0; c < _k; c++)
                {
                    var d = p.Sq(i, centres[c]);
                    if (filled == candidates && d >= dist[filled - 1])
                    {
                        continue;
                    }

                    var at = filled == candidates ? filled - 1 : filled++;
                    while (at > 0 && dist[at - 1] > d)
                    {
                        dist[at] = dist[at - 1];
                        order[at] = order[at - 1];
                        at--;
                    }

                    dist[at] = d;
                    order[at] = c;
                }

                Flows[i] = new List<(int C, double F)>(1);
                if (p._w[i] > 0)
                {
                    _linked[i] = candidates;
                    var best = Cheapest(i);
                    AddFlow(i, best, p._w[i]);
                    load[best] += p._w[i];
                    total += p._w[i];
                }
                else
                {
                    Flows[i].Add((order[0], 0));
                }
            }

            _eps = 1e-12 * Math.Max(total, double.Epsilon);
            _slack = double.IsPositiveInfinity(p._upper) ? double.PositiveInfinity : p._upper - p._lower;

            // The arc to the shared sink must carry flow only where its reduced cost allows it.
            var sink = _k;
            _toSink = new double[_k];
            _excess = new double[_k + 1];
            var scale = 1e-9 * Math.Max(1, Potential.Max(Math.Abs));
            var sinkIn = 0.0;
            for (var c = 0; c < _k; c++)
            {
                var free = Math.Clamp(load[c] - p._lower, 0, _slack);
                _toSink[c] = Potential[c] > Potential[sink] + scale ? 0
                    : Potential[c] < Potential[sink] - scale && !double.IsPositiveInfinity(_slack) ? _slack
                    : free;
                sinkIn += _toSink[c];
                _excess[c] = load[c] - _toSink[c] - p._lower;
            }

            _excess[sink] = sinkIn - Math.Max(0, total - (_k * p._lower));
        }

        public List<(int C, double F)>[] Flows { get; }

        public double[] Potential { get; }

        /// <summary>Moves all excess to the deficits; false when the sparse graph cannot.</summary>
        public bool Run()
        {
            var nodes = _k + 1;
            var sink = _k;
            var dist = new double[nodes];
            var done = new bool[nodes];
            var from = new int[nodes];
            var via = new int[nodes];
            var queue = new PriorityQueue<int, double>(nodes);
            for (var round = 0; ; round++)
            {
                _p.Poll(round);
                Array.Fill(dist, double.PositiveInfinity);
                Array.Clear(done);
                queue.Clear();
                for (var v = 0; v < nodes; v++)
                {
                    if (_excess[v] > _eps)
                    {
                        dist[v] = 0;
                        from[v] = -1;
                        queue.Enqueue(v, 0);
                    }
                }

                if (queue.Count == 0)
                {
                    return true;
                }

                var target = -1;
                while (target < 0)
                {
                    var v = -1;
                    while (queue.TryDequeue(out var u, out var du))
                    {
                        if (!done[u] && du <= dist[u])
                        {
                            v = u;
                            break;
                        }
                    }

                    if (v < 0)
                    {
                        if (!Grow(done))
                        {
                            return false;
                        }

                        break;
                    }

                    done[v] = true;
                    if (_excess[v] < -_eps)
                    {
                        target = v;
                    }
                    else if (v == sink)
                    {
                        for (var d = 0; d < _k; d++)
                        {
                            if (!done[d] && _toSink[d] > _eps)
                            {
                                Relax(d, dist[v] + Math.Max(0, Potential[sink] - Potential[d]), v, -1, dist, from, via, queue);
                            }
                        }
                    }
                    else
                    {
                        foreach (var d in _next[v])
                        {
                            if (done[d])
                            {
                                continue;
                            }

                            var heap = _reroute[(v * _k) + d]!;
                            while (heap.TryPeek(out var j, out var key))
                            {
                                if (FlowAt(j, v) > _eps)
                                {
                                    Relax(d, dist[v] + Math.Max(0, key + Potential[v] - Potential[d]), v, j, dist, from, via, queue);
                                    break;
                                }

                                heap.Dequeue();
                            }
                        }

                        if (!done[sink] && _toSink[v] < _slack - _eps)
                        {
                            Relax(sink, dist[v] + Math.Max(0, Potential[v] - Potential[sink]), v, -1, dist, from, via, queue);
                        }
                    }
                }

                if (target < 0)
                {
                    continue;
                }

                var reach = dist[target];
                for (var u = 0; u < nodes; u++)
                {
                    Potential[u] += Math.Min(dist[u], reach);
                }

                Augment(target, from, via);
            }
        }

        /// <summary>
        /// True when the final flow meets the optimality conditions of the complete problem at the
        /// final potentials: every unit's flow at a centre of least reduced cost among all centres,
        /// and flow to the shared sink only where its reduced cost is zero.
        /// </summary>
        public bool Optimal()
        {
            var sink = _k;
            var scale = 1e-9 * Math.Max(1, Potential.Max(Math.Abs));
            for (var c = 0; c < _k; c++)
            {
                if ((_toSink[c] > _eps && Potential[c] > Potential[sink] + scale) || (_toSink[c] < _slack - _eps && Potential[c] < Potential[sink] - scale))
                {
                    return false;
                }
            }

            for (var i = 0; i < _p._n; i++)
            {
                if (_p._w[i] <= 0)
                {
                    continue;
                }

                var worst = double.NegativeInfinity;
                foreach (var (c, _) in Flows[i])
                {
                    worst = Math.Max(worst, Cost(i, c) - Potential[c]);
                }

                var margin = 1e-9 * Math.Max(1, Math.Abs(worst));
                for (var d = 0; d < _k; d++)
                {
                    if (Cost(i, d) - Potential[d] < worst - margin)
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        /// <summary>
        /// No deficit can be reached from the excess: units with flow at the centres reached are
        /// linked to twice as many centres, and a unit now cheaper at a new centre moves there whole
        /// (which keeps every reduced cost non-negative). False when there was nothing to link.
        /// </summary>
        private bool Grow(bool[] reached)
        {
            var grown = false;
            for (var i = 0; i < _p._n; i++)
            {
                if (_p._w[i] <= 0 || _linked[i] == _k || !Flows[i].Exists(f => reached[f.C]))
                {
                    continue;
                }

                grown = true;
                var old = _linked[i];
                _linked[i] = Math.Min(_k, 2 * old);
                if (_order[i].Length < _linked[i])
                {
                    var all = Enumerable.Range(0, _k).ToArray();
                    var dist = all.Select(c => _p.Sq(i, _centres[c])).ToArray();
                    Array.Sort(dist, all);
                    _order[i] = all;
                }

                foreach (var (c, _) in Flows[i])
                {
                    for (var r = old; r < _linked[i]; r++)
                    {
                        Link(i, c, _order[i][r]);
                    }
                }

                var best = Cheapest(i);
                var at = Flows[i].Max(f => Cost(i, f.C) - Potential[f.C]);
                if (Cost(i, best) - Potential[best] < at - (1e-12 * Math.Max(1, Math.Abs(at))))
                {
                    foreach (var (c, f) in Flows[i].ToArray())
                    {
                        AddFlow(i, c, -f);
                        _excess[c] -= f;
                    }

                    AddFlow(i, best, _p._w[i]);
                    _excess[best] += _p._w[i];
                }
            }

            return grown;
        }

        private int Cheapest(int i)
        {
            var order = _order[i];
            var best = order[0];
            for (var r = 1; r < _linked[i]; r++)
            {
                if (Cost(i, order[r]) - Potential[order[r]] < Cost(i, best) - Potential[best])
                {
                    best = order[r];
                }
            }

            return best;
        }

        private void Link(int i, int c, int d)
        {
            var slot = (c * _k) + d;
            if (_reroute[slot] is not { } heap)
            {
                _reroute[slot] = heap = new PriorityQueue<int, double>();
                _next[c].Add(d);
            }

            heap.Enqueue(i, Cost(i, d) - Cost(i, c));
        }

        private static void Relax(int d, double value, int v, int unit, double[] dist, int[] from, int[] via, PriorityQueue<int, double> queue)
        {
            if (value < dist[d])
            {
                dist[d] = value;
                from[d] = v;
                via[d] = unit;
                queue.Enqueue(d, value);
            }
        }

        private double Cost(int i, int c) => _p.Sq(i, _centres[c]) / _p._w[i];

        private double FlowAt(int i, int c)
        {
            foreach (var (cc, f) in Flows[i])
            {
                if (cc == c)
                {
                    return f;
                }
            }

            return 0;
        }

        private void AddFlow(int i, int c, double amount)
        {
            var list = Flows[i];
            for (var e = 0; e < list.Count; e++)
            {
                if (list[e].C == c)
                {
                    var f = list[e].F + amount;
                    if (f <= _eps)
                    {
                        list.RemoveAt(e);
                    }
                    else
                    {
                        list[e] = (c, f);
                    }

                    return;
                }
            }

            list.Add((c, amount));
            for (var r = 0; r < _linked[i]; r++)
            {
                if (_order[i][r] != c)
                {
                    Link(i, c, _order[i][r]);
                }
            }
        }

        private void Augment(int target, int[] from, int[] via)
        {
            var sink = _k;
            var amount = -_excess[target];
            var source = target;
            for (var v = target; from[v] >= 0; v = from[v])
            {
                var u = from[v];
                amount = Math.Min(amount, v == sink ? _slack - _toSink[u] : u == sink ? _toSink[v] : FlowAt(via[v], u));
                source = u;
            }

            amount = Math.Min(amount, _excess[source]);
            _excess[source] = Snap(_excess[source] - amount);
            _excess[target] = Snap(_excess[target] + amount);
            for (var v = target; from[v] >= 0; v = from[v])
            {
                var u = from[v];
                if (v == sink)
                {
                    _toSink[u] += amount;
                }
                else if (u == sink)
                {
                    _toSink[v] = Snap(_toSink[v] - amount);
                }
                else
                {
                    AddFlow(via[v], u, -amount);
                    AddFlow(via[v], v, amount);
                }
            }
        }

        private double Snap(double v) => Math.Abs(v) <= _eps ? 0 : v;
    }
}
