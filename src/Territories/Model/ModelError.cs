using System.Collections.Immutable;

namespace Territories.Model;

/// <summary>One problem found in a sales model: what, which items, and a readable message.</summary>
/// <remarks>The SDK's one error shape (<see cref="ItemError{TCode}"/>): immutable, equality by value.</remarks>
/// <param name="Code">What is wrong.</param>
/// <param name="Items">The items involved, the item at fault first; empty when the error concerns the request as a whole.</param>
/// <param name="Field">The field at fault, as named in the API.</param>
/// <param name="Value">The offending value as text (invariant culture); null when there is none to show.</param>
/// <param name="Message">A sentence a person can act on.</param>
public sealed record ModelError(ModelErrorCode Code, ImmutableArray<ItemRef> Items, string Field, string? Value, string Message)
    : ItemError<ModelErrorCode>(Code, Items, Field, Value, Message);
