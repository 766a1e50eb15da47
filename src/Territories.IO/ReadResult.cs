using System.Collections.Immutable;

namespace Territories.IO;

/// <summary>What a reader made of a file: every item it could read, and every problem it found.</summary>
/// <remarks>
/// A reader never stops at the first problem and never drops an item silently: an item with any
/// problem is left out of <see cref="Items"/> and each of its problems is in <see cref="Errors"/>.
/// What a reader repaired in an item it kept is in <see cref="Warnings"/>. Items, errors and warnings
/// are in file order. Immutable and thread-safe.
/// </remarks>
/// <typeparam name="T">The kind of item read.</typeparam>
public sealed class ReadResult<T>
{
    /// <summary>Creates a result.</summary>
    /// <param name="items">The items read; default is taken as empty.</param>
    /// <param name="errors">The problems found; default is taken as empty.</param>
    public ReadResult(ImmutableArray<T> items, ImmutableArray<ReadError> errors)
        : this(items, errors, [])
    {
    }

    /// <summary>Creates a result with warnings.</summary>
    /// <param name="items">The items read; default is taken as empty.</param>
    /// <param name="errors">The problems found; default is taken as empty.</param>
    /// <param name="warnings">The repairs made to items that were kept; default is taken as empty.</param>
    public ReadResult(ImmutableArray<T> items, ImmutableArray<ReadError> errors, ImmutableArray<ReadError> warnings)
    {
        Items = items.IsDefault ? [] : items;
        Errors = errors.IsDefault ? [] : errors;
        Warnings = warnings.IsDefault ? [] : warnings;
    }

    /// <summary>The items read without any problem, in file order.</summary>
    public ImmutableArray<T> Items { get; }

    /// <summary>Every problem found, in file order.</summary>
    public ImmutableArray<ReadError> Errors { get; }

    /// <summary>The repairs made to items that were kept (each naming the item), in file order; never a reason to reject the file.</summary>
    public ImmutableArray<ReadError> Warnings { get; }

    /// <summary>Whether any problem was found.</summary>
    public bool HasErrors => !Errors.IsEmpty;

    /// <inheritdoc />
    public override string ToString() => $"{Items.Length} item(s), {Errors.Length} error(s)";
}
