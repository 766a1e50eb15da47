using Territories.Internal;

namespace Territories.Design;

/// <summary>How well one attribute is balanced across the territories of a plan.</summary>
/// <remarks>Deviations are relative to <see cref="Target"/> (0.02 = 2 %). Equality by value.</remarks>
/// <param name="Attribute">The attribute's name.</param>
/// <param name="Target">The mean total per territory (the attribute's total divided by the territory count).</param>
/// <param name="Tolerance">The allowed relative deviation from the target.</param>
/// <param name="MaxRelativeDeviation">The largest |total − target| / target over all territories.</param>
/// <param name="DeviationLowerBound">
/// No contiguous plan can do better than this on this attribute: at least the excess of the largest
/// single unit over the target, more where a cut unit of the unit graph leaves parts too light or too
/// heavy to split into whole territories (0 when nothing forces a deviation).
/// </param>
public readonly record struct AttributeBalance(string Attribute, double Target, double Tolerance, double MaxRelativeDeviation, double DeviationLowerBound)
{
    /// <summary>The attribute's name.</summary>
    public string Attribute { get; init; } = Guard.NotNull(Attribute);

    /// <summary>Whether every territory is within the tolerance on this attribute.</summary>
    public bool IsWithinTolerance => MaxRelativeDeviation <= Tolerance + 1e-9;
}
