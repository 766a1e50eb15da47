using System.Globalization;

namespace Territories.Design;

/// <summary>
/// Lower bounds on how well any contiguous plan can balance, from the cut units of the unit graph.
/// </summary>
/// <remarks>
/// <para>
/// The argument: remove a unit v and the graph falls into parts. Every territory except v's own is
/// connected and avoids v, so it lies inside one part; what is left of a part after its whole
/// territories joins v's territory. With j territories inside a part of load x (loads in multiples of
/// the target), what is left lies in [max(0, x − j·U), x − j·L], and j·L ≤ x, where [L, U] is the
/// band 1 ± tolerance. Some choice of j per part, adding up to k − 1, must leave v's territory inside
/// the band on every attribute; when none does, no contiguous plan meets the tolerances.
/// </para>
/// <para>
/// Sound, not complete: the parts' own shapes are not followed further. Only cut units (articulation
/// points) can give more than the single-unit bound, so the parts are found once by one depth-first
/// search, O(units + links). A joint check tries every choice of j when there are at most
/// <see cref="EnumerationLimit"/> of them and otherwise checks each attribute's two sides apart (a
/// weaker, still sound test; the last part's count follows from the others', so a cut into two parts
/// costs O(k)). Islands (a disconnected graph) leave only the single-unit bound.
/// </para>
/// </remarks>
internal sealed class BalanceBounds
{
    private const int EnumerationLimit = 200_000;

    private readonly int _k;
    private readonly int _m;
    private readonly double[] _load;
    private readonly List<Cut> _cuts = [];
    private readonly DesignProblem _problem;
    private readonly bool[] _balanced;
    private double[]? _deviationBounds;

    private BalanceBounds(DesignProblem problem, int k)
    {
        _problem = problem;
        _k = k;
        _m = problem.M;
        var totals = problem.Totals();
        _load = new double[problem.N * _m];
        _balanced = [.. totals.Select(t => t > 0)];
        for (var i = 0; i < problem.N; i++)
        {
            for (var a = 0; a < _m; a++)
            {
                _load[(i * _m) + a] = totals[a] > 0 ? problem.Raw[(i * _m) + a] * k / totals[a] : 0;
            }
        }

        if (problem.ComponentCount == 1 && k > 1)
        {
            FindCuts(problem.Graph);
        }
    }

    /// <summary>The bounds of <paramref name="problem"/> divided into <paramref name="k"/> territories.</summary>
    public static BalanceBounds For(DesignProblem problem, int k) => new(problem, k);

    /// <summary>
    /// For each attribute alone, a deviation no contiguous plan can beat: the smallest tolerance the
    /// check cannot refute (to 1e-6), at least the largest unit's excess over the target.
    /// </summary>
    public double[] DeviationLowerBounds() => _deviationBounds ??= ComputeDeviationBounds();

    private double[] ComputeDeviationBounds()
    {
        var bounds = new double[_m];
        for (var a = 0; a < _m; a++)
        {
            var lo = 0.0;
            for (var i = 0; i < _problem.N; i++)
            {
                lo = Math.Max(lo, _load[(i * _m) + a] - 1);
            }

            if (!_balanced[a] || _cuts.Count == 0 || Refutation(Band(a, lo)) is null)
            {
                bounds[a] = lo;
                continue;
            }

            var hi = Math.Max(2 * lo, 0.05);
            while (Refutation(Band(a, hi)) is not null && hi < _k)
            {
                hi *= 2;
            }

            while (hi - lo > 1e-6)
            {
                var mid = (lo + hi) / 2;
                if (Refutation(Band(a, mid)) is null)
                {
                    hi = mid;
                }
                else
                {
                    lo = mid;
                }
            }

            bounds[a] = lo;
        }

        return bounds;
    }

    /// <summary>A readable proof that no contiguous plan meets <paramref name="tolerance"/> (one per attribute; attributes totalling zero are always met), or null when none is found.</summary>
    public (string Unit, string Proof)? Refute(double[] tolerance)
    {
        var band = new (double L, double U)?[_m];
        for (var a = 0; a < _m; a++)
        {
            band[a] = _balanced[a] ? (1 - tolerance[a], 1 + tolerance[a]) : null;
        }

        // The unit furthest above its limit, if any: the plainest proof.
        (int Unit, int Attribute, double Over) heaviest = (-1, -1, 1e-12);
        for (var i = 0; i < _problem.N; i++)
        {
            for (var a = 0; a < _m; a++)
            {
                if (band[a] is { } b && _load[(i * _m) + a] - b.U > heaviest.Over)
                {
                    heaviest = (i, a, _load[(i * _m) + a] - b.U);
                }
            }
        }

        if (heaviest.Unit >= 0)
        {
            var (i, a, _) = heaviest;
            return (_problem.Id(i), string.Create(CultureInfo.InvariantCulture,
                $"Unit '{_problem.Id(i)}' alone holds {_load[(i * _m) + a]:F3} targets of {_problem.Input.AttributeNames[a]}, above the upper limit {band[a]!.Value.U:F3}."));
        }

        return Refutation(band) is { } cut ? (_problem.Id(cut.Unit), Describe(cut, tolerance)) : null;
    }

