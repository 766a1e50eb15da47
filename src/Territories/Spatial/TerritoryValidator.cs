using System.Collections.Immutable;
using System.Globalization;
using NetTopologySuite.Coverage;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;
using NetTopologySuite.Operation.Valid;
using Territories.Internal;
using Territories.Model;

namespace Territories.Spatial;

/// <summary>
/// Checks a layer of territories the way a GIS engineer checks a coverage: every invalid boundary,
/// every overlap, duplicate, gap and sliver, each with its location and area; optionally repairs
/// what can be repaired.
/// </summary>
/// <remarks>
/// <para>
/// Per territory: empty boundary, non-WGS84 vertices, then NetTopologySuite's validity rules (self
/// intersection, too few points, ring not closed, holes and shells misplaced). Across territories:
/// NetTopologySuite's <c>CoverageValidator</c> finds the territories whose edges do not match their
/// neighbours'; only those are overlaid pairwise (through an STR-tree of envelopes) to measure the
/// overlap, so a clean coverage of n territories costs O(n log n) plus the edge matching. Identical
/// boundaries are reported as duplicates (coverage validation cannot see them). Gaps are the parts of
/// the coverage region (or, without one, the holes enclosed by the union) that no territory covers.
/// Areas are in km² on the sphere.
/// </para>
/// <para>
/// Invalid boundaries take part in the cross-territory checks only when repaired (an overlay of an
/// invalid polygon is not meaningful). Stateless and thread-safe; the output is the same for any
/// order of the input.
/// </para>
/// </remarks>
public static class TerritoryValidator
{
    /// <summary>Validates a territory layer.</summary>
    /// <param name="territories">The territories, in any order.</param>
    /// <param name="options">What to check and whether to repair; defaults when null.</param>
    /// <returns>Every problem, every repair, and the (repaired) layer.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="territories"/> or an item is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is negative or not finite.</exception>
    public static TerritoryValidationResult Validate(IEnumerable<Territory> territories, TerritoryValidationOptions? options = null)
    {
        Guard.NotNull(territories);
        var o = EngineOptions.Checked(options);
        var items = territories.ToArray();
        foreach (var t in items)
        {
            Guard.NotNull(t, nameof(territories));
        }

        items = [.. items.OrderBy(t => t.Id).ThenBy(t => t.Boundary?.ToWkt() ?? string.Empty, StringComparer.Ordinal)];
        var problems = new List<TerritoryProblem>();
        var repairs = new List<TerritoryRepair>();
        foreach (var group in items.GroupBy(t => t.Id).Where(g => g.Count() > 1))
        {
            problems.Add(new TerritoryProblem(TerritoryProblemCode.DuplicateId, [group.Key], null, 0, $"Territory id '{group.Key}' is used {group.Count()} times."));
        }

        var usable = new Geometry?[items.Length];
        var output = new Territory[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            output[i] = items[i];
            usable[i] = CheckOne(items[i], o, problems, repairs, out var repaired);
            if (repaired is not null)
            {
                output[i] = items[i] with { Boundary = TerritoryBoundary.FromGeometry(repaired) };
            }
        }

        CheckSlivers(items, usable, o, problems);
        CheckOverlaps(items, usable, o, problems);
        CheckGaps(items, usable, o, problems);

        var sorted = problems
            .OrderBy(p => p.Code)
            .ThenBy(p => string.Join("\u0001", p.Territories), StringComparer.Ordinal)
            .ThenBy(p => p.Location?.Longitude ?? 0)
            .ThenBy(p => p.Location?.Latitude ?? 0)
            .ThenBy(p => p.Message, StringComparer.Ordinal);
        return new TerritoryValidationResult([.. sorted], [.. repairs], [.. output]);
    }

