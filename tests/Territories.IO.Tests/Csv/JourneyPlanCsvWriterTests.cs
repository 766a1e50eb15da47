using Territories.IO.Csv;
using Territories.Journeys;

namespace Territories.IO.Tests.Csv;

public class JourneyPlanCsvWriterTests
{
    private static string Write(JourneyPlanRequest request, JourneyPlan plan)
    {
        using var writer = new StringWriter();
        JourneyPlanCsvWriter.Write(writer, plan, request);
        return writer.ToString();
    }

    [Fact]
    public void Write_SamplePlan_OneRowPerVisitWithHeaderAndWeekdayNames()
    {
        var request = PlanSample.Request();
        var plan = PlanSample.Plan(request);
        var lines = Write(request, plan).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(JourneyPlanCsvWriter.Header, lines[0]);
        Assert.Equal(10, lines.Count(l => l.StartsWith("rep-1,", StringComparison.Ordinal)));
        var first = plan.Routes[0];
        var expectedWeekday = request.Cycle.WeekdayOf(first.Day).ToString()[..3];
        Assert.StartsWith($"rep-1,1,{expectedWeekday},{first.Day},1,{first.Visits[0].Account},", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Write_ActivityWithComma_QuotedPerRfc4180()
    {
        var request = PlanSample.Request();
        var text = Write(request, PlanSample.Plan(request));

        Assert.Contains(",\"merch, audit\",", text, StringComparison.Ordinal);
        Assert.Contains(",order,", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_TimesAsHoursMinutesSeconds()
    {
        var request = PlanSample.Request();
        var plan = PlanSample.Plan(request);
        var line = Write(request, plan).Split('\n')[1].Split(',');
        var visit = plan.Routes[0].Visits[0];

        Assert.Matches(@"^\d\d:\d\d:\d\d$", line[6]);
        Assert.True((TimeSpan.Parse(line[6], System.Globalization.CultureInfo.InvariantCulture) - visit.Arrival).Duration() <= TimeSpan.FromSeconds(0.5));
        Assert.True((TimeSpan.Parse(line[7], System.Globalization.CultureInfo.InvariantCulture) - visit.Departure).Duration() <= TimeSpan.FromSeconds(0.5));
    }

    [Fact]
    public void Write_WithRequest_AccountNameAndLegKmAtTheEndOfEachRow()
    {
        var request = PlanSample.Request();
        var plan = PlanSample.Plan(request);
        var text = Write(request, plan);
        var visits = plan.Routes.OrderBy(r => r.Position).ThenBy(r => r.Day).SelectMany(r => r.Visits).ToList();
        var tricky = visits.FindIndex(v => v.Account.Value == "a02");

        Assert.EndsWith(",activity,account_name,leg_km", text.Split('\n')[0], StringComparison.Ordinal);
        Assert.Contains(
            $",{visits[tricky].Account},", text, StringComparison.Ordinal);
        Assert.Contains(
            $",\"Smith, Jones & \"\"Partners\"\"\",{(visits[tricky].LegDistanceMetres / 1000).ToString("0.000", System.Globalization.CultureInfo.InvariantCulture)}\n",
            text,
            StringComparison.Ordinal);
        Assert.InRange(visits[tricky].LegDistanceMetres, 1, 100_000);
    }

    [Fact]
    public void Write_WithCycleOnly_AccountNameEmptyLegKmFilled()
    {
        var request = PlanSample.Request();
        var plan = PlanSample.Plan(request);
        using var writer = new StringWriter();
        JourneyPlanCsvWriter.Write(writer, plan, request.Cycle);
        var first = writer.ToString().Split('\n')[1];
        var leg = plan.Routes.OrderBy(r => r.Position).ThenBy(r => r.Day).First().Visits[0].LegDistanceMetres;

        Assert.EndsWith($",,{(leg / 1000).ToString("0.000", System.Globalization.CultureInfo.InvariantCulture)}", first, StringComparison.Ordinal);
        Assert.Equal(11, first.Split(',').Length - (first.Contains("merch, audit", StringComparison.Ordinal) ? 1 : 0));
    }
}
