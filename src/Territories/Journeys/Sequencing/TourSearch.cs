using Territories.Internal;

namespace Territories.Journeys.Sequencing;

/// <summary>
/// The tour-improvement engine: orders one day's stops from and back to the base, shortest first among
/// the routes that meet every window and the day's end (least lateness when none does).
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Improve"/> is the entry point for the planner to polish a day route. A symmetric
/// problem without windows goes to <see cref="SymmetricTourSearch"/> (neighbour lists, 2-opt, Or-opt,
/// double bridge), then, if the day's end is still overrun, to <see cref="ConstrainedTourSearch"/>;
/// anything else goes straight to the constrained search.
/// </para>
/// <para>
/// Deterministic for a seed: the same problem, start order, budget and generator state give the same
/// order unless the time limit or cancellation stops the search (then the result says so).
/// </para>
/// </remarks>
internal static class TourSearch
{
    private const int SymmetricMinimumStops = 5;

    /// <summary>Improves <paramref name="order"/> until <paramref name="stop"/> says so.</summary>
    /// <param name="problem">The day's problem.</param>
    /// <param name="order">A start order: every stop 1 to Count − 1 exactly once.</param>
    /// <param name="stop">When to stop perturbing: iterations, iterations without a better route, time, cancellation. <see cref="StopCondition.Iterations"/> of 0 gives a plain descent to a local optimum.</param>
    /// <param name="random">The seeded generator that chooses the perturbations.</param>
    /// <exception cref="ArgumentException"><paramref name="order"/> is not a permutation of the stops.</exception>
    public static TourSearchResult Improve(SequencingProblem problem, ReadOnlySpan<int> order, StopCondition stop, Random random)
    {
        Guard.NotNull(problem);
        Guard.NotNull(stop);
        Guard.NotNull(random);
        CheckPermutation(problem.Count, order);
        var work = order.ToArray();
        var iterations = ImproveInPlace(problem, work, stop, random, out var stoppedEarly);
        return new TourSearchResult(work, problem.RouteDistance(work), problem.Lateness(work), iterations, stoppedEarly);
    }

    /// <summary>Improves <paramref name="order"/> (a permutation of the stops, not checked) in place; returns the iterations done.</summary>
    internal static long ImproveInPlace(SequencingProblem problem, int[] order, StopCondition stop, Random random, out bool stoppedEarly)
    {
        var m = order.Length;
        long iterations = 0;
        stoppedEarly = false;
        if (m >= SymmetricMinimumStops && problem.IsSymmetric && !problem.HasWindows)
        {
            var cycle = new int[m + 1];
            order.CopyTo(cycle, 1);
            stoppedEarly = new SymmetricTourSearch(problem).Run(cycle, stop, random, out iterations);
            OpenAtBase(cycle, order);
            if (problem.Lateness(order) > 0)
            {
                Array.Reverse(order);
                if (problem.Lateness(order) > 0 && !stoppedEarly)
                {
                    stoppedEarly = new ConstrainedTourSearch(problem).Run(order, stop, random, iterations, out var more);
                    iterations += more;
                }
            }
        }
        else if (m >= 2)
        {
            stoppedEarly = new ConstrainedTourSearch(problem).Run(order, stop, random, 0, out iterations);
        }

        return iterations;
    }

    /// <summary>
    /// A start order: stops by their last window's latest start (then earliest start, then number) when
    /// the problem has windows, otherwise the nearest-neighbour route from the base.
    /// </summary>
    public static int[] Construct(SequencingProblem problem)
    {
        Guard.NotNull(problem);
        var m = problem.Count - 1;
        if (!problem.HasWindows)
        {
            var cycle = SymmetricTourSearch.NearestNeighbourCycle(problem.Count, problem.Distance);
            return cycle[1..];
        }

        var order = new int[m];
        var keys = new (double Close, double Open, int Node)[m];
        for (var i = 0; i < m; i++)
        {
            var node = i + 1;
            var first = problem.WindowOffsets[node];
            var last = problem.WindowOffsets[node + 1];
            keys[i] = first == last
                ? (double.PositiveInfinity, double.NegativeInfinity, node)
                : (problem.WindowEnd[last - 1], problem.WindowStart[first], node);
        }

        Array.Sort(keys);
        for (var i = 0; i < m; i++)
        {
            order[i] = keys[i].Node;
        }

        return order;
    }

    private static void OpenAtBase(int[] cycle, int[] order)
    {
        var at = Array.IndexOf(cycle, 0);
        for (var s = 0; s < order.Length; s++)
        {
            order[s] = cycle[(at + 1 + s) % cycle.Length];
        }
    }

    private static void CheckPermutation(int count, ReadOnlySpan<int> order)
    {
        Guard.That(order.Length == count - 1, $"The order has {order.Length} stops but the problem has {count - 1}.", nameof(order));
        var seen = new bool[count];
        foreach (var node in order)
        {
            Guard.That(node >= 1 && node < count && !seen[node], $"Stop {node} is out of range or listed twice.", nameof(order));
            seen[node] = true;
        }
    }
}
