using Territories.Internal;
using Territories.Journeys.Sequencing;

namespace Territories.Journeys.Planning;

/// <summary>
/// Intra-route improvement for the planner: the day sequencer's tour search (<see cref="TourSearch"/>)
/// run to a local optimum on one route, then confirmed against the planner's exact route cost.
/// </summary>
/// <remarks>
/// The route becomes a <see cref="SequencingProblem"/> over the planner's cost matrix (distance or
/// time, as the objective says), travel times, service times, the day's start windows and the
/// position's working day. The tour search descends (no perturbation): neighbour-list 2-opt and Or-opt
/// for a symmetric route without windows, otherwise relocation of 1 to 3 stops, 2-opt and swap, each
/// candidate timed in full. Its order is taken only when <see cref="RouteEvaluation"/> finds it cheaper
/// (balance and relaxed limits included), so a route never gets worse. O(n²) to build the problem,
/// then O(n²) candidates per pass. Deterministic: the descent draws no random number.
/// </remarks>
internal sealed class RouteImprover
{
    private readonly JourneyProblem _problem;
    private readonly Relaxation _relaxation;
    private readonly Random _random;
    private readonly StopCondition _descent = StopCondition.Iterations(0);
    private readonly int[] _order;

    public RouteImprover(JourneyProblem problem, Relaxation relaxation, Random random)
    {
        _problem = problem;
        _relaxation = relaxation;
        _random = random;
        _order = new int[problem.CustomerCount];
    }

    /// <summary>Moves screened so far: a deterministic measure of work.</summary>
    public long Work { get; private set; }

    /// <summary>Improves route <paramref name="r"/> of <paramref name="solution"/> in place; returns whether it changed.</summary>
    public bool Improve(Solution solution, int r)
    {
        var n = solution.Count[r];
        if (n < 2)
        {
            return false;
        }

        Work += 8L * n * n;
        var nodes = solution.Nodes[r];
        var problem = Sequencing(r, nodes, n);
        var work = new int[n];
        for (var i = 0; i < n; i++)
        {
            work[i] = i + 1;
        }

        TourSearch.ImproveInPlace(problem, work, _descent, _random, out _);
        var same = true;
        for (var i = 0; i < n; i++)
        {
            _order[i] = nodes[work[i] - 1];
            same &= _order[i] == nodes[i];
        }

        if (same)
        {
            return false;
        }

        var cost = RouteEvaluation.Cost(_problem, _relaxation, r, _order.AsSpan(0, n));
        if (!Improvement.IsLower(cost, solution.RouteCost[r]))
        {
            return false;
        }

        solution.Reorder(r, _order.AsSpan(0, n));
        return true;
    }

    /// <summary>Route <paramref name="r"/>'s stops as a day's problem: node 0 the position's base, node i the route's i-th visit.</summary>
    private SequencingProblem Sequencing(int r, int[] nodes, int n)
    {
        var pb = _problem;
        var L = pb.LocationCount;
        var p = r / pb.DayCount;
        var weekday = pb.WeekdayIndex(r % pb.DayCount);
        var count = n + 1;
        var map = new int[count];
        map[0] = pb.BaseOf(p);
        var service = new double[count];
        var offsets = new int[count + 1];
        var windows = 0;
        for (var i = 1; i < count; i++)
        {
            var c = nodes[i - 1];
            map[i] = pb.Location(c);
            service[i] = pb.Service[c];
            windows += pb.WindowStart[(c * pb.DaysPerWeek) + weekday]?.Length ?? 0;
        }

        var distance = new double[count * count];
        var duration = new double[count * count];
        for (var i = 0; i < count; i++)
        {
            var row = map[i] * L;
            for (var j = 0; j < count; j++)
            {
                distance[(i * count) + j] = pb.Cost[row + map[j]];
                duration[(i * count) + j] = pb.Time[row + map[j]];
            }
        }

        var starts = new double[windows];
        var ends = new double[windows];
        var w = 0;
        for (var i = 1; i < count; i++)
        {
            offsets[i] = w;
            var k = (nodes[i - 1] * pb.DaysPerWeek) + weekday;
            if (pb.WindowStart[k] is { } from)
            {
                from.CopyTo(starts, w);
                pb.WindowEnd[k]!.CopyTo(ends, w);
                w += from.Length;
            }
        }

        offsets[count] = w;
        return SequencingProblem.Create(count, distance, duration, service, offsets, starts, ends, pb.DayStart[p], pb.DayEnd[p]);
    }
}
