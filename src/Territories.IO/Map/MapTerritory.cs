using System.Collections.Immutable;
using Territories.Model;

namespace Territories.IO.Map;

/// <summary>A territory as the sales map and the GeoJSON export show it: id, name, boundary and metrics.</summary>
/// <remarks>
/// Immutable; change through <c>with</c>. <see cref="Metrics"/> keep the order given (it is the display
/// order); their names are unique and differ from the reserved GeoJSON property names <c>layer</c> and
/// <c>name</c>, which <see cref="SalesMapData"/> checks.
/// </remarks>
/// <param name="Id">The territory's id.</param>
public sealed record MapTerritory(TerritoryId Id)
{
    private readonly ImmutableArray<MapMetric> _metrics = [];

    /// <summary>A display name; null to show the id.</summary>
    public string? Name { get; init; }

    /// <summary>The boundary; null for a territory without one (listed in the legend, not drawn).</summary>
    public TerritoryBoundary? Boundary { get; init; }

    /// <summary>Figures shown on hover and written as properties (accounts, workload, travel, mix); empty by default.</summary>
    public ImmutableArray<MapMetric> Metrics
    {
        get => _metrics;
        init => _metrics = value.IsDefault ? [] : value;
    }

    /// <summary>Builds the map view of a model territory (id, name and boundary; no metrics).</summary>
    public static MapTerritory FromTerritory(Territory territory)
    {
        ArgumentNullException.ThrowIfNull(territory);
        return new MapTerritory(territory.Id) { Name = territory.Name, Boundary = territory.Boundary };
    }
}
