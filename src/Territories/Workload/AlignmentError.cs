using System.Collections.Immutable;
using Territories.Internal;

namespace Territories.Workload;

/// <summary>One problem of an alignment request, naming the items involved.</summary>
/// <param name="Code">What is wrong.</param>
/// <param name="Ids">The accounts, bases (as "base N") or positions involved.</param>
/// <param name="Field">The field at fault.</param>
/// <param name="Value">The value at fault, as text; null when none applies.</param>
/// <param name="Message">A sentence for people.</param>
public sealed record AlignmentError(AlignmentErrorCode Code, ImmutableArray<string> Ids, string Field, string? Value, string Message)
{
    /// <summary>The field at fault.</summary>
    public string Field { get; init; } = Guard.NotNull(Field);

    /// <summary>A sentence for people.</summary>
    public string Message { get; init; } = Guard.NotNull(Message);

    /// <inheritdoc />
    public override string ToString() => $"{Code} [{string.Join(", ", Ids)}] {Field}: {Message}";
}
