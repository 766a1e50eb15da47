using System.Globalization;
using System.Text;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Territories.IO.Csv;
using Territories.Journeys;
using Territories.Model;
using IcalCalendar = Ical.Net.Calendar;
using Territories.Internal;

namespace Territories.IO.Calendar;

/// <summary>Writes a journey plan as iCalendar (RFC 5545): one calendar per position, one recurring event per visit of the cycle.</summary>
/// <remarks>
/// <para>
/// Each visit of a position's cycle is a <c>VEVENT</c> from the service start to the departure, on the
/// date of its cycle day in the first cycle (times rounded to the second) (<see cref="JourneyPlanCalendarOptions.FirstDate"/> plus the
/// day's calendar offset), repeating every cycle: <c>RRULE:FREQ=WEEKLY;INTERVAL=</c><i>cycle weeks</i>.
/// Times are local times of <see cref="JourneyPlanCalendarOptions.TimeZoneId"/>: <c>DTSTART</c> and
/// <c>DTEND</c> carry its <c>TZID</c> and the calendar holds the matching <c>VTIMEZONE</c>, so a visit
/// stays at the same wall-clock time across daylight-saving changes. The <c>INTERVAL</c> is omitted
/// for a one-week cycle (RFC 5545's default of 1).
/// </para>
/// <para>
/// <c>SUMMARY</c> is the account name (its id when it has none) and the activity; <c>LOCATION</c> the
/// account name and coordinates; <c>GEO</c> its latitude and longitude; <c>DESCRIPTION</c> the account id,
/// position, cycle day, planned arrival, service start and departure. <c>UID</c> is stable per
/// (position, account, cycle day): <c>{position}/{account}/{day}@{domain}</c> with the ids percent-encoded,
/// so re-importing an updated plan updates the events instead of duplicating them. Text is escaped by
/// Ical.Net (commas, semicolons, back-slashes and line breaks) and lines are folded at 75 octets; any
/// Unicode text survives. A position without visits gets a valid calendar without events.
/// </para>
/// <para>Immutable once built and thread-safe. Events are in route order (day, then sequence).</para>
/// </remarks>
public sealed class JourneyPlanCalendarWriter
{
    private readonly JourneyPlanCalendarOptions _options;
    private readonly TimeProvider _time;

    /// <summary>Creates a writer with <paramref name="options"/>, validated once and copied.</summary>
    /// <param name="options">Where the cycle starts and the time zone.</param>
    /// <param name="timeProvider">The clock that gives every event's <c>DTSTAMP</c>; <see cref="TimeProvider.System"/> when null (pass a fixed one for byte-identical output). The SDK's one way to pass a clock, as for the engines.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The options are not sound; the message lists every failure.</exception>
    public JourneyPlanCalendarWriter(JourneyPlanCalendarOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = EngineOptions.Checked(options);
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The iCalendar text of <paramref name="position"/>'s visits in <paramref name="plan"/>.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="request">The request the plan answers: it gives the cycle and the accounts' names and locations.</param>
    /// <param name="position">The position whose calendar is written.</param>
    /// <returns>The calendar as RFC 5545 text (CRLF line ends).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="plan"/> or <paramref name="request"/> is null.</exception>
    /// <exception cref="ArgumentException">A visit names an account that is not in <paramref name="request"/>, or a route's day is outside the cycle.</exception>
    public string Write(JourneyPlan plan, JourneyPlanRequest request, PositionId position)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(request);
        return new CalendarSerializer().SerializeToString(Build(plan, request, position)) ?? string.Empty;
    }

    /// <summary>Writes one <c>.ics</c> file per position of <paramref name="request"/> into <paramref name="folder"/>, creating it.</summary>
    /// <param name="folder">The folder, e.g. <c>out/calendars</c>.</param>
    /// <param name="plan">The plan.</param>
    /// <param name="request">The request the plan answers.</param>
    /// <returns>The paths written, in position-id order; each file is named after its position id (characters not allowed in a file name replaced by <c>_</c>).</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="folder"/> is empty, or as for <see cref="Write"/>.</exception>
    public IReadOnlyList<string> WriteFolder(string folder, JourneyPlan plan, JourneyPlanRequest request)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(request);
        Directory.CreateDirectory(folder);
        var invalid = Path.GetInvalidFileNameChars();
        var paths = new List<string>();
        foreach (var id in request.Positions.Select(p => p.Id).Distinct().Order())
        {
            var name = new string([.. id.Value.Select(c => invalid.Contains(c) ? '_' : c)]);
            var path = Path.Combine(folder, name + ".ics");
            File.WriteAllText(path, Write(plan, request, id), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            paths.Add(path);
        }

        return paths;
    }

