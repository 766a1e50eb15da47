namespace Territories.Mix;

/// <summary>
/// The Sainte-Laguë (Webster) divisor method with minimum and maximum restrictions, computed by the
/// highest-averages procedure: every party starts at its minimum, then each further unit goes to the
/// party below its maximum with the highest priority <c>weight / (units + 0.5)</c>, ties to the lower index.
/// </summary>
/// <remarks>
/// Exact: the result adds up to the total, or the method says the total is infeasible. House
/// monotone: the allocation for <c>h + 1</c> units is that for <c>h</c> plus one unit, so more units
/// never give a party fewer. Callers sort parties by id so that the result does not depend on input
/// order. Complexity O(h log k) for h units over k parties.
/// </remarks>
internal static class Apportionment
{
    /// <summary>Apportions <paramref name="total"/> units; null when the minimums exceed the total or the maximums fall short of it.</summary>
    public static long[]? Webster(IReadOnlyList<double> weights, long total, IReadOnlyList<long> minimums, IReadOnlyList<long> maximums)
    {
        var k = weights.Count;
        var units = new long[k];
        long assigned = 0;
        long room = 0;
        for (var i = 0; i < k; i++)
        {
            units[i] = minimums[i];
            assigned += minimums[i];
            if (room < total)
            {
                // Saturate: unbounded parties carry a huge maximum, and only "room >= total" matters.
                room += Math.Max(0, maximums[i] - minimums[i]);
            }

            if (minimums[i] > maximums[i])
            {
                return null;
            }
        }

        if (assigned > total || assigned + room < total)
        {
            return null;
        }

        var queue = new PriorityQueue<int, (double Priority, int Index)>(k, PriorityOrder.Instance);
        for (var i = 0; i < k; i++)
        {
            if (units[i] < maximums[i])
            {
                queue.Enqueue(i, (Priority(weights[i], units[i]), i));
            }
        }

        for (var left = total - assigned; left > 0; left--)
        {
            var i = queue.Dequeue();
            units[i]++;
            if (units[i] < maximums[i])
            {
                queue.Enqueue(i, (Priority(weights[i], units[i]), i));
            }
        }

        return units;
    }

    private static double Priority(double weight, long units) => weight / (units + 0.5);

    /// <summary>Highest priority first, then lowest index.</summary>
    private sealed class PriorityOrder : IComparer<(double Priority, int Index)>
    {
        public static readonly PriorityOrder Instance = new();

        public int Compare((double Priority, int Index) x, (double Priority, int Index) y)
        {
            var c = y.Priority.CompareTo(x.Priority);
            return c != 0 ? c : x.Index.CompareTo(y.Index);
        }
    }
}
