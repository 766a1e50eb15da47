using NetTopologySuite.Geometries;

namespace Territories.Spatial;

/// <summary>
/// The one Earth model of the library, and the measures on it for geometries in WGS84 degrees:
/// distances, areas, lengths, an equal-area centroid.
/// </summary>
/// <remarks>
/// <para>
/// The Earth is a sphere of radius <see cref="EarthRadiusMetres"/> = 6,371,008.8 m: the IUGG mean
/// radius R₁ = (2a + b) / 3 of the GRS 80 ellipsoid (Moritz, "Geodetic Reference System 1980",
/// Journal of Geodesy 74, 2000), which is also the WGS 84 value to 0.1 mm. It is the radius that
/// minimises the error of great-circle distances against the ellipsoid on average (at most about
/// 0.5 %). Everything that needs the Earth's size uses this class: travel (the haversine of
/// <see cref="Travel.GreatCircleTravelModel"/>), design (the metres per degree of
/// <see cref="LocalProjection"/>), areas and shared borders here.
/// </para>
/// <para>
/// Distances are haversine great-circle distances; ring areas use the spherical trapezoid sum of
/// Chamberlain and Duquette (2007), exact for edges along parallels and within a fraction of a percent
/// for territory-sized rings; lengths sum the great-circle lengths of the segments. Nothing here works
/// in raw degrees. Stateless and thread-safe.
/// </para>
/// </remarks>
internal static class Spherical
{
    /// <summary>The IUGG mean Earth radius in metres (see the remarks for the source).</summary>
    public const double EarthRadiusMetres = 6_371_008.8;

    /// <summary>Metres per degree of arc on the sphere: one degree of a meridian or of the equator, about 111,195 m.</summary>
    public const double MetresPerDegree = EarthRadiusMetres * Math.PI / 180;

    private const double Rad = Math.PI / 180;

    /// <summary>Great-circle distance in metres between two WGS84 positions in degrees (haversine).</summary>
    public static double DistanceMetres(double lon1, double lat1, double lon2, double lat2) =>
        DistanceMetres(lon1, lat1, CosLatitude(lat1), lon2, lat2, CosLatitude(lat2));

    /// <summary>The cosine of a latitude in degrees, as <see cref="DistanceMetres(double, double, double, double, double, double)"/> takes it.</summary>
    public static double CosLatitude(double lat) => Math.Cos(lat * Rad);

