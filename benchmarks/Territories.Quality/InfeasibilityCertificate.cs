using Territories.Design;

namespace Territories.Quality;

/// <summary>
/// A proof that no balanced connected plan exists: a unit v whose removal cuts off pieces of the graph
/// (each smaller than half) that are too light on some attribute to hold a territory of their own
/// (below the lower tolerance), so all of them must share the one territory that holds v, and those
/// pieces plus v are too heavy on some attribute for that territory (above the upper tolerance).
/// </summary>
/// <remarks>
/// Sound: any territory inside such a piece would fall short, any other territory reaching into it
/// must pass through v, and only one territory holds v. Not complete (deeper nestings of such pieces are not
/// followed). O(units × (units + links)).
/// </remarks>
internal static class InfeasibilityCertificate
{
    /// <returns>The articulation unit, the number of units forced into its territory (with it), and its loads relative to the target; null when no such piece exists.</returns>
    public static (string Unit, int Size, double[] Load)? Find(DesignInput input, IReadOnlyList<(string A, string B, double D)> edges, int territories, double tolerance)
    {
        var units = input.Units;
        var n = units.Length;
        var m = input.AttributeNames.Length;
        var index = units.Select((u, i) => (u.Id, i)).ToDictionary(e => e.Id, e => e.i, StringComparer.Ordinal);
        var adjacency = Enumerable.Range(0, n).Select(_ => new List<int>()).ToArray();
        foreach (var (a, b, _) in edges)
        {
            adjacency[index[a]].Add(index[b]);
            adjacency[index[b]].Add(index[a]);
        }

        var target = new double[m];
        foreach (var u in units)
        {
            for (var k = 0; k < m; k++)
            {
                target[k] += u.Attributes[k] / territories;
            }
        }

        var seen = new int[n];
        var stamp = 0;
        var stack = new Stack<int>();
        for (var v = 0; v < n; v++)
        {
            stamp++;
            seen[v] = stamp;
            var forced = new double[m];
            var forcedUnits = 1;
            for (var k = 0; k < m; k++)
            {
                forced[k] = units[v].Attributes[k] / target[k];
            }

            foreach (var s in adjacency[v])
            {
                if (seen[s] == stamp)
                {
                    continue;
                }

                var piece = new List<int> { s };
                seen[s] = stamp;
                stack.Push(s);
                while (stack.Count > 0)
                {
                    var u = stack.Pop();
                    foreach (var x in adjacency[u].Where(x => seen[x] != stamp))
                    {
                        seen[x] = stamp;
                        piece.Add(x);
                        stack.Push(x);
                    }
                }

                if (piece.Count > n / 2)
                {
                    continue;
                }

                var load = new double[m];
                foreach (var u in piece)
                {
                    for (var k = 0; k < m; k++)
                    {
                        load[k] += units[u].Attributes[k] / target[k];
                    }
                }

                // Too light to hold a territory of its own: the whole piece joins the territory holding v.
                if (load.Min() < 1 - tolerance)
                {
                    forcedUnits += piece.Count;
                    for (var k = 0; k < m; k++)
                    {
                        forced[k] += load[k];
                    }
                }
            }

            if (forcedUnits > 1 && forced.Max() > 1 + tolerance)
            {
                return (units[v].Id, forcedUnits, forced);
            }
        }

        return null;
    }
}
