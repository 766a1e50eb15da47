using System.Collections.Immutable;
using Territories.Internal;

namespace Territories.Model;

/// <summary>One item an error names: its kind and its id, e.g. account <c>shop-42</c>.</summary>
/// <remarks>
/// Immutable; equality by value (kind and ordinal id). Errors name items with these rather than bare
/// strings, so that an error naming an account and two territories says which id is which.
/// <c>default(ItemRef)</c> is an account with an empty id; the constructor rejects a null id.
/// </remarks>
/// <param name="Kind">The kind of item.</param>
/// <param name="Id">The item's id as the caller gave it (empty when the item had no id).</param>
public readonly record struct ItemRef(ItemKind Kind, string Id)
{
    /// <summary>The item's id as the caller gave it (empty when the item had no id).</summary>
    public string Id { get; init; } = Guard.NotNull(Id);

    /// <summary>The account <paramref name="id"/>.</summary>
    /// <param name="id">The account's id.</param>
    public static ItemRef Of(AccountId id) => new(ItemKind.Account, id.Value);

    /// <summary>The position <paramref name="id"/>.</summary>
    /// <param name="id">The position's id.</param>
    public static ItemRef Of(PositionId id) => new(ItemKind.Position, id.Value);

    /// <summary>The territory <paramref name="id"/>.</summary>
    /// <param name="id">The territory's id.</param>
    public static ItemRef Of(TerritoryId id) => new(ItemKind.Territory, id.Value);

    internal static ItemRef Account(string id) => new(ItemKind.Account, id);

    internal static ItemRef Territory(string id) => new(ItemKind.Territory, id);

    internal static ItemRef Unit(string id) => new(ItemKind.Unit, id);

    internal static ItemRef Attribute(string id) => new(ItemKind.Attribute, id);

    internal static ItemRef Activity(string id) => new(ItemKind.Activity, id);

    internal static ImmutableArray<ItemRef> Units(IEnumerable<string> ids) => [.. ids.Select(Unit)];

    /// <inheritdoc />
    public override string ToString() => $"{Kind} {Id}";
}
