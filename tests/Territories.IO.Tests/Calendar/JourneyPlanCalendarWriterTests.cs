using System.Collections.Immutable;
using Territories.IO.Calendar;
using Territories.IO.Tests.Csv;
using Territories.Journeys;
using Territories.Model;
using IcalCalendar = Ical.Net.Calendar;

namespace Territories.IO.Tests.Calendar;

public class JourneyPlanCalendarWriterTests
{
    private static readonly DateOnly Monday = new(2026, 3, 2);

    private static JourneyPlanCalendarWriter Writer(string zone = "America/New_York") =>
        new(new JourneyPlanCalendarOptions { FirstDate = Monday, TimeZoneId = zone }, new FixedClock());

    [Fact]
    public void Write_SamplePlan_OneWeeklyEventPerVisitAtTheLocalTimes()
    {
        var request = PlanSample.Request();
        var plan = PlanSample.Plan(request);

        var calendar = IcalCalendar.Load(Writer().Write(plan, request, PlanSample.Rep))!;

        Assert.Equal(plan.Kpis.Visits, calendar.Events.Count);
        var route = plan.Routes[0];
        var visit = route.Visits[0];
        var e = Assert.Single(calendar.Events, e => e.Uid == $"rep-1/{visit.Account}/{route.Day}@territories.journeyplan");
        var date = Monday.AddDays(request.Cycle.CalendarOffsetOf(route.Day)).ToDateTime(TimeOnly.MinValue);
        Assert.Equal("America/New_York", e.DtStart!.TzId);
        Assert.Equal(date + visit.Start, e.DtStart.Value, TimeSpan.FromSeconds(1));
        Assert.Equal(date + visit.Departure, e.DtEnd!.Value, TimeSpan.FromSeconds(1));
        Assert.Equal(Ical.Net.FrequencyType.Weekly, e.RecurrenceRule!.Frequency);
        Assert.Equal(request.Cycle.Weeks, e.RecurrenceRule.Interval);
        Assert.Single(calendar.TimeZones, z => z.TzId == "America/New_York");
    }

    [Fact]
    public void Write_TwoWeekCycle_IntervalTwoAndSecondWeekDated()
    {
        var request = PlanSample.Request() with { Cycle = JourneyCycle.Create(2) };
        var route = new JourneyRoute
        {
            Position = PlanSample.Rep,
            Day = 6,
            Visits = [new PlannedVisit(new AccountId("a02"), TimeSpan.FromHours(9), TimeSpan.FromHours(9), TimeSpan.FromHours(9.5), 0, TimeSpan.Zero, null)],
            Start = TimeSpan.FromHours(8.5),
            End = TimeSpan.FromHours(10),
            DistanceMetres = 0,
            TravelTime = TimeSpan.Zero,
            ServiceTime = TimeSpan.FromMinutes(30),
            Load = 0,
        };
        var plan = PlanSample.Plan(PlanSample.Request()) with { Routes = [route] };

        var e = Assert.Single(IcalCalendar.Load(Writer().Write(plan, request, PlanSample.Rep))!.Events);

        Assert.Equal(2, e.RecurrenceRule!.Interval);
        Assert.Equal(new DateTime(2026, 3, 10, 9, 0, 0), e.DtStart!.Value);
    }

    [Fact]
    public void Write_NamesWithQuotesCommasNewlinesAndNonAscii_SurviveParsing()
    {
        var request = PlanSample.Request();
        var plan = PlanSample.Plan(request);

        var calendar = IcalCalendar.Load(Writer().Write(plan, request, PlanSample.Rep))!;

        foreach (var account in request.Accounts.Where(a => a.Id.Value is "a02" or "a03" or "a04"))
        {
            var e = Assert.Single(calendar.Events, e => e.Uid!.Contains($"/{account.Id}/", StringComparison.Ordinal));
            Assert.StartsWith(account.Name + " - ", e.Summary, StringComparison.Ordinal);
            Assert.StartsWith(account.Name + " (", e.Location, StringComparison.Ordinal);
            Assert.Equal(account.Location.Latitude, e.GeographicLocation!.Latitude, 1e-6);
            Assert.Equal(account.Location.Longitude, e.GeographicLocation.Longitude, 1e-6);
            Assert.Contains("Account: " + account.Id, e.Description, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Write_RawText_WeeklyRuleGeoAndZoneOnEveryEvent()
    {
        var request = PlanSample.Request();
        var plan = PlanSample.Plan(request);

        var text = Writer().Write(plan, request, PlanSample.Rep);

        Assert.Equal(plan.Kpis.Visits, CountOf(text, "RRULE:FREQ=WEEKLY(;INTERVAL=1)?\r\n"));
        Assert.Equal(plan.Kpis.Visits, CountOf(text, "\r\nGEO:"));
        Assert.Equal(plan.Kpis.Visits, CountOf(text, "DTSTART;TZID=America/New_York:"));
        Assert.Equal(1, CountOf(text, "BEGIN:VTIMEZONE\r\n"));
        Assert.Contains("PRODID:" + JourneyPlanCalendarWriter.ProductId + "\r\n", text, StringComparison.Ordinal);
    }

    private static int CountOf(string text, string pattern) => System.Text.RegularExpressions.Regex.Count(text, pattern);

    [Fact]
    public void Write_PlanWithoutVisits_ValidEmptyCalendar()
    {
        var request = PlanSample.Request();
        var plan = PlanSample.Plan(request) with { Routes = ImmutableArray<JourneyRoute>.Empty };

        var text = Writer("UTC").Write(plan, request, PlanSample.Rep);
        var calendar = IcalCalendar.Load(text)!;

        Assert.StartsWith("BEGIN:VCALENDAR", text, StringComparison.Ordinal);
        Assert.Contains("VERSION:2.0", text, StringComparison.Ordinal);
        Assert.Empty(calendar.Events);
    }

    [Fact]
    public void Write_SameInputAndClock_IdenticalText()
    {
        var request = PlanSample.Request();
        var plan = PlanSample.Plan(request);

        Assert.Equal(Writer().Write(plan, request, PlanSample.Rep), Writer().Write(plan, request, PlanSample.Rep));
    }

    [Theory]
    [InlineData("2026-03-03", "America/New_York", "Monday")]
    [InlineData("2026-03-02", "Mars/Olympus", "IANA")]
    [InlineData("0001-01-01", "UTC", "FirstDate must be set")]
    public void Constructor_BadOptions_ThrowsNamingTheProblem(string date, string zone, string expected)
    {
        var options = new JourneyPlanCalendarOptions { FirstDate = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), TimeZoneId = zone };

        var thrown = Assert.Throws<ArgumentException>(() => new JourneyPlanCalendarWriter(options));

        Assert.Contains(expected, thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteFolder_OneFilePerPosition()
    {
        var request = PlanSample.Request();
        var plan = PlanSample.Plan(request);
        var folder = Path.Combine(Path.GetTempPath(), "territories-ics-" + Guid.NewGuid().ToString("N"));
        try
        {
            var paths = Writer().WriteFolder(folder, plan, request);

            Assert.Equal(Path.Combine(folder, "rep-1.ics"), Assert.Single(paths));
            Assert.Equal(plan.Kpis.Visits, IcalCalendar.Load(File.ReadAllText(paths[0]))!.Events.Count);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private sealed class FixedClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    }
}
