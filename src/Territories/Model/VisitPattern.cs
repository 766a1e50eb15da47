using System.Collections.Immutable;
using Territories.Internal;

namespace Territories.Model;

/// <summary>The cycle days on which an account is visited: one allowed choice for a visit frequency.</summary>
/// <remarks>
/// Days are 0-based cycle days (see <see cref="JourneyCycle"/>), distinct and sorted ascending.
/// Immutable; equality and ordering by the day sequence.
/// </remarks>
public sealed class VisitPattern : IEquatable<VisitPattern>, IComparable<VisitPattern>
{
    /// <summary>Creates a pattern from its cycle days.</summary>
    /// <param name="days">Cycle days, 0 or more each; duplicates are an error.</param>
    /// <exception cref="ArgumentException">No day, a negative day or a duplicate.</exception>
    public VisitPattern(IEnumerable<int> days)
    {
        Guard.NotNull(days);
        var sorted = days.Order().ToImmutableArray();
        Guard.That(sorted.Length > 0, "A visit pattern has at least one day.", nameof(days));
        Guard.That(sorted[0] >= 0, "Cycle days are 0 or more.", nameof(days));
        for (var i = 1; i < sorted.Length; i++)
        {
            Guard.That(sorted[i] != sorted[i - 1], $"Day {sorted[i]} appears twice.", nameof(days));
        }

        Days = sorted;
    }

    /// <summary>The visit days, ascending.</summary>
    public ImmutableArray<int> Days { get; }

    /// <summary>Number of visits in the cycle.</summary>
    public int VisitCount => Days.Length;

    /// <summary>Whether the pattern visits on <paramref name="day"/>.</summary>
    public bool Contains(int day) => Days.BinarySearch(day) >= 0;

    /// <summary>
    /// Decodes a Cordeau-format combination code: a <paramref name="dayCount"/>-bit number whose
    /// most significant bit is day 0 (the published "day 1").
    /// </summary>
    public static VisitPattern FromCordeauCode(int code, int dayCount)
    {
        Guard.Positive(dayCount);
        if (code <= 0 || dayCount > 30 || code >= 1 << dayCount)
        {
            throw new ArgumentOutOfRangeException(nameof(code), code, $"A combination code for {dayCount} days is 1 to {(1L << dayCount) - 1}.");
        }

        return new VisitPattern(Enumerable.Range(0, dayCount).Where(d => ((code >> (dayCount - 1 - d)) & 1) == 1));
    }

    /// <inheritdoc />
    public bool Equals(VisitPattern? other) => other is not null && Days.SequenceEqual(other.Days);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as VisitPattern);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var d in Days)
        {
            hash.Add(d);
        }

        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public int CompareTo(VisitPattern? other)
    {
        if (other is null)
        {
            return 1;
        }

        for (var i = 0; i < Math.Min(Days.Length, other.Days.Length); i++)
        {
            var c = Days[i].CompareTo(other.Days[i]);
            if (c != 0)
            {
                return c;
            }
        }

        return Days.Length.CompareTo(other.Days.Length);
    }

    /// <summary>Equality by day sequence.</summary>
    public static bool operator ==(VisitPattern? left, VisitPattern? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Inequality by day sequence.</summary>
    public static bool operator !=(VisitPattern? left, VisitPattern? right) => !(left == right);

    /// <summary>Lexicographic order by day sequence.</summary>
    public static bool operator <(VisitPattern? left, VisitPattern? right) => Compare(left, right) < 0;

    /// <summary>Lexicographic order by day sequence.</summary>
    public static bool operator <=(VisitPattern? left, VisitPattern? right) => Compare(left, right) <= 0;

    /// <summary>Lexicographic order by day sequence.</summary>
    public static bool operator >(VisitPattern? left, VisitPattern? right) => Compare(left, right) > 0;

    /// <summary>Lexicographic order by day sequence.</summary>
    public static bool operator >=(VisitPattern? left, VisitPattern? right) => Compare(left, right) >= 0;

    private static int Compare(VisitPattern? left, VisitPattern? right) => left is null ? (right is null ? 0 : -1) : left.CompareTo(right);

    /// <inheritdoc />
    public override string ToString() => "{" + string.Join(",", Days) + "}";
}
