using Territories.Internal;

namespace Territories.Journeys.Planning;

/// <summary>
/// The planner's metaheuristic: ruin and recreate over whole customers (string, radial and random
/// removals; greedy reinsertion with pattern choice and blinks) under simulated-annealing acceptance.
/// Candidates better than the best are polished (the day sequencer's tour search within routes, see <see cref="RouteImprover"/>; moves between the routes
/// of a day, whole-customer relocation with pattern change) within a work budget; load and working-time
/// limits are relaxed at an adaptive price once every visit is planned (see <see cref="Relaxation"/>).
/// </summary>
/// <remarks>
/// Deterministic for a seed and an iteration limit; under a time limit the number of iterations
/// depends on the machine. Holds no global state: every run owns its solutions and buffers.
/// </remarks>
internal sealed class RuinRecreateSearch
{
    /// <summary>Up to this many customers, polishing relocates every customer; above it, only those around the change.</summary>
    private const int FullPassLimit = 250;

    /// <summary>
    /// Above <c>20 ×</c> <see cref="JourneyPlannerOptions.AverageRemoved"/> customers, a ruin removes on average one customer in this many,
    /// up to <see cref="MostRemoved"/>. A fixed ruin size (SISR's 10) is too small on large periodic plans whose routes
    /// are full: a bad choice of which neighbourhoods share a weekday is then a deep local optimum, since no ruin frees
    /// enough of a day to move a cluster. Measured on generated beat plans, 10,000 iterations: beat-0600-24 over six
    /// seeds 3,521 to 4,125 with 10 removed, 3,319 to 3,645 over four with 30; seed 1 on beat-0300-24 2,089 with 10,
    /// 1,985 with 15, 1,771 with 30; on beat-1000-20 and beat-1000-24 4,488 and 4,545 with 10, 4,282 and 4,272 with 30.
    /// Plans of up to 200 customers (most of the Cordeau set) are unchanged; p13, pr05, pr06, pr09 and pr10 (two seeds,
    /// 100,000 iterations) had a mean gap of 2.85 % against 3.10 % with 10.
    /// </summary>
    private const double CustomersPerRemoved = 20;

    /// <summary>
    /// The most <see cref="CustomersPerRemoved"/> raises the mean ruin to: a ruin's cost grows with its size, and under a
    /// time limit fewer, larger iterations lose. beat-1000-24, 20 s, seed 1: 4,577 with 10 removed (12,559 iterations),
    /// 4,464 with 30 (7,362), 4,673 with 50 (4,309).
    /// </summary>
    private const double MostRemoved = 30;

    /// <summary>
    /// The ruin size the start temperature is set for: a ruin of more customers changes more of the plan, so the
    /// same acceptance needs a start temperature larger in proportion. Measured on eight generated beat plans of 170
    /// to 1,000 accounts (seeds 1 to 4, 10,000 iterations; benchmarks/README.md, "A hotter start"): sum of the mean
    /// costs 23,085 with a start of 10 × the mean arc for every ruin, 22,894 scaled, 22,866 with 30 for every ruin.
    /// </summary>
    private const double ReferenceRemoved = 10;

    /// <summary>How many nearest neighbours of each changed customer a local relocation pass includes.</summary>
    private const int AroundNeighbours = 10;

    private readonly JourneyProblem _problem;
    private readonly Random _random;
    private readonly StopCondition _stop;
    private readonly TimeProvider _clock;
    private readonly IProgress<JourneyPlanProgress>? _progress;
    private readonly IRuin[] _ruins;
    private readonly double[] _ruinWeights;
    private readonly Relaxation _relaxation;
    private readonly Recreate _recreate;
    private readonly RouteImprover _improver;
    private readonly CustomerRelocation _relocation;
    private readonly InterRouteSearch _inter;
    private readonly bool[] _dayMarked;
    private readonly List<int> _days = [];
    private readonly int[] _around;
    /// <summary>Per customer, the mark of the last set it was put in: a set test in O(1) without clearing.</summary>
    private readonly int[] _marked;
    private int _mark;
    private readonly double _t0;
    private readonly double _tf;
    private readonly double _polishShare;
    private readonly Func<Solution, int>? _excess;

