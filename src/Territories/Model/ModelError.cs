using System.Collections.Immutable;
using Territories.Internal;

namespace Territories.Model;

/// <summary>One problem found in a sales model: what, where, and a readable message.</summary>
/// <remarks>Immutable; equality by value (the id list by reference).</remarks>
/// <param name="Code">What is wrong.</param>
/// <param name="Kind">The kind of item: <c>account</c>, <c>position</c>, <c>territory</c>, <c>market-position</c>, <c>activity</c>, <c>cycle</c>.</param>
/// <param name="Ids">The ids of the items involved, the item at fault first.</param>
/// <param name="Field">The field at fault, as named in the API (e.g. <c>Location</c>, <c>Visit.Frequency</c>).</param>
/// <param name="Value">The offending value as text; null when there is none to show.</param>
/// <param name="Message">A sentence a person can act on.</param>
public sealed record ModelError(ModelErrorCode Code, string Kind, ImmutableArray<string> Ids, string Field, string? Value, string Message)
{
    /// <summary>The kind of item: <c>account</c>, <c>position</c>, <c>territory</c>, <c>market-position</c>, <c>activity</c>, <c>cycle</c>.</summary>
    public string Kind { get; init; } = Guard.NotNull(Kind);

    /// <summary>The field at fault, as named in the API (e.g. <c>Location</c>, <c>Visit.Frequency</c>).</summary>
    public string Field { get; init; } = Guard.NotNull(Field);

    /// <summary>A sentence a person can act on.</summary>
    public string Message { get; init; } = Guard.NotNull(Message);

    /// <inheritdoc />
    public override string ToString() => $"{Code} {Kind} [{string.Join(", ", Ids)}] {Field}: {Message}";
}
