using Territories.Internal;

namespace Territories.Journeys.Replanning;

/// <summary>A re-plan: the new plan, what changed against the previous one, and the figures.</summary>
/// <remarks>
/// Accounts the freeze or the locks leave no pattern for are in <see cref="JourneyPlan.Unplanned"/> as
/// <see cref="UnplannedReason.Frozen"/>; accounts the change budget keeps out as
/// <see cref="UnplannedReason.ChangeBudget"/>. Immutable.
/// </remarks>
/// <param name="Plan">The new plan.</param>
/// <param name="Diff">The new plan against the previous one.</param>
/// <param name="Figures">How much changed, why, and what it costs.</param>
/// <param name="Scratch">The request planned from scratch, when asked (<see cref="ReplanRequest.CompareWithScratch"/>).</param>
public sealed record ReplanResult(JourneyPlan Plan, PlanDiff Diff, ReplanFigures Figures, JourneyPlan? Scratch)
{
    /// <summary>The new plan.</summary>
    public JourneyPlan Plan { get; init; } = Guard.NotNull(Plan);

    /// <summary>The new plan against the previous one.</summary>
    public PlanDiff Diff { get; init; } = Guard.NotNull(Diff);

    /// <summary>How much changed, why, and what it costs.</summary>
    public ReplanFigures Figures { get; init; } = Guard.NotNull(Figures);
}
