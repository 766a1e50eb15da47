using NetTopologySuite.Geometries;

namespace Territories.Design;

/// <summary>
/// An equirectangular projection around the data's mean latitude, in metres, for distances and areas
/// inside one region (accurate to a few per cent over a few hundred kilometres), or the identity for
/// planar input.
/// </summary>
internal sealed class LocalProjection : ICoordinateSequenceFilter
{
    private const double MetresPerDegreeLatitude = 110_574;
    private const double MetresPerDegreeLongitudeAtEquator = 111_320;
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
    public double SquaredToReport => _kx == 1 && _ky == 1 ? 1 : 1e-6;

    public bool Done => false;

    public bool GeometryChanged => true;

    public static LocalProjection Identity { get; } = new(0, 0, 1, 1);

    public static LocalProjection Around(double lon0, double lat0) =>
        new(lon0, lat0, MetresPerDegreeLongitudeAtEquator * Math.Cos(lat0 * Math.PI / 180), MetresPerDegreeLatitude);

    /// <summary>
    /// Projects a position; for WGS84 the longitude difference is taken the short way round, so that
    /// a region across the antimeridian (the Aleutians at +172° and −170°) stays in one piece.
    /// </summary>
    public (double X, double Y) Project(double lon, double lat)
    {
        var dl = lon - _lon0;
        if (_kx != 1 || _ky != 1)
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
