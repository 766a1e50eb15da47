using Territories.Model;

namespace Territories.Travel;

/// <summary>Answers how far and how long it is between locations, one pair at a time or in bulk.</summary>
/// <remarks>
/// Implementations must be thread-safe and deterministic. Distances are in metres (for planar
/// benchmark coordinates: in the coordinates' own unit, see <see cref="EuclideanTravelModel"/>),
/// durations are driving time without service. A road-network matrix (OSRM, Valhalla, a CRM's own
/// table) plugs in through <see cref="MatrixTravelModel"/> or a custom implementation.
/// </remarks>
public interface ITravelModel
{
    /// <summary>The travel distance from <paramref name="origin"/> to <paramref name="destination"/>, in metres.</summary>
    double DistanceMetres(GeoPoint origin, GeoPoint destination);

    /// <summary>The travel time from <paramref name="origin"/> to <paramref name="destination"/>.</summary>
    TimeSpan Duration(GeoPoint origin, GeoPoint destination);

    /// <summary>Distances and durations between every pair of <paramref name="locations"/>, in their order.</summary>
    TravelMatrix Matrix(IReadOnlyList<GeoPoint> locations);
}
