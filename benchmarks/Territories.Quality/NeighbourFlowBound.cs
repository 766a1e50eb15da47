using Territories.Design;

namespace Territories.Quality;

/// <summary>
/// A reference for realignment figures: the least volume of the first attribute that must move when
/// every moved unit goes to a territory next to its own (neighbours in the unit graph under the
/// current alignment) and volume crossing several territories is counted once per hop. It is the
/// cost of a min-cost flow on the territory adjacency graph in which each territory's net outflow
/// lies between its load minus the upper tolerance and its load minus the lower one.
/// </summary>
/// <remarks>
/// Not a lower bound for every plan (a unit may jump to a territory further away through tiny
/// connecting units), but for plans that hand units only across existing borders it is one; the
/// core's <see cref="RealignmentResult.VolumeLowerBound"/> (the summed excess over the tolerance) is
/// the proven bound. The flow is the core's own (<see cref="TerritoryFlow"/>), which the realignment also follows.
/// </remarks>
internal static class NeighbourFlowBound
{
    public static double Compute(DesignInput input, Alignment current, double tolerance)
    {
        var errors = new List<DesignError>();
        var problem = DesignProblem.Create(input, new DesignOptions(), errors) ?? throw new InvalidOperationException("The input is not valid.");
        var ids = current.Territories.ToList();
        var index = ids.Select((id, t) => (id, t)).ToDictionary(e => e.id, e => e.t);
        var k = ids.Count;
        var of = new int[problem.N];
        var load = new double[k];
        for (var i = 0; i < problem.N; i++)
        {
            of[i] = current.TryGetTerritory(problem.Id(i), out var t) && index.TryGetValue(t, out var ti) ? ti : -1;
            if (of[i] >= 0)
            {
                load[of[i]] += problem.Raw[i * problem.M];
            }
        }

        var target = load.Sum() / k;
        var g = problem.Graph;
        var adjacent = new bool[k, k];
        for (var e = 0; e < g.Neighbours.Length; e++)
        {
            var a = of[g.Owner[e]];
            var b = of[g.Neighbours[e]];
            if (a >= 0 && b >= 0 && a != b)
            {
                adjacent[a, b] = true;
            }
        }

        var flow = TerritoryFlow.Solve(adjacent, load, target * (1 - tolerance), target * (1 + tolerance));
        var cost = 0.0;
        foreach (var f in flow)
        {
            cost += Math.Max(0, f);
        }

        return cost;
    }
}
