namespace Territories.Mix;

/// <summary>
/// The Balinski–Young quota method with minimum and maximum restrictions: every party starts at its
/// minimum; each further unit goes, among the parties below their maximum that would stay within
/// their upper quota at the new total, to the one with the highest D'Hondt priority
/// <c>weight / (units + 1)</c>, ties to the lower index. When maximums leave no such party, the unit
/// goes to the highest priority among the parties below their maximum.
/// </summary>
/// <remarks>
/// <para>
/// Exact: the result adds up to the total, or the method says the total is infeasible. House
/// monotone by construction: the allocation for <c>h + 1</c> units is that for <c>h</c> plus one
/// unit. Within quota when no minimum or maximum binds: each party gets its exact quota
/// <c>total × weight / Σ weight</c> rounded down or up (Balinski and Young, "The Quota Method of
/// Apportionment", American Mathematical Monthly 82, 1975), which plain divisor methods such as
/// Sainte-Laguë do not guarantee. Callers sort parties by id so that the result does not depend on
/// input order.
/// </para>
/// <para>Complexity O(h log k) for h units over k parties (O(h k) for the units placed only because maximums bind).</para>
/// </remarks>
internal static class Apportionment
{
    private const long Never = long.MaxValue / 4;

    /// <summary>Apportions <paramref name="total"/> units; null when the minimums exceed the total or the maximums fall short of it.</summary>
    public static long[]? Allocate(IReadOnlyList<double> weights, long total, IReadOnlyList<long> minimums, IReadOnlyList<long> maximums)
    {
        weights = Scaled(weights);
        var k = weights.Count;
        var units = new long[k];
        long assigned = 0;
        long room = 0;
        var weightSum = 0.0;
        for (var i = 0; i < k; i++)
        {
            if (minimums[i] > maximums[i])
            {
                return null;
            }

            units[i] = minimums[i];
            assigned += minimums[i];
            weightSum += weights[i];
            if (room < total)
            {
                // Saturate: unbounded parties carry a huge maximum, and only "room >= total" matters.
                room += maximums[i] - minimums[i];
            }
        }

        if (assigned > total || assigned + room < total)
        {
            return null;
        }

        // Parties within their upper quota at the next total, by priority; the others by the total at which they will be.
        var eligible = new PriorityQueue<int, (double Priority, int Index)>(k, PriorityOrder.Instance);
        var waiting = new PriorityQueue<int, (long House, int Index)>(k);
        var house = assigned;

        bool WithinQuota(int i, long size) => units[i] * weightSum < weights[i] * size;

        long EligibleFrom(int i)
        {
            if (weights[i] <= 0)
            {
                return Never;
            }

            var estimate = units[i] * weightSum / weights[i];
            if (estimate >= Never)
            {
                return Never;
            }

            var size = Math.Max(house + 1, (long)Math.Floor(estimate) + 1);
            while (size < Never && !WithinQuota(i, size))
            {
                size++;
            }

            return size;
        }

        void Place(int i)
        {
            if (units[i] >= maximums[i])
            {
                return;
            }

            var from = EligibleFrom(i);
            if (from <= house + 1)
            {
                eligible.Enqueue(i, (Priority(weights[i], units[i]), i));
            }
            else
            {
                waiting.Enqueue(i, (from, i));
            }
        }

        for (var i = 0; i < k; i++)
        {
            Place(i);
        }

        while (house < total)
        {
            while (waiting.TryPeek(out var next, out var key) && key.House <= house + 1)
            {
                waiting.Dequeue();
                if (WithinQuota(next, house + 1))
                {
                    eligible.Enqueue(next, (Priority(weights[next], units[next]), next));
                }
                else
                {
                    waiting.Enqueue(next, (house + 2, next));
                }
            }

            var chosen = eligible.Count > 0 ? eligible.Dequeue() : TakeBestWaiting(waiting, weights, units);
            units[chosen]++;
            house++;
            Place(chosen);
        }

        return units;
    }

    /// <summary>When maximums bind, no party within quota can take the unit: the highest priority among the rest takes it.</summary>
    private static int TakeBestWaiting(PriorityQueue<int, (long House, int Index)> waiting, IReadOnlyList<double> weights, long[] units)
    {
        var all = waiting.UnorderedItems.ToList();
        var best = all.MinBy(x => (Priority: -Priority(weights[x.Element], units[x.Element]), x.Element)).Element;
        waiting.Clear();
        foreach (var (element, priority) in all.Where(x => x.Element != best))
        {
            waiting.Enqueue(element, priority);
        }

        return best;
    }

    private static double Priority(double weight, long units) => weight / (units + 1);

    /// <summary>Weights whose sum overflows (say 1e308 each) divided by the largest, so that the sum is finite; others as given.</summary>
    private static IReadOnlyList<double> Scaled(IReadOnlyList<double> weights)
    {
        if (double.IsFinite(weights.Sum()))
        {
            return weights;
        }

        var max = weights.Max();
        return [.. weights.Select(w => w / max)];
    }

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
