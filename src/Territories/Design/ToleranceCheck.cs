using System.Collections.Immutable;

namespace Territories.Design;

/// <summary>
/// Whether the balance tolerances can be met by any contiguous plan, found without searching
/// (<see cref="TerritoryDesigner.CheckTolerance"/>).
/// </summary>
/// <remarks>
/// <para>
/// The argument behind both figures: removing a cut unit v splits the unit graph into parts; every
/// territory except v's own lies whole inside one part, and what is left of each part joins v's
/// territory. Parts too light to hold whole territories, or leaving too much over, force v's
/// territory out of the band. The single-unit case (one unit above the upper limit) is included.
/// </para>
/// <para>
/// Sound, not complete: a <see cref="Proof"/> means no contiguous plan meets the tolerances; its
/// absence does not promise that one exists. With islands (a disconnected unit graph) only the
/// single-unit argument applies. Deviations are relative to the target (0.02 = 2 %). Immutable.
/// </para>
/// </remarks>
/// <param name="Attributes">The attribute names, in input order.</param>
/// <param name="Tolerances">The tolerance checked for each attribute.</param>
/// <param name="DeviationLowerBounds">Per attribute, a relative deviation from the target no contiguous plan can beat on that attribute alone.</param>
/// <param name="ProofUnit">The unit the proof turns on (the cut unit, or the unit too heavy on its own); null without a proof.</param>
/// <param name="Proof">A readable proof that the tolerances cannot all be met together; null when none was found.</param>
public sealed record ToleranceCheck(
    ImmutableArray<string> Attributes,
    ImmutableArray<double> Tolerances,
    ImmutableArray<double> DeviationLowerBounds,
    string? ProofUnit,
    string? Proof)
{
    /// <summary>Whether the check proved that no contiguous plan meets the tolerances.</summary>
    public bool IsProvablyInfeasible => Proof is not null;
}
