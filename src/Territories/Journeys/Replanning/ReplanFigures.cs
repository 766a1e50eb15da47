namespace Territories.Journeys.Replanning;

/// <summary>The figures of a re-plan: how much changed, why, and what it costs against a plan made from scratch.</summary>
/// <remarks>
/// Counts of accounts refer to accounts with a visit requirement. A kept account is in both the
/// previous plan's routes and the new request. Forced changes are visits the new request makes change
/// whatever the planner does; they are counted per visit. Costs are in objective units (metres, or
/// seconds under <see cref="JourneyObjective.TravelTime"/>): <see cref="JourneyPlan.Cost"/> without the
/// change price. Immutable.
/// </remarks>
public sealed record ReplanFigures
{
    /// <summary>Accounts planned before and still in the request.</summary>
    public required int KeptAccounts { get; init; }

    /// <summary>Accounts planned before and no longer in the request.</summary>
    public required int RemovedAccounts { get; init; }

    /// <summary>Accounts in the request that the previous plan did not show.</summary>
    public required int AddedAccounts { get; init; }

    /// <summary>Kept accounts with a visit on another day, forced changes aside (what <see cref="ReplanRequest.MaxMovedAccounts"/> bounds); position changes are in the diff.</summary>
    public required int MovedKeptAccounts { get; init; }

    /// <summary>Forced: previous visits of removed accounts.</summary>
    public required int RemovedAccountVisits { get; init; }

    /// <summary>Forced: visits of new accounts in the new plan.</summary>
    public required int NewAccountVisits { get; init; }

    /// <summary>Forced: previous visits on a day the position no longer works (vacant, day off, no base).</summary>
    public required int NonWorkingDayVisits { get; init; }

    /// <summary>Forced: previous visits of kept accounts whose previous days no longer form an allowed pattern (changed frequency or hours).</summary>
    public required int ChangedRequirementVisits { get; init; }

    /// <summary>Previous visits of kept accounts on frozen days that are not on the same day, position and relative order in the new plan, forced changes aside (0 unless the freeze was broken).</summary>
    public required int FrozenVisitsChanged { get; init; }

    /// <summary>The new plan's cost without the change price.</summary>
    public required double Cost { get; init; }

    /// <summary>The change price the new plan pays (<see cref="ReplanRequest.PricePerMovedVisit"/> per moved visit).</summary>
    public required double ChangePrice { get; init; }

    /// <summary>The cost of the request planned from scratch with the same options, when asked (<see cref="ReplanRequest.CompareWithScratch"/>).</summary>
    public required double? ScratchCost { get; init; }

    /// <summary>All forced visit changes.</summary>
    public int ForcedChanges => RemovedAccountVisits + NewAccountVisits + NonWorkingDayVisits + ChangedRequirementVisits;

    /// <summary>The new plan's cost over the from-scratch plan's, minus one (0.02 is 2 % dearer); null without a scratch plan or when its cost is 0.</summary>
    public double? GapToScratch => ScratchCost is { } s && s > 0 ? (Cost / s) - 1 : null;
}
