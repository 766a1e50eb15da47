using System.Collections.Immutable;

namespace Territories.Model;

/// <summary>The expected outcome of validating a model that has problems: every problem found, not just the first.</summary>
/// <remarks>The SDK's one failure shape (<see cref="ErrorList{TError}"/>): immutable, equality by value.</remarks>
/// <param name="Errors">Every error, in a stable order.</param>
public sealed record ModelValidationFailure(ImmutableArray<ModelError> Errors) : ErrorList<ModelError>(Errors);
