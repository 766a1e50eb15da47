namespace Territories.Design;

/// <summary>
/// The baseline: k-means on unit centres with a capacity on the first attribute (units taken in
/// order of distance to a centre, a centre full at the target plus the tolerance), Lloyd iterations.
/// Territories need not be contiguous.
/// </summary>
/// <remarks>O(iterations · n · k). Deterministic for a given random generator.</remarks>
internal static class BalancedKMeans
{
    public static (int[] Of, (double X, double Y)[] Centres) Run(double[] x, double[] y, int[] units, double[] weight, int k, double capacity, Random random, int iterations = 12)
    {
        var n = units.Length;
        var centres = PlusPlus(x, y, units, k, random);
        var of = new int[x.Length];
        Array.Fill(of, -1);
        var candidates = Math.Min(k, 8);
        var pairs = new List<(double D, int Unit, int Centre)>(n * candidates);
        var load = new double[k];
        var dist = new double[k];
        var idx = new int[k];
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            pairs.Clear();
            Array.Clear(load);
            foreach (var i in units)
            {
                var filled = 0;
                for (var c = 0; c < k; c++)
                {
                    var d = Sq(x[i] - centres[c].X) + Sq(y[i] - centres[c].Y);
                    if (filled == candidates && d >= dist[filled - 1])
                    {
                        continue;
                    }

                    var at = filled == candidates ? filled - 1 : filled++;
                    while (at > 0 && dist[at - 1] > d)
                    {
                        dist[at] = dist[at - 1];
                        idx[at] = idx[at - 1];
                        at--;
                    }

                    dist[at] = d;
                    idx[at] = c;
                }

                for (var r = 0; r < candidates; r++)
                {
                    pairs.Add((dist[r], i, idx[r]));
                }

                of[i] = -1;
            }

            pairs.Sort((a, b) => a.D != b.D ? a.D.CompareTo(b.D) : a.Unit != b.Unit ? a.Unit.CompareTo(b.Unit) : a.Centre.CompareTo(b.Centre));
            foreach (var (_, i, c) in pairs)
            {
                if (of[i] < 0 && load[c] + weight[i] <= capacity)
                {
                    of[i] = c;
                    load[c] += weight[i];
                }
            }

            foreach (var i in units)
            {
                if (of[i] >= 0)
                {
                    continue;
                }

                var best = 0;
                for (var c = 1; c < k; c++)
                {
                    if (load[c] < load[best])
                    {
                        best = c;
                    }
                }

                of[i] = best;
                load[best] += weight[i];
            }

            var sx = new double[k];
            var sy = new double[k];
            var count = new int[k];
            foreach (var i in units)
            {
                sx[of[i]] += x[i];
                sy[of[i]] += y[i];
                count[of[i]]++;
            }

            for (var c = 0; c < k; c++)
            {
                if (count[c] > 0)
                {
                    centres[c] = (sx[c] / count[c], sy[c] / count[c]);
                }
            }
        }

        return (of, centres);
    }

    private static (double X, double Y)[] PlusPlus(double[] x, double[] y, int[] units, int k, Random random)
    {
        var centres = new (double X, double Y)[k];
        var first = units[random.Next(units.Length)];
        centres[0] = (x[first], y[first]);
        var d = units.Select(i => Sq(x[i] - x[first]) + Sq(y[i] - y[first])).ToArray();
        for (var c = 1; c < k; c++)
        {
            var total = d.Sum();
            var pick = 0;
            if (total > 0)
            {
                var r = random.NextDouble() * total;
                for (pick = 0; pick < d.Length - 1 && r > d[pick]; pick++)
                {
                    r -= d[pick];
                }
            }
            else
            {
                pick = random.Next(units.Length);
            }

            var u = units[pick];
            centres[c] = (x[u], y[u]);
            for (var j = 0; j < d.Length; j++)
            {
                d[j] = Math.Min(d[j], Sq(x[units[j]] - x[u]) + Sq(y[units[j]] - y[u]));
            }
        }

        return centres;
    }

    private static double Sq(double v) => v * v;
}
