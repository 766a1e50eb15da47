using Territories.Internal;
using Territories.Model;
using Territories.Spatial;

namespace Territories.Travel;

/// <summary>The default travel model: great-circle (haversine) distance × a circuity factor, at a constant speed.</summary>
/// <remarks>
/// Road distance ≈ <see cref="CircuityFactor"/> × great-circle distance on a sphere of radius
/// <see cref="EarthRadiusMetres"/> (the library's one Earth model, also used for areas, shared
/// borders and the design's local projection); time = road distance / <see cref="SpeedKmh"/>. The model is a
/// metric: symmetric, zero on the diagonal, triangle inequality. Immutable and thread-safe.
/// Defaults (40 km/h, factor 1.3) suit mixed urban and rural field sales; calibrate them on a few
/// real trips where possible.
/// </remarks>
public sealed class GreatCircleTravelModel : ITravelModel, IRowPolledTravelModel
{
    /// <summary>
    /// The Earth radius of the model in metres: 6,371,008.8 m, the IUGG mean radius R₁ = (2a + b) / 3 of
    /// the GRS 80 ellipsoid (Moritz 2000).
    /// </summary>
    public const double EarthRadiusMetres = Spherical.EarthRadiusMetres;

    /// <summary>A model with the default speed (40 km/h) and circuity factor (1.3).</summary>
    public GreatCircleTravelModel()
        : this(40, 1.3)
    {
    }

    /// <summary>A model with the given speed and circuity factor.</summary>
    /// <param name="speedKmh">Average driving speed in km/h; greater than zero.</param>
    /// <param name="circuityFactor">Road distance over great-circle distance; 1 or more.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is out of range or not finite.</exception>
    public GreatCircleTravelModel(double speedKmh, double circuityFactor)
    {
        SpeedKmh = Guard.Positive(speedKmh);
        if (!double.IsFinite(circuityFactor) || circuityFactor < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(circuityFactor), circuityFactor, "The circuity factor must be a finite number, 1 or more.");
        }

        CircuityFactor = circuityFactor;
    }

    /// <summary>Average driving speed in km/h.</summary>
    public double SpeedKmh { get; }

    /// <summary>Road distance over great-circle distance.</summary>
    public double CircuityFactor { get; }

    /// <summary>The great-circle distance in metres between two WGS84 points (haversine).</summary>
    public static double HaversineMetres(GeoPoint origin, GeoPoint destination) =>
        Spherical.DistanceMetres(origin.Longitude, origin.Latitude, destination.Longitude, destination.Latitude);

    /// <inheritdoc />
    public double DistanceMetres(GeoPoint origin, GeoPoint destination) => HaversineMetres(origin, destination) * CircuityFactor;

    /// <inheritdoc />
    public TimeSpan Duration(GeoPoint origin, GeoPoint destination) => TimeSpan.FromSeconds(Seconds(DistanceMetres(origin, destination)));

    /// <inheritdoc />
    public TravelMatrix Matrix(IReadOnlyList<GeoPoint> locations) => Matrix(locations, null);

    /// <inheritdoc />
    TravelMatrix IRowPolledTravelModel.Matrix(IReadOnlyList<GeoPoint> locations, Action onRow) => Matrix(locations, onRow);

    private TravelMatrix Matrix(IReadOnlyList<GeoPoint> locations, Action? onRow)
    {
        Guard.NotNull(locations);
        return TravelMatrix.StoredOrComputed(locations.Count, () => new TravelLegs.GreatCircle(locations, CircuityFactor, SpeedKmh / 3.6), onRow);
    }

    private double Seconds(double metres) => metres / (SpeedKmh / 3.6);
}
