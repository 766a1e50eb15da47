namespace Territories.Journeys;

/// <summary>A progress report of the journey planner.</summary>
/// <param name="Iteration">Search iterations done.</param>
/// <param name="BestCost">The best objective value so far (penalties for unplanned visits included).</param>
/// <param name="UnplannedVisits">Visits not planned in the best plan so far.</param>
/// <param name="Elapsed">Time since the search started.</param>
public readonly record struct JourneyPlanProgress(long Iteration, double BestCost, int UnplannedVisits, TimeSpan Elapsed);
