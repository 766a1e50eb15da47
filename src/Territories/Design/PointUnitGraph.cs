using System.Collections.Immutable;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.OverlayNG;
using NetTopologySuite.Triangulate;
using Territories.Internal;
using Territories.Model;
using Territories.Spatial;

namespace Territories.Design;

/// <summary>
/// The graph of point units: Delaunay links (long ones dropped) and each unit's cell, its share of the
/// triangles, whose shared edges give the border lengths and whose union draws territory boundaries.
/// </summary>
internal static class PointUnitGraph
{
    public static UnitGraph Build(ImmutableArray<DesignUnit> units, LocalProjection projection, double? maxLinkLength, List<DesignError> errors, StopCondition? stop)
    {
        var n = units.Length;
        var x = new double[n];
        var y = new double[n];
        var bad = new List<string>();
        for (var i = 0; i < n; i++)
        {
            var c = UnitGraphBuilder.Centre(units[i])!.Value;
            if (!double.IsFinite(c.X) || !double.IsFinite(c.Y))
            {
                bad.Add(units[i].Id);
                continue;
            }

            (x[i], y[i]) = projection.Project(c.X, c.Y);
        }

        if (bad.Count > 0)
        {
            // The input check has named each such unit already; report only those it has not.
            var reported = errors.Where(e => e.Code == DesignErrorCode.InvalidGeometry).SelectMany(e => e.Ids).ToHashSet(StringComparer.Ordinal);
            var unreported = bad.Where(id => !reported.Contains(id)).ToList();
            if (unreported.Count > 0)
            {
                errors.Add(new DesignError(DesignErrorCode.InvalidGeometry, ItemRef.Units(unreported), "Location", null,
                    $"{unreported.Count} unit location(s) are not finite; first: {unreported[0]}."));
            }

            return new UnitGraph(n, []);
        }

        // Units at the same place share one site; they are linked to each other and the first holds the cell.
        var siteOf = new Dictionary<(double, double), int>();
        var edges = new List<(int, int, double)>();
        var sites = new List<Coordinate>();
        for (var i = 0; i < n; i++)
        {
            if (siteOf.TryGetValue((x[i], y[i]), out var first))
            {
                edges.Add((first, i, 0));
            }
            else
            {
                siteOf[(x[i], y[i])] = i;
                sites.Add(new Coordinate(x[i], y[i]));
            }
        }

        var area = new double[n];
        var perimeter = new double[n];
        var shapes = new Geometry?[n];
        if (sites.Count < 3 || IsCollinear(sites))
        {
            var order = Enumerable.Range(0, n).OrderBy(i => x[i]).ThenBy(i => y[i]).ThenBy(i => i).ToArray();
            for (var k = 1; k < order.Length; k++)
            {
                edges.Add((order[k - 1], order[k], 0));
            }

            return new UnitGraph(n, edges) { X = x, Y = y, Projection = projection };
        }

        var factory = Geometries.Factory;
        var delaunay = new DelaunayTriangulationBuilder();
        delaunay.SetSites(sites);
        UnitGraphBuilder.Poll(stop, 0);
        var (lines, triangles) = Triangulate(delaunay, factory, stop);
        var lengths = new List<double>(lines.NumGeometries);
        for (var k = 0; k < lines.NumGeometries; k++)
        {
            UnitGraphBuilder.Poll(stop, k);
            var line = (LineString)lines.GetGeometryN(k);
            var a = siteOf[(line.StartPoint.X, line.StartPoint.Y)];
            var b = siteOf[(line.EndPoint.X, line.EndPoint.Y)];
            lengths.Add(line.Length);
            if (maxLinkLength is null || line.Length <= maxLinkLength.Value)
            {
                edges.Add((a, b, 0));
            }
        }

        lengths.Sort();
        var margin = Math.Max(lengths[lengths.Count / 2], 1e-9);
        UnitGraphBuilder.Poll(stop, 0);
        var cells = DualCells(triangles, siteOf, margin, factory, stop);
        var segments = new Dictionary<(long, long, long, long), int>();
        var shared = new Dictionary<(int, int), double>();
        var done = 0;
        foreach (var (owner, cell) in cells.OrderBy(c => c.Key))
        {
            UnitGraphBuilder.Poll(stop, done++);
            area[owner] = cell.Area;
            perimeter[owner] = cell.Length;
            shapes[owner] = projection.InverseCopy(cell);
            CollectSegments(cell, owner, segments, shared);
        }

        foreach (var ((a, b), length) in shared)
        {
            edges.Add((a, b, length));
        }

        // Shared lengths of pairs that are not Delaunay links (rounding) or of dropped long links are
        // kept out of the graph: adjacency is the Delaunay graph.
        var linked = new HashSet<(int, int)>(edges.Where(e => e.Item3 == 0).Select(e => e.Item1 < e.Item2 ? (e.Item1, e.Item2) : (e.Item2, e.Item1)));
        edges.RemoveAll(e => e.Item3 > 0 && !linked.Contains(e.Item1 < e.Item2 ? (e.Item1, e.Item2) : (e.Item2, e.Item1)));
        return new UnitGraph(n, edges)
        {
            X = x,
            Y = y,
            Area = area,
            Perimeter = perimeter,
            Shapes = shapes,
            ShapesTile = true,
            Projection = projection,
        };
    }

