namespace Territories.Internal;

/// <summary>Where a search stands, as seen by its <see cref="StopCondition"/>.</summary>
/// <param name="Iteration">Iterations done.</param>
/// <param name="SinceImprovement">Iterations since the best solution last improved.</param>
/// <param name="Best">The best objective value so far (lower is better).</param>
internal readonly record struct SearchStatus(long Iteration, long SinceImprovement, double Best);
