using System.Collections.Immutable;
using Territories.Model;

namespace Territories.Spatial;

/// <summary>A territory hierarchy rolled up: every node's boundary and totals, the totals per level, and the problems found.</summary>
/// <remarks>Immutable. Nodes sorted by id; levels in hierarchy order (top first), unknown levels after them, ordinal.</remarks>
/// <param name="Nodes">Every territory with its roll-up.</param>
/// <param name="Levels">The totals per level.</param>
/// <param name="Problems">Unknown levels, orphan territories, loops.</param>
public sealed record HierarchyRollUp(ImmutableArray<HierarchyNode> Nodes, ImmutableArray<LevelTotal> Levels, ImmutableArray<TerritoryProblem> Problems)
{
    /// <summary>The node of <paramref name="territory"/>, or null.</summary>
    public HierarchyNode? Find(TerritoryId territory) => Nodes.FirstOrDefault(n => n.Territory == territory);
}
