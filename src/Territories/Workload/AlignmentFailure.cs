using System.Collections.Immutable;
using Territories.Model;

namespace Territories.Workload;

/// <summary>An alignment request that cannot be run, with every problem found.</summary>
/// <remarks>The SDK's one failure shape (<see cref="ErrorList{TError}"/>): immutable, equality by value.</remarks>
/// <param name="Errors">Every error, in a stable order.</param>
public sealed record AlignmentFailure(ImmutableArray<AlignmentError> Errors) : ErrorList<AlignmentError>(Errors);
