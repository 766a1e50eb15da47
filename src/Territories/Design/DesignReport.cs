using System.Collections.Immutable;

namespace Territories.Design;

/// <summary>The score of a plan: balance per attribute, contiguity and compactness per territory.</summary>
/// <remarks>
/// Computed the same way for a designed plan, a baseline and any caller's alignment, so the figures
/// compare. Immutable.
/// </remarks>
/// <param name="Balance">One entry per attribute.</param>
/// <param name="Territories">One entry per territory, sorted by id.</param>
/// <param name="IslandUnits">
/// Units outside the largest connected piece of the unit graph (islands), sorted; such units cannot
/// join a territory contiguously. Polygon units are never islands in this sense: their pieces are
/// joined by <see cref="IslandLinks"/> instead.
/// </param>
public sealed record DesignReport(ImmutableArray<AttributeBalance> Balance, ImmutableArray<TerritoryScore> Territories, ImmutableArray<string> IslandUnits)
{
    /// <summary>
    /// The links added between pieces of polygon units that share no boundary (see <see cref="IslandLink"/>);
    /// empty when the units' borders connect them all, or for point units and explicit links.
    /// Contiguity in <see cref="Territories"/> counts these links.
    /// </summary>
    public ImmutableArray<IslandLink> IslandLinks { get; init; } = [];

    /// <summary>
    /// The pieces that polygon units' shared borders fall into, when there is more than one: the ids
    /// of each piece, sorted, indexed by the piece numbers of <see cref="IslandLinks"/> (piece 0 has
    /// the most units); empty when the borders connect every unit.
    /// </summary>
    public ImmutableArray<ImmutableArray<string>> Pieces { get; init; } = [];

    /// <summary>
    /// The units whose polygon was not valid (a self-intersecting "bow-tie", a ring that touches
    /// itself) and was repaired before the design used it (NetTopologySuite's <c>GeometryFixer</c>: a
    /// bow-tie becomes its two triangles), ids sorted; empty when every polygon was valid. Their area,
    /// borders and compactness are those of the repaired shape: check them at the source.
    /// </summary>
    public ImmutableArray<string> RepairedUnits { get; init; } = [];

    /// <summary>Whether every attribute is within its tolerance in every territory.</summary>
    public bool IsBalanced => Balance.All(b => b.IsWithinTolerance);

    /// <summary>Number of contiguous territories.</summary>
    public int ContiguousTerritories => Territories.Count(t => t.IsContiguous);

    /// <summary>Whether every territory is contiguous.</summary>
    public bool IsContiguous => Territories.All(t => t.IsContiguous);

    /// <summary>The sum of the territories' moments of inertia (smaller is more compact).</summary>
    public double MomentOfInertia => Territories.Sum(t => t.MomentOfInertia);

    /// <summary>The mean Polsby-Popper score over territories (larger is more compact); null without shapes.</summary>
    public double? MeanPolsbyPopper => Territories.IsEmpty || Territories.Any(t => t.PolsbyPopper is null) ? null : Territories.Average(t => t.PolsbyPopper!.Value);

    /// <summary>The largest relative deviation over all attributes.</summary>
    public double MaxRelativeDeviation => Balance.IsEmpty ? 0 : Balance.Max(b => b.MaxRelativeDeviation);
}
