namespace Territories.IO.Map;

/// <summary>The layers of a sales map, combinable as flags (the GeoJSON export writes the chosen ones into one collection).</summary>
[Flags]
public enum SalesMapLayers
{
    /// <summary>No layer: an empty collection.</summary>
    None = 0,

    /// <summary>Territory boundaries (Polygon or MultiPolygon) with their metrics.</summary>
    Territories = 1,

    /// <summary>Accounts (Point) with territory, class, frequency, position and weekday.</summary>
    Accounts = 2,

    /// <summary>Position bases (Point).</summary>
    Bases = 4,

    /// <summary>Routes (LineString), one per position and cycle day.</summary>
    Routes = 8,

    /// <summary>Every layer.</summary>
    All = Territories | Accounts | Bases | Routes,
}
