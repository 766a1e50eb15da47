using System.Collections.Immutable;
using Territories.Internal;

namespace Territories.Journeys.Replanning;

/// <summary>One problem with a re-plan request: what, where, and a readable message.</summary>
/// <remarks>Shaped like <see cref="Model.ModelError"/>. Immutable; equality by value (the id list by reference).</remarks>
/// <param name="Code">What is wrong.</param>
/// <param name="Kind">The kind of item: <c>lock</c>, <c>previous-plan</c>, <c>replan</c>, or a model kind (<c>account</c>, <c>position</c>, …) for <see cref="ReplanErrorCode.InvalidRequest"/>.</param>
/// <param name="Ids">The ids of the items involved, the item at fault first.</param>
/// <param name="Field">The field at fault, as named in the API (e.g. <c>Locks</c>, <c>FreezeDays</c>).</param>
/// <param name="Value">The offending value as text; null when there is none to show.</param>
/// <param name="Message">A sentence a person can act on.</param>
public sealed record ReplanError(ReplanErrorCode Code, string Kind, ImmutableArray<string> Ids, string Field, string? Value, string Message)
{
    /// <summary>The kind of item at fault.</summary>
    public string Kind { get; init; } = Guard.NotNull(Kind);

    /// <summary>The field at fault, as named in the API.</summary>
    public string Field { get; init; } = Guard.NotNull(Field);

    /// <summary>A sentence a person can act on.</summary>
    public string Message { get; init; } = Guard.NotNull(Message);

    /// <inheritdoc />
    public override string ToString() => $"{Code} {Kind} [{string.Join(", ", Ids)}] {Field}: {Message}";
}
