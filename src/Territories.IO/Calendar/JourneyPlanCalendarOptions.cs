using Territories.Internal;

namespace Territories.IO.Calendar;

/// <summary>Options of <see cref="JourneyPlanCalendarWriter"/>: where the cycle sits in the calendar and in which time zone.</summary>
/// <remarks>Mutable until a writer is built from it; the writer validates it then (reporting every failure) and copies it.</remarks>
public sealed class JourneyPlanCalendarOptions : IEngineOptions<JourneyPlanCalendarOptions>
{
    /// <summary>
    /// The date of the first day of the first cycle, a Monday (cycle day 0 of a Monday-to-Friday cycle
    /// falls on it). Required: the default value (0001-01-01) is rejected.
    /// </summary>
    public DateOnly FirstDate { get; set; }

    /// <summary>
    /// The IANA time zone of the visit times (e.g. <c>America/New_York</c>); <c>UTC</c> by default. Times
    /// of the plan are local times in this zone; the calendar carries a <c>VTIMEZONE</c> for it built from
    /// the IANA database that ships with Ical.Net (NodaTime), so the result does not depend on the
    /// machine's time-zone data or globalisation mode.
    /// </summary>
    public string TimeZoneId { get; set; } = "UTC";

    /// <summary>The domain after <c>@</c> in every event's UID; <c>territories.journeyplan</c> by default.</summary>
    public string UidDomain { get; set; } = "territories.journeyplan";

    /// <summary>Every failure of these options, empty when they are sound.</summary>
    IReadOnlyList<string> IEngineOptions<JourneyPlanCalendarOptions>.Validate()
    {
        var failures = new List<string>();
        if (FirstDate == default)
        {
            failures.Add("FirstDate must be set to the Monday the first cycle starts on.");
        }
        else if (FirstDate.DayOfWeek != DayOfWeek.Monday)
        {
            failures.Add($"FirstDate {FirstDate:yyyy-MM-dd} is a {FirstDate.DayOfWeek}; it must be a Monday.");
        }

        if (string.IsNullOrWhiteSpace(TimeZoneId))
        {
            failures.Add("TimeZoneId must be an IANA time zone id such as America/New_York.");
        }
        else if (NodaTime.DateTimeZoneProviders.Tzdb.GetZoneOrNull(TimeZoneId) is null)
        {
            failures.Add($"TimeZoneId '{TimeZoneId}' is not an IANA time zone id (example: America/New_York).");
        }

        if (string.IsNullOrWhiteSpace(UidDomain) || UidDomain.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            failures.Add("UidDomain must be a domain name without white space.");
        }

        return failures;
    }

    /// <summary>A copy of these options.</summary>
    JourneyPlanCalendarOptions IEngineOptions<JourneyPlanCalendarOptions>.Copy() => (JourneyPlanCalendarOptions)MemberwiseClone();
}
