using System.Diagnostics;
using System.Numerics;
using Territories.IO.Pvrp;

namespace Territories.OrTools;

/// <summary>
/// Changes the combinations of multi-visit customers between two OR-Tools solves, since OR-Tools
/// moves one visit at a time and so cannot change a combination itself: a customer leaves all its
/// routes and goes back on the days of another allowed combination, each visit at its cheapest
/// feasible position (Q and D kept), when that shortens the total travel.
/// </summary>
/// <remarks>
/// First-improvement passes over the customers in id order until a pass changes nothing or the time
/// is up; deterministic for a given input and time. A pass costs O(n·a·f·V) for V visits.
/// </remarks>
internal static class PatternImprover
{
    public static int Improve(CordeauInstance instance, int[] codes, List<int>[][] routes, TimeSpan limit)
    {
        var watch = Stopwatch.StartNew();
        var nodes = instance.Nodes;
        var t = instance.Days;
        double Dist(int a, int b) => Math.Sqrt(((nodes[a].X - nodes[b].X) * (nodes[a].X - nodes[b].X)) + ((nodes[a].Y - nodes[b].Y) * (nodes[a].Y - nodes[b].Y)));
        double Duration(List<int> route)
        {
            var total = 0.0;
            var previous = 0;
            foreach (var c in route)
            {
                total += Dist(previous, c) + nodes[c].Service;
                previous = c;
            }

            return total + Dist(previous, 0);
        }

        double Load(List<int> route) => route.Sum(c => nodes[c].Demand);
        var changes = 0;
        var improved = true;
        while (improved && watch.Elapsed < limit)
        {
            improved = false;
            for (var c = 1; c <= instance.Customers && watch.Elapsed < limit; c++)
            {
                var alternatives = nodes[c].Codes.Distinct().Where(code => code != codes[c] && BitOperations.PopCount((uint)code) > 1).ToList();
                if (alternatives.Count == 0 || BitOperations.PopCount((uint)codes[c]) < 2)
                {
                    continue;
                }

                // Take the customer out everywhere, remembering where it was.
                var gain = 0.0;
                var removed = new List<(int Day, int Route, int Position)>();
                for (var d = 0; d < t; d++)
                {
                    for (var k = 0; k < routes[d].Length; k++)
                    {
                        var at = routes[d][k].IndexOf(c);
                        if (at < 0)
                        {
                            continue;
                        }

                        var previous = at == 0 ? 0 : routes[d][k][at - 1];
                        var next = at == routes[d][k].Count - 1 ? 0 : routes[d][k][at + 1];
                        gain += Dist(previous, c) + Dist(c, next) - Dist(previous, next);
                        routes[d][k].RemoveAt(at);
                        removed.Add((d, k, at));
                    }
                }

                var best = (Cost: gain - 1e-6, Code: -1, Places: (List<(int Day, int Route, int Position)>?)null);
                foreach (var code in alternatives)
                {
                    var places = new List<(int Day, int Route, int Position)>();
                    var cost = 0.0;
                    for (var d = 0; d < t && cost < best.Cost; d++)
                    {
                        if (((code >> (t - 1 - d)) & 1) == 0)
                        {
                            continue;
                        }

                        var (delta, route, position) = CheapestInsertion(instance, routes[d], c, Dist, Duration, Load);
                        cost += delta;
                        places.Add((d, route, position));
                    }

                    if (cost < best.Cost)
                    {
                        best = (cost, code, places);
                    }
                }

                if (best.Places is null)
                {
                    foreach (var (d, k, at) in Enumerable.Reverse(removed))
                    {
                        routes[d][k].Insert(at, c);
                    }

                    continue;
                }

                foreach (var (d, k, at) in best.Places)
                {
                    routes[d][k].Insert(at, c);
                }

                codes[c] = best.Code;
                changes++;
                improved = true;
            }
        }

        return changes;
    }

    /// <summary>The cheapest feasible insertion of <paramref name="c"/> into a day's routes (an empty route counts); infinite cost when none fits.</summary>
    private static (double Delta, int Route, int Position) CheapestInsertion(
        CordeauInstance instance, List<int>[] day, int c, Func<int, int, double> dist, Func<List<int>, double> duration, Func<List<int>, double> load)
    {
        var node = instance.Nodes[c];
        var best = (Delta: double.PositiveInfinity, Route: -1, Position: -1);
        for (var k = 0; k < day.Length; k++)
        {
            var route = day[k];
            if (load(route) + node.Demand > instance.Capacity + 1e-9)
            {
                continue;
            }

            var length = duration(route);
            for (var at = 0; at <= route.Count; at++)
            {
                var previous = at == 0 ? 0 : route[at - 1];
                var next = at == route.Count ? 0 : route[at];
                var delta = dist(previous, c) + dist(c, next) - dist(previous, next);
                if (delta < best.Delta && (instance.MaxDuration <= 0 || length + delta + node.Service <= instance.MaxDuration - 1e-6))
                {
                    best = (delta, k, at);
                }
            }
        }

        return best;
    }
}
