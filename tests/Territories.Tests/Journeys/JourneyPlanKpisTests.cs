using Territories.Journeys;
using Territories.Model;

namespace Territories.Tests.Journeys;

public class JourneyPlanKpisTests
{
    private static readonly GeoPoint Home = new(0, 0);

    private static JourneyRoute Route(string position, int day, double startHours, double endHours, int visits, double metres = 1000) => new JourneyRoute
    {
        Position = new PositionId(position),
        Day = day,
        Visits = [.. Enumerable.Range(0, visits).Select(i => new PlannedVisit(new AccountId($"a{i}"), TimeSpan.FromHours(startHours + 0.5), TimeSpan.FromHours(startHours + 0.5), TimeSpan.FromHours(startHours + 1), 0, TimeSpan.Zero, null))],
        Start = TimeSpan.FromHours(startHours),
        End = TimeSpan.FromHours(endHours),
        DistanceMetres = metres,
        TravelTime = TimeSpan.FromMinutes(30),
        ServiceTime = TimeSpan.FromMinutes(20 * visits),
        Load = visits,
    };

    [Fact]
    public void FromRoutes_HandComputedWeek_UtilisationIsWorkingTimeOverNetHoursOfWorkingDays()
    {
        // 08:00-17:00 with a 1 h break is 8 net hours; Monday to Friday with Friday (day 4) off is 4 days: 32 h.
        var rep = new SalesPosition(new PositionId("rep")) { Base = Home, DailyHours = TimeWindow.FromHours(8, 0, 17, 0), Break = TimeSpan.FromHours(1), DaysOff = [4] };
        var vacant = new SalesPosition(new PositionId("vacant")) { Base = Home, IsVacant = true };
        var noBase = new SalesPosition(new PositionId("nobase"));
        var cycle = JourneyCycle.Create(1);
        var routes = new[] { Route("rep", 0, 8, 14, 3), Route("rep", 1, 8, 12, 2), Route("rep", 2, 8, 9, 0) };

        var kpis = JourneyPlanKpis.FromRoutes(routes, [rep, vacant, noBase, rep], cycle);

        // Working 6 h + 4 h (the empty route is ignored) over 32 h available.
        Assert.Equal(10.0 / 32, kpis.Utilisation, 12);
        Assert.Equal(2, kpis.Routes);
        Assert.Equal(5, kpis.Visits);
        Assert.Equal((4.0, 6.0, 5.0, 1.0, 2.5), (kpis.MinWorkingHours, kpis.MaxWorkingHours, kpis.MeanWorkingHours, kpis.StdDevWorkingHours, kpis.VisitsPerDay));
        Assert.Equal(2000, kpis.TotalDistanceMetres, 1e-9);
        Assert.Equal(TimeSpan.FromHours(1), kpis.TotalTravelTime);
        Assert.Equal(TimeSpan.FromMinutes(100), kpis.TotalServiceTime);
    }

    [Fact]
    public void FromRoutes_IdlePositionCounts_UtilisationHalved()
    {
        var cycle = JourneyCycle.Create(1, [DayOfWeek.Monday]);
        var busy = new SalesPosition(new PositionId("busy")) { Base = Home, DailyHours = TimeWindow.FromHours(8, 0, 16, 0) };
        var idle = busy with { Id = new PositionId("idle") };

        var alone = JourneyPlanKpis.FromRoutes([Route("busy", 0, 8, 12, 1)], [busy], cycle);
        var both = JourneyPlanKpis.FromRoutes([Route("busy", 0, 8, 12, 1)], [busy, idle], cycle);

        Assert.Equal(0.5, alone.Utilisation, 12);
        Assert.Equal(0.25, both.Utilisation, 12);
    }

    [Fact]
    public void FromRoutes_NoRoutesNoPositions_AllZero()
    {
        var kpis = JourneyPlanKpis.FromRoutes([], [], JourneyCycle.Create(1));

        Assert.Equal(new JourneyPlanKpis
        {
            TotalDistanceMetres = 0,
            TotalTravelTime = TimeSpan.Zero,
            TotalServiceTime = TimeSpan.Zero,
            Routes = 0,
            Visits = 0,
            MinWorkingHours = 0,
            MaxWorkingHours = 0,
            MeanWorkingHours = 0,
            StdDevWorkingHours = 0,
            Utilisation = 0,
            VisitsPerDay = 0,
            DistanceLowerBoundMetres = 0,
        }, kpis);
    }

    [Fact]
    public void FromRoutes_NullArgumentOrItem_Throws()
    {
        var cycle = JourneyCycle.Create(1);
        Assert.Throws<ArgumentNullException>(() => JourneyPlanKpis.FromRoutes(null!, [], cycle));
        Assert.Throws<ArgumentNullException>(() => JourneyPlanKpis.FromRoutes([], null!, cycle));
        Assert.Throws<ArgumentNullException>(() => JourneyPlanKpis.FromRoutes([], [], null!));
        Assert.Throws<ArgumentNullException>(() => JourneyPlanKpis.FromRoutes([null!], [], cycle));
        Assert.Throws<ArgumentNullException>(() => JourneyPlanKpis.FromRoutes([], new SalesPosition[] { null! }, cycle));
    }
}
