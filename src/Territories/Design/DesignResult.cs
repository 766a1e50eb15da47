using System.Collections.Immutable;
using Territories.Model;
using Territories.Internal;

namespace Territories.Design;

/// <summary>A designed plan: the alignment, the territory shapes, its score and the baseline's.</summary>
/// <remarks>Immutable.</remarks>
/// <param name="Alignment">Which territory every unit belongs to.</param>
/// <param name="Territories">
/// The territories, sorted by id, with their boundary: the union of the unit polygons, or for point
/// units the union of the units' cells (each unit's share of the Delaunay triangles, a median dual,
/// plus a band around them), which contains the territory's points, overlaps no other territory and
/// is one polygon when the territory is contiguous. Boundaries are null when not asked for or when
/// units have no geometry.
/// </param>
/// <param name="Report">The plan's score.</param>
/// <param name="Baseline">The score of a balanced k-means plan on the same input; null when not asked for, when units have no position, or when the time limit or cancellation stopped the designer before the baseline was complete.</param>
/// <param name="StoppedEarly">Whether the time limit or cancellation ended the search before its own stopping rule (the plan is the best found so far).</param>
public sealed record DesignResult(Alignment Alignment, ImmutableArray<Territory> Territories, DesignReport Report, DesignReport? Baseline, bool StoppedEarly)
{
    /// <summary>Which territory every unit belongs to.</summary>
    public Alignment Alignment { get; init; } = Guard.NotNull(Alignment);

    /// <summary>The plan's score.</summary>
    public DesignReport Report { get; init; } = Guard.NotNull(Report);
}
