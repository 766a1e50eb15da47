using System.Collections.Immutable;
using Territories.Model;

namespace Territories.Tests.Model;

/// <summary>The error a fault must produce: what, of which kind, which item (first id), which field.</summary>
/// <param name="Code">The error code.</param>
/// <param name="Kind">The item kind.</param>
/// <param name="Id">The id of the item at fault (the error's first id).</param>
/// <param name="Field">The field at fault.</param>
public sealed record ExpectedError(ModelErrorCode Code, ItemKind Kind, string Id, string Field)
{
    /// <summary>Every id the error must list, in order; default when only <see cref="Id"/> is checked.</summary>
    public ImmutableArray<string> Ids { get; init; }

    /// <summary>Whether <paramref name="error"/> is this error.</summary>
    public bool Matches(ModelError error) =>
        error.Code == Code && error.Kind == Kind && !error.Ids.IsEmpty && error.Ids[0] == Id && error.Field == Field
        && (Ids.IsDefault || error.Ids.SequenceEqual(Ids));

    /// <inheritdoc />
    public override string ToString() => $"{Code} {Kind} [{(Ids.IsDefault ? Id : string.Join(", ", Ids))}] {Field}";
}

/// <summary>
/// One way to break a valid model: <see cref="Apply"/> takes a valid input and a number that picks
/// the item and the variant, and returns the broken input with the error it must produce.
/// </summary>
/// <param name="Name">A readable name.</param>
/// <param name="Slot">The item field the fault writes; faults with different slots can be combined.</param>
/// <param name="Late">Whether the fault copies an item (duplicate ids), so it must be applied after the others.</param>
/// <param name="Apply">Breaks the input.</param>
public sealed record ModelFault(string Name, string Slot, bool Late, Func<SalesModelInput, int, (SalesModelInput Input, ExpectedError Expected)> Apply)
{
    /// <inheritdoc />
    public override string ToString() => Name;
}
