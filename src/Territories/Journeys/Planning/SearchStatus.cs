namespace Territories.Journeys.Planning;

/// <summary>Where the search stands, as seen by the stop conditions.</summary>
/// <param name="Iteration">Iterations done.</param>
/// <param name="SinceImprovement">Iterations since the best solution last improved.</param>
/// <param name="Elapsed">Time since the search started.</param>
internal readonly record struct SearchStatus(long Iteration, long SinceImprovement, TimeSpan Elapsed);
