using System.Globalization;
using Territories.IO.Calendar;
using Territories.IO.Csv;
using Territories.Journeys;
using Territories.Workload;

namespace Quickstart;

/// <summary>
/// Step 9: the plans for the field: every visit of every position as one CSV (out/plan.csv, position,
/// week, weekday, sequence, planned times) and each position's cycle as an iCalendar file
/// (out/calendars/REP-T01.ics, …) repeating every 4 weeks from <see cref="FirstMonday"/>, in Ohio's
/// time zone. Then the fingerprints of the combined request and plan (<see cref="Fingerprint"/>): the
/// same outlets and seed give the same plan on every machine and run, so the second line is the
/// plan's identity in a CRM.
/// </summary>
internal static class ExportPlansStep
{
    /// <summary>The Monday the first cycle starts on.</summary>
    public static readonly DateOnly FirstMonday = new(2027, 1, 4);

    public static void Run(AlignmentResult result, TextWriter output)
    {
        JourneyPlanCsvWriter.WriteFile("out/plan.csv", result.Plan, result.Request);
        output.WriteLine(Invariant($"  {"out/plan.csv",-22} {new FileInfo("out/plan.csv").Length / 1024.0,8:N0} KB, {result.Plan.Kpis.Visits} visits"));

        // A fixed clock stamps the events, so the calendars are the same on every run.
        var calendars = new JourneyPlanCalendarWriter(new JourneyPlanCalendarOptions
        {
            FirstDate = FirstMonday,
            TimeZoneId = "America/New_York",
        }, new FixedClock(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero)));
        var files = calendars.WriteFolder("out/calendars", result.Plan, result.Request).ToList();
        output.WriteLine(Invariant($"  {"out/calendars/*.ics",-22} {files.Sum(f => new FileInfo(f).Length) / 1024.0,8:N0} KB in {files.Count} files, cycle from {FirstMonday:yyyy-MM-dd}"));
        output.WriteLine($"  request fingerprint {Fingerprint.Of(result.Request)}");
        output.WriteLine($"  plan fingerprint    {Fingerprint.Of(result.Plan)}");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