    private static Geometry? CheckOne(Territory t, TerritoryValidationOptions o, List<TerritoryProblem> problems, List<TerritoryRepair> repairs, out Geometry? repaired)
    {
        repaired = null;
        var id = t.Id;
        if (t.Boundary is null || t.Boundary.IsEmpty)
        {
            problems.Add(new TerritoryProblem(TerritoryProblemCode.EmptyBoundary, [id], null, 0, $"Territory '{id}' has no boundary{(t.Boundary is null ? string.Empty : " (it is empty)")}."));
            return null;
        }

        var g = Geometries.Factory.CreateGeometry(t.Boundary.Geometry);
        var bad = g.Coordinates.FirstOrDefault(c => !new GeoPoint(c.X, c.Y).IsValid);
        if (bad is not null)
        {
            problems.Add(new TerritoryProblem(TerritoryProblemCode.InvalidCoordinate, [id], null, 0, Text($"Territory '{id}' has a vertex ({bad.X}, {bad.Y}) that is not a WGS84 longitude/latitude.")));
            return null;
        }

        var op = new IsValidOp(g);
        if (op.IsValid)
        {
            g.Normalize();
            return g;
        }

        var error = op.ValidationError;
        var code = error.ErrorType switch
        {
            TopologyValidationErrors.SelfIntersection or TopologyValidationErrors.RingSelfIntersection => TerritoryProblemCode.SelfIntersection,
            TopologyValidationErrors.TooFewPoints => TerritoryProblemCode.TooFewPoints,
            TopologyValidationErrors.RingNotClosed => TerritoryProblemCode.RingNotClosed,
            TopologyValidationErrors.InvalidCoordinate => TerritoryProblemCode.InvalidCoordinate,
            _ => TerritoryProblemCode.InvalidGeometry,
        };
        GeoPoint? where = error.Coordinate is { } c ? new GeoPoint(c.X, c.Y) : null;
        problems.Add(new TerritoryProblem(code, [id], where, 0, Text($"Territory '{id}': {error.Message}{(where is { } w ? $" at {w}" : string.Empty)}.")));
        if (!o.Repair)
        {
            return null;
        }

        var fixedGeometry = Polygonal(GeometryFixer.Fix(g));
        if (fixedGeometry is null)
        {
            repairs.Add(new TerritoryRepair(id, code, Spherical.AreaKm2(g), 0, 0, $"Territory '{id}' could not be repaired: nothing with area is left; its boundary is kept as given."));
            return null;
        }

        fixedGeometry.Normalize();
        repaired = fixedGeometry;
        var before = Spherical.AreaKm2(g);
        var after = Spherical.AreaKm2(fixedGeometry);
        repairs.Add(new TerritoryRepair(id, code, before, after, fixedGeometry.NumGeometries, Text($"Territory '{id}' made valid ({code}): {fixedGeometry.NumGeometries} polygon(s), {after:0.######} km² (was {before:0.######} km² as drawn).")));
        return fixedGeometry;
    }

    private static void CheckSlivers(Territory[] items, Geometry?[] usable, TerritoryValidationOptions o, List<TerritoryProblem> problems)
    {
        if (o.SliverAreaKm2 <= 0)
        {
            return;
        }

        for (var i = 0; i < items.Length; i++)
        {
            if (usable[i] is not { } g)
            {
                continue;
            }

            for (var k = 0; k < g.NumGeometries; k++)
            {
                var part = g.GetGeometryN(k);
                var area = Spherical.AreaKm2(part);
                if (area < o.SliverAreaKm2)
                {
                    var what = g.NumGeometries == 1 ? "is" : $"has a part ({k + 1} of {g.NumGeometries}) that is";
                    problems.Add(new TerritoryProblem(TerritoryProblemCode.Sliver, [items[i].Id], Point(part), area, Text($"Territory '{items[i].Id}' {what} a sliver of {area:0.########} km² (threshold {o.SliverAreaKm2} km²).")));
                }
            }
        }
    }

    private static void CheckOverlaps(Territory[] items, Geometry?[] usable, TerritoryValidationOptions o, List<TerritoryProblem> problems)
    {
        var indices = Enumerable.Range(0, items.Length).Where(i => usable[i] is not null).ToArray();
        if (indices.Length < 2)
        {
            return;
        }

        var tree = new STRtree<int>();
        foreach (var i in indices)
        {
            tree.Insert(usable[i]!.EnvelopeInternal, i);
        }

        tree.Build();

        // Coverage validation flags every territory whose edges do not match its neighbours' (overlaps, misaligned edges).
        var flagged = new bool[items.Length];
        var coverage = indices.Select(i => usable[i]!).ToArray();
        var invalid = CoverageValidator.Validate(coverage);
        for (var k = 0; k < indices.Length; k++)
        {
            flagged[indices[k]] = invalid[k] is not null;
        }

        foreach (var i in indices)
        {
            var a = usable[i]!;
            foreach (var j in tree.Query(a.EnvelopeInternal).Where(j => j > i).Order())
            {
                var b = usable[j]!;
                if (a.EqualsExact(b))
                {
                    problems.Add(new TerritoryProblem(TerritoryProblemCode.DuplicateBoundary, [items[i].Id, items[j].Id], Point(a), Spherical.AreaKm2(a), $"Territories '{items[i].Id}' and '{items[j].Id}' have the same boundary."));
                    continue;
                }

                if (!flagged[i] && !flagged[j])
                {
                    continue;
                }

                var overlap = Polygonal(OverlayNGRobust.Overlay(a, b, SpatialFunction.Intersection));
                if (overlap is null)
                {
                    continue;
                }

                var area = Spherical.AreaKm2(overlap);
                if (area >= o.MinimumAreaKm2 && area > 0)
                {
                    problems.Add(new TerritoryProblem(TerritoryProblemCode.Overlap, [items[i].Id, items[j].Id], Point(overlap), area, Text($"Territories '{items[i].Id}' and '{items[j].Id}' overlap by {area:0.######} km².")));
                }
            }
        }
    }

