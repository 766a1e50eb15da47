using System.Collections.Immutable;
using FsCheck.Xunit;
using Territories.Journeys;
using Territories.Journeys.Planning;
using Territories.Journeys.Replanning;
using Territories.Model;
using Territories.Travel;

namespace Territories.Tests.Journeys.Replanning;

public class VacancyCoverPlannerTests
{
    private static JourneyRoute Route(string position, int day, params string[] accounts) => new JourneyRoute
    {
        Position = new PositionId(position),
        Day = day,
        Visits = [.. accounts.Select(a => new PlannedVisit(new AccountId(a), TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, 0, TimeSpan.Zero, null))],
        Start = TimeSpan.Zero,
        End = TimeSpan.Zero,
        DistanceMetres = 0,
        TravelTime = TimeSpan.Zero,
        ServiceTime = TimeSpan.Zero,
        Load = 0,
    };

    [Fact]
    public void Cover_NeighbourWithSlackForOneVisit_ClassAFirstClassCUncovered()
    {
        // 1 unit = 1 km at 60 km/h: one minute per unit. The neighbour's day (8:00–9:00) already runs 30 minutes.
        var gone = new SalesPosition(new PositionId("gone")) { Base = new GeoPoint(0, 1) };
        var next = new SalesPosition(new PositionId("next")) { Base = new GeoPoint(0, 0), DailyHours = TimeWindow.FromHours(8, 0, 9, 0) };
        Account At(string id, double x, int minutes, string? cls) => new(new AccountId(id), new GeoPoint(x, 0)) { ServiceTime = TimeSpan.FromMinutes(minutes), Class = cls };
        var request = new JourneyPlanRequest([gone, next], JourneyCycle.Create(1), [At("own", 10, 10, null), At("c", 4, 20, "C"), At("a", 5, 20, "A")], new EuclideanTravelModel(1000, 1000 / 60.0));
        var routes = ImmutableArray.Create(Route("gone", 0, "c", "a"), Route("next", 0, "own"));
        var plan = new JourneyPlan
        {
            Routes = routes,
            Unplanned = [],
            Kpis = JourneyPlanKpis.FromRoutes(routes, [], request.Cycle),
            Capacity = [],
            Crossings = [],
            Status = JourneyPlanStatus.Completed,
            Cost = 0,
            Iterations = 0,
        };

        var cover = new VacancyCoverPlanner().Cover(request, plan, gone.Id, 0, 5).AsT0;

        var a = Assert.Single(cover.Covered);
        Assert.Equal(new CoveredVisit(new AccountId("a"), 0, next.Id, 1, TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(50)), a);
        Assert.Equal([new UncoveredVisit(new AccountId("c"), 0, "C")], cover.Uncovered);
    }

    [Fact]
    public void Cover_UnknownPositionOrPeriodOutsideCycle_StructuredErrors()
    {
        var request = Arbitraries.JourneyRequest(3);
        var plan = new JourneyPlanner(new() { Seed = 1, MaxIterations = 50 }).Plan(request, null, TestContext.Current.CancellationToken).AsT0;

        var errors = new VacancyCoverPlanner().Cover(request, plan, new PositionId("ghost"), 3, 99, 0).AsT1.Errors;

        Assert.Contains(errors, e => e.Code == ReplanErrorCode.UnknownPosition && e.Value == "ghost");
        Assert.Contains(errors, e => e.Code == ReplanErrorCode.DayOutsideCycle && e.Value == "3..99");
        Assert.Contains(errors, e => e.Code == ReplanErrorCode.NegativeBudget && e.Field == "Neighbours");
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 20)]
    public void Cover_GeneratedPlan_EveryVacantVisitCoveredOrUncoveredOnceWithinTheCoverersHours(JourneyCase c)
    {
        var request = c.Request;
        var plan = new JourneyPlanner(new() { Seed = 2, MaxIterations = 100 }).Plan(request).AsT0;
        if (plan.Routes.IsEmpty || request.Positions.Length < 2)
        {
            return;
        }

        var vacant = plan.Routes[0].Position;
        var cover = new VacancyCoverPlanner().Cover(request, plan, vacant, 0, request.Cycle.DayCount).AsT0;
        var expected = plan.Routes.Where(r => r.Position == vacant).SelectMany(r => r.Visits.Select(v => (v.Account, r.Day))).Order().ToList();
        Assert.Equal(expected, cover.Covered.Select(x => (x.Account, x.Day)).Concat(cover.Uncovered.Select(x => (x.Account, x.Day))).Order());
        var positions = request.Positions.ToDictionary(p => p.Id);
        foreach (var covered in cover.Covered)
        {
            var by = positions[covered.By];
            Assert.NotEqual(vacant, covered.By);
            Assert.True(by.WorksOn(request.Cycle, covered.Day));
            Assert.True(by.DailyHours.Start + covered.DayLength + by.Break <= by.DailyHours.End + TimeSpan.FromMilliseconds(1));
        }
    }
}
