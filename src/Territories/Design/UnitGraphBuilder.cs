using System.Collections.Immutable;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.Triangulate;
using Territories.Internal;

namespace Territories.Design;

/// <summary>Builds the unit graph from explicit links, shared polygon boundaries, or a Delaunay triangulation of points.</summary>
internal static class UnitGraphBuilder
{
    public static UnitGraph Build(DesignInput input, Dictionary<string, int> index, double? maxLinkLength, List<DesignError> errors)
    {
        var units = input.Units;
        var projection = Projection(input);
        if (!input.Links.IsDefaultOrEmpty)
        {
            return FromLinks(input, index, projection, errors);
        }

        if (units.All(u => u.Boundary is not null))
        {
            return FromPolygons(units, projection, errors);
        }

        var missing = units.Where(u => u.Location is null && u.Boundary is null).Select(u => u.Id).ToImmutableArray();
        if (!missing.IsEmpty)
        {
            errors.Add(new DesignError(DesignErrorCode.MissingGeometry, missing, "Location", null,
                $"{missing.Length} unit(s) have no location or boundary and no links were given; first: {missing[0]}."));
            return new UnitGraph(units.Length, []);
        }

        return FromPoints(units, projection, maxLinkLength, errors);
    }

    private static LocalProjection Projection(DesignInput input)
    {
        if (input.IsPlanar)
        {
            return LocalProjection.Identity;
        }

        var points = input.Units.Select(Centre).Where(p => p is not null).Select(p => p!.Value).ToList();
        return points.Count == 0
            ? LocalProjection.Identity
            : LocalProjection.Around(points.Average(p => p.X), points.Average(p => p.Y));
    }

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

    private static UnitGraph FromPolygons(ImmutableArray<DesignUnit> units, LocalProjection projection, List<DesignError> errors)
    {
        var n = units.Length;
        var shapes = new Geometry?[n];
        var projected = new Geometry[n];
        var x = new double[n];
        var y = new double[n];
        var area = new double[n];
        var perimeter = new double[n];
        var bad = new List<string>();
        var tree = new STRtree<int>();
        for (var i = 0; i < n; i++)
        {
            var g = units[i].Boundary!.Geometry;
            if (!g.IsValid)
            {
                g = GeometryFixer.Fix(g);
            }

            if (g.IsEmpty || g.Area <= 0)
            {
                bad.Add(units[i].Id);
                projected[i] = Geometries.Factory.CreatePolygon();
                continue;
            }

            shapes[i] = g;
            projected[i] = projection.ProjectCopy(g);
            var c = projected[i].Centroid;
            (x[i], y[i]) = (c.X, c.Y);
            area[i] = projected[i].Area;
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
            if (projected[i].IsEmpty)
            {
                continue;
            }

            foreach (var j in tree.Query(projected[i].EnvelopeInternal))
            {
                if (j <= i)
                {
                    continue;
                }

                var shared = boundaries[i].Intersection(boundaries[j]).Length;
                if (shared > 0)
                {
                    edges.Add((i, j, shared));
                }
            }
        }

        return new UnitGraph(n, edges)
        {
            X = x,
            Y = y,
            Area = area,
            Perimeter = perimeter,
            Shapes = shapes,
            Projection = projection,
        };
    }

    private static UnitGraph FromPoints(ImmutableArray<DesignUnit> units, LocalProjection projection, double? maxLinkLength, List<DesignError> errors)
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
        var lines = delaunay.GetEdges(factory);
        var lengths = new List<double>(lines.NumGeometries);
        for (var k = 0; k < lines.NumGeometries; k++)
        {
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
        var voronoi = new VoronoiDiagramBuilder();
        voronoi.SetSites(sites);
        var envelope = new Envelope(x.Min(), x.Max(), y.Min(), y.Max());
        envelope.ExpandBy(margin * 2);
        voronoi.ClipEnvelope = envelope;
        var diagram = voronoi.GetDiagram(factory);
        var clip = factory.CreateMultiPointFromCoords([.. sites]).ConvexHull().Buffer(margin);
        var prepared = PreparedGeometryFactory.Prepare(clip);
        var segments = new Dictionary<(long, long, long, long), int>();
        var shared = new Dictionary<(int, int), double>();
        for (var k = 0; k < diagram.NumGeometries; k++)
        {
            var cell = diagram.GetGeometryN(k);
            var site = (Coordinate)cell.UserData;
            var owner = siteOf[(site.X, site.Y)];
            if (!prepared.Contains(cell))
            {
                cell = cell.Intersection(clip);
            }

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
            Projection = projection,
        };
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
}
