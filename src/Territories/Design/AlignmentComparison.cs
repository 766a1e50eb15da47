using System.Collections.Immutable;
using Territories.Internal;

namespace Territories.Design;

/// <summary>Two alignments side by side: the same report for each, and the units that changed hands.</summary>
/// <remarks>Immutable.</remarks>
/// <param name="First">The first alignment's score.</param>
/// <param name="Second">The second alignment's score.</param>
/// <param name="Changes">Every unit in a different territory (or only in one alignment), sorted by unit id.</param>
/// <param name="VolumeChanged">The attribute volume of the units that changed territory, per attribute.</param>
public sealed record AlignmentComparison(DesignReport First, DesignReport Second, ImmutableArray<UnitChange> Changes, ImmutableArray<double> VolumeChanged)
{
    /// <summary>The first alignment's score.</summary>
    public DesignReport First { get; init; } = Guard.NotNull(First);

    /// <summary>The second alignment's score.</summary>
    public DesignReport Second { get; init; } = Guard.NotNull(Second);
}
