namespace Territories.Journeys.Planning;

/// <summary>Puts given customers into an empty <see cref="Solution"/> at given days, positions and orders (re-planning from a previous plan), and restores a route's previous order.</summary>
/// <remarks>
/// Only feasible routes are seeded: while a route would break a rule (working time, opening hours,
/// load, visit cap), its last seeded customer is left out, with all its visits, for the search to place.
/// Deterministic; O(R × n) route evaluations in the worst case.
/// </remarks>
internal static class SolutionSeed
{
    /// <summary>Seeds <paramref name="solution"/>: customer c on pattern index <paramref name="pattern"/>[c] (−1: not seeded), visit i by <paramref name="positions"/>[c][i], ordered in each route by <paramref name="rank"/>[c][i].</summary>
    public static void Apply(JourneyProblem pb, Solution solution, int[] pattern, int[][] positions, double[][] rank)
    {
        int D = pb.DayCount, N = pb.CustomerCount;
        var hard = new Relaxation(pb);
        var keep = new bool[N];
        for (var c = 0; c < N; c++)
        {
            keep[c] = pattern[c] >= 0;
        }

        var routes = new List<(double Rank, int Customer)>[pb.PositionCount * D];
        for (var r = 0; r < routes.Length; r++)
        {
            routes[r] = [];
        }

        for (var c = 0; c < N; c++)
        {
            if (!keep[c])
            {
                continue;
            }

            var days = pb.Patterns[c][pattern[c]];
            for (var i = 0; i < days.Length; i++)
            {
                routes[(positions[c][i] * D) + days[i]].Add((rank[c][i], c));
            }
        }

        foreach (var list in routes)
        {
            list.Sort((a, b) => a.Rank != b.Rank ? a.Rank.CompareTo(b.Rank) : a.Customer.CompareTo(b.Customer));
        }

        var changed = true;
        while (changed)
        {
            changed = false;
            for (var r = 0; r < routes.Length; r++)
            {
                var order = Order(routes[r], keep);
                while (order.Length > 0 && double.IsPositiveInfinity(RouteEvaluation.Cost(pb, hard, r, order)))
                {
                    keep[order[^1]] = false;
                    changed = true;
                    order = Order(routes[r], keep);
                }
            }
        }

        for (var c = 0; c < N; c++)
        {
            if (!keep[c])
            {
                continue;
            }

            var days = pb.Patterns[c][pattern[c]];
            var places = new int[days.Length];
            for (var i = 0; i < days.Length; i++)
            {
                places[i] = solution.Count[(positions[c][i] * D) + days[i]];
            }

            solution.Insert(c, pattern[c], positions[c].AsSpan(0, days.Length), places);
        }

        for (var r = 0; r < routes.Length; r++)
        {
            if (solution.Count[r] > 1)
            {
                solution.Reorder(r, Order(routes[r], keep));
            }
        }

        solution.Reprice();
    }

    /// <summary>
    /// Reorders route <paramref name="r"/> so that the customers of <paramref name="previous"/> (those still on it) keep
    /// that order, the route's other customers inserted each at its cheapest feasible place. When some other
    /// customer fits nowhere in that order, every other customer is taken out of the plan (all its visits) and
    /// returned, for the caller to reinsert (an insertion keeps the order of the visits already there). Leaves the
    /// route as it is when even the previous order alone is infeasible.
    /// </summary>
    public static List<int> KeepOrder(JourneyProblem pb, Solution solution, int r, IReadOnlyList<int> previous)
    {
        var n = solution.Count[r];
        var current = solution.Nodes[r].AsSpan(0, n).ToArray();
        var on = new HashSet<int>(current);
        var kept = previous.Where(on.Contains).ToList();
        var inPrevious = new HashSet<int>(kept);
        var hard = new Relaxation(pb);
        var order = new List<int>(kept);
        var fits = true;
        foreach (var c in current)
        {
            if (inPrevious.Contains(c))
            {
                continue;
            }

            var best = double.PositiveInfinity;
            var bestAt = -1;
            for (var i = 0; i <= order.Count; i++)
            {
                order.Insert(i, c);
                var cost = RouteEvaluation.Cost(pb, hard, r, order.ToArray());
                order.RemoveAt(i);
                if (cost < best)
                {
                    (best, bestAt) = (cost, i);
                }
            }

            if (bestAt < 0)
            {
                fits = false;
                break;
            }

            order.Insert(bestAt, c);
        }

        if (fits && !double.IsPositiveInfinity(RouteEvaluation.Cost(pb, hard, r, order.ToArray())))
        {
            solution.Reorder(r, order.ToArray());
            return [];
        }

        if (double.IsPositiveInfinity(RouteEvaluation.Cost(pb, hard, r, kept.ToArray())))
        {
            return [];
        }

        var others = current.Where(c => !inPrevious.Contains(c)).ToList();
        foreach (var c in others)
        {
            solution.Remove(c);
        }

        solution.Reorder(r, kept.ToArray());
        return others;
    }

    private static int[] Order(List<(double Rank, int Customer)> route, bool[] keep) =>
        [.. route.Where(x => keep[x.Customer]).Select(x => x.Customer)];
}