    /// <summary>
    /// A search of <paramref name="problem"/>. <paramref name="excess"/> says how far a solution breaks a limit the
    /// search must hold (re-planning's change budget: kept accounts moved beyond it), or is null for none. With it,
    /// solutions compare first by excess, then by cost: the search accepts no candidate with more excess than the
    /// current plan, and the best plan is the one with the least excess, then the least cost. Without it, the
    /// search is unchanged (same random draws). <paramref name="averageRemoved"/> sets the mean ruin size; null for
    /// the planner's (see <see cref="AverageRemoved(int, double)"/>).
    /// </summary>
    public RuinRecreateSearch(JourneyProblem problem, JourneyPlannerOptions options, TimeProvider clock, Random random, StopCondition stop, IProgress<JourneyPlanProgress>? progress, Func<Solution, int>? excess = null, double? averageRemoved = null)
    {
        _problem = problem;
        _excess = excess;
        _random = random;
        _stop = stop;
        _clock = clock;
        var average = averageRemoved ?? AverageRemoved(problem.CustomerCount, options.AverageRemoved);
        _t0 = options.InitialTemperatureFactor * problem.MeanArcCost * Math.Max(1, average / ReferenceRemoved);
        _tf = options.FinalTemperatureFactor * problem.MeanArcCost;
        _progress = progress;
        _polishShare = options.PolishShare;
        _ruins = [new StringRuin(problem, average, 10), new RadialRuin(problem, average), new RandomRuin(average)];
        _ruinWeights = [0.6, 0.25, 0.15];
        _relaxation = new Relaxation(problem);
        _recreate = new Recreate(problem, _relaxation);
        _improver = new RouteImprover(problem, _relaxation, random);
        _relocation = new CustomerRelocation(problem, _recreate);
        _inter = new InterRouteSearch(problem, _relaxation);
        _dayMarked = new bool[problem.DayCount];
        _around = new int[problem.CustomerCount];
        _marked = new int[problem.CustomerCount];
    }

    /// <summary>The mean number of customers a ruin removes: the option, or one in <see cref="CustomersPerRemoved"/> (at most <see cref="MostRemoved"/>) when that is more; at most a tenth of the customers.</summary>
    internal static double AverageRemoved(int customers, double option) =>
        Math.Clamp(customers / 10.0, 1, Math.Max(option, Math.Min(MostRemoved, customers / CustomersPerRemoved)));

    public long Iterations { get; private set; }

    public JourneyPlanStatus Status { get; private set; } = JourneyPlanStatus.Completed;

    /// <summary>The customers the first plan had not tried when the search was stopped; null when it tried them all.</summary>
    public bool[]? NotReached { get; private set; }