    private (double L, double U)?[] Band(int attribute, double tolerance)
    {
        var band = new (double L, double U)?[_m];
        band[attribute] = (1 - tolerance, 1 + tolerance);
        return band;
    }

    /// <summary>The first cut unit whose parts admit no choice of territories per part, under the bands given (null bands are unconstrained).</summary>
    private Cut? Refutation((double L, double U)?[] band)
    {
        foreach (var cut in _cuts)
        {
            var jmax = new int[cut.Parts.Count];
            for (var p = 0; p < jmax.Length; p++)
            {
                var most = _k - 1;
                for (var a = 0; a < _m; a++)
                {
                    if (band[a] is { L: > 0 } b)
                    {
                        most = Math.Min(most, (int)Math.Floor((cut.Parts[p].Load[a] / b.L) + 1e-9));
                    }
                }

                jmax[p] = most;
            }

            if (jmax.Sum() < _k - 1)
            {
                return cut;
            }

            // The last part's count follows from the others', so only the others' choices multiply.
            var combinations = 1.0;
            foreach (var j in jmax.Order().SkipLast(1))
            {
                combinations *= j + 1;
            }

            var possible = combinations <= EnumerationLimit
                ? Enumerate(cut, band, jmax, [.. Enumerable.Range(0, jmax.Length).OrderBy(p => jmax[p])], 0, _k - 1, new double[_m], new double[_m])
                : Separable(cut, band, jmax);
            if (!possible)
            {
                return cut;
            }
        }

        return null;
    }

