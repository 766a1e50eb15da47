using NetTopologySuite.Geometries;

namespace Territories.Spatial;

/// <summary>
/// An equirectangular projection around a centre, in metres on the sphere of <see cref="Spherical"/>,
/// for distances and areas inside one region, or the identity for planar input.
/// </summary>
/// <remarks>
/// x = Δlongitude × <see cref="Spherical.MetresPerDegree"/> × cos(centre latitude), y = Δlatitude ×
/// <see cref="Spherical.MetresPerDegree"/>: exact along the central parallel and every meridian, with
/// east-west distances off by the ratio of the cosines elsewhere (under 1 % within about 1° of latitude
/// of the centre, a few per cent over a few hundred kilometres). Immutable and thread-safe.
/// </remarks>
internal sealed class LocalProjection : ICoordinateSequenceFilter
{
    private readonly double _lon0;
    private readonly double _lat0;
    private readonly double _kx;
    private readonly double _ky;

    private LocalProjection(double lon0, double lat0, double kx, double ky)
    {
        _lon0 = lon0;
        _lat0 = lat0;
        _kx = kx;
        _ky = ky;
    }

    /// <summary>Factor from squared projected units to the unit of a moment of inertia (km² or planar²).</summary>
    public double SquaredToReport => IsIdentity ? 1 : 1e-6;

    public bool Done => false;

    public bool GeometryChanged => true;

    public static LocalProjection Identity { get; } = new(0, 0, 1, 1);

    /// <summary>Whether this is the identity (planar input, no projection).</summary>
    public bool IsIdentity => _kx == 1 && _ky == 1;

    public static LocalProjection Around(double lon0, double lat0) =>
        new(lon0, lat0, Spherical.MetresPerDegree * Math.Cos(double.DegreesToRadians(lat0)), Spherical.MetresPerDegree);

    /// <summary>
    /// The projection centred on a set of WGS84 positions: their mean latitude, and their mean longitude
    /// or, for positions spread over more than 180° (a region across the antimeridian, given as +179 and
    /// −179), their circular mean, so that the projection centres on the region; the identity when there
    /// are none.
    /// </summary>
    public static LocalProjection Centred(IReadOnlyList<(double Lon, double Lat)> positions)
    {
        if (positions.Count == 0)
        {
            return Identity;
        }

        return Around(CentralLongitude([.. positions.Select(p => p.Lon)]), positions.Average(p => p.Lat));
    }

    /// <summary>The mean longitude, or the circular mean for longitudes spread over more than 180°.</summary>
    private static double CentralLongitude(IReadOnlyList<double> longitudes)
    {
        if (longitudes.Max() - longitudes.Min() <= 180)
        {
            return longitudes.Average();
        }

        var sin = longitudes.Average(l => Math.Sin(double.DegreesToRadians(l)));
        var cos = longitudes.Average(l => Math.Cos(double.DegreesToRadians(l)));
        return double.RadiansToDegrees(Math.Atan2(sin, cos));
    }

    /// <summary>
    /// Projects a position; for WGS84 the longitude difference is taken the short way round, so that
    /// a region across the antimeridian (the Aleutians at +172° and −170°) stays in one piece.
    /// </summary>
    public (double X, double Y) Project(double lon, double lat)
    {
        var dl = lon - _lon0;
        if (!IsIdentity)
        {
            dl = dl > 180 ? dl - 360 : dl < -180 ? dl + 360 : dl;
        }

        return (dl * _kx, (lat - _lat0) * _ky);
    }

    public (double Lon, double Lat) Inverse(double x, double y) => ((x / _kx) + _lon0, (y / _ky) + _lat0);

    public Geometry ProjectCopy(Geometry geometry)
    {
        var copy = geometry.Copy();
        copy.Apply(this);
        return copy;
    }

    public Geometry InverseCopy(Geometry geometry)
    {
        var copy = geometry.Copy();
        copy.Apply(new InverseFilter(this));
        return copy;
    }

    public void Filter(CoordinateSequence seq, int i)
    {
        var (x, y) = Project(seq.GetX(i), seq.GetY(i));
        seq.SetX(i, x);
        seq.SetY(i, y);
    }

    private sealed class InverseFilter(LocalProjection projection) : ICoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq, int i)
        {
            var (x, y) = projection.Inverse(seq.GetX(i), seq.GetY(i));
            seq.SetX(i, x);
            seq.SetY(i, y);
        }
    }
}
