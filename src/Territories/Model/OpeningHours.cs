using System.Collections.Immutable;
using Territories.Internal;

namespace Territories.Model;

/// <summary>When an account can be visited: per weekday, zero or more windows.</summary>
/// <remarks>
/// Immutable. A weekday with no entry is closed, except in <see cref="AlwaysOpen"/>, which is open
/// all day every day and is what an account gets when nothing is known. Windows are kept sorted by
/// start. Inverted or overlapping windows are kept as given so that model validation can report
/// them; <see cref="Validate"/> lists them. Equality is by content. <see cref="Create"/> sorts each
/// day's windows once (stable, by start then end): O(n log n) in the number of windows.
/// </remarks>
public sealed class OpeningHours : IEquatable<OpeningHours>
{
    private readonly ImmutableSortedDictionary<DayOfWeek, ImmutableArray<TimeWindow>> _days;

    private OpeningHours(ImmutableSortedDictionary<DayOfWeek, ImmutableArray<TimeWindow>> days, bool alwaysOpen)
    {
        _days = days;
        IsAlwaysOpen = alwaysOpen;
    }

    /// <summary>Open all day, every day.</summary>
    public static OpeningHours AlwaysOpen { get; } = new(ImmutableSortedDictionary<DayOfWeek, ImmutableArray<TimeWindow>>.Empty, alwaysOpen: true);

    /// <summary>Whether these are <see cref="AlwaysOpen"/>.</summary>
    public bool IsAlwaysOpen { get; }

    /// <summary>The weekdays with at least one window, in <see cref="DayOfWeek"/> order.</summary>
    public IEnumerable<DayOfWeek> OpenDays => IsAlwaysOpen ? Enum.GetValues<DayOfWeek>() : _days.Keys;

    /// <summary>Creates opening hours from windows per weekday.</summary>
    /// <param name="windows">The windows of each weekday; a day that is absent is closed.</param>
    public static OpeningHours Create(IEnumerable<KeyValuePair<DayOfWeek, IEnumerable<TimeWindow>>> windows)
    {
        Guard.NotNull(windows);
        // Windows are gathered per day and each day sorted once: sorting on every entry made text with
        // thousands of entries for one day quadratic (40,000 entries took 14 s).
        var byDay = new Dictionary<DayOfWeek, List<TimeWindow>>();
        foreach (var (day, list) in windows)
        {
            Guard.NotNull(list, nameof(windows));
            if (!byDay.TryGetValue(day, out var all))
            {
                all = [];
                byDay.Add(day, all);
            }

            all.AddRange(list);
        }

        var builder = ImmutableSortedDictionary.CreateBuilder<DayOfWeek, ImmutableArray<TimeWindow>>();
        foreach (var (day, all) in byDay)
        {
            if (all.Count > 0)
            {
                builder[day] = [.. all.OrderBy(w => w.Start).ThenBy(w => w.End)];
            }
        }

        return new OpeningHours(builder.ToImmutable(), alwaysOpen: false);
    }

    /// <summary>The same windows on each of the given weekdays, closed on the others.</summary>
    public static OpeningHours Weekly(IEnumerable<DayOfWeek> days, params TimeWindow[] windows)
    {
        Guard.NotNull(days);
        Guard.NotNull(windows);
        return Create(days.Distinct().Select(d => new KeyValuePair<DayOfWeek, IEnumerable<TimeWindow>>(d, windows)));
    }

    /// <summary>The windows on <paramref name="day"/>, sorted by start; empty when closed.</summary>
    public ImmutableArray<TimeWindow> On(DayOfWeek day) =>
        IsAlwaysOpen ? [TimeWindow.AllDay] : _days.TryGetValue(day, out var w) ? w : [];

    /// <summary>Whether the account is open at some time on <paramref name="day"/>.</summary>
    public bool IsOpenOn(DayOfWeek day) => !On(day).IsEmpty;

    /// <summary>Lists the problems of these hours: inverted or out-of-day windows and overlaps.</summary>
    /// <returns>Each problem as (weekday, window, description); empty when the hours are sound.</returns>
    public IReadOnlyList<(DayOfWeek Day, TimeWindow Window, string Problem)> Validate()
    {
        var problems = new List<(DayOfWeek, TimeWindow, string)>();
        foreach (var (day, list) in _days)
        {
            // Windows are sorted by start, so a window overlaps an earlier valid one exactly when it
            // overlaps the one that ends last; comparing with the previous window only would miss
            // 09:00-10:00 and 11:00-12:00 both lying inside 08:00-17:00.
            TimeWindow? latest = null;
            foreach (var window in list)
            {
                if (!window.IsValid)
                {
                    problems.Add((day, window, "inverted or outside 00:00-24:00"));
                    continue;
                }

                if (latest is { } earlier && earlier.Overlaps(window))
                {
                    problems.Add((day, window, $"overlaps {earlier}"));
                }

                if (latest is null || window.End > latest.Value.End)
                {
                    latest = window;
                }
            }
        }

        return problems;
    }

    /// <inheritdoc />
    public bool Equals(OpeningHours? other) =>
        other is not null && IsAlwaysOpen == other.IsAlwaysOpen && _days.Count == other._days.Count
        && _days.All(kv => other._days.TryGetValue(kv.Key, out var w) && w.SequenceEqual(kv.Value));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as OpeningHours);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(IsAlwaysOpen);
        foreach (var (day, list) in _days)
        {
            hash.Add(day);
            foreach (var w in list)
            {
                hash.Add(w);
            }
        }

        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public override string ToString() =>
        IsAlwaysOpen ? "always open" : string.Join("; ", _days.Select(kv => $"{kv.Key.ToString()[..3]} {string.Join(", ", kv.Value)}"));
}
