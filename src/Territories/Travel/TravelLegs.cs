using Territories.Model;
using Territories.Spatial;

namespace Territories.Travel;

/// <summary>
/// The legs of a <see cref="TravelMatrix"/> computed when asked instead of stored: memory linear in the
/// number of locations, for requests too large for a stored <c>n × n</c> table.
/// </summary>
/// <remarks>
/// Every answer equals, bit for bit, what the model's stored matrix would hold for the same pair (the
/// same function on the same inputs), so a plan does not depend on how its matrix is held. Immutable
/// and thread-safe.
/// </remarks>
internal abstract class TravelLegs
{
    protected TravelLegs(int count) => Count = count;

    /// <summary>Number of locations.</summary>
    public int Count { get; }

    /// <summary>Distance in metres from location <paramref name="from"/> to <paramref name="to"/> (indices already checked).</summary>
    public abstract double Metres(int from, int to);

    /// <summary>Travel time in seconds from location <paramref name="from"/> to <paramref name="to"/> (indices already checked).</summary>
    public abstract double Seconds(int from, int to);

    /// <summary>Both figures of one leg; the built-in metric models compute the distance once.</summary>
    public virtual (double Metres, double Seconds) Leg(int from, int to) => (Metres(from, to), Seconds(from, to));

    /// <summary>
    /// A cheap key that orders the locations around <paramref name="from"/> as <see cref="Metres"/> does
    /// (equal keys, equal distances up to rounding), for ranking neighbours without computing every distance.
    /// </summary>
    public abstract double RankKey(int from, int to);

    /// <summary>An upper bound on every leg's metres and seconds (not far above the largest: it prices an unplanned visit).</summary>
    public abstract (double Metres, double Seconds) UpperBound();

    /// <summary>The legs between the locations <paramref name="map"/> names, renumbered 0 to <c>map.Length − 1</c>.</summary>
    public TravelLegs Subset(int[] map) => new SubsetLegs(this, map);

    /// <summary>
    /// For a metric (symmetric, triangle inequality): every leg is at most twice the longest leg from location 0,
    /// since d(i, j) ≤ d(i, 0) + d(0, j). Linear in the count.
    /// </summary>
    protected (double Metres, double Seconds) MetricUpperBound()
    {
        double metres = 0, seconds = 0;
        for (var i = 0; i < Count; i++)
        {
            metres = Math.Max(metres, Metres(0, i));
            seconds = Math.Max(seconds, Seconds(0, i));
        }

        return (2 * metres, 2 * seconds);
    }

    /// <summary>Great-circle legs (see <see cref="GreatCircleTravelModel"/>), ranked by the chord between unit vectors.</summary>
    internal sealed class GreatCircle : TravelLegs
    {
        private readonly double[] _lon;
        private readonly double[] _lat;
        private readonly double[] _cosLat;
        private readonly double[] _xyz;
        private readonly double _circuity;
        private readonly double _metresPerSecond;

        public GreatCircle(IReadOnlyList<GeoPoint> locations, double circuity, double metresPerSecond)
            : base(locations.Count)
        {
            _lon = new double[Count];
            _lat = new double[Count];
            _cosLat = new double[Count];
            _xyz = new double[3 * Count];
            for (var i = 0; i < Count; i++)
            {
                (_lon[i], _lat[i]) = (locations[i].Longitude, locations[i].Latitude);
                _cosLat[i] = Spherical.CosLatitude(_lat[i]);
                var (lon, lat) = (_lon[i] * Math.PI / 180, _lat[i] * Math.PI / 180);
                _xyz[3 * i] = Math.Cos(lat) * Math.Cos(lon);
                _xyz[(3 * i) + 1] = Math.Cos(lat) * Math.Sin(lon);
                _xyz[(3 * i) + 2] = Math.Sin(lat);
            }

            _circuity = circuity;
            _metresPerSecond = metresPerSecond;
        }

        public override double Metres(int from, int to) => Spherical.DistanceMetres(_lon[from], _lat[from], _cosLat[from], _lon[to], _lat[to], _cosLat[to]) * _circuity;

        public override double Seconds(int from, int to) => Metres(from, to) / _metresPerSecond;

        public override (double Metres, double Seconds) Leg(int from, int to)
        {
            var metres = Metres(from, to);
            return (metres, metres / _metresPerSecond);
        }

        public override double RankKey(int from, int to)
        {
            var dx = _xyz[3 * from] - _xyz[3 * to];
            var dy = _xyz[(3 * from) + 1] - _xyz[(3 * to) + 1];
            var dz = _xyz[(3 * from) + 2] - _xyz[(3 * to) + 2];
            return (dx * dx) + (dy * dy) + (dz * dz);
        }

        public override (double Metres, double Seconds) UpperBound() => MetricUpperBound();
    }

    /// <summary>Straight-line legs in the plane (see <see cref="EuclideanTravelModel"/>), ranked by the squared distance.</summary>
    internal sealed class Planar : TravelLegs
    {
        private readonly double[] _x;
        private readonly double[] _y;
        private readonly double _metresPerUnit;
        private readonly double _metresPerSecond;

        public Planar(IReadOnlyList<GeoPoint> locations, double metresPerUnit, double metresPerSecond)
            : base(locations.Count)
        {
            _x = [.. locations.Select(p => p.Longitude)];
            _y = [.. locations.Select(p => p.Latitude)];
            _metresPerUnit = metresPerUnit;
            _metresPerSecond = metresPerSecond;
        }

        public override double Metres(int from, int to)
        {
            var dx = _x[to] - _x[from];
            var dy = _y[to] - _y[from];
            return Math.Sqrt((dx * dx) + (dy * dy)) * _metresPerUnit;
        }

        public override double Seconds(int from, int to) => Metres(from, to) / _metresPerSecond;

        public override (double Metres, double Seconds) Leg(int from, int to)
        {
            var metres = Metres(from, to);
            return (metres, metres / _metresPerSecond);
        }

        public override double RankKey(int from, int to)
        {
            var dx = _x[to] - _x[from];
            var dy = _y[to] - _y[from];
            return (dx * dx) + (dy * dy);
        }

        public override (double Metres, double Seconds) UpperBound() => MetricUpperBound();
    }

    /// <summary>Legs looked up in a user's table by each location's row (see <see cref="MatrixTravelModel"/>).</summary>
    internal sealed class Lookup : TravelLegs
    {
        private readonly TravelMatrix _table;
        private readonly int[] _rows;

        public Lookup(TravelMatrix table, int[] rows)
            : base(rows.Length)
        {
            _table = table;
            _rows = rows;
        }

        public override double Metres(int from, int to) => _table.DistanceMetres(_rows[from], _rows[to]);

        public override double Seconds(int from, int to) => _table.DurationSeconds(_rows[from], _rows[to]);

        public override double RankKey(int from, int to) => Metres(from, to);

        // The table's own largest entries bound every leg between its locations.
        public override (double Metres, double Seconds) UpperBound() => _table.Largest();
    }

    private sealed class SubsetLegs(TravelLegs inner, int[] map) : TravelLegs(map.Length)
    {
        public override double Metres(int from, int to) => inner.Metres(map[from], map[to]);

        public override double Seconds(int from, int to) => inner.Seconds(map[from], map[to]);

        public override double RankKey(int from, int to) => inner.RankKey(map[from], map[to]);

        public override (double Metres, double Seconds) UpperBound() => inner.UpperBound();
    }
}
