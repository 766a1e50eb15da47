using System.Collections.Immutable;
using System.Text;
using Territories.Internal;

namespace Territories.Model;

/// <summary>
/// The one shape of an error in the SDK: what is wrong, which items, which field, the offending value
/// and a sentence a person can act on. Each engine's error (<see cref="ModelError"/>,
/// <c>MixError</c>, <c>DesignError</c>, …) is this shape with its own code enum.
/// </summary>
/// <remarks>
/// Immutable; equality by value, the items compared in order (two failures with the same errors are
/// equal). <see cref="Items"/> lists the item at fault first, then the items it conflicts with or
/// belongs to; it is empty when the error concerns the request or its options as a whole, and
/// <see cref="Field"/> then names the option.
/// </remarks>
/// <typeparam name="TCode">The engine's error codes.</typeparam>
/// <param name="Code">What is wrong.</param>
/// <param name="Items">The items involved, the item at fault first; default is taken as empty.</param>
/// <param name="Field">The field at fault, as named in the API (e.g. <c>Location</c>, <c>Visit.Frequency</c>, <c>Locks.Day</c>).</param>
/// <param name="Value">The offending value as text (invariant culture); null when there is none to show.</param>
/// <param name="Message">A sentence a person can act on.</param>
public abstract record ItemError<TCode>(TCode Code, ImmutableArray<ItemRef> Items, string Field, string? Value, string Message)
    where TCode : struct, Enum
{
    /// <summary>The items involved, the item at fault first; empty when the error concerns the request as a whole.</summary>
    public ImmutableArray<ItemRef> Items { get; init; } = Items.IsDefault ? [] : Items;

    /// <summary>The field at fault, as named in the API.</summary>
    public string Field { get; init; } = Guard.NotNull(Field);

    /// <summary>A sentence a person can act on.</summary>
    public string Message { get; init; } = Guard.NotNull(Message);

    /// <summary>The id of the item at fault (the first of <see cref="Items"/>); null when the error names no item.</summary>
    public string? Id => Items.IsEmpty ? null : Items[0].Id;

    /// <summary>The kind of the item at fault (the first of <see cref="Items"/>); null when the error names no item.</summary>
    public ItemKind? Kind => Items.IsEmpty ? null : Items[0].Kind;

    /// <summary>The ids of <see cref="Items"/>, in order.</summary>
    public ImmutableArray<string> Ids => [.. Items.Select(i => i.Id)];

    /// <inheritdoc />
    public virtual bool Equals(ItemError<TCode>? other) =>
        other is not null
        && EqualityContract == other.EqualityContract
        && EqualityComparer<TCode>.Default.Equals(Code, other.Code)
        && Items.SequenceEqual(other.Items)
        && Field == other.Field
        && Value == other.Value
        && Message == other.Message;

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(EqualityContract);
        hash.Add(Code);
        foreach (var item in Items)
        {
            hash.Add(item);
        }

        hash.Add(Field);
        hash.Add(Value);
        hash.Add(Message);
        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public sealed override string ToString()
    {
        var text = new StringBuilder().Append(Code);
        if (!Items.IsEmpty)
        {
            text.Append(" [").AppendJoin(", ", Items).Append(']');
        }

        return text.Append(' ').Append(Field).Append(": ").Append(Message).ToString();
    }
}