    /// <summary>Whether some choice of territories per part (parts <paramref name="order"/>[<paramref name="p"/>..], fewest choices first; <paramref name="left"/> still to place) leaves the cut unit's territory in every band.</summary>
    private bool Enumerate(Cut cut, (double L, double U)?[] band, int[] jmax, int[] order, int p, int left, double[] low, double[] high)
    {
        if (p == order.Length)
        {
            if (left != 0)
            {
                return false;
            }

            for (var a = 0; a < _m; a++)
            {
                if (band[a] is { } b && (Unit(cut, a) + low[a] > b.U + 1e-12 || Unit(cut, a) + high[a] < b.L - 1e-12))
                {
                    return false;
                }
            }

            return true;
        }

        var rest = 0;
        for (var q = p + 1; q < order.Length; q++)
        {
            rest += jmax[order[q]];
        }

        var part = order[p];
        var load = cut.Parts[part].Load;
        for (var j = Math.Max(0, left - rest); j <= Math.Min(jmax[part], left); j++)
        {
            var fits = true;
            for (var a = 0; a < _m; a++)
            {
                if (band[a] is { } b)
                {
                    low[a] += Math.Max(0, load[a] - (j * b.U));
                    high[a] += load[a] - (j * b.L);
                    fits &= Unit(cut, a) + low[a] <= b.U + 1e-12;
                }
            }

            var found = fits && Enumerate(cut, band, jmax, order, p + 1, left - j, low, high);
            for (var a = 0; a < _m; a++)
            {
                if (band[a] is { } b)
                {
                    low[a] -= Math.Max(0, load[a] - (j * b.U));
                    high[a] -= load[a] - (j * b.L);
                }
            }

            if (found)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Per attribute apart: the least the parts must leave to the cut unit's territory, and the most they can, over choices adding up to k − 1.</summary>
    private bool Separable(Cut cut, (double L, double U)?[] band, int[] jmax)
    {
        var need = _k - 1;
        var least = new double[need + 1];
        var most = new double[need + 1];
        var nextLeast = new double[need + 1];
        var nextMost = new double[need + 1];
        for (var a = 0; a < _m; a++)
        {
            if (band[a] is not { } b)
            {
                continue;
            }

            Array.Fill(least, double.PositiveInfinity);
            Array.Fill(most, double.NegativeInfinity);
            least[0] = 0;
            most[0] = 0;
            for (var p = 0; p < cut.Parts.Count; p++)
            {
                Array.Fill(nextLeast, double.PositiveInfinity);
                Array.Fill(nextMost, double.NegativeInfinity);
                var x = cut.Parts[p].Load[a];
                for (var c = 0; c <= need; c++)
                {
                    if (double.IsPositiveInfinity(least[c]))
                    {
                        continue;
                    }

                    for (var j = 0; j <= Math.Min(jmax[p], need - c); j++)
                    {
                        nextLeast[c + j] = Math.Min(nextLeast[c + j], least[c] + Math.Max(0, x - (j * b.U)));
                        nextMost[c + j] = Math.Max(nextMost[c + j], most[c] + x - (j * b.L));
                    }
                }

                (least, nextLeast) = (nextLeast, least);
                (most, nextMost) = (nextMost, most);
            }

            if (Unit(cut, a) + least[need] > b.U + 1e-12 || Unit(cut, a) + most[need] < b.L - 1e-12)
            {
                return false;
            }
        }

        return true;
    }

    private double Unit(Cut cut, int a) => _load[(cut.Unit * _m) + a];

    private string Describe(Cut cut, double[] tolerance)
    {
        var names = _problem.Input.AttributeNames;
        var parts = string.Join("; ", cut.Parts.Select(p => string.Create(CultureInfo.InvariantCulture,
            $"{p.Size} units holding {string.Join(" / ", p.Load.Select(l => l.ToString("F3", CultureInfo.InvariantCulture)))}")));
        var bands = string.Join(", ", tolerance.Select((t, a) => string.Create(CultureInfo.InvariantCulture, $"{names[a]} ±{t:P1}")));
        return string.Create(CultureInfo.InvariantCulture,
            $"Without unit '{_problem.Id(cut.Unit)}' the unit graph falls into parts of {parts} targets ({string.Join(" / ", names)}). ") +
            $"Every other territory lies whole inside one part and the rest of each part joins the territory of '{_problem.Id(cut.Unit)}'; " +
            $"no way of placing {_k - 1} territories in the parts keeps that territory within {bands}.";
    }

    /// <summary>Finds the cut units and the loads of the parts each leaves, with one iterative depth-first search.</summary>
    private void FindCuts(UnitGraph graph)
    {
        var n = graph.Count;
        var order = new int[n];
        var low = new int[n];
        var parent = new int[n];
        var size = new int[n];
        var sub = new double[n * _m];
        var next = new int[n];
        Array.Fill(order, -1);
        var time = 0;
        var stack = new Stack<int>();
        order[0] = low[0] = time++;
        parent[0] = -1;
        next[0] = graph.Start[0];
        stack.Push(0);
        while (stack.Count > 0)
        {
            var u = stack.Peek();
            if (next[u] < graph.Start[u + 1])
            {
                var v = graph.Neighbours[next[u]++];
                if (order[v] < 0)
                {
                    order[v] = low[v] = time++;
                    parent[v] = u;
                    next[v] = graph.Start[v];
                    stack.Push(v);
                }
                else if (v != parent[u])
                {
                    low[u] = Math.Min(low[u], order[v]);
                }

                continue;
            }

            stack.Pop();
            size[u]++;
            for (var a = 0; a < _m; a++)
            {
                sub[(u * _m) + a] += _load[(u * _m) + a];
            }

            if (parent[u] >= 0)
            {
                var w = parent[u];
                low[w] = Math.Min(low[w], low[u]);
                size[w] += size[u];
                for (var a = 0; a < _m; a++)
                {
                    sub[(w * _m) + a] += sub[(u * _m) + a];
                }
            }

        }

        var total = new double[_m];
        for (var a = 0; a < _m; a++)
        {
            total[a] = sub[a];
        }

        foreach (var v in Enumerable.Range(0, n))
        {
            var parts = new List<Part>();
            var cutOff = 0;
            var cutLoad = new double[_m];
            for (var e = graph.Start[v]; e < graph.Start[v + 1]; e++)
            {
                var c = graph.Neighbours[e];
                if (parent[c] == v && low[c] >= order[v])
                {
                    var load = new double[_m];
                    for (var a = 0; a < _m; a++)
                    {
                        load[a] = sub[(c * _m) + a];
                        cutLoad[a] += load[a];
                    }

                    parts.Add(new Part(size[c], load));
                    cutOff += size[c];
                }
            }

            var restSize = n - 1 - cutOff;
            if (restSize > 0)
            {
                var rest = new double[_m];
                for (var a = 0; a < _m; a++)
                {
                    rest[a] = Math.Max(0, total[a] - _load[(v * _m) + a] - cutLoad[a]);
                }

                parts.Add(new Part(restSize, rest));
            }

            if (parts.Count >= 2)
            {
                _cuts.Add(new Cut(v, parts));
            }
        }
    }

    private sealed record Part(int Size, double[] Load);

    private sealed record Cut(int Unit, List<Part> Parts);
}
