using System.Globalization;
using System.Text;
using Territories.Journeys;
using Territories.Model;

namespace Territories.IO.Csv;

/// <summary>Writes a journey plan as CSV in the layout field-sales systems import: one row per planned visit.</summary>
/// <remarks>
/// <para>
/// Columns, in this order: <c>position_id,week,weekday,cycle_day,sequence,account_id,planned_arrival,planned_departure,activity,account_name,leg_km</c>.
/// <c>week</c> is 1-based; <c>weekday</c> is <c>Mon</c>, <c>Tue</c>, <c>Wed</c>, <c>Thu</c>, <c>Fri</c>,
/// <c>Sat</c> or <c>Sun</c>; <c>cycle_day</c> is 0-based, as <see cref="JourneyRoute.Day"/> (day <c>d</c> is
/// in week <c>d / DaysPerWeek + 1</c>); <c>sequence</c> is the 1-based order of the visit in its route;
/// times are <c>HH:mm:ss</c> offsets from midnight of the day, rounded to the nearest second (hours may
/// exceed 23 for a day that runs past midnight); <c>activity</c> is empty when the plan names none;
/// <c>account_name</c> is the account's name from the request (empty when it has none, or when the plan is
/// written with only its cycle); <c>leg_km</c> is the distance of the leg that leads to the visit (from the
/// base, or the previous visit) in kilometres with three decimals (metre resolution). The last two were
/// added at the end, so that importers reading columns by position keep working.
/// </para>
/// <para>
/// Invariant culture, <c>\n</c> line ends, UTF-8 without byte-order mark for files; fields quoted
/// (RFC 4180) only when they hold a comma, a quote or a line break. Rows in plan order (position id,
/// day, sequence). <see cref="JourneyPlanCsvReader"/> reads the file back.
/// </para>
/// </remarks>
public static class JourneyPlanCsvWriter
{
    /// <summary>The header row.</summary>
    public const string Header = "position_id,week,weekday,cycle_day,sequence,account_id,planned_arrival,planned_departure,activity,account_name,leg_km";

    /// <summary>Writes the visits of <paramref name="plan"/> to <paramref name="writer"/>, header first, <c>account_name</c> left empty (the plan does not hold names; the overload taking the request fills it).</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="plan">The plan.</param>
    /// <param name="cycle">The cycle the plan runs on, which gives each day's week and weekday.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A route's day is outside <paramref name="cycle"/>.</exception>
    public static void Write(TextWriter writer, JourneyPlan plan, JourneyCycle cycle)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(cycle);
        WriteRows(writer, plan, cycle, null);
    }

    /// <summary>Writes the visits of <paramref name="plan"/> to <paramref name="writer"/>, header first, with the account names of <paramref name="request"/>.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="plan">The plan.</param>
    /// <param name="request">The request the plan answers: its cycle gives each day's week and weekday, its accounts their names.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A route's day is outside the request's cycle.</exception>
    public static void Write(TextWriter writer, JourneyPlan plan, JourneyPlanRequest request)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(request);
        var names = new Dictionary<AccountId, string>();
        foreach (var account in request.Accounts)
        {
            if (account.Name is { } name)
            {
                names.TryAdd(account.Id, name);
            }
        }

        WriteRows(writer, plan, request.Cycle, names);
    }

    /// <summary>Writes <paramref name="plan"/> with the account names of <paramref name="request"/> to the file at <paramref name="path"/>, creating its folder and replacing the file.</summary>
    /// <param name="path">The file, e.g. <c>out/plan.csv</c>.</param>
    /// <param name="plan">The plan.</param>
    /// <param name="request">The request the plan answers.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public static void WriteFile(string path, JourneyPlan plan, JourneyPlanRequest request)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(request);
        using var writer = CreateFile(path);
        Write(writer, plan, request);
    }

    private static void WriteRows(TextWriter writer, JourneyPlan plan, JourneyCycle cycle, Dictionary<AccountId, string>? names)
    {
        writer.Write(Header);
        writer.Write('\n');
        foreach (var route in plan.Routes.OrderBy(r => r.Position).ThenBy(r => r.Day))
        {
            var week = (cycle.WeekOf(route.Day) + 1).ToString(CultureInfo.InvariantCulture);
            var weekday = WeekdayName(cycle.WeekdayOf(route.Day));
            var day = route.Day.ToString(CultureInfo.InvariantCulture);
            for (var i = 0; i < route.Visits.Length; i++)
            {
                var visit = route.Visits[i];
                writer.Write(Field(route.Position.Value));
                writer.Write(',');
                writer.Write(week);
                writer.Write(',');
                writer.Write(weekday);
                writer.Write(',');
                writer.Write(day);
                writer.Write(',');
                writer.Write((i + 1).ToString(CultureInfo.InvariantCulture));
                writer.Write(',');
                writer.Write(Field(visit.Account.Value));
                writer.Write(',');
                writer.Write(Time(visit.Arrival));
                writer.Write(',');
                writer.Write(Time(visit.Departure));
                writer.Write(',');
                writer.Write(Field(visit.Activity ?? string.Empty));
                writer.Write(',');
                writer.Write(Field(names is not null && names.TryGetValue(visit.Account, out var name) ? name : string.Empty));
                writer.Write(',');
                writer.Write((visit.LegDistanceMetres / 1000).ToString("0.000", CultureInfo.InvariantCulture));
                writer.Write('\n');
            }
        }
    }

    /// <summary>Writes <paramref name="plan"/> to the file at <paramref name="path"/>, creating its folder and replacing the file.</summary>
    /// <param name="path">The file, e.g. <c>out/plan.csv</c>.</param>
    /// <param name="plan">The plan.</param>
    /// <param name="cycle">The cycle the plan runs on.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public static void WriteFile(string path, JourneyPlan plan, JourneyCycle cycle)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(cycle);
        using var writer = CreateFile(path);
        Write(writer, plan, cycle);
    }

    private static StreamWriter CreateFile(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        return new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

    /// <summary>The three-letter English name of a weekday (<c>Mon</c> … <c>Sun</c>), culture-independent.</summary>
    internal static string WeekdayName(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => "Mon",
        DayOfWeek.Tuesday => "Tue",
        DayOfWeek.Wednesday => "Wed",
        DayOfWeek.Thursday => "Thu",
        DayOfWeek.Friday => "Fri",
        DayOfWeek.Saturday => "Sat",
        _ => "Sun",
    };

    /// <summary>A time of day as <c>HH:mm:ss</c>, rounded to the nearest second.</summary>
    internal static string Time(TimeSpan time)
    {
        var seconds = (long)Math.Round(time.TotalSeconds, MidpointRounding.AwayFromZero);
        var sign = seconds < 0 ? "-" : string.Empty;
        seconds = Math.Abs(seconds);
        return string.Create(CultureInfo.InvariantCulture, $"{sign}{seconds / 3600:00}:{seconds / 60 % 60:00}:{seconds % 60:00}");
    }

    /// <summary>A field quoted per RFC 4180 when it holds a comma, a quote or a line break.</summary>
    internal static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
