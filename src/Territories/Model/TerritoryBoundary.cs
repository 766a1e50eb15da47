using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Territories.Internal;

namespace Territories.Model;

/// <summary>The boundary of a territory: a polygon or multipolygon in WGS84 degrees.</summary>
/// <remarks>
/// Keeps its own copy of the geometry, built with the library's one factory, so that the caller's
/// NetTopologySuite objects (which are mutable) are never relied on, and never hands its copy out:
/// <see cref="ToGeometry"/> returns a fresh copy. The geometry is not checked for validity here
/// (self-intersections, too few points): model validation and the territory map report those with
/// the territory's id. Equality is by reference.
/// </remarks>
public sealed class TerritoryBoundary
{
    private TerritoryBoundary(Geometry geometry) => Geometry = geometry;

    /// <summary>The library's own copy; never exposed.</summary>
    internal Geometry Geometry { get; }

    /// <summary>Number of coordinates in all rings.</summary>
    public int PointCount => Geometry.NumPoints;

    /// <summary>Whether the boundary has no area at all.</summary>
    public bool IsEmpty => Geometry.IsEmpty;

    /// <summary>The bounding box as (west, south, east, north) in degrees.</summary>
    public (double West, double South, double East, double North) Bounds
    {
        get
        {
            var e = Geometry.EnvelopeInternal;
            return (e.MinX, e.MinY, e.MaxX, e.MaxY);
        }
    }

    /// <summary>Copies a polygon or multipolygon.</summary>
    /// <exception cref="ArgumentException">The geometry is not a polygon or multipolygon.</exception>
    public static TerritoryBoundary FromGeometry(Geometry geometry)
    {
        Guard.NotNull(geometry);
        Guard.That(geometry is Polygon or MultiPolygon, $"A territory boundary is a Polygon or MultiPolygon, not a {geometry.GeometryType}.", nameof(geometry));
        return new TerritoryBoundary(Geometries.Factory.CreateGeometry(geometry));
    }

    /// <summary>Reads a polygon or multipolygon from well-known text.</summary>
    /// <exception cref="ArgumentException">The text is not WKT of a polygon or multipolygon.</exception>
    public static TerritoryBoundary FromWkt(string wkt)
    {
        Guard.NotNull(wkt);
        Geometry geometry;
        try
        {
            geometry = new WKTReader(NetTopologySuite.NtsGeometryServices.Instance).Read(wkt);
        }
        catch (ParseException ex)
        {
            throw new ArgumentException($"Not well-known text: {ex.Message}", nameof(wkt), ex);
        }
        catch (ArgumentException ex)
        {
            // NetTopologySuite rejects a ring that is not closed while reading, without naming the argument.
            throw new ArgumentException($"Not a valid polygon: {ex.Message}", nameof(wkt), ex);
        }

        return FromGeometry(geometry);
    }

    /// <summary>A rectangle from its corners in degrees (handy for tests and examples).</summary>
    public static TerritoryBoundary Rectangle(double west, double south, double east, double north)
    {
        var f = Geometries.Factory;
        return new TerritoryBoundary(f.CreatePolygon(
        [
            new Coordinate(west, south), new Coordinate(east, south), new Coordinate(east, north),
            new Coordinate(west, north), new Coordinate(west, south),
        ]));
    }

    /// <summary>A fresh copy of the geometry, for the caller to keep or change.</summary>
    public Geometry ToGeometry() => Geometry.Copy();

    /// <summary>The boundary as well-known text.</summary>
    public string ToWkt() => Geometry.AsText();

    /// <inheritdoc />
    public override string ToString() => $"{Geometry.GeometryType} ({PointCount} points)";
}
