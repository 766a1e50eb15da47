using Territories.IO.Pvrp;
using Territories.Journeys;
using Territories.Model;

namespace Territories.IO.Tests.Pvrp;

public class CordeauSolutionWriterTests
{
    [Fact]
    public void Format_RoutesOfTwoDays_CostThenOneLinePerRouteByDayAndPosition()
    {
        var routes = new[]
        {
            Route("v02", 0, 100, 10, ["3"]),
            Route("v01", 0, 50.5, 5, ["1", "2"]),
            Route("v01", 1, 20, 2, ["2"]),
        };
        var kpis = new JourneyPlanKpis(1234.567, TimeSpan.Zero, TimeSpan.Zero, 3, 4, 0, 0, 0, 0, 0, 0);
        var plan = new JourneyPlan([.. routes], [], kpis, [], [], JourneyPlanStatus.Completed, 0, 0);

        var text = CordeauSolutionWriter.Format(plan);

        Assert.Equal("1234.57\n1 1 50.50 5 0 1 2 0\n1 2 100.00 10 0 3 0\n2 1 20.00 2 0 2 0\n", text);
    }

    private static JourneyRoute Route(string position, int day, double seconds, double load, string[] accounts) => new(
        new PositionId(position),
        day,
        [.. accounts.Select(a => new PlannedVisit(new AccountId(a), TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, 0, TimeSpan.Zero, null))],
        TimeSpan.Zero,
        TimeSpan.FromSeconds(seconds),
        0,
        TimeSpan.FromSeconds(seconds),
        TimeSpan.Zero,
        load);
}
