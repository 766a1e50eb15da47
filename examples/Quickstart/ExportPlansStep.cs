using System.Collections.Immutable;
using System.Globalization;
using Territories.IO.Calendar;
using Territories.IO.Csv;

namespace Quickstart;

/// <summary>
/// Step 9: the plans for the field: every visit of every position as one CSV (out/plan.csv, position,
/// week, weekday, sequence, planned times) and each position's cycle as an iCalendar file
/// (out/calendars/REP-T01.ics, …) repeating every 4 weeks from <see cref="FirstMonday"/>, in Ohio's
/// time zone.
/// </summary>
internal static class ExportPlansStep
{
    /// <summary>The Monday the first cycle starts on.</summary>
    public static readonly DateOnly FirstMonday = new(2027, 1, 4);

    public static void Run(ImmutableArray<PositionPlan> plans, TextWriter output)
    {
        // The CSV writer writes a plan's routes; the positions were planned one request each, so their
        // routes are put into one plan for the export (its other figures are those of the first plan).
        var routes = plans.SelectMany(p => p.Plan.Routes).OrderBy(r => r.Position.Value, StringComparer.Ordinal).ThenBy(r => r.Day);
        var all = plans[0].Plan with { Routes = [.. routes], Unplanned = [.. plans.SelectMany(p => p.Plan.Unplanned)] };
        JourneyPlanCsvWriter.WriteFile("out/plan.csv", all, plans[0].Request.Cycle);
        output.WriteLine(Invariant($"  {"out/plan.csv",-22} {new FileInfo("out/plan.csv").Length / 1024.0,8:N0} KB, {all.Routes.Sum(r => r.Visits.Length)} visits"));

        // A fixed clock stamps the events, so the calendars are the same on every run.
        var calendars = new JourneyPlanCalendarWriter(new JourneyPlanCalendarOptions
        {
            FirstDate = FirstMonday,
            TimeZoneId = "America/New_York",
            TimeProvider = new FixedClock(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero)),
        });
        var files = plans.SelectMany(p => calendars.WriteFolder("out/calendars", p.Plan, p.Request)).ToList();
        output.WriteLine(Invariant($"  {"out/calendars/*.ics",-22} {files.Sum(f => new FileInfo(f).Length) / 1024.0,8:N0} KB in {files.Count} files, cycle from {FirstMonday:yyyy-MM-dd}"));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
