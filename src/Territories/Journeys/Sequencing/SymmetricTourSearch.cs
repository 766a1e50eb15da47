using Territories.Internal;

namespace Territories.Journeys.Sequencing;

/// <summary>
/// Iterated local search for a symmetric tour without windows: 2-opt and Or-opt (segments of 1 to 3
/// nodes, both orientations) over K-nearest neighbour lists with a queue of active nodes
/// (don't-look bits), perturbed by local double bridges (swap of two short adjacent segments).
/// </summary>
/// <remarks>
/// The tour is a cycle through every node, the base included, held in an array with each node's
/// position. A 2-opt move reverses the shorter side of the cycle; an Or-opt move shifts the shorter
/// side; both cost O(n) at worst and allocate nothing. A perturbation that does not lead to a tour at
/// least as short is undone by copying back the saved tour (O(n)). Building the neighbour lists costs
/// O(n² K). Deterministic for a given random generator state and iteration budget.
/// </remarks>
internal sealed class SymmetricTourSearch
{
    private const double Epsilon = 1e-9;
    private const int MaxKickSegment = 50;

    private readonly int _n;
    private readonly int _k;
    private readonly double[] _d;
    private readonly int[] _neighbours;
    private readonly int[] _tour;
    private readonly int[] _pos;
    private readonly int[] _savedTour;
    private readonly int[] _savedPos;
    private readonly int[] _queue;
    private readonly bool[] _queued;
    private readonly int[] _buffer;
    private int _head;
    private int _queueCount;

    /// <summary>Prepares a search over a problem's distances.</summary>
    /// <param name="problem">The problem; its distances must be symmetric.</param>
    /// <param name="neighbours">Candidate neighbours per node.</param>
    public SymmetricTourSearch(SequencingProblem problem, int neighbours = 10)
    {
        _n = problem.Count;
        _d = problem.Distance;
        _k = Math.Min(neighbours, _n - 1);
        _neighbours = NearestNeighbours(_n, _d, _k);
        _tour = new int[_n];
        _pos = new int[_n];
        _savedTour = new int[_n];
        _savedPos = new int[_n];
        _queue = new int[_n];
        _queued = new bool[_n];
        _buffer = new int[(2 * MaxKickSegment) + 4];
    }

    /// <summary>Iterates from <paramref name="cycle"/> (every node once) and returns the best cycle found.</summary>
    /// <param name="cycle">The starting cycle; overwritten with the best cycle.</param>
    /// <param name="stop">Asked between perturbations.</param>
    /// <param name="random">Chooses the perturbations.</param>
    /// <param name="iterations">Rounds done.</param>
    /// <returns>Whether time or cancellation stopped the search.</returns>
    public bool Run(int[] cycle, StopCondition stop, Random random, out long iterations)
    {
        Load(cycle);
        for (var i = 0; i < _n; i++)
        {
            Push(_tour[i]);
        }

        var current = Length() - LocalSearch();
        var stoppedEarly = false;
        var sinceImprovement = 0L;
        iterations = 0;
        var maxSegment = Math.Min(MaxKickSegment, (_n - 2) / 3);
        while (maxSegment >= 1)
        {
            if (stop.ShouldStop(new SearchStatus(iterations, sinceImprovement, current)))
            {
                stoppedEarly = stop.Reason is StopReason.TimeLimit or StopReason.Cancelled;
                break;
            }

            iterations++;
            Array.Copy(_tour, _savedTour, _n);
            Array.Copy(_pos, _savedPos, _n);
            var candidate = current + DoubleBridge(random, maxSegment);
            candidate -= LocalSearch();
            if (candidate < current - Epsilon)
            {
                current = candidate;
                sinceImprovement = 0;
            }
            else if (candidate <= current + Epsilon)
            {
                current = candidate;
                sinceImprovement++;
            }
            else
            {
                Array.Copy(_savedTour, _tour, _n);
                Array.Copy(_savedPos, _pos, _n);
                sinceImprovement++;
            }
        }

        Array.Copy(_tour, cycle, _n);
        return stoppedEarly;
    }

    /// <summary>Local search to a 2-opt and Or-opt optimum from <paramref name="cycle"/>, in place.</summary>
    public void Descend(int[] cycle)
    {
        Load(cycle);
        for (var i = 0; i < _n; i++)
        {
            Push(_tour[i]);
        }

        LocalSearch();
        Array.Copy(_tour, cycle, _n);
    }

    /// <summary>The nearest-neighbour cycle from node 0: the construction the search starts from.</summary>
    public static int[] NearestNeighbourCycle(int n, double[] d)
    {
        var cycle = new int[n];
        var used = new bool[n];
        used[0] = true;
        var current = 0;
        for (var step = 1; step < n; step++)
        {
            var best = -1;
            var bestDistance = double.PositiveInfinity;
            for (var j = 0; j < n; j++)
            {
                if (!used[j] && d[(current * n) + j] < bestDistance)
                {
                    best = j;
                    bestDistance = d[(current * n) + j];
                }
            }

            cycle[step] = best;
            used[best] = true;
            current = best;
        }

        return cycle;
    }