    /// <summary>Searches from the clock's <paramref name="started"/> timestamp (the start of the planning call).</summary>
    /// <param name="started">The clock's timestamp at the start of the planning call.</param>
    /// <param name="seed">Places customers in the empty first plan before the others are inserted greedily (re-planning from a previous plan); null for none. It must leave every route feasible.</param>
    public Solution Run(long started, Action<Solution>? seed = null)
    {
        var current = Construct(seed);
        var candidate = new Solution(_problem, _relaxation);
        candidate.CopyFrom(current);
        var best = new Solution(_problem, _relaxation);
        best.CopyFrom(current);
        var currentExcess = _excess?.Invoke(current) ?? 0;
        var bestExcess = currentExcess;

        var removed = new List<int>();
        var t0 = _t0;
        var tf = _tf;
        long sinceImprovement = 0;

        // Polishing a new best is worth it but costly on large plans: it may take only a share of the
        // work, beyond a credit of a few constructions so that short runs are polished too.
        long polishWork = 0;
        var credit = 4.0 * Work;
        var lastReport = 0L;
        while (true)
        {
            var status = new SearchStatus(Iterations, sinceImprovement, best.Total);
            if (_stop.ShouldStop(status))
            {
                Status = _stop.Reason switch
                {
                    StopReason.TimeLimit => JourneyPlanStatus.TimeLimitReached,
                    StopReason.Cancelled => JourneyPlanStatus.Cancelled,
                    _ => JourneyPlanStatus.Completed,
                };
                break;
            }

            Iterations++;
            sinceImprovement++;
            var temperature = t0 * Math.Pow(tf / t0, _stop.Progress(status));
            candidate.ClearTouched();
            removed.Clear();
            ChooseRuin().Apply(candidate, _random, removed);
            _mark++;
            foreach (var c in removed)
            {
                _marked[c] = _mark;
            }

            // Customers left unplanned by earlier iterations get another chance.
            for (var c = 0; c < candidate.Pattern.Length; c++)
            {
                if (candidate.Pattern[c] < 0 && _marked[c] != _mark)
                {
                    removed.Add(c);
                }
            }

            Order(removed);
            _recreate.Run(candidate, removed, _random, blinks: true);
            var candidateExcess = _excess?.Invoke(candidate) ?? 0;
            if (candidateExcess <= bestExcess && Improvement.IsLower(candidate.Total, best.Total) && polishWork <= (_polishShare * Work) + credit)
            {
                var before = Work;
                Polish(candidate);
                polishWork += Work - before;
                candidateExcess = _excess?.Invoke(candidate) ?? 0;
            }

            // A feasible candidate cheaper than the best is kept even when the acceptance rejects it:
            // under relaxed limits the current plan may be cheaper than any feasible one.
            if (candidate.Feasible && (candidateExcess < bestExcess || (candidateExcess == bestExcess && Improvement.IsLower(candidate.Total, best.Total))))
            {
                best.CopyFrom(candidate);
                best.Refresh();
                bestExcess = candidateExcess;
                sinceImprovement = 0;
                if (_progress is not null && Iterations - lastReport >= 50)
                {
                    lastReport = Iterations;
                    _progress.Report(new JourneyPlanProgress(Iterations, best.Total, best.UnplannedVisits, _clock.GetElapsedTime(started)));
                }
            }

            var threshold = current.Total - (temperature * Math.Log(1 - _random.NextDouble()));
            var repriced = _relaxation.Active && _relaxation.Observe(candidate.Feasible);
            if (candidateExcess < currentExcess || (candidateExcess == currentExcess && candidate.Total < threshold))
            {
                current.SyncFrom(candidate, candidate.TouchedRoutes, candidate.TouchedCustomers);
                currentExcess = candidateExcess;
            }
            else
            {
                candidate.SyncFrom(current, candidate.TouchedRoutes, candidate.TouchedCustomers);
            }

            if (repriced)
            {
                current.Reprice();
                candidate.CopyFrom(current);
            }

            // Once every visit is planned, the search may break load and working-time limits at an
            // adapting price. Not before: while visits are missing, capacity is short, and excess
            // would only hide that (the current plan then has no excess, so nothing needs repricing).
            if (!_relaxation.Active && best.UnplannedVisits == 0 && current.UnplannedVisits == 0)
            {
                _relaxation.Active = true;
            }
        }

        _relaxation.Active = false;

        // The closing polish takes a few milliseconds on a searched plan but hundreds on a first plan
        // of thousands of accounts: skipped when cancelled, or stopped before the search began.
        if (Status == JourneyPlanStatus.Cancelled || (Iterations == 0 && Status != JourneyPlanStatus.Completed))
        {
            best.Refresh();
            _progress?.Report(new JourneyPlanProgress(Iterations, best.Total, best.UnplannedVisits, _clock.GetElapsedTime(started)));
            return best;
        }

        for (var r = 0; r < best.Count.Length; r++)
        {
            _improver.Improve(best, r);
        }

        for (var d = 0; d < _problem.DayCount; d++)
        {
            if (_inter.ImproveDay(best, d, _random, StopCondition.Never))
            {
                for (var p = 0; p < _problem.PositionCount; p++)
                {
                    _improver.Improve(best, (p * _problem.DayCount) + d);
                }
            }
        }

        best.Refresh();
        _progress?.Report(new JourneyPlanProgress(Iterations, best.Total, best.UnplannedVisits, _clock.GetElapsedTime(started)));
        return best;
    }

    private void Polish(Solution candidate)
    {
        ImproveRoutes(candidate, 0);
        ImproveDays(candidate, 0);
        var count = _problem.CustomerCount <= FullPassLimit ? 0 : Around(candidate.TouchedCustomers);

        // A relocation pass may change any touched route again, so all of them are improved again.
        for (var pass = 0; pass < 3 && !_stop.ShouldInterrupt() && Relocate(candidate, count); pass++)
        {
            ImproveRoutes(candidate, 0);
            ImproveDays(candidate, 0);
        }
    }

    /// <summary>All work done so far, in screened moves and examined places.</summary>
    private long Work => _recreate.Work + _inter.Work + _improver.Work;

    private bool Relocate(Solution candidate, int count) => count == 0
        ? _relocation.Pass(candidate, _random, _stop)
        : _relocation.Pass(candidate, _random, _stop, _around, count);

