using Territories.Internal;

namespace Territories.Model;

/// <summary>The identifier of a sales position (a seat in the sales organisation).</summary>
/// <remarks>
/// A non-empty string compared ordinally and case-sensitively, as CRMs hand ids over. Ordering is
/// ordinal, which is what makes results independent of the order of input collections.
/// <c>default(PositionId)</c> is not a valid id; the constructor rejects null, empty and white space.
/// </remarks>
public readonly record struct PositionId : IComparable<PositionId>
{
    private readonly string? _value;

    /// <summary>Creates an id from its text.</summary>
    /// <param name="value">The id; not null, empty or white space.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is null, empty or white space.</exception>
    public PositionId(string value) => _value = Guard.NotNullOrWhiteSpace(value);

    /// <summary>The id's text (empty for <c>default</c>).</summary>
    public string Value => _value ?? string.Empty;

    /// <inheritdoc />
    public int CompareTo(PositionId other) => string.CompareOrdinal(Value, other.Value);

    /// <summary>Whether this id orders before <paramref name="right"/>.</summary>
    public static bool operator <(PositionId left, PositionId right) => left.CompareTo(right) < 0;

    /// <summary>Whether this id orders after <paramref name="right"/>.</summary>
    public static bool operator >(PositionId left, PositionId right) => left.CompareTo(right) > 0;

    /// <summary>Whether this id orders before or equals <paramref name="right"/>.</summary>
    public static bool operator <=(PositionId left, PositionId right) => left.CompareTo(right) <= 0;

    /// <summary>Whether this id orders after or equals <paramref name="right"/>.</summary>
    public static bool operator >=(PositionId left, PositionId right) => left.CompareTo(right) >= 0;

    /// <summary>Converts text to an id; explicit, since it throws on text that is not a valid id.</summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> is null, empty or white space.</exception>
    public static explicit operator PositionId(string value) => new(value);

    /// <summary>Creates an id from its text (the named alternative to the explicit conversion).</summary>
    public static PositionId From(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
