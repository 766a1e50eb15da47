using NetTopologySuite.Geometries;

namespace Territories.Spatial;

/// <summary>
/// The rings of one territory as flat edge arrays bucketed by horizontal bands, for an exact
/// crossing-number point-in-polygon test that looks only at the edges of the band the point is in.
/// </summary>
/// <remarks>
/// Every edge is stored canonically (lower endpoint first), so two territories that share an edge
/// evaluate the crossing with identical numbers and a point next to (or on) the shared edge is
/// claimed by exactly one of them. The half-open rule (an edge counts when <c>y1 ≤ y &lt; y2</c> and
/// the point lies strictly west of the crossing) puts a point on a shared edge in the territory to its
/// east, or to its north for an east–west edge. Immutable after construction; thread-safe.
/// </remarks>
internal sealed class EdgeBands
{
    private readonly double _invBandHeight;
    private readonly int _bandCount;
    private readonly int[] _bandStart;
    private readonly double[] _bandEdges;

    // Every edge, horizontal ones included, for the on-boundary test: x1, y1, x2, y2.
    private readonly double[] _edges;

    private EdgeBands(double[] edges, double minX, double minY, double maxX, double maxY)
    {
        _edges = edges;
        MinX = minX;
        MinY = minY;
        MaxX = maxX;
        MaxY = maxY;
        var edgeCount = edges.Length / 4;
        _bandCount = Math.Max(1, edgeCount);
        var height = maxY - minY;
        _invBandHeight = height > 0 ? _bandCount / height : 0;

        var counts = new int[_bandCount + 1];
        for (var e = 0; e < edgeCount; e++)
        {
            if (edges[(4 * e) + 1] == edges[(4 * e) + 3])
            {
                continue;
            }

            var (b0, b1) = (Band(edges[(4 * e) + 1]), Band(edges[(4 * e) + 3]));
            for (var b = b0; b <= b1; b++)
            {
                counts[b + 1]++;
            }
        }

        for (var b = 0; b < _bandCount; b++)
        {
            counts[b + 1] += counts[b];
        }

        _bandStart = counts;
        _bandEdges = new double[4 * counts[_bandCount]];
        var fill = (int[])counts.Clone();
        for (var e = 0; e < edgeCount; e++)
        {
            if (edges[(4 * e) + 1] == edges[(4 * e) + 3])
            {
                continue;
            }

            var (b0, b1) = (Band(edges[(4 * e) + 1]), Band(edges[(4 * e) + 3]));
            for (var b = b0; b <= b1; b++)
            {
                Array.Copy(edges, 4 * e, _bandEdges, 4 * fill[b]++, 4);
            }
        }
    }

    public double MinX { get; }

    public double MinY { get; }

    public double MaxX { get; }

    public double MaxY { get; }

    /// <summary>All edges as x1, y1, x2, y2 with y1 ≤ y2.</summary>
    public ReadOnlySpan<double> Edges => _edges;

    public int EdgeCount => _edges.Length / 4;

    /// <summary>Builds the bands of a polygonal geometry; null when it has no ring with area.</summary>
    public static EdgeBands? Create(Geometry geometry)
    {
        var edges = new List<double>();
        double minX = double.PositiveInfinity, minY = double.PositiveInfinity;
        double maxX = double.NegativeInfinity, maxY = double.NegativeInfinity;
        foreach (var ring in Rings(geometry))
        {
            var seq = ring.CoordinateSequence;
            for (var i = 0; i + 1 < seq.Count; i++)
            {
                double x1 = seq.GetX(i), y1 = seq.GetY(i), x2 = seq.GetX(i + 1), y2 = seq.GetY(i + 1);
                if (x1 == x2 && y1 == y2)
                {
                    continue;
                }

                if (y2 < y1 || (y2 == y1 && x2 < x1))
                {
                    (x1, y1, x2, y2) = (x2, y2, x1, y1);
                }

                edges.Add(x1);
                edges.Add(y1);
                edges.Add(x2);
                edges.Add(y2);
                minX = Math.Min(minX, Math.Min(x1, x2));
                maxX = Math.Max(maxX, Math.Max(x1, x2));
                minY = Math.Min(minY, y1);
                maxY = Math.Max(maxY, y2);
            }
        }

        return edges.Count == 0 || !(maxY > minY) || !(maxX > minX) ? null : new EdgeBands([.. edges], minX, minY, maxX, maxY);
    }

    /// <summary>The linear rings (shells and holes) of every polygon in <paramref name="geometry"/>.</summary>
    public static IEnumerable<LineString> Rings(Geometry geometry)
    {
        for (var i = 0; i < geometry.NumGeometries; i++)
        {
            switch (geometry.GetGeometryN(i))
            {
                case Polygon p when !p.IsEmpty:
                    yield return p.ExteriorRing;
                    foreach (var hole in p.InteriorRings)
                    {
                        yield return hole;
                    }

                    break;
                case GeometryCollection c when c != geometry:
                    foreach (var r in Rings(c))
                    {
                        yield return r;
                    }

                    break;
            }
        }
    }

    /// <summary>Whether the point is inside by the half-open crossing rule (see the type's remarks).</summary>
    public bool Contains(double x, double y)
    {
        if (!(y >= MinY && y < MaxY && x >= MinX && x < MaxX))
        {
            return false;
        }

        var b = Band(y);
        var inside = false;
        var edges = _bandEdges;
        for (int i = 4 * _bandStart[b], end = 4 * _bandStart[b + 1]; i < end; i += 4)
        {
            double y1 = edges[i + 1], y2 = edges[i + 3];
            if (y1 <= y && y < y2)
            {
                double x1 = edges[i], x2 = edges[i + 2];
                if (x < x1 + ((y - y1) * (x2 - x1) / (y2 - y1)))
                {
                    inside = !inside;
                }
            }
        }

        return inside;
    }

    /// <summary>Whether the point lies exactly on an edge.</summary>
    public bool OnBoundary(double x, double y)
    {
        if (!(y >= MinY && y <= MaxY && x >= MinX && x <= MaxX))
        {
            return false;
        }

        var edges = _edges;
        for (var i = 0; i < edges.Length; i += 4)
        {
            double x1 = edges[i], y1 = edges[i + 1], x2 = edges[i + 2], y2 = edges[i + 3];
            if (y < y1 || y > y2 || x < Math.Min(x1, x2) || x > Math.Max(x1, x2))
            {
                continue;
            }

            if (((x2 - x1) * (y - y1)) - ((y2 - y1) * (x - x1)) == 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The x of every crossing of the horizontal line at <paramref name="y"/> (half-open rule), unsorted.</summary>
    public void Crossings(double y, List<double> into)
    {
        if (!(y >= MinY && y < MaxY))
        {
            return;
        }

        var b = Band(y);
        var edges = _bandEdges;
        for (int i = 4 * _bandStart[b], end = 4 * _bandStart[b + 1]; i < end; i += 4)
        {
            double y1 = edges[i + 1], y2 = edges[i + 3];
            if (y1 <= y && y < y2)
            {
                double x1 = edges[i], x2 = edges[i + 2];
                into.Add(x1 + ((y - y1) * (x2 - x1) / (y2 - y1)));
            }
        }
    }

    private int Band(double y)
    {
        var b = (int)((y - MinY) * _invBandHeight);
        return b < 0 ? 0 : b >= _bandCount ? _bandCount - 1 : b;
    }
}
