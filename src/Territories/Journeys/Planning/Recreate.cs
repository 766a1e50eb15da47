using Territories.Internal;

namespace Territories.Journeys.Planning;

/// <summary>Greedy reinsertion with blinks (Christiaens &amp; Vanden Berghe 2020) over whole customers: for each customer the cheapest pattern and positions, each visit at its cheapest feasible place.</summary>
/// <remarks>
/// Per customer the cost is O(visits on its candidate days) feasibility checks: O(1) each without
/// opening hours, and otherwise a forward pass that stops as soon as the schedule meets the old one.
/// Buffers are allocated once; the inner loops allocate nothing.
/// </remarks>
internal sealed class Recreate
{
    private const double BlinkRate = 0.01;
    private readonly JourneyProblem _problem;
    private readonly Relaxation _relaxation;
    private readonly double[] _bestCost;
    private readonly int[] _bestAt;
    private readonly int[] _positions;
    private readonly int[] _at;
    private readonly double[] _dayCost;
    private readonly int[] _dayPosition;

    public Recreate(JourneyProblem problem, Relaxation relaxation)
    {
        _problem = problem;
        _relaxation = relaxation;
        var routes = problem.PositionCount * problem.DayCount;
        _bestCost = new double[routes];
        _bestAt = new int[routes];
        var longest = problem.Patterns.Length == 0 ? 1 : problem.Patterns.Max(ps => ps.Max(p => p.Length));
        _positions = new int[longest];
        _at = new int[longest];
        _dayCost = new double[problem.DayCount];
        _dayPosition = new int[problem.DayCount];
    }

    /// <summary>Insertion places examined so far: the search's deterministic measure of work.</summary>
    public long Work { get; private set; }

    /// <summary>
    /// Inserts the customers in the given order; those that fit nowhere stay unplanned. Polls
    /// <paramref name="stop"/> (when given) every few customers and returns how many were tried.
    /// </summary>
    public int Run(Solution solution, List<int> customers, Random random, bool blinks, StopCondition? stop = null)
    {
        for (var i = 0; i < customers.Count; i++)
        {
            if (stop is not null && (i & 15) == 15 && stop.ShouldInterrupt())
            {
                return i;
            }

            InsertBest(solution, customers[i], random, blinks);
        }

        return customers.Count;
    }

    /// <summary>Inserts customer <paramref name="c"/> with its cheapest pattern; returns false when none is feasible.</summary>
    public bool InsertBest(Solution solution, int c, Random random, bool blinks)
    {
        var pb = _problem;
        int P = pb.PositionCount, D = pb.DayCount;
        foreach (var d in pb.PatternDays[c])
        {
            for (var p = 0; p < P; p++)
            {
                var r = (p * D) + d;
                _bestCost[r] = pb.Works[r] && pb.MayVisit(c, p, d)
                    ? BestPlace(solution, c, r, random, blinks, out _bestAt[r])
                    : double.PositiveInfinity;
            }
        }

        var patterns = pb.Patterns[c];
        var bestPattern = -1;
        var bestPosition = -1;
        var best = double.PositiveInfinity;
        if (pb.KeepPosition)
        {
            for (var p = 0; p < P; p++)
            {
                for (var k = 0; k < patterns.Length; k++)
                {
                    var sum = 0.0;
                    foreach (var d in patterns[k])
                    {
                        sum += _bestCost[(p * D) + d];
                        if (sum >= best)
                        {
                            break;
                        }
                    }

                    if (sum < best)
                    {
                        (best, bestPattern, bestPosition) = (sum, k, p);
                    }
                }
            }
        }
        else
        {
            foreach (var d in pb.PatternDays[c])
            {
                _dayCost[d] = double.PositiveInfinity;
                for (var p = 0; p < P; p++)
                {
                    if (_bestCost[(p * D) + d] < _dayCost[d])
                    {
                        _dayCost[d] = _bestCost[(p * D) + d];
                        _dayPosition[d] = p;
                    }
                }
            }

            for (var k = 0; k < patterns.Length; k++)
            {
                var sum = 0.0;
                foreach (var d in patterns[k])
                {
                    sum += _dayCost[d];
                }

                if (sum < best)
                {
                    (best, bestPattern) = (sum, k);
                }
            }
        }

        if (bestPattern < 0 || double.IsPositiveInfinity(best))
        {
            return false;
        }

        var days = patterns[bestPattern];
        for (var i = 0; i < days.Length; i++)
        {
            var p = pb.KeepPosition ? bestPosition : _dayPosition[days[i]];
            _positions[i] = p;
            _at[i] = _bestAt[(p * D) + days[i]];
        }

        solution.Insert(c, bestPattern, _positions.AsSpan(0, days.Length), _at.AsSpan(0, days.Length));
        return true;
    }

    /// <summary>The cheapest feasible place for customer <paramref name="c"/> in route <paramref name="r"/>: the objective increase, or +∞.</summary>
    public double BestPlace(Solution solution, int c, int r, Random random, bool blinks, out int at) =>
        _problem.Time.StoredValues is { } times && _problem.Cost.StoredValues is { } costs
            ? BestPlace(solution, c, r, random, blinks, out at, new StoredLegs(times), new StoredLegs(costs))
            : BestPlace(solution, c, r, random, blinks, out at, new TableLegs(_problem.Time), new TableLegs(_problem.Cost));

