using System.Collections.Immutable;
using Territories.Model;

namespace Territories.Spatial;

/// <summary>One territory of the hierarchy with the totals of everything below it.</summary>
/// <remarks>Totals include the territory's own accounts and those of every descendant. Immutable.</remarks>
public sealed record HierarchyNode
{
    /// <summary>The territory.</summary>
    public required TerritoryId Territory { get; init; }

    /// <summary>Its level.</summary>
    public required string Level { get; init => field = value ?? throw new ArgumentNullException(nameof(Level)); }

    /// <summary>Its parent, or null at the top (or when the parent is unknown).</summary>
    public required TerritoryId? Parent { get; init; }

    /// <summary>Its direct children, sorted.</summary>
    public required ImmutableArray<TerritoryId> Children { get; init; }

    /// <summary>The union of its children's boundaries when it has children with boundaries, else its own; null when neither exists.</summary>
    public required TerritoryBoundary? Boundary { get; init; }

    /// <summary>The area of <see cref="Boundary"/> in km².</summary>
    public required double AreaKm2 { get; init; }

    /// <summary>Accounts in it and below.</summary>
    public required int AccountCount { get; init; }

    /// <summary>Potential of those accounts.</summary>
    public required decimal Potential { get; init; }

    /// <summary>Visit hours per cycle of those accounts.</summary>
    public required double WorkloadHours { get; init; }
}
