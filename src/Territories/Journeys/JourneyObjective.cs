namespace Territories.Journeys;

/// <summary>What the journey planner minimises.</summary>
public enum JourneyObjective
{
    /// <summary>Total travel distance (the published periodic routing benchmarks).</summary>
    Distance = 0,

    /// <summary>Total travel time.</summary>
    TravelTime = 1,
}
