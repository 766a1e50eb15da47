using Territories.Model;
using Territories.Spatial;
using Territories.Travel;

namespace Territories.Workload;

/// <summary>
/// Each point's local leg: the mean travel time to its two nearest other distinct locations, the
/// length of the leg a route through dense enough visits takes into and out of it.
/// </summary>
/// <remarks>
/// Candidates come from a uniform grid over the points' local projection (<see cref="LocalProjection"/>),
/// searched ring by ring until no nearer cell can hold a closer point; the times themselves
/// come from the travel model. O(n) expected for points spread over a region; deterministic.
/// </remarks>
internal static class LocalLegs
{
    public static double[] Seconds(IReadOnlyList<GeoPoint> points, ITravelModel travel)
    {
        var n = points.Count;
        var legs = new double[n];
        if (n < 2)
        {
            return legs;
        }

        double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
        var projection = LocalProjection.Centred([.. points.Select(p => (p.Longitude, p.Latitude))]);
        var xs = new double[n];
        var ys = new double[n];
        for (var i = 0; i < n; i++)
        {
            (xs[i], ys[i]) = projection.Project(points[i].Longitude, points[i].Latitude);
            minX = Math.Min(minX, xs[i]);
            minY = Math.Min(minY, ys[i]);
            maxX = Math.Max(maxX, xs[i]);
            maxY = Math.Max(maxY, ys[i]);
        }

        var extent = Math.Max(Math.Max(maxX - minX, maxY - minY), 1e-9);
        var side = Math.Max(1, (int)Math.Ceiling(Math.Sqrt(n / 2.0)));
        var cell = extent / side;
        var cells = new Dictionary<long, List<int>>();
        for (var i = 0; i < n; i++)
        {
            var key = Key(Cx(i), Cy(i));
            if (!cells.TryGetValue(key, out var list))
            {
                cells[key] = list = [];
            }

            list.Add(i);
        }

        for (var i = 0; i < n; i++)
        {
            double best1 = double.MaxValue, best2 = double.MaxValue;
            int b1 = -1, b2 = -1;
            int cx = Cx(i), cy = Cy(i);
            for (var ring = 0; ring <= side + 1; ring++)
            {
                for (var gx = cx - ring; gx <= cx + ring; gx++)
                {
                    for (var gy = cy - ring; gy <= cy + ring; gy++)
                    {
                        if (Math.Max(Math.Abs(gx - cx), Math.Abs(gy - cy)) != ring || !cells.TryGetValue(Key(gx, gy), out var list))
                        {
                            continue;
                        }

                        foreach (var j in list)
                        {
                            var dx = xs[j] - xs[i];
                            var dy = ys[j] - ys[i];
                            var d = (dx * dx) + (dy * dy);
                            if (d <= 0)
                            {
                                continue;
                            }

                            if (d < best1 || (d == best1 && j < b1))
                            {
                                (best2, b2) = (best1, b1);
                                (best1, b1) = (d, j);
                            }
                            else if (d < best2 || (d == best2 && j < b2))
                            {
                                (best2, b2) = (d, j);
                            }
                        }
                    }
                }

                // Any point in ring r + 1 or beyond is at least r cells away.
                var reach = ring * cell;
                if (b2 >= 0 && reach * reach >= best2)
                {
                    break;
                }
            }

            legs[i] = b1 < 0 ? 0
                : b2 < 0 ? travel.Duration(points[i], points[b1]).TotalSeconds
                : (travel.Duration(points[i], points[b1]).TotalSeconds + travel.Duration(points[i], points[b2]).TotalSeconds) / 2;
        }

        return legs;

        int Cx(int i) => Math.Min(side - 1, (int)((xs[i] - minX) / cell));
        int Cy(int i) => Math.Min(side - 1, (int)((ys[i] - minY) / cell));
        static long Key(int x, int y) => ((long)x << 32) ^ (uint)y;
    }
}
