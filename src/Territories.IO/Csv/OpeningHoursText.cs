using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using Territories.Model;

namespace Territories.IO.Csv;

/// <summary>Opening hours as one line of text, for CSV columns: <c>Mon-Fri 08:00-12:00,13:00-17:00; Sat 08:00-12:00</c>.</summary>
/// <remarks>
/// <para>
/// The form: entries separated by <c>;</c>. Each entry is a day list, then one or more windows
/// separated by <c>,</c>. A day list is days or day ranges separated by <c>,</c>: <c>Mon</c>,
/// <c>Mon-Fri</c>, <c>Mon,Wed,Fri</c>, <c>Sat-Sun</c>; a range may wrap around the week
/// (<c>Fri-Mon</c>). Days are the English names or their first three letters, in any case. A window
/// is <c>HH:mm-HH:mm</c> (24-hour clock, <c>24:00</c> allowed as an end; one-digit hours allowed).
/// White space does not matter. Days not named are closed; <c>Sun closed</c> names a closed day
/// explicitly. The text <c>always open</c> (or <c>24/7</c>) stands for <see cref="OpeningHours.AlwaysOpen"/>,
/// and <c>closed</c> alone for hours with no window on any day.
/// </para>
/// <para>
/// Inverted (<c>17:00-08:00</c>) and overlapping windows are read as written, so that model
/// validation reports them with the account's id. <see cref="Format"/> writes the same form, and
/// <see cref="TryParse"/> reads back what it wrote, up to 4,096 characters: longer text is not read (no
/// week of real opening hours needs that much, and a runaway cell should be reported, not parsed).
/// Parsing is linear in the text's length, sorting the windows O(n log n). Stateless and thread-safe.
/// </para>
/// </remarks>
public static class OpeningHoursText
{
    /// <summary>The longest text <see cref="TryParse"/> reads.</summary>
    internal const int MaxLength = 4096;

    private static readonly string[] DayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    /// <summary>Reads opening hours written in the form described on the type.</summary>
    /// <param name="text">The text to read.</param>
    /// <param name="hours">The hours read; null when the text is not understood.</param>
    /// <returns>Whether the text was understood; false for text longer than 4,096 characters.</returns>
    public static bool TryParse(string? text, [NotNullWhen(true)] out OpeningHours? hours)
    {
        hours = null;
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxLength)
        {
            return false;
        }

        var compact = string.Concat(text.Where(c => !char.IsWhiteSpace(c))).ToLowerInvariant();
        if (compact is "alwaysopen" or "24/7")
        {
            hours = OpeningHours.AlwaysOpen;
            return true;
        }

        if (compact == "closed")
        {
            hours = OpeningHours.Create([]);
            return true;
        }

        var windows = new List<KeyValuePair<DayOfWeek, IEnumerable<TimeWindow>>>();
        foreach (var entry in compact.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var split = entry.EndsWith("closed", StringComparison.Ordinal) ? entry.Length - "closed".Length : entry.AsSpan().IndexOfAnyInRange('0', '9');
            if (split <= 0 || !TryParseDays(entry[..split], out var days))
            {
                return false;
            }

            var list = new List<TimeWindow>();
            if (split < entry.Length && entry[split..] != "closed")
            {
                foreach (var window in entry[split..].Split(','))
                {
                    if (!TryParseWindow(window, out var w))
                    {
                        return false;
                    }

                    list.Add(w);
                }
            }

            windows.AddRange(days.Select(d => new KeyValuePair<DayOfWeek, IEnumerable<TimeWindow>>(d, list)));
        }

        if (windows.Count == 0)
        {
            return false;
        }

        hours = OpeningHours.Create(windows);
        return true;
    }

    /// <summary>Writes opening hours in the form described on the type, days in Monday-first order.</summary>
    /// <param name="hours">The hours to write.</param>
    /// <returns>The text; <c>always open</c> for <see cref="OpeningHours.AlwaysOpen"/>, <c>closed</c> when no day has a window.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="hours"/> is null.</exception>
    public static string Format(OpeningHours hours)
    {
        ArgumentNullException.ThrowIfNull(hours);
        if (hours.IsAlwaysOpen)
        {
            return "always open";
        }

        var entries = hours.OpenDays.OrderBy(JourneyCycle.MondayOffset)
            .Select(d => $"{Name(d)} {string.Join(",", hours.On(d).Select(Window))}")
            .ToList();
        return entries.Count == 0 ? "closed" : string.Join("; ", entries);
    }

    private static bool TryParseDays(string text, out List<DayOfWeek> days)
    {
        days = [];
        foreach (var item in text.Split(','))
        {
            var range = item.Split('-');
            if (range.Length > 2 || !TryParseDay(range[0], out var from))
            {
                return false;
            }

            var to = from;
            if (range.Length == 2 && !TryParseDay(range[1], out to))
            {
                return false;
            }

            for (var d = from; ; d = (DayOfWeek)(((int)d + 1) % 7))
            {
                days.Add(d);
                if (d == to)
                {
                    break;
                }
            }
        }

        return days.Count > 0;
    }

    private static bool TryParseDay(string text, out DayOfWeek day)
    {
        day = default;
        if (text.Length < 3)
        {
            return false;
        }

        var index = Array.IndexOf(DayNames, text[..3]);
        if (index < 0 || (text.Length > 3 && !Enum.GetName((DayOfWeek)index)!.Equals(text, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        day = (DayOfWeek)index;
        return true;
    }

    private static bool TryParseWindow(string text, out TimeWindow window)
    {
        window = default;
        var parts = text.Split('-');
        if (parts.Length != 2 || !TryParseTime(parts[0], out var start) || !TryParseTime(parts[1], out var end))
        {
            return false;
        }

        window = new TimeWindow(start, end);
        return true;
    }

    private static bool TryParseTime(string text, out TimeSpan time)
    {
        time = default;
        var parts = text.Split(':');
        if (parts.Length != 2 || parts[0].Length is < 1 or > 2 || parts[1].Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var h)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            || m > 59 || h > 24 || (h == 24 && m != 0))
        {
            return false;
        }

        time = new TimeSpan(h, m, 0);
        return true;
    }

    private static string Name(DayOfWeek day)
    {
        var name = DayNames[(int)day];
        return new StringBuilder(name.Length).Append(char.ToUpperInvariant(name[0])).Append(name.AsSpan(1)).ToString();
    }

    private static string Window(TimeWindow window) => window.ToString();
}
