using Territories.Model;

namespace Territories.Tests.Spatial;

/// <summary>
/// A projection centre and two points within half a degree of it in latitude and longitude (drawn by
/// <see cref="Arbitraries.RegionalPointSets"/>): the scale one local projection serves.
/// </summary>
/// <param name="Centre">The projection centre, latitude −60° to 60°, any longitude.</param>
/// <param name="A">The first point.</param>
/// <param name="B">The second point.</param>
public sealed record RegionalPoints(GeoPoint Centre, GeoPoint A, GeoPoint B);
