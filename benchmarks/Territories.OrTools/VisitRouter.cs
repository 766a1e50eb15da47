using System.Diagnostics;
using Google.OrTools.ConstraintSolver;
using Google.Protobuf.WellKnownTypes;
using Territories.IO.Pvrp;

namespace Territories.OrTools;

/// <summary>One visit to route: the customer's node and the 0-based days it may take.</summary>
internal sealed record Visit(int Customer, IReadOnlyList<int> Days);

/// <summary>
/// Routes a set of visits with the OR-Tools routing solver: one node per visit, vehicles each bound to
/// a day, a load dimension (Q), a time dimension with service times (D, when D &gt; 0), arc costs of
/// Euclidean distance × 1000 rounded, PATH_CHEAPEST_ARC then GUIDED_LOCAL_SEARCH to the time limit
/// (less the time spent building the model).
/// </summary>
/// <remarks>
/// A visit whose days do not cover every vehicle's day has its vehicle variable restricted to the
/// vehicles of its days. Every visit sits in its own disjunction with a prohibitive penalty, so the
/// solver returns a plan even when a day cannot hold its visits; the dropped visits are reported and
/// make the solution infeasible. Times and demands are rounded up and limits down (× 1000), so a route
/// OR-Tools accepts also keeps D and Q in exact arithmetic.
/// </remarks>
internal static class VisitRouter
{
    private const long Scale = 1000;
    private const long DropPenalty = 10_000_000_000;

    /// <summary>Returns, per vehicle, the visits (indices into <paramref name="visits"/>) in route order, and the dropped visits.</summary>
    /// <param name="instance">The instance.</param>
    /// <param name="visits">The visits to route.</param>
    /// <param name="vehicleDays">The day of each vehicle.</param>
    /// <param name="limit">The search time.</param>
    /// <param name="initial">Optional routes to start from (visit indices per vehicle) instead of PATH_CHEAPEST_ARC.</param>
    public static (List<int>[] Routes, List<int> Dropped) Solve(CordeauInstance instance, IReadOnlyList<Visit> visits, IReadOnlyList<int> vehicleDays, TimeSpan limit, IReadOnlyList<List<int>>? initial = null)
    {
        var built = Stopwatch.StartNew();
        var routes = vehicleDays.Select(_ => new List<int>()).ToArray();
        if (visits.Count == 0)
        {
            return (routes, []);
        }

        var nodes = instance.Nodes;
        var size = visits.Count + 1;
        int NodeOf(int i) => i == 0 ? 0 : visits[i - 1].Customer;
        double Dist(int a, int b) => Math.Sqrt(((nodes[a].X - nodes[b].X) * (nodes[a].X - nodes[b].X)) + ((nodes[a].Y - nodes[b].Y) * (nodes[a].Y - nodes[b].Y)));
        var cost = new long[size][];
        var time = new long[size][];
        for (var i = 0; i < size; i++)
        {
            cost[i] = new long[size];
            time[i] = new long[size];
            var service = nodes[NodeOf(i)].Service;
            for (var j = 0; j < size; j++)
            {
                var d = Dist(NodeOf(i), NodeOf(j));
                cost[i][j] = (long)Math.Round(d * Scale);
                time[i][j] = (long)Math.Ceiling((d + service) * Scale);
            }
        }

        using var manager = new RoutingIndexManager(size, vehicleDays.Count, 0);
        using var routing = new RoutingModel(manager);
        var costCallback = routing.RegisterTransitMatrix(cost);
        routing.SetArcCostEvaluatorOfAllVehicles(costCallback);
        var demand = Enumerable.Range(0, size).Select(i => (long)Math.Ceiling(nodes[NodeOf(i)].Demand * Scale)).ToArray();
        routing.AddDimension(routing.RegisterUnaryTransitVector(demand), 0, (long)Math.Floor(instance.Capacity * Scale), true, "Load");
        if (instance.MaxDuration > 0)
        {
            routing.AddDimension(routing.RegisterTransitMatrix(time), 0, (long)Math.Floor(instance.MaxDuration * Scale), true, "Time");
        }

        var allDays = vehicleDays.Distinct().Count();
        for (var i = 1; i < size; i++)
        {
            var index = manager.NodeToIndex(i);
            routing.AddDisjunction([index], DropPenalty);
            var days = visits[i - 1].Days;
            if (days.Distinct().Count() < allDays)
            {
                var allowed = Enumerable.Range(0, vehicleDays.Count).Where(v => days.Contains(vehicleDays[v])).Select(v => (long)v).Prepend(-1).ToArray();
                routing.VehicleVar(index).SetValues(allowed);
            }
        }

        var parameters = operations_research_constraint_solver.DefaultRoutingSearchParameters();
        parameters.FirstSolutionStrategy = FirstSolutionStrategy.Types.Value.PathCheapestArc;
        parameters.LocalSearchMetaheuristic = LocalSearchMetaheuristic.Types.Value.GuidedLocalSearch;
        var search = limit - built.Elapsed;
        parameters.TimeLimit = Duration.FromTimeSpan(search > TimeSpan.FromMilliseconds(10) ? search : TimeSpan.FromMilliseconds(10));
        Assignment? solution;
        if (initial is null)
        {
            solution = routing.SolveWithParameters(parameters);
        }
        else
        {
            routing.CloseModelWithParameters(parameters);
            var start = routing.ReadAssignmentFromRoutes([.. initial.Select(r => r.Select(i => manager.NodeToIndex(i + 1)).ToArray())], true);
            solution = start is null ? routing.SolveWithParameters(parameters) : routing.SolveFromAssignmentWithParameters(start, parameters);
        }

        if (solution is null)
        {
            return (routes, [.. Enumerable.Range(0, visits.Count)]);
        }

        var served = new bool[visits.Count];
        for (var v = 0; v < vehicleDays.Count; v++)
        {
            for (var index = solution.Value(routing.NextVar(routing.Start(v))); !routing.IsEnd(index); index = solution.Value(routing.NextVar(index)))
            {
                var visit = manager.IndexToNode(index) - 1;
                routes[v].Add(visit);
                served[visit] = true;
            }
        }

        return (routes, [.. Enumerable.Range(0, visits.Count).Where(i => !served[i])]);
    }
}
