using System.Collections.Immutable;
using Territories.Internal;

namespace Territories.Design;

/// <summary>One problem that stopped a design or realignment: what, which items, and a readable message.</summary>
/// <remarks>Immutable; equality by value (the id list by reference).</remarks>
/// <param name="Code">What is wrong.</param>
/// <param name="Ids">The ids involved (units or territories), the item at fault first.</param>
/// <param name="Field">The field at fault, e.g. <c>Attributes[workload]</c> or <c>TerritoryCount</c>.</param>
/// <param name="Value">The offending value as text; null when there is none to show.</param>
/// <param name="Message">A sentence a person can act on.</param>
public sealed record DesignError(DesignErrorCode Code, ImmutableArray<string> Ids, string Field, string? Value, string Message)
{
    /// <summary>The field at fault, e.g. <c>Attributes[workload]</c> or <c>TerritoryCount</c>.</summary>
    public string Field { get; init; } = Guard.NotNull(Field);

    /// <summary>A sentence a person can act on.</summary>
    public string Message { get; init; } = Guard.NotNull(Message);

    /// <inheritdoc />
    public override string ToString() => $"{Code} [{string.Join(", ", Ids)}] {Field}: {Message}";
}
