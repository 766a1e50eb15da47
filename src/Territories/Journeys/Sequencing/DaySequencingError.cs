using System.Collections.Immutable;
using Territories.Model;

namespace Territories.Journeys.Sequencing;

/// <summary>One reason a day cannot be sequenced: what, which position, and a readable message.</summary>
/// <remarks>The SDK's one error shape (<see cref="ItemError{TCode}"/>): immutable, equality by value.</remarks>
/// <param name="Code">What is wrong.</param>
/// <param name="Items">The items involved, the item at fault first; empty when the error concerns the request as a whole.</param>
/// <param name="Field">The field at fault, as named in the API.</param>
/// <param name="Value">The offending value as text (invariant culture); null when there is none to show.</param>
/// <param name="Message">A sentence a person can act on.</param>
public sealed record DaySequencingError(DaySequencingErrorCode Code, ImmutableArray<ItemRef> Items, string Field, string? Value, string Message)
    : ItemError<DaySequencingErrorCode>(Code, Items, Field, Value, Message);
