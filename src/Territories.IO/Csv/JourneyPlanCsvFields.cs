using System.Globalization;
using Territories.Model;

namespace Territories.IO.Csv;

/// <summary>
/// The values of a <see cref="JourneyPlanCsvReader"/> row: the cycle day (from <c>cycle_day</c>, or
/// <c>week</c> and <c>weekday</c>, which must agree when both are given), whole numbers and
/// <c>HH:mm[:ss]</c> times (hours 0 to 47). Each reports what is wrong through the <c>add</c> callback
/// (code, field, value, message) and returns null.
/// </summary>
internal static class JourneyPlanCsvFields
{
    public static int? ReadDay(string? dayText, string? weekText, string? weekdayText, JourneyCycle cycle, Action<ReadErrorCode, string?, string?, string> add)
    {
        int? fromWeek = null;
        var weekOk = true;
        if (weekText is not null || weekdayText is not null || dayText is null)
        {
            var week = ReadInt(weekText, "week", add);
            DayOfWeek? weekday = null;
            if (weekdayText is null)
            {
                add(ReadErrorCode.MissingValue, "weekday", null, "The row has no weekday.");
            }
            else if (TryParseWeekday(weekdayText, out var w))
            {
                weekday = w;
            }
            else
            {
                add(ReadErrorCode.InvalidValue, "weekday", weekdayText, "The weekday is not one of Mon, Tue, Wed, Thu, Fri, Sat, Sun.");
            }

            weekOk = week is not null && weekday is not null;
            if (week is { } wk && weekday is { } wd)
            {
                var d = cycle.DayOf(wk - 1, wd);
                if (d < 0)
                {
                    add(ReadErrorCode.InvalidValue, "week", weekText, $"Week {wk} {weekdayText} is not a day of the cycle ({cycle.Weeks} week(s) on {string.Join(", ", cycle.WorkingDays.Select(JourneyPlanCsvWriter.WeekdayName))}).");
                    weekOk = false;
                }
                else
                {
                    fromWeek = d;
                }
            }
        }

        if (dayText is null)
        {
            return fromWeek;
        }

        var day = ReadInt(dayText, "cycle_day", add);
        if (day is not { } value)
        {
            return null;
        }

        if (value < 0 || value >= cycle.DayCount)
        {
            add(ReadErrorCode.InvalidValue, "cycle_day", dayText, $"Day {value} is outside the cycle (0 to {cycle.DayCount - 1}).");
            return null;
        }

        if (weekOk && fromWeek is { } f && f != value)
        {
            add(ReadErrorCode.InvalidValue, "cycle_day", dayText, $"Cycle day {value} is week {cycle.WeekOf(value) + 1} {JourneyPlanCsvWriter.WeekdayName(cycle.WeekdayOf(value))}, but the row says week {weekText} {weekdayText}; change both or clear one.");
            return null;
        }

        return weekOk ? value : null;
    }

    private static bool TryParseWeekday(string text, out DayOfWeek day)
    {
        foreach (var d in Enum.GetValues<DayOfWeek>())
        {
            if (string.Equals(text, JourneyPlanCsvWriter.WeekdayName(d), StringComparison.OrdinalIgnoreCase)
                || string.Equals(text, d.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                day = d;
                return true;
            }
        }

        day = default;
        return false;
    }

    public static int? ReadInt(string? text, string field, Action<ReadErrorCode, string?, string?, string> add)
    {
        if (text is null)
        {
            add(ReadErrorCode.MissingValue, field, null, $"The row has no {field}.");
            return null;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            add(ReadErrorCode.InvalidNumber, field, text, $"The {field} is not a whole number.");
            return null;
        }

        return value;
    }

    public static TimeSpan? ReadTime(string? text, string field, Action<ReadErrorCode, string?, string?, string> add)
    {
        if (text is null)
        {
            add(ReadErrorCode.MissingValue, field, null, $"The row has no {field}.");
            return null;
        }

        var parts = text.Split(':');
        if (parts.Length is 2 or 3
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var h) && h < 48
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m < 60 && parts[1].Length == 2)
        {
            var s = 0;
            if (parts.Length == 2 || (parts[2].Length == 2 && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out s) && s < 60))
            {
                return new TimeSpan(h, m, s);
            }
        }

        add(ReadErrorCode.InvalidValue, field, text, $"The {field} is not a time HH:mm:ss (hours 0 to 47).");
        return null;
    }
}