    /// <summary>
    /// As <see cref="DistanceMetres(double, double, double, double)"/> with each latitude's cosine
    /// (<see cref="CosLatitude"/>) computed once by the caller: the same value, bit for bit, with two
    /// cosines fewer per pair.
    /// </summary>
    public static double DistanceMetres(double lon1, double lat1, double cosLat1, double lon2, double lat2, double cosLat2)
    {
        var dLat = (lat2 - lat1) * Rad;
        var dLon = (lon2 - lon1) * Rad;
        var sinLat = Math.Sin(dLat / 2);
        var sinLon = Math.Sin(dLon / 2);
        var a = (sinLat * sinLat) + (cosLat1 * cosLat2 * sinLon * sinLon);
        return 2 * EarthRadiusMetres * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    /// <summary>Area of every polygon in <paramref name="geometry"/> in km² (holes subtracted); 0 for lines and points.</summary>
    public static double AreaKm2(Geometry geometry)
    {
        double total = 0;
        for (var i = 0; i < geometry.NumGeometries; i++)
        {
            switch (geometry.GetGeometryN(i))
            {
                case Polygon p when !p.IsEmpty:
                    total += Math.Abs(RingAreaM2(p.ExteriorRing.CoordinateSequence));
                    foreach (var hole in p.InteriorRings)
                    {
                        total -= Math.Abs(RingAreaM2(hole.CoordinateSequence));
                    }

                    break;
                case GeometryCollection c when c != geometry:
                    total += AreaKm2(c) * 1e6;
                    break;
            }
        }

        return total / 1e6;
    }

    /// <summary>Length in metres of every line in <paramref name="geometry"/>, or of every ring of its polygons.</summary>
    public static double LengthMetres(Geometry geometry)
    {
        double total = 0;
        for (var i = 0; i < geometry.NumGeometries; i++)
        {
            switch (geometry.GetGeometryN(i))
            {
                case LineString line:
                    total += LengthMetres(line.CoordinateSequence);
                    break;
                case Polygon p when !p.IsEmpty:
                    total += LengthMetres(p.ExteriorRing.CoordinateSequence);
                    foreach (var hole in p.InteriorRings)
                    {
                        total += LengthMetres(hole.CoordinateSequence);
                    }

                    break;
                case GeometryCollection c when c != geometry:
                    total += LengthMetres(c);
                    break;
            }
        }

        return total;
    }

    /// <summary>
    /// The centroid of a polygonal geometry, computed in a Lambert azimuthal equal-area projection
    /// centred on its envelope, so that it is the centre of mass of the area on the ground.
    /// </summary>
    public static Coordinate Centroid(Geometry geometry)
    {
        var env = geometry.EnvelopeInternal;
        double lon0 = env.Centre.X * Rad, lat0 = env.Centre.Y * Rad;
        var projected = geometry.Copy();
        projected.Apply(new ProjectFilter(lon0, lat0));
        projected.GeometryChanged();
        var c = projected.Centroid.Coordinate;
        return Inverse(c.X, c.Y, lon0, lat0);
    }

    /// <summary>Distance in metres from a point to the nearest edge, in a local equirectangular frame around the point.</summary>
    public static double DistanceToEdgesMetres(double lon, double lat, ReadOnlySpan<double> edges, out double nearestLon, out double nearestLat)
    {
        var k = Math.Cos(lat * Rad);
        var best = double.PositiveInfinity;
        (nearestLon, nearestLat) = (lon, lat);
        for (var i = 0; i < edges.Length; i += 4)
        {
            double ax = (edges[i] - lon) * k, ay = edges[i + 1] - lat, bx = (edges[i + 2] - lon) * k, by = edges[i + 3] - lat;
            double dx = bx - ax, dy = by - ay;
            var len2 = (dx * dx) + (dy * dy);
            var t = len2 > 0 ? Math.Clamp(-((ax * dx) + (ay * dy)) / len2, 0, 1) : 0;
            double px = ax + (t * dx), py = ay + (t * dy);
            var d2 = (px * px) + (py * py);
            if (d2 < best)
            {
                best = d2;
                nearestLon = lon + (k > 0 ? px / k : 0);
                nearestLat = lat + py;
            }
        }

        return DistanceMetres(lon, lat, nearestLon, nearestLat);
    }

    /// <summary>A lower bound-ish of the distance in metres from a point to an envelope, in the same local frame.</summary>
    public static double DistanceToEnvelopeMetres(double lon, double lat, double minX, double minY, double maxX, double maxY)
    {
        var k = Math.Cos(lat * Rad);
        var dx = lon < minX ? minX - lon : lon > maxX ? lon - maxX : 0;
        var dy = lat < minY ? minY - lat : lat > maxY ? lat - maxY : 0;
        return Math.Sqrt((dx * k * dx * k) + (dy * dy)) * MetresPerDegree;
    }

    private static double LengthMetres(CoordinateSequence seq)
    {
        double total = 0;
        for (var i = 0; i + 1 < seq.Count; i++)
        {
            total += DistanceMetres(seq.GetX(i), seq.GetY(i), seq.GetX(i + 1), seq.GetY(i + 1));
        }

        return total;
    }

    private static double RingAreaM2(CoordinateSequence seq)
    {
        double sum = 0;
        for (var i = 0; i + 1 < seq.Count; i++)
        {
            double lon1 = seq.GetX(i) * Rad, lat1 = seq.GetY(i) * Rad, lon2 = seq.GetX(i + 1) * Rad, lat2 = seq.GetY(i + 1) * Rad;
            sum += (lon2 - lon1) * (2 + Math.Sin(lat1) + Math.Sin(lat2));
        }

        return sum * EarthRadiusMetres * EarthRadiusMetres / 2;
    }

    private static Coordinate Inverse(double x, double y, double lon0, double lat0)
    {
        var rho = Math.Sqrt((x * x) + (y * y));
        if (rho == 0)
        {
            return new Coordinate(lon0 / Rad, lat0 / Rad);
        }

        var c = 2 * Math.Asin(Math.Min(1, rho / (2 * EarthRadiusMetres)));
        var lat = Math.Asin((Math.Cos(c) * Math.Sin(lat0)) + (y * Math.Sin(c) * Math.Cos(lat0) / rho));
        var lon = lon0 + Math.Atan2(x * Math.Sin(c), (rho * Math.Cos(lat0) * Math.Cos(c)) - (y * Math.Sin(lat0) * Math.Sin(c)));
        return new Coordinate(lon / Rad, lat / Rad);
    }

    private sealed class ProjectFilter(double lon0, double lat0) : IEntireCoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq)
        {
            for (var i = 0; i < seq.Count; i++)
            {
                double lon = seq.GetX(i) * Rad, lat = seq.GetY(i) * Rad;
                var cosC = (Math.Sin(lat0) * Math.Sin(lat)) + (Math.Cos(lat0) * Math.Cos(lat) * Math.Cos(lon - lon0));
                var k = Math.Sqrt(2 / (1 + cosC));
                seq.SetX(i, EarthRadiusMetres * k * Math.Cos(lat) * Math.Sin(lon - lon0));
                seq.SetY(i, EarthRadiusMetres * k * ((Math.Cos(lat0) * Math.Sin(lat)) - (Math.Sin(lat0) * Math.Cos(lat) * Math.Cos(lon - lon0))));
            }
        }
    }
}
