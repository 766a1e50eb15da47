using System.Collections.Immutable;
using Territories.Model;

namespace Territories.Mix;

/// <summary>One problem found in the input of a sales-mix operation: what, which items, and a readable message.</summary>
/// <remarks>The SDK's one error shape (<see cref="ItemError{TCode}"/>): immutable, equality by value. For <see cref="MixErrorCode.CapacityShortfall"/> and <see cref="MixErrorCode.MaximumsBelowCapacity"/>, <see cref="Units"/> states how many allocation units are missing or would be left over.</remarks>
/// <param name="Code">What is wrong.</param>
/// <param name="Items">The items involved, the item at fault first; empty when the error concerns the request as a whole.</param>
/// <param name="Field">The field at fault, as named in the API.</param>
/// <param name="Value">The offending value as text (invariant culture); null when there is none to show.</param>
/// <param name="Message">A sentence a person can act on.</param>
public sealed record MixError(MixErrorCode Code, ImmutableArray<ItemRef> Items, string Field, string? Value, string Message)
    : ItemError<MixErrorCode>(Code, Items, Field, Value, Message)
{
    /// <summary>For a shortfall, the units missing; for maximums below capacity, the units that would be left over; otherwise 0.</summary>
    public long Units { get; init; }
}
