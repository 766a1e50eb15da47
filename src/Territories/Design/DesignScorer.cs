using System.Collections.Immutable;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.OverlayNG;
using Territories.Model;

namespace Territories.Design;

/// <summary>Scores an assignment (balance, contiguity, compactness) and builds territory boundaries.</summary>
internal static class DesignScorer
{
    public static DesignReport Score(DesignProblem problem, int[] of, IReadOnlyList<TerritoryId> ids)
    {
        var k = ids.Count;
        var m = problem.M;
        var g = problem.Graph;
        var totals = new double[k * m];
        var count = new int[k];
        var sx = new double[k];
        var sy = new double[k];
        var area = new double[k];
        var perimeter = new double[k];
        for (var i = 0; i < problem.N; i++)
        {
            var t = of[i];
            count[t]++;
            for (var a = 0; a < m; a++)
            {
                totals[(t * m) + a] += problem.Raw[(i * m) + a];
            }

            if (g.HasCoordinates)
            {
                sx[t] += g.X![i];
                sy[t] += g.Y![i];
            }

            if (g.HasShapes)
            {
                area[t] += g.Area![i];
                perimeter[t] += g.Perimeter![i];
                for (var e = g.Start[i]; e < g.Start[i + 1]; e++)
                {
                    if (of[g.Neighbours[e]] == t)
                    {
                        perimeter[t] -= g.Shared[e];
                    }
                }
            }
        }

        var inertia = new double[k];
        if (g.HasCoordinates)
        {
            for (var i = 0; i < problem.N; i++)
            {
                var t = of[i];
                var dx = g.X![i] - (sx[t] / count[t]);
                var dy = g.Y![i] - (sy[t] / count[t]);
                inertia[t] += ((dx * dx) + (dy * dy)) * g.Projection.SquaredToReport;
            }
        }

        var components = Components(g, of, k);
        var all = problem.Totals();
        var balance = ImmutableArray.CreateBuilder<AttributeBalance>(m);
        var bounds = problem.Bounds(k).DeviationLowerBounds();
        for (var a = 0; a < m; a++)
        {
            var target = all[a] / k;
            var worst = 0.0;
            if (target > 0)
            {
                for (var t = 0; t < k; t++)
                {
                    worst = Math.Max(worst, Math.Abs(totals[(t * m) + a] - target) / target);
                }
            }

            balance.Add(new AttributeBalance(problem.Input.AttributeNames[a], target, problem.Tolerance[a], worst, bounds[a]));
        }

        var territories = ImmutableArray.CreateBuilder<TerritoryScore>(k);
        foreach (var t in Enumerable.Range(0, k).OrderBy(t => ids[t]))
        {
            double? pp = g.HasShapes && perimeter[t] > 0 ? 4 * Math.PI * area[t] / (perimeter[t] * perimeter[t]) : null;
            territories.Add(new TerritoryScore(ids[t], count[t], [.. totals.AsSpan(t * m, m)], components[t], inertia[t], pp));
        }

        return new DesignReport(balance.MoveToImmutable(), territories.MoveToImmutable(), problem.Islands) { IslandLinks = g.IslandLinks, Pieces = g.Pieces, RepairedUnits = g.Repaired };
    }

    public static ImmutableArray<Territory> Territories(DesignProblem problem, int[] of, IReadOnlyList<TerritoryId> ids, bool boundaries)
    {
        var shapes = boundaries ? problem.Graph.Shapes : null;
        var boundary = new TerritoryBoundary?[ids.Count];
        if (shapes is not null)
        {
            var parts = new List<Geometry>[ids.Count];
            for (var t = 0; t < ids.Count; t++)
            {
                parts[t] = [];
            }

            for (var i = 0; i < problem.N; i++)
            {
                if (of[i] >= 0 && shapes[i] is { } shape)
                {
                    parts[of[i]].Add(shape);
                }
            }

            // Each territory's union is independent of the others (and the same whichever thread runs it).
            Parallel.For(0, ids.Count, t =>
            {
                var union = parts[t].Count == 0 ? null : Union(parts[t], problem.Graph.ShapesTile);
                var polygons = union is null ? [] : Enumerable.Range(0, union.NumGeometries).Select(union.GetGeometryN).OfType<Polygon>().ToArray();
                if (polygons.Length > 0)
                {
                    boundary[t] = TerritoryBoundary.FromGeometry(polygons.Length == 1 ? polygons[0] : Internal.Geometries.Factory.CreateMultiPolygon(polygons));
                }
            });
        }

        var builder = ImmutableArray.CreateBuilder<Territory>(ids.Count);
        foreach (var t in Enumerable.Range(0, ids.Count).OrderBy(t => ids[t]))
        {
            builder.Add(new Territory(ids[t]) { Boundary = boundary[t] });
        }

        return builder.MoveToImmutable();
    }

    /// <summary>The union of a territory's unit shapes: a coverage union when they tile (falling back on a topology error), else the robust overlay.</summary>
    private static Geometry Union(List<Geometry> parts, bool tile)
    {
        var factory = Internal.Geometries.Factory;
        if (tile)
        {
            try
            {
                return CoverageUnion.Union(factory.BuildGeometry(parts));
            }
            catch (TopologyException)
            {
                // Not a clean tiling after all: the robust overlay below.
            }
        }

        return OverlayNGRobust.Union(parts, factory);
    }

    private static int[] Components(UnitGraph g, int[] of, int k)
    {
        var result = new int[k];
        var seen = new bool[g.Count];
        var queue = new int[g.Count];
        for (var s = 0; s < g.Count; s++)
        {
            if (seen[s])
            {
                continue;
            }

            result[of[s]]++;
            int head = 0, tail = 0;
            queue[tail++] = s;
            seen[s] = true;
            while (head < tail)
            {
                var u = queue[head++];
                for (var e = g.Start[u]; e < g.Start[u + 1]; e++)
                {
                    var v = g.Neighbours[e];
                    if (!seen[v] && of[v] == of[s])
                    {
                        seen[v] = true;
                        queue[tail++] = v;
                    }
                }
            }
        }

        return result;
    }
}
