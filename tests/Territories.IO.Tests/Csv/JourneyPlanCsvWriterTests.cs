using Territories.IO.Csv;
using Territories.Journeys;

namespace Territories.IO.Tests.Csv;

public class JourneyPlanCsvWriterTests
{
    private static string Write(JourneyPlanRequest request, JourneyPlan plan)
    {
        using var writer = new StringWriter();
        JourneyPlanCsvWriter.Write(writer, plan, request.Cycle);
        return writer.ToString();
    }

    [Fact]
    public void Write_SamplePlan_OneRowPerVisitWithHeaderAndWeekdayNames()
    {
        var request = PlanSample.Request();
        var plan = PlanSample.Plan(request);
        var lines = Write(request, plan).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(JourneyPlanCsvWriter.Header, lines[0]);
        Assert.Equal(10, lines.Length - 1);
        var first = plan.Routes[0];
        var expectedWeekday = request.Cycle.WeekdayOf(first.Day).ToString()[..3];
        Assert.StartsWith($"rep-1,1,{expectedWeekday},{first.Day},1,{first.Visits[0].Account},", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Write_ActivityWithComma_QuotedPerRfc4180()
    {
        var request = PlanSample.Request();
        var text = Write(request, PlanSample.Plan(request));

        Assert.Contains(",\"merch, audit\"\n", text, StringComparison.Ordinal);
        Assert.Contains(",order\n", text, StringComparison.Ordinal);
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
}
