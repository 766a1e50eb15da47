using Territories.Internal;

namespace Territories.Design;

/// <summary>
/// How much volume should cross each border between neighbouring territories so that every
/// territory ends inside its band at the least volume × hops: a min-cost flow on the territory
/// adjacency graph where each territory must send its excess over the band, must receive its
/// shortfall under it, and may send or receive more within the band.
/// </summary>
/// <remarks>
/// Successive shortest paths with Bellman-Ford on K + 2 nodes; mandatory supply and demand arcs carry
/// a large negative cost, so they are served first and optional ones only when they shorten a
/// route. O(paths × K × arcs), small for the territory counts of a plan; the stop condition bounds it
/// for very many territories. Deterministic when not stopped.
/// </remarks>
internal static class TerritoryFlow
{
    private const double Big = 1e6;

    /// <summary>The flow on each ordered pair of neighbouring territories (k × k, row = from).</summary>
    /// <param name="adjacent">Whether two territories share a border (k × k).</param>
    /// <param name="load">Each territory's load.</param>
    /// <param name="lo">The lower end of the band.</param>
    /// <param name="hi">The upper end of the band.</param>
    /// <param name="stop">Ends the search early (the flow found so far is returned); null never stops.</param>
    public static double[,] Solve(bool[,] adjacent, double[] load, double lo, double hi, StopCondition? stop = null)
    {
        var k = load.Length;
        var arcs = new List<Arc>();
        var source = k;
        var sink = k + 1;
        for (var a = 0; a < k; a++)
        {
            for (var b = 0; b < k; b++)
            {
                if (a != b && adjacent[a, b])
                {
                    AddArc(arcs, a, b, double.PositiveInfinity, 1);
                }
            }

            var mustSend = Math.Max(0, load[a] - hi);
            var maySend = Math.Max(0, load[a] - lo) - mustSend;
            var mustTake = Math.Max(0, lo - load[a]);
            var mayTake = Math.Max(0, hi - load[a]) - mustTake;
            AddArc(arcs, source, a, mustSend, -Big);
            AddArc(arcs, source, a, maySend, 0);
            AddArc(arcs, a, sink, mustTake, -Big);
            AddArc(arcs, a, sink, mayTake, 0);
        }

        var flow = new double[k, k];
        var n = k + 2;
        var dist = new double[n];
        var via = new int[n];
        for (var path = 0; path < 100 * n && stop?.ShouldInterrupt() != true; path++)
        {
            Array.Fill(dist, double.PositiveInfinity);
            Array.Fill(via, -1);
            dist[source] = 0;
            for (var round = 0; round < n; round++)
            {
                var changed = false;
                for (var q = 0; q < arcs.Count; q++)
                {
                    var arc = arcs[q];
                    if (arc.Capacity > 1e-12 && dist[arc.From] + arc.Cost < dist[arc.To] - 1e-9)
                    {
                        dist[arc.To] = dist[arc.From] + arc.Cost;
                        via[arc.To] = q;
                        changed = true;
                    }
                }

                if (!changed)
                {
                    break;
                }
            }

            if (double.IsPositiveInfinity(dist[sink]) || dist[sink] >= -1e-9)
            {
                break;
            }

            var push = double.PositiveInfinity;
            for (var v = sink; v != source; v = arcs[via[v]].From)
            {
                push = Math.Min(push, arcs[via[v]].Capacity);
            }

            for (var v = sink; v != source; v = arcs[via[v]].From)
            {
                var q = via[v];
                arcs[q] = arcs[q] with { Capacity = arcs[q].Capacity - push };
                arcs[q ^ 1] = arcs[q ^ 1] with { Capacity = arcs[q ^ 1].Capacity + push };
                var (from, to) = (arcs[q].From, arcs[q].To);
                if (from < k && to < k)
                {
                    // A reverse arc cancels flow the other way.
                    if (arcs[q].Cost > 0)
                    {
                        flow[from, to] += push;
                    }
                    else
                    {
                        flow[to, from] -= push;
                    }
                }
            }
        }

        return flow;
    }

    private static void AddArc(List<Arc> arcs, int from, int to, double capacity, double cost)
    {
        arcs.Add(new Arc(from, to, capacity, cost));
        arcs.Add(new Arc(to, from, 0, -cost));
    }

    private readonly record struct Arc(int From, int To, double Capacity, double Cost);
}
