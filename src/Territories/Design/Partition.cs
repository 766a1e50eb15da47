namespace Territories.Design;

/// <summary>
/// A mutable assignment of units to territories with its running totals, so that the change of the
/// objective for moving one unit costs O(attributes), and a contiguity test for the unit leaving.
/// Attributes are normalised so that 1.0 is the target total of a territory.
/// </summary>
internal sealed class Partition
{
    private readonly UnitGraph _graph;
    private readonly double[] _a;
    private readonly int _m;
    private readonly double[] _lo;
    private readonly double[] _hi;
    private readonly int[] _mark;
    private readonly int[] _queue;
    private int _stamp;

    public Partition(UnitGraph graph, double[] normalised, int attributes, int territories, double[] lo, double[] hi, int[] of)
    {
        _graph = graph;
        _a = normalised;
        _m = attributes;
        K = territories;
        _lo = lo;
        _hi = hi;
        Of = (int[])of.Clone();
        Load = new double[K * _m];
        Count = new int[K];
        SX = new double[K];
        SY = new double[K];
        SQ = new double[K];
        _mark = new int[graph.Count];
        _queue = new int[graph.Count];
        for (var i = 0; i < Of.Length; i++)
        {
            Add(i, Of[i], 1);
        }

        for (var e = 0; e < graph.Neighbours.Length; e++)
        {
            if (Of[graph.Owner[e]] != Of[graph.Neighbours[e]])
            {
                Cut++;
            }
        }

        Cut /= 2;
    }

    public int K { get; }

    public int[] Of { get; }

    public double[] Load { get; }

    public int[] Count { get; }

    public double[] SX { get; }

    public double[] SY { get; }

    public double[] SQ { get; }

    public int Cut { get; private set; }

    public double Violation()
    {
        var v = 0.0;
        for (var t = 0; t < K; t++)
        {
            v += Violation(t);
        }

        return v;
    }

    public double Violation(int t)
    {
        var v = 0.0;
        for (var k = 0; k < _m; k++)
        {
            v += Excess(Load[(t * _m) + k], k);
        }

        return v;
    }

    public double Inertia()
    {
        var sum = 0.0;
        for (var t = 0; t < K; t++)
        {
            sum += Inertia(SX[t], SY[t], SQ[t], Count[t]);
        }

        return sum;
    }

    /// <summary>Compactness: the moment of inertia when units have positions, otherwise the number of cut links.</summary>
    public double Compactness() => _graph.HasCoordinates ? Inertia() : Cut;

    public double DeltaViolation(int i, int t, int s)
    {
        var d = 0.0;
        for (var k = 0; k < _m; k++)
        {
            var w = _a[(i * _m) + k];
            var lt = Load[(t * _m) + k];
            var ls = Load[(s * _m) + k];
            d += Excess(lt - w, k) - Excess(lt, k) + Excess(ls + w, k) - Excess(ls, k);
        }

        return d;
    }

    public double DeltaCompactness(int i, int t, int s)
    {
        if (_graph.HasCoordinates)
        {
            var x = _graph.X![i];
            var y = _graph.Y![i];
            var q = (x * x) + (y * y);
            var before = Inertia(SX[t], SY[t], SQ[t], Count[t]) + Inertia(SX[s], SY[s], SQ[s], Count[s]);
            var after = Inertia(SX[t] - x, SY[t] - y, SQ[t] - q, Count[t] - 1) + Inertia(SX[s] + x, SY[s] + y, SQ[s] + q, Count[s] + 1);
            return after - before;
        }

        var d = 0;
        for (var e = _graph.Start[i]; e < _graph.Start[i + 1]; e++)
        {
            var o = Of[_graph.Neighbours[e]];
            d += o == t ? 1 : o == s ? -1 : 0;
        }

        return d;
    }

    public void Move(int i, int s)
    {
        var t = Of[i];
        for (var e = _graph.Start[i]; e < _graph.Start[i + 1]; e++)
        {
            var o = Of[_graph.Neighbours[e]];
            Cut += o == t ? 1 : o == s ? -1 : 0;
        }

        Add(i, t, -1);
        Of[i] = s;
        Add(i, s, 1);
    }

