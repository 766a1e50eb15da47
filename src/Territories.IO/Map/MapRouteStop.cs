using Territories.Model;

namespace Territories.IO.Map;

/// <summary>One stop of a route: a location, the account visited there, and the planned arrival.</summary>
/// <remarks>Equality is by value. The location must be finite; <see cref="SalesMapData"/> checks it.</remarks>
/// <param name="Location">Where the stop is (WGS84 degrees).</param>
/// <param name="Account">The account visited; null for a stop that is not a visit (a depot, a break).</param>
public readonly record struct MapRouteStop(GeoPoint Location, AccountId? Account)
{
    /// <summary>The planned arrival as time of day; null when not planned.</summary>
    public TimeOnly? Arrival { get; init; }
}
