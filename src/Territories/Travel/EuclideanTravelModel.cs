using Territories.Internal;
using Territories.Model;

namespace Territories.Travel;

/// <summary>Straight-line distance in the plane, for planar benchmark coordinates (x = <see cref="GeoPoint.Longitude"/>, y = <see cref="GeoPoint.Latitude"/>).</summary>
/// <remarks>
/// Distance = √(Δx² + Δy²) × <see cref="MetresPerUnit"/>, unrounded double precision; time = distance /
/// <see cref="MetresPerSecond"/>. The published periodic routing instances (Cordeau et al.) use
/// travel time = distance: <see cref="Benchmark"/> maps one unit to one metre and one minute. A metric;
/// immutable and thread-safe.
/// </remarks>
public sealed class EuclideanTravelModel : ITravelModel, IRowPolledTravelModel
{
    /// <summary>A model with the given scale and speed.</summary>
    /// <param name="metresPerUnit">Metres per coordinate unit; greater than zero.</param>
    /// <param name="metresPerSecond">Speed; greater than zero.</param>
    public EuclideanTravelModel(double metresPerUnit, double metresPerSecond)
    {
        MetresPerUnit = Guard.Positive(metresPerUnit);
        MetresPerSecond = Guard.Positive(metresPerSecond);
    }

    /// <summary>One unit is one metre and takes one minute: travel time in minutes equals distance.</summary>
    public static EuclideanTravelModel Benchmark { get; } = new(1, 1.0 / 60);

    /// <summary>Metres per coordinate unit.</summary>
    public double MetresPerUnit { get; }

    /// <summary>Speed in metres per second.</summary>
    public double MetresPerSecond { get; }

    /// <inheritdoc />
    public double DistanceMetres(GeoPoint origin, GeoPoint destination)
    {
        var dx = destination.Longitude - origin.Longitude;
        var dy = destination.Latitude - origin.Latitude;
        return Math.Sqrt((dx * dx) + (dy * dy)) * MetresPerUnit;
    }

    /// <inheritdoc />
    public TimeSpan Duration(GeoPoint origin, GeoPoint destination) => TimeSpan.FromSeconds(DistanceMetres(origin, destination) / MetresPerSecond);

    /// <inheritdoc />
    public TravelMatrix Matrix(IReadOnlyList<GeoPoint> locations) => Matrix(locations, null);

    /// <inheritdoc />
    TravelMatrix IRowPolledTravelModel.Matrix(IReadOnlyList<GeoPoint> locations, Action onRow) => Matrix(locations, onRow);

    private TravelMatrix Matrix(IReadOnlyList<GeoPoint> locations, Action? onRow)
    {
        Guard.NotNull(locations);
        return TravelMatrix.StoredOrComputed(locations.Count, () => new TravelLegs.Planar(locations, MetresPerUnit, MetresPerSecond), onRow);
    }
}
