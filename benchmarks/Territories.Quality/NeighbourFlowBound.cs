using Territories.Design;

namespace Territories.Quality;

/// <summary>
/// A reference for realignment figures: the least volume of the first attribute that must move when
/// every moved unit goes to a territory next to its own (neighbours in the designer's unit graph under
/// the current alignment) and volume crossing several territories is counted once per hop. It is the
/// cost of a min-cost flow on the territory adjacency graph in which each territory's net outflow
/// lies between its load minus the upper tolerance and its load minus the lower one.
/// </summary>
/// <remarks>
/// Not a lower bound for every plan (a unit may jump to a territory further away through tiny
/// connecting units), but for plans that hand units only across existing borders it is one; the
/// core's <see cref="RealignmentResult.VolumeLowerBound"/> (the summed excess over the tolerance) is
/// the proven bound. Built from the public API only (<see cref="TerritoryDesigner.Neighbours"/> for
/// the graph) with its own flow solver, so it is a check independent of the flow the realignment follows.
/// </remarks>
internal static class NeighbourFlowBound
{
    public static double Compute(DesignInput input, Alignment current, double tolerance)
    {
        var links = new TerritoryDesigner().Neighbours(input).Match(l => l, f => throw new InvalidOperationException(f.ToString()));
        var ids = current.Territories.ToList();
        var index = ids.Select((id, t) => (id, t)).ToDictionary(e => e.id, e => e.t);
        var k = ids.Count;
        var of = new Dictionary<string, int>(StringComparer.Ordinal);
        var load = new double[k];
        foreach (var unit in input.Units)
        {
            if (current.TryGetTerritory(unit.Id, out var t) && index.TryGetValue(t, out var ti))
            {
                of[unit.Id] = ti;
                load[ti] += unit.Attributes[0];
            }
        }

        var adjacent = new bool[k, k];
        foreach (var link in links)
        {
            if (of.TryGetValue(link.From, out var a) && of.TryGetValue(link.To, out var b) && a != b)
            {
                adjacent[a, b] = adjacent[b, a] = true;
            }
        }

        var target = load.Sum() / k;
        return MinCostBalance(adjacent, load, target * (1 - tolerance), target * (1 + tolerance));
    }

    /// <summary>
    /// The least sum of flow × hops between adjacent territories that brings every load within
    /// [<paramref name="lo"/>, <paramref name="hi"/>], as far as the graph allows (what cannot reach a
    /// territory with room stays). Successive shortest paths (Bellman-Ford) from a source to a sink:
    /// the source feeds each territory up to its load minus <paramref name="lo"/>, the part over
    /// <paramref name="hi"/> at a price below any path's hops so that it is sent first; the sink takes
    /// from each up to <paramref name="hi"/> minus its load, the part below <paramref name="lo"/> first.
    /// </summary>
    internal static double MinCostBalance(bool[,] adjacent, double[] load, double lo, double hi)
    {
        var k = load.Length;
        var source = k;
        var sink = k + 1;
        var must = -(2.0 * k + 2);
        var arcs = new List<Arc>();
        var outOf = Enumerable.Range(0, k + 2).Select(_ => new List<int>()).ToArray();
        void Add(int from, int to, double capacity, double cost)
        {
            if (capacity <= 1e-12)
            {
                return;
            }

            outOf[from].Add(arcs.Count);
            arcs.Add(new Arc(to, capacity, cost));
            outOf[to].Add(arcs.Count);
            arcs.Add(new Arc(from, 0, -cost));
        }

        for (var t = 0; t < k; t++)
        {
            Add(source, t, load[t] - hi, must);
            Add(source, t, Math.Min(load[t] - lo, hi - lo), 0);
            Add(t, sink, lo - load[t], must);
            Add(t, sink, Math.Min(hi - load[t], hi - lo), 0);
            for (var u = 0; u < k; u++)
            {
                if (adjacent[t, u])
                {
                    Add(t, u, double.PositiveInfinity, 1);
                }
            }
        }

        var total = 0.0;
        var distance = new double[k + 2];
        var via = new int[k + 2];
        while (true)
        {
            Array.Fill(distance, double.PositiveInfinity);
            Array.Fill(via, -1);
            distance[source] = 0;
            for (var round = 0; round < k + 2; round++)
            {
                var changed = false;
                for (var v = 0; v < k + 2; v++)
                {
                    if (double.IsPositiveInfinity(distance[v]))
                    {
                        continue;
                    }

                    foreach (var a in outOf[v])
                    {
                        var arc = arcs[a];
                        if (arc.Residual > 1e-12 && distance[v] + arc.Cost < distance[arc.To] - 1e-12)
                        {
                            distance[arc.To] = distance[v] + arc.Cost;
                            via[arc.To] = a;
                            changed = true;
                        }
                    }
                }

                if (!changed)
                {
                    break;
                }
            }

            if (double.IsPositiveInfinity(distance[sink]) || distance[sink] >= 0)
            {
                return total;
            }

            var amount = double.PositiveInfinity;
            for (var v = sink; v != source; v = arcs[via[v] ^ 1].To)
            {
                amount = Math.Min(amount, arcs[via[v]].Residual);
            }

            for (var v = sink; v != source; v = arcs[via[v] ^ 1].To)
            {
                var a = via[v];
                arcs[a] = arcs[a] with { Residual = arcs[a].Residual - amount };
                arcs[a ^ 1] = arcs[a ^ 1] with { Residual = arcs[a ^ 1].Residual + amount };
                if (arcs[a].Cost is 1 or -1)
                {
                    total += arcs[a].Cost * amount;
                }
            }
        }
    }

    private readonly record struct Arc(int To, double Residual, double Cost);
}
