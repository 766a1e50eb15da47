using System.Collections.Immutable;
using Territories.Model;

namespace Territories.Mix;

/// <summary>The expected outcome of a sales-mix operation whose input has problems: every problem found, not just the first.</summary>
/// <remarks>The SDK's one failure shape (<see cref="ErrorList{TError}"/>): immutable, equality by value.</remarks>
/// <param name="Errors">Every error, in a stable order.</param>
public sealed record MixFailure(ImmutableArray<MixError> Errors) : ErrorList<MixError>(Errors);
