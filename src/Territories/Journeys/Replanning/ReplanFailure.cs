using System.Collections.Immutable;
using Territories.Model;

namespace Territories.Journeys.Replanning;

/// <summary>The expected outcome of a re-plan request that cannot be planned: every problem found, not just the first.</summary>
/// <remarks>The SDK's one failure shape (<see cref="ErrorList{TError}"/>): immutable, equality by value.</remarks>
/// <param name="Errors">Every error, in a stable order.</param>
public sealed record ReplanFailure(ImmutableArray<ReplanError> Errors) : ErrorList<ReplanError>(Errors);
