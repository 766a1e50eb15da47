using System.Collections.Immutable;
using Territories.Model;

namespace Territories.Journeys.Sequencing;

/// <summary>The expected outcome when a day cannot be sequenced at all: every reason found, not just the first.</summary>
/// <remarks>The SDK's one failure shape (<see cref="ErrorList{TError}"/>): immutable, equality by value.</remarks>
/// <param name="Errors">Every error, in a stable order.</param>
public sealed record DaySequencingFailure(ImmutableArray<DaySequencingError> Errors) : ErrorList<DaySequencingError>(Errors);
