using Territories.Model;

namespace Territories.Spatial;

/// <summary>The shape and load of one territory.</summary>
/// <remarks>
/// Areas on the sphere in km², perimeters as great-circle lengths in km, the centroid in an
/// equal-area projection. <see cref="Compactness"/> is the Polsby-Popper score 4πA/P²: 1 for a
/// circle, about 0.785 for a square, towards 0 for a long or ragged shape. Immutable; equality by value.
/// </remarks>
/// <param name="Territory">The territory.</param>
/// <param name="AreaKm2">Area in km² (0 without a boundary).</param>
/// <param name="PerimeterKm">Length of every ring in km (0 without a boundary).</param>
/// <param name="Compactness">Polsby-Popper score, 0 to 1 (0 without a boundary).</param>
/// <param name="Centroid">The centre of area; null without a boundary.</param>
/// <param name="AccountCount">Accounts assigned to the territory (by geography or by name).</param>
/// <param name="Potential">Sum of the assigned accounts' potential.</param>
/// <param name="WorkloadHours">Hours of visits per journey cycle the assigned accounts need (see <see cref="TerritoryMetricsCalculator.WorkloadHours"/>).</param>
public sealed record TerritoryMetrics(
    TerritoryId Territory,
    double AreaKm2,
    double PerimeterKm,
    double Compactness,
    GeoPoint? Centroid,
    int AccountCount,
    decimal Potential,
    double WorkloadHours);
