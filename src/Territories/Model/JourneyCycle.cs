using System.Collections.Immutable;
using Territories.Internal;

namespace Territories.Model;

/// <summary>The repeating calendar of a journey plan: <see cref="Weeks"/> weeks of the same working weekdays.</summary>
/// <remarks>
/// Cycle days are numbered 0 to <see cref="DayCount"/> − 1 over working days only: day
/// <c>d</c> is in week <c>d / WorkingDays.Length</c> on weekday <c>WorkingDays[d % WorkingDays.Length]</c>.
/// <see cref="NonWorkingDays"/> (holidays, training days) are cycle days on which nobody works.
/// Working days are kept in week order starting on Monday, without duplicates. Immutable; equality by content.
/// </remarks>
public sealed class JourneyCycle : IEquatable<JourneyCycle>
{
    private JourneyCycle(int weeks, ImmutableArray<DayOfWeek> workingDays, ImmutableSortedSet<int> nonWorkingDays)
    {
        Weeks = weeks;
        WorkingDays = workingDays;
        NonWorkingDays = nonWorkingDays;
    }

    /// <summary>Number of weeks in the cycle (at least 1).</summary>
    public int Weeks { get; }

    /// <summary>The working weekdays, in week order starting on Monday.</summary>
    public ImmutableArray<DayOfWeek> WorkingDays { get; }

    /// <summary>Cycle days (0-based) on which nobody works.</summary>
    public ImmutableSortedSet<int> NonWorkingDays { get; }

    /// <summary>Working days per week.</summary>
    public int DaysPerWeek => WorkingDays.Length;

    /// <summary>Number of cycle days, <c>Weeks × DaysPerWeek</c>, non-working days included.</summary>
    public int DayCount => Weeks * WorkingDays.Length;

    /// <summary>Number of calendar days the cycle spans (<c>7 × Weeks</c>).</summary>
    public int CalendarDays => 7 * Weeks;

    /// <summary>A cycle of <paramref name="weeks"/> weeks, Monday to Friday.</summary>
    public static JourneyCycle Create(int weeks) =>
        Create(weeks, [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday]);

    /// <summary>A cycle of <paramref name="weeks"/> weeks on the given working weekdays.</summary>
    /// <param name="weeks">Weeks in the cycle, 1 to 53.</param>
    /// <param name="workingDays">The working weekdays; at least one, duplicates ignored.</param>
    /// <param name="nonWorkingDays">Cycle days (0-based) on which nobody works.</param>
    /// <exception cref="ArgumentOutOfRangeException">Weeks out of range, or a non-working day outside the cycle.</exception>
    /// <exception cref="ArgumentException">No working day.</exception>
    public static JourneyCycle Create(int weeks, IEnumerable<DayOfWeek> workingDays, IEnumerable<int>? nonWorkingDays = null)
    {
        Guard.Positive(weeks);
        if (weeks > 53)
        {
            throw new ArgumentOutOfRangeException(nameof(weeks), weeks, "A journey cycle has at most 53 weeks.");
        }

        Guard.NotNull(workingDays);
        var days = workingDays.Distinct().OrderBy(MondayOffset).ToImmutableArray();
        Guard.That(days.Length > 0, "A journey cycle needs at least one working day.", nameof(workingDays));
        Guard.That(days.All(Enum.IsDefined), "Unknown weekday.", nameof(workingDays));
        var off = (nonWorkingDays ?? []).ToImmutableSortedSet();
        if (off.Count > 0 && (off.Min < 0 || off.Max >= weeks * days.Length))
        {
            throw new ArgumentOutOfRangeException(nameof(nonWorkingDays), "Non-working days must be cycle days 0 to DayCount - 1.");
        }

        return new JourneyCycle(weeks, days, off);
    }

    /// <summary>
    /// A cycle of <paramref name="days"/> abstract days (as in the published periodic routing
    /// benchmarks), laid out as the fewest weeks of at most seven days: 10 days are 2 weeks of 5.
    /// </summary>
    public static JourneyCycle FromDayCount(int days)
    {
        Guard.Positive(days);
        for (var weeks = 1; weeks <= days; weeks++)
        {
            if (days % weeks == 0 && days / weeks <= 7)
            {
                var week = Enum.GetValues<DayOfWeek>().OrderBy(MondayOffset).Take(days / weeks);
                return Create(weeks, week);
            }
        }

        throw new ArgumentOutOfRangeException(nameof(days), days, "No layout of this many days into weeks.");
    }

    /// <summary>Returns this cycle with the given non-working days.</summary>
    public JourneyCycle WithNonWorkingDays(IEnumerable<int> nonWorkingDays) => Create(Weeks, WorkingDays, Guard.NotNull(nonWorkingDays));

    /// <summary>The 0-based week of cycle day <paramref name="day"/>.</summary>
    public int WeekOf(int day) => CheckDay(day) / DaysPerWeek;

    /// <summary>The weekday of cycle day <paramref name="day"/>.</summary>
    public DayOfWeek WeekdayOf(int day) => WorkingDays[CheckDay(day) % DaysPerWeek];

    /// <summary>Calendar days from the first day of the cycle (a Monday for a Monday-based week) to <paramref name="day"/>.</summary>
    public int CalendarOffsetOf(int day) => (WeekOf(day) * 7) + MondayOffset(WeekdayOf(day));

    /// <summary>The cycle day in <paramref name="week"/> on <paramref name="weekday"/>, or −1 when that weekday is not worked.</summary>
    public int DayOf(int week, DayOfWeek weekday)
    {
        var index = WorkingDays.IndexOf(weekday);
        return index < 0 || week < 0 || week >= Weeks ? -1 : (week * DaysPerWeek) + index;
    }

    /// <summary>Whether cycle day <paramref name="day"/> is a working day (inside the cycle and not a non-working day).</summary>
    public bool IsWorkingDay(int day) => day >= 0 && day < DayCount && !NonWorkingDays.Contains(day);

    /// <summary>Offset of a weekday from Monday: Monday 0 … Sunday 6.</summary>
    public static int MondayOffset(DayOfWeek day) => ((int)day + 6) % 7;

    private int CheckDay(int day)
    {
        if (day < 0 || day >= DayCount)
        {
            throw new ArgumentOutOfRangeException(nameof(day), day, $"Cycle days run from 0 to {DayCount - 1}.");
        }

        return day;
    }

    /// <inheritdoc />
    public bool Equals(JourneyCycle? other) =>
        other is not null && Weeks == other.Weeks && WorkingDays.SequenceEqual(other.WorkingDays) && NonWorkingDays.SetEquals(other.NonWorkingDays);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as JourneyCycle);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Weeks, WorkingDays.Length, NonWorkingDays.Count);

    /// <inheritdoc />
    public override string ToString() => $"{Weeks} week(s) x {DaysPerWeek} day(s)";
}
