using System.Collections.Immutable;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Index.Strtree;
using Territories.Internal;
using Territories.Model;
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
            errors.Add(new DesignError(DesignErrorCode.MissingGeometry, ItemRef.Units(missing), "Location", null,
                $"{missing.Length} unit(s) have no location or boundary and no links were given; first: {missing[0]}."));
            return new UnitGraph(units.Length, []);
        }

        return PointUnitGraph.Build(units, projection, maxLinkLength, errors, stop);
    }

    private static LocalProjection Projection(DesignInput input) =>
        input.IsPlanar ? LocalProjection.Identity : LocalProjection.Centred([.. input.Units.Select(Centre).OfType<(double, double)>()]);

    internal static (double X, double Y)? Centre(DesignUnit unit)
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
            errors.Add(new DesignError(DesignErrorCode.UnknownUnit, ItemRef.Units(unknown), "Links", unknown.Min,
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
            errors.Add(new DesignError(DesignErrorCode.InvalidGeometry, ItemRef.Units(bad), "Boundary", null,
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

        var piece = IslandLinker.Pieces(n, edges, out var pieceCount);
        var links = bad.Count > 0 || pieceCount <= 1 ? [] : IslandLinker.LinkPieces(units, projected, tree, edges, piece, pieceCount);
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

    internal static void Poll(StopCondition? stop, int step)
    {
        if (stop is not null && (step & 63) == 0 && stop.ShouldInterrupt())
        {
            throw new DesignStoppedException(stop.Reason);
        }
    }
}
