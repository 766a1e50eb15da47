using System.Collections.Immutable;
using Territories.Model;

namespace Territories.Spatial;

/// <summary>One territory of the hierarchy with the totals of everything below it.</summary>
/// <remarks>Totals include the territory's own accounts and those of every descendant. Immutable.</remarks>
/// <param name="Territory">The territory.</param>
/// <param name="Level">Its level.</param>
/// <param name="Parent">Its parent, or null at the top (or when the parent is unknown).</param>
/// <param name="Children">Its direct children, sorted.</param>
/// <param name="Boundary">The union of its children's boundaries when it has children with boundaries, else its own; null when neither exists.</param>
/// <param name="AreaKm2">The area of <paramref name="Boundary"/> in km².</param>
/// <param name="AccountCount">Accounts in it and below.</param>
/// <param name="Potential">Potential of those accounts.</param>
/// <param name="WorkloadHours">Visit hours per cycle of those accounts.</param>
public sealed record HierarchyNode(
    TerritoryId Territory,
    string Level,
    TerritoryId? Parent,
    ImmutableArray<TerritoryId> Children,
    TerritoryBoundary? Boundary,
    double AreaKm2,
    int AccountCount,
    decimal Potential,
    double WorkloadHours)
{
    /// <summary>Its level.</summary>
    public string Level { get; init; } = Level ?? throw new ArgumentNullException(nameof(Level));
}
