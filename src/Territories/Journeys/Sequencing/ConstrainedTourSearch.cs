using Territories.Internal;

namespace Territories.Journeys.Sequencing;

/// <summary>
/// Iterated local search for a route with windows, a day end or asymmetric travel: relocation of
/// segments of 1 to 3 stops (both orientations), 2-opt reversal and swap, every candidate timed in
/// full by forward propagation; perturbed by a random double bridge or segment relocation.
/// </summary>
/// <remarks>
/// Routes compare lexicographically: less lateness first (see <see cref="SequencingProblem.Lateness"/>),
/// then less distance; a feasible route has zero lateness. A neighbourhood pass is O(m³) for m stops
/// (O(m²) candidates, each timed in O(m)), which suits a day's route of tens of stops. Candidates are
/// written into preallocated arrays; nothing is allocated per move. Deterministic for a given random
/// generator state and iteration budget.
/// </remarks>
internal sealed class ConstrainedTourSearch
{
    private const double Epsilon = 1e-7;

    private readonly SequencingProblem _problem;
    private readonly int _m;
    private readonly int[] _current;
    private readonly int[] _candidate;
    private readonly int[] _best;
    private readonly double[] _leave;
    private readonly double[] _late;
    private readonly double[] _travelled;
    private double _currentLateness;
    private double _currentDistance;

    /// <summary>Prepares a search over <paramref name="problem"/>'s stops.</summary>
    public ConstrainedTourSearch(SequencingProblem problem)
    {
        _problem = problem;
        _m = problem.Count - 1;
        _current = new int[_m];
        _candidate = new int[_m];
        _best = new int[_m];
        _leave = new double[_m];
        _late = new double[_m];
        _travelled = new double[_m];
    }

    /// <summary>Whether route (l1, d1) is strictly better than (l2, d2).</summary>
    public static bool IsBetter(double lateness1, double distance1, double lateness2, double distance2) =>
        lateness1 < lateness2 - Epsilon || (lateness1 <= lateness2 + Epsilon && distance1 < distance2 - Epsilon);

    /// <summary>Iterates from <paramref name="order"/> (every stop once) and writes the best order found back into it.</summary>
    /// <param name="order">The start order; overwritten with the best order.</param>
    /// <param name="stop">Asked between perturbations (with iteration numbers from <paramref name="firstIteration"/> on) and inside local search.</param>
    /// <param name="random">Chooses the perturbations.</param>
    /// <param name="firstIteration">Iterations already spent on this route by an earlier search.</param>
    /// <param name="iterations">Perturbations done here.</param>
    /// <returns>Whether time or cancellation stopped the search.</returns>
    public bool Run(int[] order, StopCondition stop, Random random, long firstIteration, out long iterations)
    {
        Array.Copy(order, _current, _m);
        Refresh(0);
        LocalSearch(stop);
        Array.Copy(_current, _best, _m);
        var bestLateness = _currentLateness;
        var bestDistance = _currentDistance;
        iterations = 0;
        var stoppedEarly = false;
        var sinceImprovement = 0L;
        while (_m >= 3)
        {
            if (stop.ShouldStop(new SearchStatus(firstIteration + iterations, sinceImprovement, bestDistance)))
            {
                stoppedEarly = stop.Reason is StopReason.TimeLimit or StopReason.Cancelled;
                break;
            }

            iterations++;
            Perturb(random);
            Refresh(0);
            LocalSearch(stop);
            if (IsBetter(_currentLateness, _currentDistance, bestLateness, bestDistance))
            {
                Array.Copy(_current, _best, _m);
                bestLateness = _currentLateness;
                bestDistance = _currentDistance;
                sinceImprovement = 0;
            }
            else
            {
                sinceImprovement++;
                if (IsBetter(bestLateness, bestDistance, _currentLateness, _currentDistance))
                {
                    Array.Copy(_best, _current, _m);
                }
            }
        }

        Array.Copy(_best, order, _m);
        return stoppedEarly;
    }