    /// <summary>
    /// The cell of each point unit: its share of the Delaunay triangles (a median dual: in each
    /// triangle, the quadrilateral of the vertex, the midpoints of its two edges and the triangle's
    /// centroid), and around the triangulation a band <paramref name="margin"/> wide, split between
    /// the outer vertices (half of each outer edge's rectangle, and the corner wedge at each vertex).
    /// </summary>
    /// <remarks>
    /// Unlike clipped Voronoi cells, two Delaunay neighbours always share a stretch of cell boundary
    /// (from their edge's midpoint to the centroids beside it), so the union of the cells of a
    /// territory that is contiguous in the Delaunay graph is one polygon; the cells tile the
    /// triangulation and the band without overlap, and every point lies inside its own cell.
    /// </remarks>
    private static Dictionary<int, Geometry> DualCells(Geometry triangles, Dictionary<(double, double), int> siteOf, double margin, GeometryFactory factory, StopCondition? stop)
    {
        var pieces = new Dictionary<int, List<Geometry>>();
        var siteAt = new Dictionary<int, Coordinate>();
        var boundary = new Dictionary<(int, int), (Coordinate A, Coordinate B, Coordinate Opposite)>();
        void Add(int owner, params Coordinate[] ring)
        {
            var polygon = factory.CreatePolygon([.. ring, ring[0].Copy()]);
            if (polygon.Area > 0)
            {
                (pieces.TryGetValue(owner, out var list) ? list : pieces[owner] = []).Add(polygon);
            }
        }

        static Coordinate Mid(Coordinate a, Coordinate b) => new((a.X + b.X) / 2, (a.Y + b.Y) / 2);
        for (var t = 0; t < triangles.NumGeometries; t++)
        {
            UnitGraphBuilder.Poll(stop, t);
            var v = ((Polygon)triangles.GetGeometryN(t)).ExteriorRing.Coordinates;
            var (p, q, r) = (v[0], v[1], v[2]);
            var g = new Coordinate((p.X + q.X + r.X) / 3, (p.Y + q.Y + r.Y) / 3);
            foreach (var (a, b, c) in new[] { (p, q, r), (q, r, p), (r, p, q) })
            {
                var owner = siteOf[(a.X, a.Y)];
                siteAt[owner] = a;
                Add(owner, a, Mid(a, b), g, Mid(c, a));
                var (ia, ib) = (owner, siteOf[(b.X, b.Y)]);
                var key = ia < ib ? (ia, ib) : (ib, ia);
                if (!boundary.Remove(key))
                {
                    boundary[key] = (a, b, c);
                }
            }
        }

        // Edges left with one triangle are the outer edges: each gets the rectangle outside it, split
        // at its midpoint; each outer vertex gets the wedge between the rectangles of its two edges.
        var normals = new Dictionary<int, List<(double X, double Y)>>();
        foreach (var (a, b, opposite) in boundary.Values)
        {
            double dx = b.X - a.X, dy = b.Y - a.Y, length = Math.Sqrt((dx * dx) + (dy * dy));
            if (length == 0)
            {
                continue;
            }

            var (nx, ny) = (dy / length, -dx / length);
            if (((opposite.X - a.X) * nx) + ((opposite.Y - a.Y) * ny) > 0)
            {
                (nx, ny) = (-nx, -ny);
            }

            var m = Mid(a, b);
            Coordinate Out(Coordinate c) => new(c.X + (nx * margin), c.Y + (ny * margin));
            var (owner, other) = (siteOf[(a.X, a.Y)], siteOf[(b.X, b.Y)]);
            Add(owner, a, m, Out(m), Out(a));
            Add(other, m, b, Out(b), Out(m));
            (normals.TryGetValue(owner, out var na) ? na : normals[owner] = []).Add((nx, ny));
            (normals.TryGetValue(other, out var nb) ? nb : normals[other] = []).Add((nx, ny));
        }

        foreach (var (owner, list) in normals.Where(n => n.Value.Count == 2))
        {
            var site = siteAt[owner];
            var (n1, n2) = (list[0], list[1]);
            Add(owner, site, new Coordinate(site.X + (n1.X * margin), site.Y + (n1.Y * margin)), new Coordinate(site.X + (n2.X * margin), site.Y + (n2.Y * margin)));
        }

        var cells = new Dictionary<int, Geometry>(pieces.Count);
        var done = 0;
        foreach (var (owner, list) in pieces)
        {
            UnitGraphBuilder.Poll(stop, done++);
            cells[owner] = Union(list, factory);
        }

        return cells;
    }

