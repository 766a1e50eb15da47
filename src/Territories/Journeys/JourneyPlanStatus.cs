namespace Territories.Journeys;

/// <summary>Why the planner stopped searching.</summary>
public enum JourneyPlanStatus
{
    /// <summary>The search ran its course (iteration or no-improvement limit).</summary>
    Completed = 0,

    /// <summary>The time limit was reached; the plan is the best found so far.</summary>
    TimeLimitReached = 1,

    /// <summary>The caller cancelled; the plan is the best found so far.</summary>
    Cancelled = 2,
}
