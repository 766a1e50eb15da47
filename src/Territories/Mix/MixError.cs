using System.Collections.Immutable;
using Territories.Internal;

namespace Territories.Mix;

/// <summary>One problem found in the input of a sales-mix operation: what, where, and a readable message.</summary>
/// <remarks>
/// Immutable; equality by value (the id list by reference). For
/// <see cref="MixErrorCode.CapacityShortfall"/> and <see cref="MixErrorCode.MaximumsBelowCapacity"/>,
/// <see cref="Units"/> states how many allocation units are missing or would be left over.
/// </remarks>
/// <param name="Code">What is wrong.</param>
/// <param name="Kind">The kind of item: <c>mix</c>, <c>rules</c>, <c>account</c>, <c>territory</c>, <c>activity</c>, <c>neighbour-pair</c>, <c>delivered-effort</c>.</param>
/// <param name="Ids">The ids of the items involved, the item at fault first.</param>
/// <param name="Field">The field at fault, as named in the API (e.g. <c>Shares[demo]</c>, <c>ActivityNeeds[audit]</c>).</param>
/// <param name="Value">The offending value as text (invariant culture); null when there is none to show.</param>
/// <param name="Message">A sentence a person can act on.</param>
public sealed record MixError(MixErrorCode Code, string Kind, ImmutableArray<string> Ids, string Field, string? Value, string Message)
{
    /// <summary>The kind of item: <c>mix</c>, <c>rules</c>, <c>account</c>, <c>territory</c>, <c>activity</c>, <c>neighbour-pair</c>, <c>delivered-effort</c>.</summary>
    public string Kind { get; init; } = Guard.NotNull(Kind);

    /// <summary>The field at fault, as named in the API (e.g. <c>Shares[demo]</c>, <c>ActivityNeeds[audit]</c>).</summary>
    public string Field { get; init; } = Guard.NotNull(Field);

    /// <summary>A sentence a person can act on.</summary>
    public string Message { get; init; } = Guard.NotNull(Message);

    /// <summary>For a shortfall, the units missing; for maximums below capacity, the units that would be left over; otherwise 0.</summary>
    public long Units { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Code} {Kind} [{string.Join(", ", Ids)}] {Field}: {Message}";
}