    /// <summary>The union of pieces whose shared edges have identical coordinates: a coverage union (linear), else the robust overlay.</summary>
    private static Geometry Union(List<Geometry> pieces, GeometryFactory factory)
    {
        try
        {
            return CoverageUnion.Union(factory.BuildGeometry(pieces));
        }
        catch (TopologyException)
        {
            return OverlayNGRobust.Union(pieces, factory);
        }
    }

    private static bool IsCollinear(List<Coordinate> sites)
    {
        var a = sites[0];
        var b = sites[1];
        return sites.All(c => Math.Abs(((b.X - a.X) * (c.Y - a.Y)) - ((b.Y - a.Y) * (c.X - a.X))) < 1e-9);
    }

    private static void CollectSegments(Geometry cell, int owner, Dictionary<(long, long, long, long), int> segments, Dictionary<(int, int), double> shared)
    {
        for (var p = 0; p < cell.NumGeometries; p++)
        {
            if (cell.GetGeometryN(p) is not Polygon polygon)
            {
                continue;
            }

            var ring = polygon.ExteriorRing.Coordinates;
            for (var k = 1; k < ring.Length; k++)
            {
                var a = (Key(ring[k - 1].X), Key(ring[k - 1].Y));
                var b = (Key(ring[k].X), Key(ring[k].Y));
                var key = a.CompareTo(b) < 0 ? (a.Item1, a.Item2, b.Item1, b.Item2) : (b.Item1, b.Item2, a.Item1, a.Item2);
                if (segments.Remove(key, out var other))
                {
                    if (other != owner)
                    {
                        var pair = other < owner ? (other, owner) : (owner, other);
                        shared[pair] = shared.GetValueOrDefault(pair) + ring[k - 1].Distance(ring[k]);
                    }
                }
                else
                {
                    segments[key] = owner;
                }
            }
        }
    }

    private static long Key(double v) => (long)Math.Round(v * 1000);

    /// <summary>Every 64th step, throws <see cref="DesignStoppedException"/> when <paramref name="stop"/> fires.</summary>
    /// <summary>
    /// The triangulation's edges and triangles. NetTopologySuite's triangulation is one call that cannot
    /// be interrupted (about half a second for 20,000 points), so with a stop condition it runs on a
    /// worker while this thread polls the stop every few milliseconds; when the stop fires, the caller
    /// gets control back at once and the worker's result, finished later, is dropped.
    /// </summary>
    private static (Geometry Edges, Geometry Triangles) Triangulate(DelaunayTriangulationBuilder delaunay, GeometryFactory factory, StopCondition? stop)
    {
        if (stop is null)
        {
            return (delaunay.GetEdges(factory), delaunay.GetTriangles(factory));
        }

        var work = Task.Run(() => (delaunay.GetEdges(factory), delaunay.GetTriangles(factory)));

        // A wait handle, not Task.Wait: Wait may run a task that has not started yet inline, unpolled.
        var done = ((IAsyncResult)work).AsyncWaitHandle;
        while (!done.WaitOne(5))
        {
            if (stop.ShouldInterrupt())
            {
                // Observe the abandoned worker's outcome so that a failure there is not reported as unobserved.
                work.ContinueWith(static t => t.Exception, TaskScheduler.Default);
                throw new DesignStoppedException(stop.Reason);
            }
        }

        return work.GetAwaiter().GetResult();
    }
}
