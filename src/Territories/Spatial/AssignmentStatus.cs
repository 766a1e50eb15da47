namespace Territories.Spatial;

/// <summary>How an account or point came to its territory, or why it has none.</summary>
public enum AssignmentStatus
{
    /// <summary>Inside exactly one territory (or on a boundary, settled by the map's boundary rule).</summary>
    Assigned = 1,

    /// <summary>Assigned by a named-account override, whatever its location.</summary>
    Named = 2,

    /// <summary>Outside every territory.</summary>
    Unassigned = 3,

    /// <summary>Inside several (overlapping) territories, or named by several territories.</summary>
    Ambiguous = 4,

    /// <summary>The location is not a WGS84 coordinate (NaN, infinite or out of range).</summary>
    InvalidLocation = 5,

    /// <summary>
    /// Outside every territory but within <see cref="AssignmentOptions.SnapDistanceMetres"/> of one:
    /// given the nearest (a shop on the beach outside a simplified coastline, a point a few metres over
    /// a border drawn coarsely), with the distance.
    /// </summary>
    Snapped = 6,
}
