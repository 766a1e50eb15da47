using Territories.Internal;
using Territories.Model;

namespace Territories.Travel;

/// <summary>The default travel model: great-circle (haversine) distance × a circuity factor, at a constant speed.</summary>
/// <remarks>
/// Road distance ≈ <see cref="CircuityFactor"/> × great-circle distance on a sphere of radius
/// 6,371,008.8 m (the mean Earth radius); time = road distance / <see cref="SpeedKmh"/>. The model is a
/// metric: symmetric, zero on the diagonal, triangle inequality. Immutable and thread-safe.
/// Defaults (40 km/h, factor 1.3) suit mixed urban and rural field sales; calibrate them on a few
/// real trips where possible.
/// </remarks>
public sealed class GreatCircleTravelModel : ITravelModel
{
    /// <summary>Mean Earth radius in metres (IUGG).</summary>
    public const double EarthRadiusMetres = 6_371_008.8;

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
    public static double HaversineMetres(GeoPoint origin, GeoPoint destination)
    {
        const double toRadians = Math.PI / 180;
        var dLat = (destination.Latitude - origin.Latitude) * toRadians;
        var dLon = (destination.Longitude - origin.Longitude) * toRadians;
        var a = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2))
            + (Math.Cos(origin.Latitude * toRadians) * Math.Cos(destination.Latitude * toRadians) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthRadiusMetres * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    /// <inheritdoc />
    public double DistanceMetres(GeoPoint origin, GeoPoint destination) => HaversineMetres(origin, destination) * CircuityFactor;

    /// <inheritdoc />
    public TimeSpan Duration(GeoPoint origin, GeoPoint destination) => TimeSpan.FromSeconds(Seconds(DistanceMetres(origin, destination)));

    /// <inheritdoc />
    public TravelMatrix Matrix(IReadOnlyList<GeoPoint> locations)
    {
        Guard.NotNull(locations);
        return TravelMatrix.Build(locations.Count, (i, j) =>
        {
            var metres = DistanceMetres(locations[i], locations[j]);
            return (metres, Seconds(metres));
        });
    }

    private double Seconds(double metres) => metres / (SpeedKmh / 3.6);
}