    private IcalCalendar Build(JourneyPlan plan, JourneyPlanRequest request, PositionId position)
    {
        var cycle = request.Cycle;
        var accounts = request.Accounts.GroupBy(a => a.Id).ToDictionary(g => g.Key, g => g.First());
        var zone = _options.TimeZoneId;
        var calendar = new IcalCalendar { ProductId = ProductId };
        var first = _options.FirstDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(zone, first, includeHistoricalData: false));
        var stamp = new CalDateTime(_time.GetUtcNow().UtcDateTime, CalDateTime.UtcTzId);
        var rule = new RecurrencePattern(Ical.Net.FrequencyType.Weekly, cycle.Weeks);
        foreach (var route in plan.Routes.Where(r => r.Position == position).OrderBy(r => r.Day))
        {
            if (route.Day < 0 || route.Day >= cycle.DayCount)
            {
                throw new ArgumentException($"The route of {position} on day {route.Day} is outside the cycle (0 to {cycle.DayCount - 1}).", nameof(plan));
            }

            var date = _options.FirstDate.AddDays(cycle.CalendarOffsetOf(route.Day)).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
            var dayLabel = DayLabel(cycle, route.Day);
            foreach (var visit in route.Visits)
            {
                if (!accounts.TryGetValue(visit.Account, out var account))
                {
                    throw new ArgumentException($"The plan visits account {visit.Account}, which is not in the request.", nameof(request));
                }

                var name = account.Name ?? account.Id.Value;
                var coordinates = string.Create(CultureInfo.InvariantCulture, $"{account.Location.Latitude:0.######}, {account.Location.Longitude:0.######}");
                var description = new StringBuilder()
                    .Append("Account: ").Append(account.Id.Value).Append('\n')
                    .Append("Position: ").Append(position.Value).Append('\n')
                    .Append("Cycle day: ").Append(dayLabel).Append(" (day ").Append(route.Day.ToString(CultureInfo.InvariantCulture)).Append(")\n")
                    .Append("Arrival: ").Append(JourneyPlanCsvWriter.Time(visit.Arrival)).Append('\n')
                    .Append("Service: ").Append(JourneyPlanCsvWriter.Time(visit.Start)).Append('-').Append(JourneyPlanCsvWriter.Time(visit.Departure));
                if (visit.Activity is { } activity)
                {
                    description.Append('\n').Append("Activity: ").Append(activity);
                }

                var e = new CalendarEvent
                {
                    Uid = $"{Uri.EscapeDataString(position.Value)}/{Uri.EscapeDataString(account.Id.Value)}/{route.Day.ToString(CultureInfo.InvariantCulture)}@{_options.UidDomain}",
                    Summary = visit.Activity is { } a ? $"{name} - {a}" : name,
                    Location = $"{name} ({coordinates})",
                    GeographicLocation = new GeographicLocation(account.Location.Latitude, account.Location.Longitude),
                    Description = description.ToString(),
                    DtStamp = stamp,
                    DtStart = new CalDateTime(WholeSeconds(date + visit.Start), zone),
                    DtEnd = new CalDateTime(WholeSeconds(date + visit.Departure), zone),
                    RecurrenceRule = rule,
                };
                calendar.Events.Add(e);
            }
        }

        return calendar;
    }

    /// <summary>The <c>PRODID</c> of every calendar written.</summary>
    public const string ProductId = "-//Territories//Journey plan//EN";

    private static DateTime WholeSeconds(DateTime time) =>
        new(time.Ticks + (TimeSpan.TicksPerSecond / 2) - ((time.Ticks + (TimeSpan.TicksPerSecond / 2)) % TimeSpan.TicksPerSecond), time.Kind);

    /// <summary>"W1 Tue": the 1-based week and the weekday of a cycle day.</summary>
    internal static string DayLabel(JourneyCycle cycle, int day) =>
        string.Create(CultureInfo.InvariantCulture, $"W{cycle.WeekOf(day) + 1} {JourneyPlanCsvWriter.WeekdayName(cycle.WeekdayOf(day))}");
}
