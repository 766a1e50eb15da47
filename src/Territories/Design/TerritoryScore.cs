using System.Collections.Immutable;
using Territories.Model;

namespace Territories.Design;

/// <summary>The figures of one territory in a plan.</summary>
/// <remarks>Immutable; equality by value (the totals by reference).</remarks>
/// <param name="Territory">The territory.</param>
/// <param name="UnitCount">Number of units in it.</param>
/// <param name="Totals">Its total per attribute, in the order of the input's attribute names.</param>
/// <param name="Components">Connected pieces of its units in the unit graph (1 = contiguous).</param>
/// <param name="MomentOfInertia">
/// Sum of squared distances from each unit's centre to the territory's mean centre, in km² for WGS84
/// input and squared planar units for planar input; 0 when units have no position.
/// </param>
/// <param name="PolsbyPopper">4π·area / perimeter² of the territory's shape (1 = a disc); null when units have no shape.</param>
public sealed record TerritoryScore(TerritoryId Territory, int UnitCount, ImmutableArray<double> Totals, int Components, double MomentOfInertia, double? PolsbyPopper)
{
    /// <summary>Whether the territory is one connected piece.</summary>
    public bool IsContiguous => Components == 1;
}
