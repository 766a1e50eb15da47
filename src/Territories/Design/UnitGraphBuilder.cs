using System.Collections.Immutable;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.Operation.OverlayNG;
using NetTopologySuite.Triangulate;
using Territories.Internal;
using Territories.Spatial;

namespace Territories.Design;

/// <summary>Builds the unit graph from explicit links, shared polygon boundaries, or a Delaunay triangulation of points.</summary>
internal static class UnitGraphBuilder
{
    /// <remarks>
    /// Polls <paramref name="stop"/> (when given) in its loops over units and triangles and throws
    /// <see cref="DesignStoppedException"/> when it fires: building the graph of 20,000 units takes seconds.
    /// </remarks>
    public static UnitGraph Build(DesignInput input, Dictionary<string, int> index, double? maxLinkLength, List<DesignError> errors, StopCondition? stop = null)
    {
        var units = input.Units;
        var projection = Projection(input);
        if (!input.Links.IsDefaultOrEmpty)
        {
            return FromLinks(input, index, projection, errors);
        }

        if (units.All(u => u.Boundary is not null))
        {
            return FromPolygons(units, projection, errors, stop);
        }

        var missing = units.Where(u => u.Location is null && u.Boundary is null).Select(u => u.Id).ToImmutableArray();
        if (!missing.IsEmpty)
        {
            errors.Add(new DesignError(DesignErrorCode.MissingGeometry, missing, "Location", null,
                $"{missing.Length} unit(s) have no location or boundary and no links were given; first: {missing[0]}."));
            return new UnitGraph(units.Length, []);
        }

        return FromPoints(units, projection, maxLinkLength, errors, stop);
    }

    private static LocalProjection Projection(DesignInput input) =>
        input.IsPlanar ? LocalProjection.Identity : LocalProjection.Centred([.. input.Units.Select(Centre).OfType<(double, double)>()]);

    private static (double X, double Y)? Centre(DesignUnit unit)
    {
        if (unit.Location is { } p)
        {
            return (p.Longitude, p.Latitude);
        }

        if (unit.Boundary is { IsEmpty: false } b)
        {
            var c = b.Geometry.Centroid;
            return (c.X, c.Y);
        }

        return null;
    }

    private static UnitGraph FromLinks(DesignInput input, Dictionary<string, int> index, LocalProjection projection, List<DesignError> errors)
    {
        var edges = new List<(int, int, double)>();
        var unknown = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var link in input.Links)
        {
            var okA = index.TryGetValue(link.From ?? string.Empty, out var a);
            var okB = index.TryGetValue(link.To ?? string.Empty, out var b);
            if (!okA)
            {
                unknown.Add(link.From ?? "(null)");
            }

            if (!okB)
            {
                unknown.Add(link.To ?? "(null)");
            }

            if (okA && okB)
            {
                edges.Add((a, b, 0));
            }
        }

        if (unknown.Count > 0)
        {
            errors.Add(new DesignError(DesignErrorCode.UnknownUnit, [.. unknown], "Links", unknown.Min,
                $"{unknown.Count} link end(s) name no unit of the input."));
        }

        var centres = input.Units.Select(Centre).ToArray();
        if (centres.Any(c => c is null))
        {
            return new UnitGraph(input.Units.Length, edges) { Projection = projection };
        }