    private double BestPlace<TLegs>(Solution solution, int c, int r, Random random, bool blinks, out int at, TLegs times, TLegs costs)
        where TLegs : struct, ILegReader
    {
        var pb = _problem;
        int D = pb.DayCount, L = pb.LocationCount, P = pb.PositionCount;
        var p = r / D;
        var d = r % D;
        var n = solution.Count[r];
        at = -1;
        var relaxation = _relaxation;
        if (n + 1 > pb.MaxVisits[p] || (!relaxation.Active && solution.RouteLoad[r] + pb.Load[c] > pb.MaxLoad[p] + 1e-9))
        {
            return double.PositiveInfinity;
        }

        var oldLoad = solution.RouteLoad[r];
        var newLoad = oldLoad + pb.Load[c];

        Work += n + 1;
        var nodes = solution.Nodes[r];
        var starts = solution.Starts[r];
        var b = pb.BaseOf(p);
        var lc = pb.Location(c);
        var dayStart = pb.DayStart[p];
        var dayEnd = pb.DayEnd[p];
        var oldEnd = solution.RouteEnd[r];
        var oldWork = oldEnd - dayStart;
        var oldExcess = relaxation.Active ? relaxation.Penalty(p, oldLoad, oldEnd) : 0;
        var balance = pb.BalancePerSecondSquared;
        var penalty = pb.Penalty[(c * P) + p] + pb.DayPrice(c, d);
        var service = pb.Service[c];
        var best = double.PositiveInfinity;
        var prev = b;

        // The legs a place replaces come from the route's own arrays, and the leg into the customer is read as the
        // leg out of it when the table is symmetric: both then come from the customer's row, not from a column.
        var legCost = solution.LegCostInto[r];
        var legTime = solution.LegTimeInto[r];
        var (intoStride, intoOffset) = pb.SymmetricLegs ? (1, lc * L) : (L, lc);

        // Each place blinks (is skipped) with probability BlinkRate: draw the gap to the next blink once
        // (geometric) instead of one random number per place.
        var blink = blinks ? NextBlink(random) : int.MaxValue;
        for (var i = 0; i <= n; i++)
        {
            var next = i < n ? pb.Location(nodes[i]) : b;
            if (blink-- == 0)
            {
                blink = NextBlink(random);
                prev = next;
                continue;
            }

            var into = (prev * intoStride) + intoOffset;
            var delta = costs[into] + costs[(lc * L) + next] - legCost[i] + penalty;
            if (delta < best)
            {
                double newEnd;
                if (!pb.HasTimeWindows)
                {
                    newEnd = oldEnd + times[into] + service + times[(lc * L) + next] - legTime[i];
                }
                else
                {
                    newEnd = EndAfterInsertion(c, i, d, b, lc, nodes, starts, n, dayStart, oldEnd, times);
                }

                if (newEnd >= 0 && (relaxation.Active || newEnd <= dayEnd + 1e-9))
                {
                    var newWork = newEnd - dayStart;
                    var excess = relaxation.Active ? relaxation.Penalty(p, newLoad, newEnd) - oldExcess : 0;
                    var total = delta + excess + (balance * ((newWork * newWork) - (oldWork * oldWork)));
                    if (total < best)
                    {
                        best = total;
                        at = i;
                    }
                }
            }

            prev = next;
        }

        return best;
    }

    /// <summary>How many places pass before the next blink.</summary>
    private static int NextBlink(Random random) => (int)Math.Min(int.MaxValue - 1, Math.Floor(Math.Log(1 - random.NextDouble()) / Math.Log(1 - BlinkRate)));

    /// <summary>The return time after inserting <paramref name="c"/> at index <paramref name="i"/>, or −1 when an opening window is missed.</summary>
    private double EndAfterInsertion<TLegs>(int c, int i, int d, int b, int lc, int[] nodes, double[] starts, int n, double dayStart, double oldEnd, TLegs times)
        where TLegs : struct, ILegReader
    {
        var pb = _problem;
        var L = pb.LocationCount;
        int prev;
        double t;
        if (i == 0)
        {
            prev = b;
            t = dayStart;
        }
        else
        {
            prev = pb.Location(nodes[i - 1]);
            t = starts[i - 1] + pb.Service[nodes[i - 1]];
        }

        t += times[(prev * L) + lc];
        var s = pb.ServiceStart(c, d, t);
        if (s < 0)
        {
            return -1;
        }

        t = s + pb.Service[c];
        prev = lc;
        for (var k = i; k < n; k++)
        {
            var ck = nodes[k];
            var lk = pb.Location(ck);
            t += times[(prev * L) + lk];
            s = pb.ServiceStart(ck, d, t);
            if (s < 0)
            {
                return -1;
            }

            if (s == starts[k])
            {
                return oldEnd;
            }

            t = s + pb.Service[ck];
            prev = lk;
        }

        return t + times[(prev * L) + b];
    }
}
