using System.Collections.Immutable;
using FsCheck.Xunit;
using Territories.Journeys;
using Territories.Model;
using Territories.Travel;

namespace Territories.Tests.Journeys;

/// <summary>Remote work placed as blocks in the free time of a position's days, around its routes.</summary>
public class RemoteSchedulerTests
{
    private static readonly PositionId P0 = new("p0");

    [Property(Arbitrary = [typeof(Arbitraries)])]
    public void Schedule_AnyPlan_BlocksOverlapNoRouteAndNoOtherBlock(RemoteCase c)
    {
        var schedule = RemoteScheduler.Schedule(c.Plan, c.Request, P0, c.Time);
        foreach (var day in schedule.Blocks.GroupBy(b => b.Day))
        {
            var busy = c.Plan.Routes.Where(r => r.Position == P0 && r.Day == day.Key).Select(r => (r.Start, r.End))
                .Concat(day.Select(b => (b.Start, b.End))).OrderBy(x => x.Start).ToList();
            for (var i = 1; i < busy.Count; i++)
            {
                Assert.True(busy[i - 1].End <= busy[i].Start, $"day {day.Key}: {busy[i - 1]} overlaps {busy[i]}");
            }
        }

        Assert.All(schedule.Blocks, b => Assert.True(b.Start < b.End, $"empty block {b}"));
        Assert.All(schedule.Blocks, b => Assert.Equal(P0, b.Position));
    }

    [Property(Arbitrary = [typeof(Arbitraries)])]
    public void Schedule_AnyPlan_WorkingDaysOnlyWithinDailyHoursLessBreak(RemoteCase c)
    {
        var schedule = RemoteScheduler.Schedule(c.Plan, c.Request, P0, c.Time);
        var position = c.Request.Positions.Single(p => p.Id == P0);
        var cycle = c.Request.Cycle;
        foreach (var day in schedule.Blocks.GroupBy(b => b.Day))
        {
            Assert.True(cycle.IsWorkingDay(day.Key) && position.WorkingDays.Contains(cycle.WeekdayOf(day.Key)) && !position.DaysOff.Contains(day.Key), $"blocks on day {day.Key}, not a working day of {P0}");
            Assert.All(day, b => Assert.True(b.Start >= position.DailyHours.Start && b.End <= position.DailyHours.End, $"{b} outside {position.DailyHours}"));
            var route = c.Plan.Routes.Where(r => r.Position == P0 && r.Day == day.Key).Aggregate(TimeSpan.Zero, (s, r) => s + r.WorkingTime);
            var blocks = day.Aggregate(TimeSpan.Zero, (s, b) => s + b.Duration);
            Assert.True(route + blocks <= position.DailyHours.Duration - position.Break, $"day {day.Key}: route {route} + blocks {blocks} above {position.DailyHours.Duration - position.Break}");
        }
    }

    [Property(Arbitrary = [typeof(Arbitraries)])]
    public void Schedule_AnyPlan_PlacedPlusNotPlacedIsAsked(RemoteCase c)
    {
        var schedule = RemoteScheduler.Schedule(c.Plan, c.Request, P0, c.Time);

        Assert.Equal(c.Time, schedule.Asked);
        Assert.Equal(c.Time.Keys, schedule.NotPlaced.Keys);
        foreach (var (activity, asked) in c.Time)
        {
            Assert.True(schedule.NotPlaced[activity] >= TimeSpan.Zero, $"{activity}: negative not placed");
            Assert.Equal(asked, schedule.PlacedOf(activity) + schedule.NotPlaced[activity]);
        }

        Assert.All(schedule.Blocks, b => Assert.Contains(b.Activity, c.Time.Keys));
    }

    [Fact]
    public void Schedule_TwoFreeDaysAndARoute_SpreadEvenlyAfterTheRoute()
    {
        var cycle = JourneyCycle.Create(1);
        var position = new SalesPosition(P0) { Base = new GeoPoint(0, 0), DailyHours = TimeWindow.FromHours(8, 0, 17, 0), Break = TimeSpan.FromHours(1), WorkingDays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday] };
        var plan = OneRoute(position, cycle, start: 8, visit: (9, 10), end: 14);
        var request = new JourneyPlanRequest([position], cycle, [], new EuclideanTravelModel(1000, 10));
        var time = new Dictionary<string, TimeSpan> { ["outbound"] = TimeSpan.FromHours(4), ["inbound"] = TimeSpan.FromHours(2) };

        var schedule = RemoteScheduler.Schedule(plan, request, P0, time);

