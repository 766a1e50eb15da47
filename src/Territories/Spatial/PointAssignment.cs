namespace Territories.Spatial;

/// <summary>The territory of one point, as an index into <see cref="TerritoryMap.Territories"/>.</summary>
/// <remarks>
/// Eight bytes, for batch lookups over millions of points without an object per point.
/// <see cref="TerritoryIndex"/> is the territory for <see cref="AssignmentStatus.Assigned"/>, the
/// lowest-index candidate for <see cref="AssignmentStatus.Ambiguous"/>, and −1 otherwise.
/// </remarks>
/// <param name="Status">Assigned, unassigned, ambiguous or invalid location (never named: points carry no id).</param>
/// <param name="TerritoryIndex">Index into <see cref="TerritoryMap.Territories"/>, or −1.</param>
public readonly record struct PointAssignment(AssignmentStatus Status, int TerritoryIndex);
