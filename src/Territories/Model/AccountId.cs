using Territories.Internal;

namespace Territories.Model;

/// <summary>The identifier of an account (an outlet, a customer site, a health-care professional).</summary>
/// <remarks>
/// A non-empty string compared ordinally and case-sensitively, as CRMs hand ids over. Ordering is
/// ordinal, which is what makes results independent of the order of input collections.
/// <c>default(AccountId)</c> is not a valid id; the constructor rejects null, empty and white space.
/// </remarks>
public readonly record struct AccountId : IComparable<AccountId>
{
    private readonly string? _value;

    /// <summary>Creates an id from its text.</summary>
    /// <param name="value">The id; not null, empty or white space.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is null, empty or white space.</exception>
    public AccountId(string value) => _value = Guard.NotNullOrWhiteSpace(value);

    /// <summary>The id's text (empty for <c>default</c>).</summary>
    public string Value => _value ?? string.Empty;

    /// <inheritdoc />
    public int CompareTo(AccountId other) => string.CompareOrdinal(Value, other.Value);

    /// <summary>Whether this id orders before <paramref name="right"/>.</summary>
    public static bool operator <(AccountId left, AccountId right) => left.CompareTo(right) < 0;

    /// <summary>Whether this id orders after <paramref name="right"/>.</summary>
    public static bool operator >(AccountId left, AccountId right) => left.CompareTo(right) > 0;

    /// <summary>Whether this id orders before or equals <paramref name="right"/>.</summary>
    public static bool operator <=(AccountId left, AccountId right) => left.CompareTo(right) <= 0;

    /// <summary>Whether this id orders after or equals <paramref name="right"/>.</summary>
    public static bool operator >=(AccountId left, AccountId right) => left.CompareTo(right) >= 0;

    /// <summary>Converts text to an id; explicit, since it throws on text that is not a valid id.</summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> is null, empty or white space.</exception>
    public static explicit operator AccountId(string value) => new(value);

    /// <summary>Creates an id from its text (the named alternative to the explicit conversion).</summary>
    public static AccountId From(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
