using Territories.Model;

namespace Territories.IO.Map;

/// <summary>Where a sales position starts and ends its working days (home or distributor), as the map shows it.</summary>
/// <remarks>Immutable. The location must be finite; <see cref="SalesMapData"/> checks it.</remarks>
/// <param name="Position">The position's id.</param>
/// <param name="Location">The base (WGS84 degrees).</param>
public sealed record MapPositionBase(PositionId Position, GeoPoint Location)
{
    /// <summary>A display name (the holder, the distributor); null to show the id.</summary>
    public string? Name { get; init; }

    /// <summary>The base of a model position; null when the position has none.</summary>
    public static MapPositionBase? FromPosition(SalesPosition position)
    {
        ArgumentNullException.ThrowIfNull(position);
        return position.Base is { } location ? new MapPositionBase(position.Id, location) { Name = position.Name } : null;
    }
}