    private static int[] NearestNeighbours(int n, double[] d, int k)
    {
        var result = new int[n * k];
        var keys = new double[k];
        for (var i = 0; i < n; i++)
        {
            var filled = 0;
            for (var j = 0; j < n; j++)
            {
                if (j == i)
                {
                    continue;
                }

                var dist = d[(i * n) + j];
                if (filled == k && dist >= keys[k - 1])
                {
                    continue;
                }

                var at = filled == k ? k - 1 : filled++;
                while (at > 0 && keys[at - 1] > dist)
                {
                    keys[at] = keys[at - 1];
                    result[(i * k) + at] = result[(i * k) + at - 1];
                    at--;
                }

                keys[at] = dist;
                result[(i * k) + at] = j;
            }
        }

        return result;
    }

    private void Load(int[] cycle)
    {
        Array.Copy(cycle, _tour, _n);
        for (var i = 0; i < _n; i++)
        {
            _pos[_tour[i]] = i;
        }
    }

    private double Length()
    {
        var total = 0.0;
        for (var i = 0; i < _n; i++)
        {
            total += D(_tour[i], _tour[i + 1 == _n ? 0 : i + 1]);
        }

        return total;
    }

    private double D(int a, int b) => _d[(a * _n) + b];

    private int Next(int a) => _tour[_pos[a] + 1 == _n ? 0 : _pos[a] + 1];

    private int Prev(int a) => _tour[_pos[a] == 0 ? _n - 1 : _pos[a] - 1];

    private void Push(int node)
    {
        if (_queued[node])
        {
            return;
        }

        _queued[node] = true;
        var tail = _head + _queueCount;
        _queue[tail >= _n ? tail - _n : tail] = node;
        _queueCount++;
    }

    private int Pop()
    {
        var node = _queue[_head];
        _head = _head + 1 == _n ? 0 : _head + 1;
        _queueCount--;
        _queued[node] = false;
        return node;
    }

    /// <summary>Improves until no queued node has an improving move; returns the total gain.</summary>
    private double LocalSearch()
    {
        var gain = 0.0;
        while (_queueCount > 0)
        {
            var a = Pop();
            var g = TwoOpt(a);
            if (g <= 0)
            {
                g = OrOpt(a);
            }

            if (g > 0)
            {
                gain += g;
                Push(a);
            }
        }

        return gain;
    }

    private double TwoOpt(int a)
    {
        for (var direction = 0; direction < 2; direction++)
        {
            var b = direction == 0 ? Next(a) : Prev(a);
            var dab = D(a, b);
            for (var i = 0; i < _k; i++)
            {
                var c = _neighbours[(a * _k) + i];
                var g1 = dab - D(a, c);
                if (g1 <= Epsilon)
                {
                    break;
                }

                var d = direction == 0 ? Next(c) : Prev(c);
                if (c == b || d == a)
                {
                    continue;
                }

                var gain = g1 + D(c, d) - D(b, d);
                if (gain > Epsilon)
                {
                    if (direction == 0)
                    {
                        Reverse(b, c);
                    }
                    else
                    {
                        Reverse(c, b);
                    }

                    Push(b);
                    Push(c);
                    Push(d);
                    return gain;
                }
            }
        }

        return 0;
    }

    /// <summary>Moves a segment of 1 to 3 nodes that starts or ends at <paramref name="a"/> next to a neighbour of one of its ends.</summary>
    private double OrOpt(int a)
    {
        for (var length = 1; length <= 3 && length <= _n - 3; length++)
        {
            for (var side = 0; side < (length == 1 ? 1 : 2); side++)
            {
                int first, last;
                if (side == 0)
                {
                    first = a;
                    last = a;
                    for (var s = 1; s < length; s++)
                    {
                        last = Next(last);
                    }
                }
                else
                {
                    last = a;
                    first = a;
                    for (var s = 1; s < length; s++)
                    {
                        first = Prev(first);
                    }
                }

                var p = Prev(first);
                var nx = Next(last);
                var removeGain = D(p, first) + D(last, nx) - D(p, nx);
                if (removeGain <= Epsilon)
                {
                    continue;
                }

                var g = TryInsert(first, last, length, p, nx, removeGain);
                if (g > 0)
                {
                    return g;
                }
            }
        }

        return 0;
    }

    private double TryInsert(int first, int last, int length, int p, int nx, double removeGain)
    {
        var firstPos = _pos[first];
        for (var end = 0; end < 2; end++)
        {
            var e = end == 0 ? first : last;
            var other = end == 0 ? last : first;
            for (var i = 0; i < _k; i++)
            {
                var c = _neighbours[(e * _k) + i];
                var dce = D(c, e);
                if (dce >= removeGain - Epsilon)
                {
                    break;
                }

                if (InSegment(c, firstPos, length))
                {
                    continue;
                }

                for (var dir = 0; dir < 2; dir++)
                {
                    var x = dir == 0 ? Next(c) : Prev(c);
                    if (InSegment(x, firstPos, length))
                    {
                        continue;
                    }

                    var gain = removeGain - (dce + D(other, x) - D(c, x));
                    if (gain > Epsilon)
                    {
                        MoveSegment(first, length, c, x, e);
                        Push(p);
                        Push(nx);
                        Push(first);
                        Push(last);
                        Push(c);
                        Push(x);
                        return gain;
                    }
                }
            }
        }

        return 0;
    }

