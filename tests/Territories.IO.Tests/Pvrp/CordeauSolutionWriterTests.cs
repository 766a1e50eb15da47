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
        var kpis = new JourneyPlanKpis
        {
            TotalDistanceMetres = 1234.567,
            TotalTravelTime = TimeSpan.Zero,
            TotalServiceTime = TimeSpan.Zero,
            Routes = 3,
            Visits = 4,
            MinWorkingHours = 0,
            MaxWorkingHours = 0,
            MeanWorkingHours = 0,
            StdDevWorkingHours = 0,
            Utilisation = 0,
            VisitsPerDay = 0,
        };
        var plan = new JourneyPlan
        {
            Routes = [.. routes],
            Unplanned = [],
            Kpis = kpis,
            Capacity = [],
            Crossings = [],
            Status = JourneyPlanStatus.Completed,
            Cost = 0,
            Iterations = 0,
        };

        var text = CordeauSolutionWriter.Format(plan);

        Assert.Equal("1234.57\n1 1 50.50 5 0 1 2 0\n1 2 100.00 10 0 3 0\n2 1 20.00 2 0 2 0\n", text);
    }

    private static JourneyRoute Route(string position, int day, double seconds, double load, string[] accounts) => new JourneyRoute
    {
        Position = new PositionId(position),
        Day = day,
        Visits = [.. accounts.Select(a => new PlannedVisit(new AccountId(a), TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, 0, TimeSpan.Zero, null))],
        Start = TimeSpan.Zero,
        End = TimeSpan.FromSeconds(seconds),
        DistanceMetres = 0,
        TravelTime = TimeSpan.FromSeconds(seconds),
        ServiceTime = TimeSpan.Zero,
        Load = load,
    };
}
