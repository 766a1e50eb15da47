using NetTopologySuite.Geometries;

namespace Territories.Internal;

/// <summary>The one geometry factory of the library: floating precision, SRID 4326 (WGS84 lon/lat).</summary>
internal static class Geometries
{
    public static GeometryFactory Factory { get; } = new(new PrecisionModel(), 4326);
}
