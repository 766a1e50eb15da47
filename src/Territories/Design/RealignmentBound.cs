namespace Territories.Design;

/// <summary>
/// The lower bound on the volume a realignment must move (<see cref="RealignmentResult.VolumeLowerBound"/>):
/// the volume of removed territories, plus per attribute the larger of what must leave territories
/// above the band (each excess rounded up to whole units) and what must enter those below it, net of
/// new and freed volume.
/// </summary>
/// <remarks>
/// Sound for every balanced plan, contiguous or not. O(units) plus a branch and bound of at most
/// 200,000 steps per territory above the band.
/// </remarks>
internal static class RealignmentBound
{
    /// <summary>Per attribute, in the attribute's own units: the volume any balanced realignment of <paramref name="original"/> into <paramref name="k"/> territories must move.</summary>
    public static double[] Volume(DesignProblem problem, DesignEngine engine, int[] original, bool[] removedTerritory, int k)
    {
        var m = problem.M;
        var load = new double[k * m];
        var removed = new double[m];
        var free = new double[m];
        for (var i = 0; i < problem.N; i++)
        {
            for (var a = 0; a < m; a++)
            {
                var w = engine.Normalised[(i * m) + a];
                if (original[i] >= 0)
                {
                    load[(original[i] * m) + a] += w;
                }
                else if (removedTerritory[i])
                {
                    removed[a] += w;
                    free[a] += w;
                }
                else
                {
                    free[a] += w;
                }
            }
        }

        // The units that can leave each territory (locked units never move).
        var movable = Enumerable.Range(0, k).Select(_ => new List<int>()).ToArray();
        for (var i = 0; i < problem.N; i++)
        {
            if (original[i] >= 0 && !engine.Fixed[i])
            {
                movable[original[i]].Add(i);
            }
        }

        var bound = new double[m];
        for (var a = 0; a < m; a++)
        {
            double excess = 0, deficit = 0;
            for (var t = 0; t < k; t++)
            {
                var over = load[(t * m) + a] - engine.Hi[a];
                if (over > 0)
                {
                    // Whole units leave, so the excess is rounded up to the least sum of the territory's
                    // movable units that reaches it (which matters with coarse units such as counties).
                    excess += LeastSumReaching(movable[t].Select(i => engine.Normalised[(i * m) + a]), over);
                }

                deficit += Math.Max(0, engine.Lo[a] - load[(t * m) + a]);
            }

            bound[a] = (removed[a] + Math.Max(0, Math.Max(excess, deficit - free[a]))) * engine.Target[a];
        }

        return bound;
    }

    /// <summary>
    /// A lower bound on the least sum of a subset of <paramref name="values"/> that reaches
    /// <paramref name="goal"/>: that least sum by branch and bound over the values in decreasing order
    /// (at most 200,000 steps), or <paramref name="goal"/> itself when the search is cut short or a sum
    /// within 1e-6 of it exists (so always sound).
    /// </summary>
    public static double LeastSumReaching(IEnumerable<double> values, double goal)
    {
        // The excess comes from a subtraction of loads: a sum equal to it up to rounding reaches it.
        goal -= 1e-9 * Math.Max(1, goal);
        var v = values.Where(x => x > 0).OrderDescending().ToArray();
        var suffix = new double[v.Length + 1];
        for (var i = v.Length - 1; i >= 0; i--)
        {
            suffix[i] = suffix[i + 1] + v[i];
        }

        if (suffix[0] < goal)
        {
            return goal;
        }

        var best = suffix[0];
        var steps = 0;
        var complete = Search(0, 0);
        return complete && best > goal * (1 + 1e-6) ? best : goal;

        bool Search(int i, double sum)
        {
            if (++steps > 200_000)
            {
                return false;
            }

            if (sum >= goal)
            {
                best = Math.Min(best, sum);
                return true;
            }

            if (i == v.Length || sum + suffix[i] < goal || sum >= best || best <= goal * (1 + 1e-6))
            {
                return true;
            }

            return Search(i + 1, sum + v[i]) && Search(i + 1, sum);
        }
    }
}
