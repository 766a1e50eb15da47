using System.Numerics;
using Territories.IO.Pvrp;

namespace Territories.OrTools;

/// <summary>
/// Chooses one allowed combination per customer before routing, since OR-Tools has no visit patterns:
/// a greedy that balances each day's estimated work and load and puts a customer on the days where
/// its nearest already-placed neighbours are.
/// </summary>
/// <remarks>
/// Customers go most constrained first (fewest combinations, then most visits, biggest demand, longest
/// service, id). A combination scores the sum over its days of the distance to the nearest customer
/// already on that day (the depot when the day is empty), plus a penalty, in units of the mean depot
/// distance, of <c>balance</c> per unit of relative overflow of the day's work (service plus the mean
/// distance to the two nearest customers) or load above the per-day average, of 100 per unit above 85 %
/// of the day's capacity (m·Q, and m·D less a return trip to the mean depot distance per vehicle), and a prohibitive one where the day's load would pass m·Q or its
/// work m·D. Each day's capacities are scaled by its <c>dayShare</c> (1 at first; lowered on days where
/// the router had to drop visits). Deterministic; O(n² + n·a·f·n/t).
/// </remarks>
internal static class PatternChooser
{
    /// <summary>The share of a day's capacity (m·D, m·Q) above which a day is penalised hard.</summary>
    private const double Tight = 0.85;

    public static int[] Choose(CordeauInstance instance, double balance, IReadOnlyList<double> dayShare)
    {
        var n = instance.Customers;
        var t = instance.Days;
        var nodes = instance.Nodes;
        double Dist(int a, int b) => Math.Sqrt(((nodes[a].X - nodes[b].X) * (nodes[a].X - nodes[b].X)) + ((nodes[a].Y - nodes[b].Y) * (nodes[a].Y - nodes[b].Y)));
        int Visits(int c) => BitOperations.PopCount((uint)nodes[c].Codes[0]);
        var work = new double[n + 1];
        for (var c = 1; c <= n; c++)
        {
            double first = double.MaxValue, second = double.MaxValue;
            for (var o = 1; o <= n; o++)
            {
                if (o == c)
                {
                    continue;
                }

                var d = Dist(c, o);
                if (d < first)
                {
                    (first, second) = (d, first);
                }
                else if (d < second)
                {
                    second = d;
                }
            }

            work[c] = nodes[c].Service + (n > 2 ? (first + second) / 2 : Dist(0, c));
        }

        var targetWork = Enumerable.Range(1, n).Sum(c => Visits(c) * work[c]) / t;
        var targetLoad = Math.Max(Enumerable.Range(1, n).Sum(c => Visits(c) * nodes[c].Demand) / t, 1e-9);
        var capLoad = instance.Vehicles * instance.Capacity;
        var scale = Enumerable.Range(1, n).Average(c => Dist(0, c));
        var capWork = instance.MaxDuration > 0 ? instance.Vehicles * (instance.MaxDuration - (2 * scale)) : double.MaxValue;
        var members = Enumerable.Range(0, t).Select(_ => new List<int>()).ToArray();
        var dayWork = new double[t];
        var dayLoad = new double[t];
        var chosen = new int[n + 1];
        var order = Enumerable.Range(1, n)
            .OrderBy(c => nodes[c].Codes.Length).ThenByDescending(Visits).ThenByDescending(c => nodes[c].Demand)
            .ThenByDescending(c => nodes[c].Service).ThenBy(c => c);
        foreach (var c in order)
        {
            var bestScore = double.MaxValue;
            foreach (var code in nodes[c].Codes.Distinct().Order())
            {
                var score = 0.0;
                for (var d = 0; d < t; d++)
                {
                    if (((code >> (t - 1 - d)) & 1) == 0)
                    {
                        continue;
                    }

                    var near = members[d].Count == 0 ? Dist(0, c) : members[d].Min(o => Dist(o, c));
                    var w = dayWork[d] + work[c];
                    var l = dayLoad[d] + nodes[c].Demand;
                    score += near + (balance * scale * ((Math.Max(0, w - targetWork) / targetWork) + (Math.Max(0, l - targetLoad) / targetLoad)));
                    score += 100 * scale * ((Math.Max(0, w - (Tight * dayShare[d] * capWork)) / targetWork) + (Math.Max(0, l - (Tight * dayShare[d] * capLoad)) / targetLoad));
                    if (l > (dayShare[d] * capLoad) + 1e-9 || w > dayShare[d] * capWork)
                    {
                        score += 1e9;
                    }
                }

                if (score < bestScore)
                {
                    bestScore = score;
                    chosen[c] = code;
                }
            }

            for (var d = 0; d < t; d++)
            {
                if (((chosen[c] >> (t - 1 - d)) & 1) == 1)
                {
                    members[d].Add(c);
                    dayWork[d] += work[c];
                    dayLoad[d] += nodes[c].Demand;
                }
            }
        }

        return chosen;
    }
}