        // Monday: 8 h less a 6 h route leaves 2 h from 14:00; Tuesday and Wednesday share the other 4 h evenly.
        Assert.Equal(
            [(0, "14:00", "16:00", "inbound"), (1, "08:00", "10:00", "outbound"), (2, "08:00", "10:00", "outbound")],
            schedule.Blocks.Select(b => (b.Day, b.Start.ToString(@"hh\:mm", null), b.End.ToString(@"hh\:mm", null), b.Activity)));
        Assert.True(schedule.IsComplete);
    }

    [Fact]
    public void Schedule_RouteLeavesLate_TimeAfterTheRouteThenBeforeIt()
    {
        // The route leaves at 10:00 (its first account opens then) and is back at 14:00; hours 8:00-17:00 with a
        // 1-hour break leave 4 h: 3 h after the route, then 1 h of the 2 h before it.
        var cycle = JourneyCycle.Create(1);
        var position = new SalesPosition(P0) { Base = new GeoPoint(0, 0), DailyHours = TimeWindow.FromHours(8, 0, 17, 0), Break = TimeSpan.FromHours(1), WorkingDays = [DayOfWeek.Monday] };
        var plan = OneRoute(position, cycle, start: 10, visit: (11, 13), end: 14);
        var request = new JourneyPlanRequest([position], cycle, [], new EuclideanTravelModel(1000, 10));

        var schedule = RemoteScheduler.Schedule(plan, request, P0, new Dictionary<string, TimeSpan> { ["outbound"] = TimeSpan.FromHours(5) });

        Assert.Equal(
            [(0, "08:00", "09:00", "outbound"), (0, "14:00", "17:00", "outbound")],
            schedule.Blocks.Select(b => (b.Day, b.Start.ToString(@"hh\:mm", null), b.End.ToString(@"hh\:mm", null), b.Activity)));
        Assert.Equal(TimeSpan.FromHours(1), schedule.NotPlaced["outbound"]);
    }

    [Fact]
    public void Schedule_MoreThanFits_SharedInProportionRestNotPlaced()
    {
        var cycle = JourneyCycle.Create(1);
        var position = new SalesPosition(P0) { Base = new GeoPoint(0, 0), DailyHours = TimeWindow.FromHours(8, 0, 12, 0), WorkingDays = [DayOfWeek.Monday] };
        var plan = new JourneyPlan
        {
            Routes = [],
            Unplanned = [],
            Kpis = JourneyPlanKpis.FromRoutes([], [position], cycle),
            Capacity = [],
            Crossings = [],
            Status = JourneyPlanStatus.Completed,
            Cost = 0,
            Iterations = 0,
        };
        var request = new JourneyPlanRequest([position], cycle, [], new EuclideanTravelModel(1000, 10));
        var time = new Dictionary<string, TimeSpan> { ["outbound"] = TimeSpan.FromHours(6), ["inbound"] = TimeSpan.FromHours(2) };

        var schedule = RemoteScheduler.Schedule(plan, request, P0, time);

        Assert.Equal((TimeSpan.FromHours(3), TimeSpan.FromHours(1)), (schedule.PlacedOf("outbound"), schedule.PlacedOf("inbound")));
        Assert.Equal((TimeSpan.FromHours(3), TimeSpan.FromHours(1)), (schedule.NotPlaced["outbound"], schedule.NotPlaced["inbound"]));
        Assert.False(schedule.IsComplete);
    }

    [Fact]
    public void Schedule_UnknownPosition_Throws()
    {
        var cycle = JourneyCycle.Create(1);
        var plan = new JourneyPlan
        {
            Routes = [],
            Unplanned = [],
            Kpis = JourneyPlanKpis.FromRoutes([], [], cycle),
            Capacity = [],
            Crossings = [],
            Status = JourneyPlanStatus.Completed,
            Cost = 0,
            Iterations = 0,
        };
        var request = new JourneyPlanRequest([], cycle, [], new EuclideanTravelModel(1000, 10));
        Assert.Throws<ArgumentException>("position", () => RemoteScheduler.Schedule(plan, request, P0, ImmutableDictionary<string, TimeSpan>.Empty));
    }

    /// <summary>A plan of one route of <see cref="P0"/> on day 0: leaving, one visit and back at the given hours.</summary>
    private static JourneyPlan OneRoute(SalesPosition position, JourneyCycle cycle, int start, (int From, int To) visit, int end)
    {
        var route = new JourneyRoute
        {
            Position = P0,
            Day = 0,
            Visits = [new PlannedVisit(new AccountId("a"), TimeSpan.FromHours(visit.From), TimeSpan.FromHours(visit.From), TimeSpan.FromHours(visit.To), 0, TimeSpan.Zero, null)],
            Start = TimeSpan.FromHours(start),
            End = TimeSpan.FromHours(end),
            DistanceMetres = 0,
            TravelTime = TimeSpan.FromHours(end - start - (visit.To - visit.From)),
            ServiceTime = TimeSpan.FromHours(visit.To - visit.From),
            Load = 0,
        };
        return new JourneyPlan
        {
            Routes = [route],
            Unplanned = [],
            Kpis = JourneyPlanKpis.FromRoutes([route], [position], cycle),
            Capacity = [],
            Crossings = [],
            Status = JourneyPlanStatus.Completed,
            Cost = 0,
            Iterations = 0,
        };
    }
}
