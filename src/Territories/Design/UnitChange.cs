using Territories.Model;
using Territories.Internal;

namespace Territories.Design;

/// <summary>A unit that is in different territories in two alignments (or in only one of them).</summary>
/// <param name="Unit">The unit's id.</param>
/// <param name="From">Its territory in the first alignment; null when it is only in the second.</param>
/// <param name="To">Its territory in the second alignment; null when it is only in the first.</param>
public readonly record struct UnitChange(string Unit, TerritoryId? From, TerritoryId? To)
{
    /// <summary>The unit's id.</summary>
    public string Unit { get; init; } = Guard.NotNull(Unit);
}
