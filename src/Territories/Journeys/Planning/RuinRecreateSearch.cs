namespace Territories.Journeys.Planning;

/// <summary>
/// The planner's metaheuristic: ruin and recreate over whole customers (string, radial and random
/// removals; greedy reinsertion with pattern choice and blinks) under simulated-annealing acceptance,
/// with 2-opt/Or-opt polishing of the routes of every promising candidate.
/// </summary>
/// <remarks>
/// Deterministic for a seed and an iteration limit; under a time limit the number of iterations
/// depends on the machine. Holds no global state: every run owns its solutions and buffers.
/// </remarks>
internal sealed class RuinRecreateSearch
{
    private readonly JourneyProblem _problem;
    private readonly Random _random;
    private readonly IStopCondition _stop;
    private readonly TimeProvider _clock;
    private readonly IProgress<JourneyPlanProgress>? _progress;
    private readonly IRuin[] _ruins;
    private readonly double[] _ruinWeights;
    private readonly Recreate _recreate;
    private readonly RouteImprover _improver;
    private readonly CustomerRelocation _relocation;
    private readonly double _t0;
    private long _started;
    private readonly double _tf;

    public RuinRecreateSearch(JourneyProblem problem, JourneyPlannerOptions options, Random random, IStopCondition stop, IProgress<JourneyPlanProgress>? progress)
    {
        _problem = problem;
        _random = random;
        _stop = stop;
        _clock = options.TimeProvider;
        _t0 = options.InitialTemperatureFactor * problem.MeanArcCost;
        _tf = options.FinalTemperatureFactor * problem.MeanArcCost;
        _progress = progress;
        var average = Math.Clamp(problem.CustomerCount / 10.0, 1, options.AverageRemoved);
        _ruins = [new StringRuin(problem, average, 10), new RadialRuin(problem, average), new RandomRuin(average)];
        _ruinWeights = [0.6, 0.25, 0.15];
        _recreate = new Recreate(problem);
        _improver = new RouteImprover(problem);
        _relocation = new CustomerRelocation(problem, _recreate);
    }

    public long Iterations { get; private set; }

    public JourneyPlanStatus Status { get; private set; } = JourneyPlanStatus.Completed;

    /// <summary>Searches from the clock's <paramref name="started"/> timestamp (the start of the planning call).</summary>
    public Solution Run(long started)
    {
        _started = started;
        var current = Construct();
        var candidate = new Solution(_problem);
        candidate.CopyFrom(current);
        var best = new Solution(_problem);
        best.CopyFrom(current);
        var removed = new List<int>();
        var t0 = _t0;
        var tf = _tf;
        long sinceImprovement = 0;
        var lastReport = 0L;
        while (true)
        {
            var status = new SearchStatus(Iterations, sinceImprovement, _clock.GetElapsedTime(started));
            if (_stop.ShouldStop(status))
            {
                Status = _stop.Reason;
                break;
            }

            Iterations++;
            sinceImprovement++;
            var temperature = t0 * Math.Pow(tf / t0, _stop.Progress(status));
            candidate.ClearTouched();
            removed.Clear();
            ChooseRuin().Apply(candidate, _random, removed);
            for (var c = 0; c < candidate.Pattern.Length; c++)
            {
                if (candidate.Pattern[c] < 0 && !removed.Contains(c))
                {
                    removed.Add(c);
                }
            }

            Order(removed);
            _recreate.Run(candidate, removed, _random, blinks: true);
            if (candidate.Total < best.Total - 1e-7)
            {
                Polish(candidate);
            }

            var threshold = current.Total - (temperature * Math.Log(1 - _random.NextDouble()));
            if (candidate.Total < threshold)
            {
                current.SyncFrom(candidate, candidate.TouchedRoutes, candidate.TouchedCustomers);
                if (candidate.Total < best.Total - 1e-7)
                {
                    best.CopyFrom(candidate);
                    best.Refresh();
                    sinceImprovement = 0;
                    if (_progress is not null && Iterations - lastReport >= 50)
                    {
                        lastReport = Iterations;
                        _progress.Report(new JourneyPlanProgress(Iterations, best.Total, best.UnplannedVisits, _clock.GetElapsedTime(started)));
                    }
                }
            }
            else
            {
                candidate.SyncFrom(current, candidate.TouchedRoutes, candidate.TouchedCustomers);
            }
        }

        for (var r = 0; r < best.Count.Length; r++)
        {
            _improver.Improve(best, r);
        }

        best.Refresh();
        _progress?.Report(new JourneyPlanProgress(Iterations, best.Total, best.UnplannedVisits, _clock.GetElapsedTime(started)));
        return best;
    }

    private void Polish(Solution candidate)
    {
        var touched = candidate.TouchedRoutes;
        for (var k = 0; k < touched.Count; k++)
        {
            _improver.Improve(candidate, touched[k]);
        }

        for (var pass = 0; pass < 3 && !StopNow() && _relocation.Pass(candidate, _random, StopNow); pass++)
        {
            var changed = candidate.TouchedRoutes;
            for (var k = 0; k < changed.Count; k++)
            {
                _improver.Improve(candidate, changed[k]);
            }
        }
    }

    /// <summary>Whether the stop conditions hold now (checked inside long polishing passes).</summary>
    private bool StopNow() => _stop.ShouldStop(new SearchStatus(Iterations, 0, _clock.GetElapsedTime(_started)));

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
    private Solution Construct()
    {
        var pb = _problem;
        var solution = new Solution(pb);
        var order = Enumerable.Range(0, pb.CustomerCount)
            .OrderByDescending(c => pb.Patterns[c][0].Length * (pb.Service[c] + pb.Load[c] + 1))
            .ThenBy(c => pb.Patterns[c].Length)
            .ThenByDescending(BaseDistance)
            .ThenBy(c => c)
            .ToList();
        _recreate.Run(solution, order, _random, blinks: false);
        for (var r = 0; r < solution.Count.Length; r++)
        {
            _improver.Improve(solution, r);
        }

        solution.Refresh();
        solution.ClearTouched();
        return solution;
    }
}