        var projected = centres.Select(c => projection.Project(c!.Value.X, c.Value.Y)).ToArray();
        return new UnitGraph(input.Units.Length, edges)
        {
            X = [.. projected.Select(p => p.X)],
            Y = [.. projected.Select(p => p.Y)],
            Projection = projection,
        };
    }

    private static UnitGraph FromPolygons(ImmutableArray<DesignUnit> units, LocalProjection projection, List<DesignError> errors, StopCondition? stop)
    {
        var n = units.Length;
        var shapes = new Geometry?[n];
        var projected = new Geometry[n];
        var x = new double[n];
        var y = new double[n];
        var area = new double[n];
        var perimeter = new double[n];
        var bad = new List<string>();
        var repaired = new List<string>();
        var tree = new STRtree<int>();
        for (var i = 0; i < n; i++)
        {
            Poll(stop, i);
            var original = units[i].Boundary!.Geometry;
            var g = original.IsValid ? original : GeometryFixer.Fix(original);
            if (!ReferenceEquals(g, original) && !g.IsEmpty && g.Area > 0)
            {
                repaired.Add(units[i].Id);
            }

            if (g.IsEmpty || g.Area <= 0)
            {
                if (original.IsEmpty || original.Coordinates.Any(c => !double.IsFinite(c.X) || !double.IsFinite(c.Y)))
                {
                    bad.Add(units[i].Id);
                    projected[i] = Geometries.Factory.CreatePolygon();
                    continue;
                }

                // A polygon collapsed by simplification (a small independent city drawn as a line or a
                // point) stays a unit: no area and no shape of its own, but its rings as drawn, so that
                // it is the neighbour of the units whose borders it lies on, or gets an island link.
                g = original;
            }
            else
            {
                shapes[i] = g;
            }

            projected[i] = projection.ProjectCopy(g);
            var c = projected[i].Centroid;
            (x[i], y[i]) = c.IsEmpty ? (projected[i].Coordinate.X, projected[i].Coordinate.Y) : (c.X, c.Y);
            area[i] = shapes[i] is null ? 0 : projected[i].Area;
            perimeter[i] = projected[i].Length;
            tree.Insert(projected[i].EnvelopeInternal, i);
        }

        if (bad.Count > 0)
        {
            errors.Add(new DesignError(DesignErrorCode.InvalidGeometry, [.. bad], "Boundary", null,
                $"{bad.Count} unit polygon(s) are empty or have no area; first: {bad[0]}."));
        }

        var edges = new List<(int, int, double)>();
        var boundaries = projected.Select(p => p.IsEmpty ? p : p.Boundary).ToArray();
        for (var i = 0; i < n; i++)
        {
            Poll(stop, i);
            if (projected[i].IsEmpty)
            {
                continue;
            }

            var near = projected[i].EnvelopeInternal.Copy();
            near.ExpandBy(SnapToleranceMetres(projection));
            foreach (var j in tree.Query(near))
            {
                if (j <= i)
                {
                    continue;
                }

                // The tolerance is both the snapping distance and the least length that makes a border.
                var tolerance = SnapToleranceMetres(projection);
                var shared = SharedBorder.Length(boundaries[i], boundaries[j], tolerance, tolerance, g => g.Length);
                if (shared > 0)
                {
                    edges.Add((i, j, shared));
                }
            }
        }

        var piece = Pieces(n, edges, out var pieceCount);
        var links = bad.Count > 0 || pieceCount <= 1 ? [] : LinkPieces(units, projected, tree, edges, piece, pieceCount);
        ImmutableArray<ImmutableArray<string>> pieces = bad.Count > 0 || pieceCount <= 1 ? [] :
            [.. Enumerable.Range(0, pieceCount).Select(c => Enumerable.Range(0, n).Where(i => piece[i] == c).Select(i => units[i].Id).ToImmutableArray())];
        return new UnitGraph(n, edges)
        {
            X = x,
            Y = y,
            Area = area,
            Perimeter = perimeter,
            Shapes = shapes,
            Projection = projection,
            IslandLinks = links,
            Pieces = pieces,
            Repaired = [.. repaired.Order(StringComparer.Ordinal)],
        };
    }

    /// <summary>
    /// The snapping tolerance and minimum for shared borders: <see cref="SharedBorder.SnapToleranceMetres"/>
    /// for WGS84 input (projected to metres), 1e-9 of the unit for planar input.
    /// </summary>
    internal static double SnapToleranceMetres(LocalProjection projection) => projection.IsIdentity ? 1e-9 : SharedBorder.SnapToleranceMetres;

    /// <summary>
    /// Joins the pieces of the shared-border graph into one by island links: a minimum spanning tree
    /// over the pieces (Borůvka rounds: each group of pieces but the largest takes its nearest unit
    /// outside it), with the links added to <paramref name="edges"/> (shared length 0). Each round
    /// costs one nearest-unit search (an R-tree window grown by doubling) per unit outside the largest
    /// group, and there are O(log pieces) rounds.
    /// </summary>
    private static ImmutableArray<IslandLink> LinkPieces(ImmutableArray<DesignUnit> units, Geometry[] projected, STRtree<int> tree, List<(int, int, double)> edges, int[] piece, int pieceCount)
    {
        var n = units.Length;
        var set = Enumerable.Range(0, pieceCount).ToArray();
        int Find(int c)
        {
            while (set[c] != c)
            {
                set[c] = set[set[c]];
                c = set[c];
            }

            return c;
        }

        tree.Build();
        var links = new List<(int A, int B, double Distance)>();
        var groups = pieceCount;
        while (groups > 1)
        {
            // The largest group does not search: every other group adds its shortest outgoing link
            // (each one safe by the cut property), so at least half the groups merge every round,
            // and the many units of the mainland are not each searched for a far island.
            var size = new int[pieceCount];
            for (var i = 0; i < n; i++)
            {
                size[Find(piece[i])]++;
            }

            var largest = Array.IndexOf(size, size.Max());
            var best = new (int A, int B, double Distance)?[pieceCount];
            for (var i = 0; i < n; i++)
            {
                var own = Find(piece[i]);
                if (own == largest)
                {
                    continue;
                }

                var nearest = Nearest(i, projected, tree, j => Find(piece[j]) != own);
                if (nearest is not { } found)
                {
                    continue;
                }

                var candidate = (Math.Min(i, found.Unit), Math.Max(i, found.Unit), found.Distance);
                if (best[own] is not { } current || Before(candidate, current))
                {
                    best[own] = candidate;
                }
            }

            var added = false;
            foreach (var link in best.Where(b => b is not null).Select(b => b!.Value).OrderBy(b => b.Distance).ThenBy(b => b.A).ThenBy(b => b.B))
            {
                var (ra, rb) = (Find(piece[link.A]), Find(piece[link.B]));
                if (ra != rb)
                {
                    set[Math.Max(ra, rb)] = Math.Min(ra, rb);
                    links.Add(link);
                    edges.Add((link.A, link.B, 0));
                    groups--;
                    added = true;
                }
            }

            if (!added)
            {
                break;
            }
        }

        return [.. links
            .Select(l => (From: units[l.A].Id, FromPiece: piece[l.A], To: units[l.B].Id, ToPiece: piece[l.B], l.Distance))
            .Select(l => string.CompareOrdinal(l.From, l.To) <= 0
                ? new IslandLink(l.From, l.FromPiece, l.To, l.ToPiece, l.Distance)
                : new IslandLink(l.To, l.ToPiece, l.From, l.FromPiece, l.Distance))
            .OrderBy(l => l.FromPiece == 0 || l.ToPiece == 0 ? Math.Max(l.FromPiece, l.ToPiece) : Math.Min(l.FromPiece, l.ToPiece))
            .ThenBy(l => l.From, StringComparer.Ordinal)
            .ThenBy(l => l.To, StringComparer.Ordinal)];
    }

    private static bool Before((int A, int B, double Distance) x, (int A, int B, double Distance) y) =>
        x.Distance < y.Distance || (x.Distance == y.Distance && (x.A < y.A || (x.A == y.A && x.B < y.B)));

    /// <summary>Pieces of the graph: 0 for the one with most units (ties: the smallest unit index), then by smallest unit index.</summary>
    internal static int[] Pieces(int n, List<(int, int, double)> edges, out int count)
    {
        var raw = new UnitGraph(n, edges).Components(out count);
        var sizes = new int[count];
        foreach (var c in raw)
        {
            sizes[c]++;
        }

        var main = count == 0 ? 0 : Array.IndexOf(sizes, sizes.Max());
        var renumber = new int[count];
        for (int c = 0, next = 1; c < count; c++)
        {
            renumber[c] = c == main ? 0 : next++;
        }

        return [.. raw.Select(c => renumber[c])];
    }

    /// <summary>The nearest unit to unit <paramref name="i"/> (polygon distance) among those <paramref name="allowed"/>, ties to the smaller index.</summary>
    private static (int Unit, double Distance)? Nearest(int i, Geometry[] projected, STRtree<int> tree, Func<int, bool> allowed)
    {
        var shape = projected[i];
        if (shape.IsEmpty)
        {
            return null;
        }

        // Grow the search window until it holds an allowed unit; the nearest allowed unit is then
        // within the distance of the best one found, so one last query at that radius settles it.
        var radius = Math.Max(shape.EnvelopeInternal.Width, shape.EnvelopeInternal.Height);
        radius = radius > 0 ? radius : 1;
        for (var attempt = 0; attempt < 64; attempt++, radius *= 2)
        {
            var window = shape.EnvelopeInternal.Copy();
            window.ExpandBy(radius);
            var found = Closest(i, window, projected, tree, allowed);
            if (found is { } f)
            {
                // Widened a little so that rounding cannot leave the unit just found outside the window.
                var exact = shape.EnvelopeInternal.Copy();
                exact.ExpandBy((f.Distance * (1 + 1e-9)) + 1e-9);
                return Closest(i, exact, projected, tree, allowed) ?? f;
            }
        }

        return null;
    }

    private static (int Unit, double Distance)? Closest(int i, Envelope window, Geometry[] projected, STRtree<int> tree, Func<int, bool> allowed)
    {
        (int Unit, double Distance)? best = null;
        foreach (var j in tree.Query(window))
        {
            if (j == i || !allowed(j))
            {
                continue;
            }

            if (best is { } b && projected[i].EnvelopeInternal.Distance(projected[j].EnvelopeInternal) > b.Distance)
            {
                continue;
            }

            var d = projected[i].Distance(projected[j]);
            if (best is not { } c || d < c.Distance || (d == c.Distance && j < c.Unit))
            {
                best = (j, d);
            }
        }

        return best;
    }

    private static UnitGraph FromPoints(ImmutableArray<DesignUnit> units, LocalProjection projection, double? maxLinkLength, List<DesignError> errors, StopCondition? stop)
    {
        var n = units.Length;
        var x = new double[n];
        var y = new double[n];
        var bad = new List<string>();
        for (var i = 0; i < n; i++)
        {
            var c = Centre(units[i])!.Value;
            if (!double.IsFinite(c.X) || !double.IsFinite(c.Y))
            {
                bad.Add(units[i].Id);
                continue;
            }

            (x[i], y[i]) = projection.Project(c.X, c.Y);
        }

        if (bad.Count > 0)
        {
            errors.Add(new DesignError(DesignErrorCode.InvalidGeometry, [.. bad], "Location", null,
                $"{bad.Count} unit location(s) are not finite; first: {bad[0]}."));
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
        Poll(stop, 0);
        var (lines, triangles) = Triangulate(delaunay, factory, stop);
        var lengths = new List<double>(lines.NumGeometries);
        for (var k = 0; k < lines.NumGeometries; k++)
        {
            Poll(stop, k);
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
        Poll(stop, 0);
        var cells = DualCells(triangles, siteOf, margin, factory, stop);
        var segments = new Dictionary<(long, long, long, long), int>();
        var shared = new Dictionary<(int, int), double>();
        var done = 0;
        foreach (var (owner, cell) in cells.OrderBy(c => c.Key))
        {
            Poll(stop, done++);
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
            Poll(stop, t);
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
            Poll(stop, done++);
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

    private static void Poll(StopCondition? stop, int step)
    {
        if (stop is not null && (step & 63) == 0 && stop.ShouldInterrupt())
        {
            throw new DesignStoppedException(stop.Reason);
        }
    }
}