    private static void CheckGaps(Territory[] items, Geometry?[] usable, TerritoryValidationOptions o, List<TerritoryProblem> problems)
    {
        var parts = usable.Where(g => g is not null).Cast<Geometry>().ToList();
        var region = o.CoverageRegion?.Geometry;
        if (parts.Count == 0 && region is null)
        {
            return;
        }

        var union = parts.Count == 0 ? Geometries.Factory.CreatePolygon() : OverlayNGRobust.Union(parts, Geometries.Factory);
        Geometry gaps;
        if (region is not null)
        {
            gaps = OverlayNGRobust.Overlay(region, union, SpatialFunction.Difference);
            for (var i = 0; i < items.Length; i++)
            {
                if (usable[i] is not { } g)
                {
                    continue;
                }

                var outside = Polygonal(OverlayNGRobust.Overlay(g, region, SpatialFunction.Difference));
                if (outside is not null && Spherical.AreaKm2(outside) is var area && area >= o.MinimumAreaKm2 && area > 0)
                {
                    problems.Add(new TerritoryProblem(TerritoryProblemCode.OutsideRegion, [items[i].Id], Point(outside), area, Text($"Territory '{items[i].Id}' extends {area:0.######} km² outside the coverage region.")));
                }
            }
        }
        else
        {
            var holes = new List<Geometry>();
            for (var k = 0; k < union.NumGeometries; k++)
            {
                if (union.GetGeometryN(k) is Polygon p)
                {
                    holes.AddRange(p.InteriorRings.Select(r => (Geometry)Geometries.Factory.CreatePolygon(r.Coordinates)));
                }
            }

            gaps = Geometries.Factory.BuildGeometry(holes);
        }

        var tree = new STRtree<int>();
        for (var i = 0; i < items.Length; i++)
        {
            if (usable[i] is { } g)
            {
                tree.Insert(g.EnvelopeInternal, i);
            }
        }

        tree.Build();
        for (var k = 0; k < gaps.NumGeometries; k++)
        {
            if (gaps.GetGeometryN(k) is not Polygon gap || gap.IsEmpty)
            {
                continue;
            }

            var area = Spherical.AreaKm2(gap);
            if (area < o.MinimumAreaKm2 || area <= 0)
            {
                continue;
            }

            var around = tree.Query(gap.EnvelopeInternal).Where(i => usable[i]!.Intersects(gap)).Select(i => items[i].Id).Distinct().Order().ToImmutableArray();
            problems.Add(new TerritoryProblem(TerritoryProblemCode.Gap, around, Point(gap), area, Text($"A gap of {area:0.######} km² belongs to no territory{(around.IsEmpty ? string.Empty : $" (bordered by {string.Join(", ", around)})")}.")));
        }
    }

    private static Geometry? Polygonal(Geometry g)
    {
        var polygons = new List<Polygon>();
        Collect(g, polygons);
        return polygons.Count switch
        {
            0 => null,
            1 => polygons[0],
            _ => Geometries.Factory.CreateMultiPolygon([.. polygons]),
        };

        static void Collect(Geometry g, List<Polygon> into)
        {
            for (var k = 0; k < g.NumGeometries; k++)
            {
                switch (g.GetGeometryN(k))
                {
                    case Polygon p when !p.IsEmpty && p.Area > 0:
                        into.Add(p);
                        break;
                    case GeometryCollection c when c != g:
                        Collect(c, into);
                        break;
                }
            }
        }
    }

    private static GeoPoint? Point(Geometry g) => g.IsEmpty ? null : g.InteriorPoint is { IsEmpty: false } p ? new GeoPoint(p.X, p.Y) : null;

    private static string Text(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