    /// <summary>Whether unit <paramref name="i"/> is linked to a unit of territory <paramref name="territory"/>.</summary>
    public bool Touches(int i, int territory)
    {
        for (var e = _graph.Start[i]; e < _graph.Start[i + 1]; e++)
        {
            if (Of[_graph.Neighbours[e]] == territory)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether unit <paramref name="i"/> can leave its territory without splitting the piece it is in.</summary>
    public bool CanLeave(int i)
    {
        var t = Of[i];
        if (Count[t] <= 1)
        {
            return false;
        }

        var g = _graph;
        _stamp++;
        var need = 0;
        var start = -1;
        for (var e = g.Start[i]; e < g.Start[i + 1]; e++)
        {
            var v = g.Neighbours[e];
            if (Of[v] == t && _mark[v] != -_stamp)
            {
                _mark[v] = -_stamp;
                need++;
                start = v;
            }
        }

        if (need <= 1)
        {
            return true;
        }

        int head = 0, tail = 0;
        _queue[tail++] = start;
        _mark[start] = _stamp;
        _mark[i] = _stamp;
        var found = 1;
        while (head < tail)
        {
            var u = _queue[head++];
            for (var e = g.Start[u]; e < g.Start[u + 1]; e++)
            {
                var v = g.Neighbours[e];
                if (Of[v] != t || _mark[v] == _stamp)
                {
                    continue;
                }

                if (_mark[v] == -_stamp && ++found == need)
                {
                    return true;
                }

                _mark[v] = _stamp;
                _queue[tail++] = v;
            }
        }

        return false;
    }

    /// <summary>
    /// When unit <paramref name="i"/> cannot leave alone, the branch that must go with it: the unit
    /// plus every piece its territory would split into except the largest. False when the branch is
    /// larger than <paramref name="maxSize"/>, holds a fixed unit, or would empty the territory.
    /// </summary>
    public bool TryBranch(int i, bool[] isFixed, int maxSize, List<int> branch)
    {
        var t = Of[i];
        var g = _graph;
        branch.Clear();
        _stamp++;
        _mark[i] = _stamp;
        var pieces = new List<(int Start, int End)>();
        var tail = 0;
        for (var e = g.Start[i]; e < g.Start[i + 1]; e++)
        {
            var v = g.Neighbours[e];
            if (Of[v] != t || _mark[v] == _stamp)
            {
                continue;
            }

            var start = tail;
            var head = tail;
            _queue[tail++] = v;
            _mark[v] = _stamp;
            while (head < tail)
            {
                var u = _queue[head++];
                for (var f = g.Start[u]; f < g.Start[u + 1]; f++)
                {
                    var w = g.Neighbours[f];
                    if (Of[w] == t && _mark[w] != _stamp)
                    {
                        _mark[w] = _stamp;
                        _queue[tail++] = w;
                    }
                }
            }

            pieces.Add((start, tail));
        }

        if (pieces.Count < 2)
        {
            return false;
        }

        var keep = 0;
        for (var k = 1; k < pieces.Count; k++)
        {
            if (pieces[k].End - pieces[k].Start > pieces[keep].End - pieces[keep].Start)
            {
                keep = k;
            }
        }

        branch.Add(i);
        for (var k = 0; k < pieces.Count; k++)
        {
            if (k == keep)
            {
                continue;
            }

            for (var q = pieces[k].Start; q < pieces[k].End; q++)
            {
                var u = _queue[q];
                if (isFixed[u] || branch.Count >= maxSize)
                {
                    return false;
                }

                branch.Add(u);
            }
        }

        return true;
    }

    public double DeltaViolation(List<int> set, int t, int s)
    {
        var d = 0.0;
        for (var k = 0; k < _m; k++)
        {
            var w = 0.0;
            foreach (var i in set)
            {
                w += _a[(i * _m) + k];
            }

            var lt = Load[(t * _m) + k];
            var ls = Load[(s * _m) + k];
            d += Excess(lt - w, k) - Excess(lt, k) + Excess(ls + w, k) - Excess(ls, k);
        }

        return d;
    }

    public double DeltaCompactness(List<int> set, int t, int s)
    {
        if (_graph.HasCoordinates)
        {
            double x = 0, y = 0, q = 0;
            foreach (var i in set)
            {
                x += _graph.X![i];
                y += _graph.Y![i];
                q += (_graph.X[i] * _graph.X[i]) + (_graph.Y![i] * _graph.Y[i]);
            }

            var n = set.Count;
            var before = Inertia(SX[t], SY[t], SQ[t], Count[t]) + Inertia(SX[s], SY[s], SQ[s], Count[s]);
            var after = Inertia(SX[t] - x, SY[t] - y, SQ[t] - q, Count[t] - n) + Inertia(SX[s] + x, SY[s] + y, SQ[s] + q, Count[s] + n);
            return after - before;
        }

        _stamp++;
        foreach (var i in set)
        {
            _mark[i] = _stamp;
        }

        var d = 0;
        foreach (var i in set)
        {
            for (var e = _graph.Start[i]; e < _graph.Start[i + 1]; e++)
            {
                var v = _graph.Neighbours[e];
                if (_mark[v] == _stamp)
                {
                    continue;
                }

                var o = Of[v];
                d += o == t ? 1 : o == s ? -1 : 0;
            }
        }

        return d;
    }

    private static double Inertia(double sx, double sy, double sq, int n) => n <= 0 ? 0 : sq - (((sx * sx) + (sy * sy)) / n);

    /// <summary>How far a normalised load of attribute <paramref name="k"/> lies outside its band.</summary>
    public double Excess(double load, int k) => load > _hi[k] ? load - _hi[k] : load < _lo[k] ? _lo[k] - load : 0;

    private void Add(int i, int t, int sign)
    {
        for (var k = 0; k < _m; k++)
        {
            Load[(t * _m) + k] += sign * _a[(i * _m) + k];
        }

        Count[t] += sign;
        if (_graph.HasCoordinates)
        {
            var x = _graph.X![i];
            var y = _graph.Y![i];
            SX[t] += sign * x;
            SY[t] += sign * y;
            SQ[t] += sign * ((x * x) + (y * y));
        }
    }
}
