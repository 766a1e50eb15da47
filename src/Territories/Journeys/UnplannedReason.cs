namespace Territories.Journeys;

/// <summary>Why an account's visits are not in the plan.</summary>
public enum UnplannedReason
{
    /// <summary>Its frequency or pattern list allows no day pattern in the cycle (for example more visits than working days).</summary>
    NoAllowedPattern = 1,

    /// <summary>No position may visit it: its fixed position or its territory's positions are not planned, vacant or without a base.</summary>
    NoEligiblePosition = 2,

    /// <summary>On none of its allowed days can a visit from the base meet its opening hours within the working day.</summary>
    OpeningHoursUnreachable = 3,

    /// <summary>One visit alone exceeds a daily limit (working hours, visit or load cap).</summary>
    ExceedsDailyLimits = 4,

    /// <summary>The positions' capacity on its allowed days is used up by other visits.</summary>
    NoCapacity = 5,

    /// <summary>The planner stopped (time limit or cancellation) while preparing the problem or building its first plan, before it could try the account.</summary>
    NotReached = 6,

    /// <summary>Re-planning: its visits on frozen days, or its locks, leave none of its allowed patterns (see <see cref="Replanning.ReplanRequest"/>).</summary>
    Frozen = 7,

    /// <summary>Re-planning: it fits only by moving more kept accounts than the change budget allows (see <see cref="Replanning.ReplanRequest.MaxMovedAccounts"/>).</summary>
    ChangeBudget = 8,
}