    private bool InSegment(int node, int firstPos, int length)
    {
        var offset = _pos[node] - firstPos;
        if (offset < 0)
        {
            offset += _n;
        }

        return offset < length;
    }

    /// <summary>Reverses the path that runs forward from <paramref name="from"/> to <paramref name="to"/> (or, equivalently for the cycle, its complement when that is shorter).</summary>
    private void Reverse(int from, int to)
    {
        var i = _pos[from];
        var j = _pos[to];
        var length = j - i;
        if (length < 0)
        {
            length += _n;
        }

        length++;
        if (2 * length > _n)
        {
            (i, j) = (j + 1 == _n ? 0 : j + 1, i == 0 ? _n - 1 : i - 1);
            length = _n - length;
        }

        for (var s = 0; s < length / 2; s++)
        {
            var u = _tour[i];
            var v = _tour[j];
            _tour[i] = v;
            _pos[v] = i;
            _tour[j] = u;
            _pos[u] = j;
            i = i + 1 == _n ? 0 : i + 1;
            j = j == 0 ? _n - 1 : j - 1;
        }
    }

    /// <summary>
    /// Moves the segment of <paramref name="length"/> nodes that starts at <paramref name="first"/> between
    /// the adjacent nodes <paramref name="c"/> and <paramref name="x"/>, with end <paramref name="e"/> next to
    /// <paramref name="c"/>, by shifting the shorter of the two paths between the segment's old and new places.
    /// </summary>
    private void MoveSegment(int first, int length, int c, int x, int e)
    {
        var start = _pos[first];
        for (var s = 0; s < length; s++)
        {
            _buffer[s] = _tour[Wrap(start + s)];
        }

        // Normalise the target edge to (u, v) with v right after u, and write the segment in the order that puts e next to c.
        var (u, v) = Next(c) == x ? (c, x) : (x, c);
        var eIsFirst = _buffer[0] == e;
        var forward = u == c ? eIsFirst : !eIsFirst;
        var afterSegment = Wrap(start + length);
        var pathA = _pos[u] - afterSegment;
        if (pathA < 0)
        {
            pathA += _n;
        }

        pathA++;
        var pathB = _n - length - pathA;
        if (pathA <= pathB)
        {
            for (var s = 0; s < pathA; s++)
            {
                var node = _tour[Wrap(afterSegment + s)];
                var to = Wrap(start + s);
                _tour[to] = node;
                _pos[node] = to;
            }

            WriteSegment(Wrap(start + pathA), length, forward);
        }
        else
        {
            var bStart = _pos[v];
            for (var s = pathB - 1; s >= 0; s--)
            {
                var node = _tour[Wrap(bStart + s)];
                var to = Wrap(bStart + s + length);
                _tour[to] = node;
                _pos[node] = to;
            }

            WriteSegment(bStart, length, forward);
        }
    }

    private void WriteSegment(int at, int length, bool forward)
    {
        for (var s = 0; s < length; s++)
        {
            var node = _buffer[forward ? s : length - 1 - s];
            var to = Wrap(at + s);
            _tour[to] = node;
            _pos[node] = to;
        }
    }

    private int Wrap(int position) => position >= _n ? position - _n : position;

    /// <summary>Swaps two short adjacent segments after a random position; returns the change in length.</summary>
    private double DoubleBridge(Random random, int maxSegment)
    {
        var start = random.Next(_n);
        var l1 = 1 + random.Next(maxSegment);
        var l2 = 1 + random.Next(maxSegment);
        var a = _tour[start];
        var b1 = _tour[Wrap(start + 1)];
        var bl = _tour[Wrap(start + l1)];
        var c1 = _tour[Wrap(start + l1 + 1)];
        var cl = _tour[Wrap(start + l1 + l2)];
        var d = _tour[Wrap(start + l1 + l2 + 1)];
        var delta = D(a, c1) + D(cl, b1) + D(bl, d) - D(a, b1) - D(bl, c1) - D(cl, d);
        for (var s = 0; s < l1 + l2; s++)
        {
            _buffer[s] = _tour[Wrap(start + 1 + s)];
        }

        var at = Wrap(start + 1);
        for (var s = 0; s < l2; s++)
        {
            var node = _buffer[l1 + s];
            _tour[at] = node;
            _pos[node] = at;
            at = Wrap(at + 1);
        }

        for (var s = 0; s < l1; s++)
        {
            var node = _buffer[s];
            _tour[at] = node;
            _pos[node] = at;
            at = Wrap(at + 1);
        }

        Push(a);
        Push(b1);
        Push(bl);
        Push(c1);
        Push(cl);
        Push(d);
        return delta;
    }
}
