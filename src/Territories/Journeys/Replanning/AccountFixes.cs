using System.Collections.Immutable;
using Territories.Internal;

namespace Territories.Journeys.Replanning;

/// <summary>An unplanned account, its reason, and the fixes that get it planned, the smallest change first.</summary>
/// <remarks>Empty <see cref="Fixes"/> means that no candidate fix was confirmed by re-planning. Immutable.</remarks>
/// <param name="Unplanned">The account and why it is unplanned.</param>
/// <param name="Fixes">The verified fixes.</param>
public sealed record AccountFixes(UnplannedAccount Unplanned, ImmutableArray<UnplannedFix> Fixes)
{
    /// <summary>The account and why it is unplanned.</summary>
    public UnplannedAccount Unplanned { get; init; } = Guard.NotNull(Unplanned);
}
