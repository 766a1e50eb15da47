namespace Territories.Model;

/// <summary>A window of time within one day, from <see cref="Start"/> to <see cref="End"/> after midnight.</summary>
/// <remarks>
/// A window is valid when <c>0 &lt;= Start &lt; End &lt;= 24 h</c>; an inverted or out-of-range window
/// can be held so that it can be reported by model validation with the account it belongs to.
/// The end is exclusive for overlap checks: 08:00–12:00 and 12:00–16:00 touch but do not overlap.
/// </remarks>
/// <param name="Start">Offset from midnight at which the window opens.</param>
/// <param name="End">Offset from midnight at which the window closes.</param>
public readonly record struct TimeWindow(TimeSpan Start, TimeSpan End)
{
    /// <summary>The whole day, 00:00 to 24:00.</summary>
    public static TimeWindow AllDay => new(TimeSpan.Zero, TimeSpan.FromHours(24));

    /// <summary>Creates a window from hours and minutes, e.g. <c>FromHours(8, 0, 17, 30)</c>.</summary>
    public static TimeWindow FromHours(int startHour, int startMinute, int endHour, int endMinute) =>
        new(new TimeSpan(startHour, startMinute, 0), new TimeSpan(endHour, endMinute, 0));

    /// <summary>The window's length (negative for an inverted window).</summary>
    public TimeSpan Duration => End - Start;

    /// <summary>Whether the window opens before it closes and lies within one day.</summary>
    public bool IsValid => Start >= TimeSpan.Zero && End <= TimeSpan.FromHours(24) && Start < End;

    /// <summary>Whether the two windows share more than a single instant.</summary>
    public bool Overlaps(TimeWindow other) => Start < other.End && other.Start < End;

    /// <summary>Whether <paramref name="time"/> lies in [Start, End].</summary>
    public bool Contains(TimeSpan time) => time >= Start && time <= End;

    /// <inheritdoc />
    public override string ToString() => $"{Start:hh\\:mm}-{(End >= TimeSpan.FromHours(24) ? "24:00" : End.ToString("hh\\:mm", System.Globalization.CultureInfo.InvariantCulture))}";
}