    /// <summary>Re-times the current order from position <paramref name="from"/> on, keeping each position's departure, lateness and distance so far.</summary>
    private void Refresh(int from)
    {
        var n = _problem.Count;
        var (time, late, travelled, previous) = StateBefore(from);
        for (var k = from; k < _m; k++)
        {
            var node = _current[k];
            travelled += _problem.Distance[(previous * n) + node];
            time = _problem.StartAt(node, time + _problem.Duration[(previous * n) + node], out var l) + _problem.Service[node];
            late += l;
            (_leave[k], _late[k], _travelled[k]) = (time, late, travelled);
            previous = node;
        }

        (_currentLateness, _currentDistance) = Close(time, late, travelled, previous);
    }

    private (double Time, double Late, double Travelled, int Previous) StateBefore(int from) =>
        from == 0 ? (_problem.DayStart, 0, 0, 0) : (_leave[from - 1], _late[from - 1], _travelled[from - 1], _current[from - 1]);

    private (double Late, double Travelled) Close(double time, double late, double travelled, int previous)
    {
        var n = _problem.Count;
        time += _problem.Duration[previous * n];
        return (time > _problem.DayEnd + 1e-9 ? late + (time - _problem.DayEnd) : late, travelled + _problem.Distance[previous * n]);
    }

    /// <summary>
    /// Takes the candidate when it is better than the current order. Positions before
    /// <paramref name="from"/> are the same in both, so timing resumes there; lateness and distance only
    /// grow along a route, so timing stops as soon as the candidate cannot win.
    /// </summary>
    private bool Accept(int from)
    {
        var n = _problem.Count;
        var (time, late, travelled, previous) = StateBefore(from);
        for (var k = from; k < _m; k++)
        {
            var node = _candidate[k];
            travelled += _problem.Distance[(previous * n) + node];
            time = _problem.StartAt(node, time + _problem.Duration[(previous * n) + node], out var l) + _problem.Service[node];
            late += l;
            if (late > _currentLateness + Epsilon || (late >= _currentLateness - Epsilon && travelled >= _currentDistance - Epsilon))
            {
                return false;
            }

            previous = node;
        }

        var (lateness, distance) = Close(time, late, travelled, previous);
        if (!IsBetter(lateness, distance, _currentLateness, _currentDistance))
        {
            return false;
        }

        Array.Copy(_candidate, from, _current, from, _m - from);
        Refresh(from);
        return true;
    }

    private void LocalSearch(StopCondition stop)
    {
        var improved = true;
        while (improved && !stop.ShouldInterrupt())
        {
            improved = Relocate() || TwoOpt() || Swap();
        }
    }

