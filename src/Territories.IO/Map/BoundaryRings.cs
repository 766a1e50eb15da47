using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;
using Territories.Model;

namespace Territories.IO.Map;

/// <summary>Takes a boundary apart into polygons of rings oriented as RFC 7946 asks, and finds a label point.</summary>
/// <remarks>
/// Exterior rings counter-clockwise, holes clockwise (the right-hand rule); a degenerate ring (no
/// area) is kept as given. Works on the boundary's public copy, so the library's own geometry is
/// never touched.
/// </remarks>
internal static class BoundaryRings
{
    /// <summary>Whether a geometry is a polygon or multipolygon (a boundary always is).</summary>
    public static bool IsMulti(Geometry geometry) => geometry is MultiPolygon;

    /// <summary>The polygons of the geometry, each as its rings (exterior first), oriented per RFC 7946.</summary>
    public static List<List<Coordinate[]>> Polygons(Geometry geometry)
    {
        var polygons = new List<List<Coordinate[]>>(geometry.NumGeometries);
        for (var i = 0; i < geometry.NumGeometries; i++)
        {
            if (geometry.GetGeometryN(i) is not Polygon { IsEmpty: false } polygon)
            {
                continue;
            }

            var rings = new List<Coordinate[]>(1 + polygon.NumInteriorRings)
            {
                Oriented(polygon.ExteriorRing.Coordinates, counterClockwise: true),
            };
            foreach (var hole in polygon.InteriorRings)
            {
                rings.Add(Oriented(hole.Coordinates, counterClockwise: false));
            }

            polygons.Add(rings);
        }

        return polygons;
    }

    /// <summary>A point inside the boundary to put its label on; null for an empty boundary.</summary>
    public static GeoPoint? LabelPoint(Geometry geometry)
    {
        if (geometry.IsEmpty)
        {
            return null;
        }

        // The interior point of the largest part: a label belongs on the main body, not an island.
        var largest = geometry.GetGeometryN(0);
        for (var i = 1; i < geometry.NumGeometries; i++)
        {
            if (geometry.GetGeometryN(i).Area > largest.Area)
            {
                largest = geometry.GetGeometryN(i);
            }
        }

        var point = largest.InteriorPoint;
        return point is null || point.IsEmpty ? null : new GeoPoint(point.X, point.Y);
    }

    private static Coordinate[] Oriented(Coordinate[] ring, bool counterClockwise)
    {
        // NTS: signed ring area is positive for clockwise rings, negative for counter-clockwise ones.
        var signed = Area.OfRingSigned(ring);
        var isCounterClockwise = signed < 0;
        if (signed == 0 || isCounterClockwise == counterClockwise)
        {
            return ring;
        }

        var reversed = (Coordinate[])ring.Clone();
        Array.Reverse(reversed);
        return reversed;
    }
}
