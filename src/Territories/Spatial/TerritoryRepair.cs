using Territories.Model;

namespace Territories.Spatial;

/// <summary>One change made by the validator's repair: which territory, what was wrong, what the area became.</summary>
/// <remarks>Immutable; equality by value.</remarks>
/// <param name="Territory">The territory repaired.</param>
/// <param name="Problem">What was wrong with its boundary.</param>
/// <param name="AreaBeforeKm2">The area of the invalid boundary as its rings enclose it (km², holes subtracted; may be meaningless for a self-intersecting ring).</param>
/// <param name="AreaAfterKm2">The area of the repaired boundary (km²).</param>
/// <param name="PartsAfter">The number of polygons in the repaired boundary (a bow-tie becomes two).</param>
/// <param name="Message">A sentence saying what changed.</param>
public sealed record TerritoryRepair(TerritoryId Territory, TerritoryProblemCode Problem, double AreaBeforeKm2, double AreaAfterKm2, int PartsAfter, string Message)
{
    /// <summary>A sentence saying what changed.</summary>
    public string Message { get; init; } = Message ?? throw new ArgumentNullException(nameof(Message));
}