    /// <summary>Collects into <see cref="_around"/> the given customers and their nearest neighbours; returns how many.</summary>
    private int Around(List<int> customers)
    {
        _mark++;
        var count = 0;
        foreach (var c in customers)
        {
            Add(c);
            var neighbours = _problem.Neighbours[c];
            for (var k = 0; k < Math.Min(AroundNeighbours, neighbours.Length); k++)
            {
                Add(neighbours[k]);
            }
        }

        return count;

        void Add(int c)
        {
            if (_marked[c] != _mark)
            {
                _marked[c] = _mark;
                _around[count++] = c;
            }
        }
    }

    /// <summary>Intra-route search on the touched routes from index <paramref name="from"/> on.</summary>
    private void ImproveRoutes(Solution candidate, int from)
    {
        var touched = candidate.TouchedRoutes;
        for (var k = from; k < touched.Count; k++)
        {
            _improver.Improve(candidate, touched[k]);
        }
    }

    /// <summary>Inter-route search on the days of the routes touched from index <paramref name="from"/> on, then intra-route search where it changed something.</summary>
    private void ImproveDays(Solution candidate, int from)
    {
        var touched = candidate.TouchedRoutes;
        var D = _problem.DayCount;
        _days.Clear();
        for (var k = from; k < touched.Count; k++)
        {
            var d = touched[k] % D;
            if (!_dayMarked[d])
            {
                _dayMarked[d] = true;
                _days.Add(d);
            }
        }

        foreach (var d in _days)
        {
            _dayMarked[d] = false;
        }

        _days.Sort();
        foreach (var d in _days)
        {
            var before = touched.Count;
            if (_inter.ImproveDay(candidate, d, _random, _stop))
            {
                for (var p = 0; p < _problem.PositionCount; p++)
                {
                    _improver.Improve(candidate, (p * D) + d);
                }
            }

            ImproveRoutes(candidate, before);
        }
    }

    private IRuin ChooseRuin()
    {
        var u = _random.NextDouble();
        for (var k = 0; k < _ruins.Length; k++)
        {
            u -= _ruinWeights[k];
            if (u < 0)
            {
                return _ruins[k];
            }
        }

        return _ruins[^1];
    }

    /// <summary>Sorts removed customers by one of the SISR orders: random, most demanding, farthest or nearest first.</summary>
    private void Order(List<int> customers)
    {
        var pb = _problem;
        Shuffle(customers);
        var u = _random.Next(11);
        if (u < 4)
        {
            return;
        }

        if (u < 8)
        {
            customers.Sort((a, b) => Demand(b).CompareTo(Demand(a)));
        }
        else if (u < 10)
        {
            customers.Sort((a, b) => BaseDistance(b).CompareTo(BaseDistance(a)));
        }
        else
        {
            customers.Sort((a, b) => BaseDistance(a).CompareTo(BaseDistance(b)));
        }

        double Demand(int c) => pb.Patterns[c][0].Length * (pb.Service[c] + pb.Load[c] + 1);
    }

    private double BaseDistance(int c)
    {
        var pb = _problem;
        return pb.Dist[pb.Location(c)];
    }

    private void Shuffle(List<int> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = _random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>The first plan: customers with the most visits and the fewest choices first, each at its cheapest place.</summary>
    private Solution Construct(Action<Solution>? seed)
    {
        var pb = _problem;
        var solution = new Solution(pb, _relaxation);
        seed?.Invoke(solution);
        var order = Enumerable.Range(0, pb.CustomerCount)
            .Where(c => solution.Pattern[c] < 0)
            .OrderByDescending(c => pb.Patterns[c][0].Length * (pb.Service[c] + pb.Load[c] + 1))
            .ThenBy(c => pb.Patterns[c].Length)
            .ThenByDescending(BaseDistance)
            .ThenBy(c => c)
            .ToList();
        // Stopped while building (the first plan of thousands of accounts takes a second), the
        // customers not yet tried are NotReached, not short of capacity.
        var tried = _recreate.Run(solution, order, _random, blinks: false, _stop);
        if (tried < order.Count)
        {
            NotReached = new bool[pb.CustomerCount];
            for (var i = tried; i < order.Count; i++)
            {
                NotReached[order[i]] = true;
            }
        }

        for (var r = 0; r < solution.Count.Length; r++)
        {
            if (NotReached is not null || ((r & 7) == 7 && _stop.ShouldInterrupt()))
            {
                break;
            }

            _improver.Improve(solution, r);
        }

        solution.Refresh();
        solution.ClearTouched();
        return solution;
    }
}
