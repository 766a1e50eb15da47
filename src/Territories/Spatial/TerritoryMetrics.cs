using Territories.Model;

namespace Territories.Spatial;

/// <summary>The shape and load of one territory.</summary>
/// <remarks>
/// Areas on the sphere in km², perimeters as great-circle lengths in km, the centroid in an
/// equal-area projection. <see cref="Compactness"/> is the Polsby-Popper score 4πA/P²: 1 for a
/// circle, about 0.785 for a square, towards 0 for a long or ragged shape. Immutable; equality by value.
/// </remarks>
public sealed record TerritoryMetrics
{
    /// <summary>The territory.</summary>
    public required TerritoryId Territory { get; init; }

    /// <summary>Area in km² (0 without a boundary).</summary>
    public required double AreaKm2 { get; init; }

    /// <summary>Length of every ring in km (0 without a boundary).</summary>
    public required double PerimeterKm { get; init; }

    /// <summary>Polsby-Popper score, 0 to 1 (0 without a boundary).</summary>
    public required double Compactness { get; init; }

    /// <summary>The centre of area; null without a boundary.</summary>
    public required GeoPoint? Centroid { get; init; }

    /// <summary>Accounts assigned to the territory (by geography or by name).</summary>
    public required int AccountCount { get; init; }

    /// <summary>Sum of the assigned accounts' potential.</summary>
    public required decimal Potential { get; init; }

    /// <summary>Hours of visits per journey cycle the assigned accounts need (see <see cref="TerritoryMetricsCalculator.WorkloadHours"/>).</summary>
    public required double WorkloadHours { get; init; }
}