    /// <summary>Tries moving each segment of 1 to 3 stops to every other place, in both orientations; takes the first improvement.</summary>
    private bool Relocate()
    {
        for (var length = 1; length <= 3 && length < _m; length++)
        {
            for (var i = 0; i + length <= _m; i++)
            {
                for (var target = 0; target <= _m - length; target++)
                {
                    if (target == i)
                    {
                        continue;
                    }

                    for (var reversed = 0; reversed < (length == 1 ? 1 : 2); reversed++)
                    {
                        if (CannotWin(RelocationDelta(i, length, target, reversed == 1)))
                        {
                            continue;
                        }

                        BuildRelocation(i, length, target, reversed == 1);
                        if (Accept(Math.Min(i, target)))
                        {
                            return true;
                        }
                    }
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a move that changes the distance by <paramref name="delta"/> cannot beat the current order:
    /// once the order is feasible only a shorter one can, so the exact timing is skipped.
    /// </summary>
    private bool CannotWin(double delta) => _currentLateness <= Epsilon && delta >= -Epsilon;

    private int At(int k) => k < 0 || k >= _m ? 0 : _current[k];

    private double D(int a, int b) => _problem.Distance[(a * _problem.Count) + b];

    private double RelocationDelta(int i, int length, int target, bool reversed)
    {
        var first = _current[i];
        var last = _current[i + length - 1];
        var p = At(i - 1);
        var nx = At(i + length);
        var a = target == 0 ? 0 : _current[target - 1 < i ? target - 1 : target - 1 + length];
        var b = target == _m - length ? 0 : _current[target < i ? target : target + length];
        var (head, tail) = reversed ? (last, first) : (first, last);
        var delta = D(p, nx) - D(p, first) - D(last, nx) + D(a, head) + D(tail, b) - D(a, b);
        if (reversed && !_problem.IsSymmetric)
        {
            for (var s = i; s < i + length - 1; s++)
            {
                delta += D(_current[s + 1], _current[s]) - D(_current[s], _current[s + 1]);
            }
        }

        return delta;
    }

    private double ReversalDelta(int i, int j)
    {
        var p = At(i - 1);
        var q = At(j + 1);
        var delta = D(p, _current[j]) + D(_current[i], q) - D(p, _current[i]) - D(_current[j], q);
        if (!_problem.IsSymmetric)
        {
            for (var s = i; s < j; s++)
            {
                delta += D(_current[s + 1], _current[s]) - D(_current[s], _current[s + 1]);
            }
        }

        return delta;
    }

    private double SwapDelta(int i, int j)
    {
        var u = _current[i];
        var v = _current[j];
        var pi = At(i - 1);
        var ni = _current[i + 1];
        var pj = _current[j - 1];
        var nj = At(j + 1);
        return D(pi, v) + D(v, ni) + D(pj, u) + D(u, nj) - D(pi, u) - D(u, ni) - D(pj, v) - D(v, nj);
    }

    private void BuildRelocation(int i, int length, int target, bool reversed)
    {
        var w = 0;
        var rest = 0;
        for (var r = 0; r < _m; r++)
        {
            if (r >= i && r < i + length)
            {
                continue;
            }

            if (rest == target)
            {
                WriteSegment(ref w, i, length, reversed);
            }

            _candidate[w++] = _current[r];
            rest++;
        }

        if (rest == target)
        {
            WriteSegment(ref w, i, length, reversed);
        }
    }

    private void WriteSegment(ref int w, int i, int length, bool reversed)
    {
        for (var s = 0; s < length; s++)
        {
            _candidate[w++] = _current[reversed ? i + length - 1 - s : i + s];
        }
    }

    private bool TwoOpt()
    {
        for (var i = 0; i < _m - 1; i++)
        {
            for (var j = i + 1; j < _m; j++)
            {
                if (CannotWin(ReversalDelta(i, j)))
                {
                    continue;
                }

                Array.Copy(_current, _candidate, _m);
                Array.Reverse(_candidate, i, j - i + 1);
                if (Accept(i))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private bool Swap()
    {
        for (var i = 0; i < _m - 1; i++)
        {
            for (var j = i + 2; j < _m; j++)
            {
                if (CannotWin(SwapDelta(i, j)))
                {
                    continue;
                }

                Array.Copy(_current, _candidate, _m);
                (_candidate[i], _candidate[j]) = (_candidate[j], _candidate[i]);
                if (Accept(i))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private void Perturb(Random random)
    {
        if (_m >= 8 && random.Next(2) == 0)
        {
            // Double bridge A B C D -> A C B D on the open order.
            int p1, p2, p3;
            do
            {
                p1 = random.Next(_m + 1);
                p2 = random.Next(_m + 1);
                p3 = random.Next(_m + 1);
            }
            while (p1 == p2 || p2 == p3 || p1 == p3);

            Sort3(ref p1, ref p2, ref p3);
            var w = 0;
            for (var r = 0; r < p1; r++)
            {
                _candidate[w++] = _current[r];
            }

            for (var r = p2; r < p3; r++)
            {
                _candidate[w++] = _current[r];
            }

            for (var r = p1; r < p2; r++)
            {
                _candidate[w++] = _current[r];
            }

            for (var r = p3; r < _m; r++)
            {
                _candidate[w++] = _current[r];
            }
        }
        else
        {
            var length = 1 + random.Next(Math.Min(3, _m - 1));
            var i = random.Next(_m - length + 1);
            var target = random.Next(_m - length + 1);
            BuildRelocation(i, length, target, random.Next(2) == 1);
        }

        Array.Copy(_candidate, _current, _m);
    }

    private static void Sort3(ref int a, ref int b, ref int c)
    {
        if (a > b)
        {
            (a, b) = (b, a);
        }

        if (b > c)
        {
            (b, c) = (c, b);
        }

        if (a > b)
        {
            (a, b) = (b, a);
        }
    }
}
