using FsCheck.Xunit;
using Territories.Journeys;
using Territories.Journeys.Replanning;
using Territories.Model;
using Territories.Travel;

namespace Territories.Tests.Journeys.Replanning;

public class VisitFitterTests
{
    // 1 unit = 1 km at 60 km/h: one minute per unit.
    private static readonly EuclideanTravelModel Travel = new(1000, 1000 / 60.0);

    private static Account At(string id, double x, int minutes) => new(new AccountId(id), new GeoPoint(x, 0))
    {
        ServiceTime = TimeSpan.FromMinutes(minutes),
        Visit = VisitRequirement.Of(VisitFrequency.PerWeek(5)),
    };

    [Fact]
    public void Fit_OnTheWayToAStop_AddsOnlyTheServiceAndRanksBeforeAnEmptyDay()
    {
        var rep = new SalesPosition(new PositionId("rep")) { Base = new GeoPoint(0, 0), DailyHours = TimeWindow.FromHours(8, 0, 9, 0) };
        var request = new JourneyPlanRequest([rep], JourneyCycle.Create(1), [At("far", 10, 10)], Travel);
        var plan = new JourneyPlanner(new() { Seed = 1, MaxIterations = 50 }).Plan(request, null, TestContext.Current.CancellationToken).AsT0;
        var urgent = new Account(new AccountId("urgent"), new GeoPoint(4, 0)) { ServiceTime = TimeSpan.FromMinutes(15) };

        var fits = new VisitFitter().Fit(request, plan, urgent).AsT0;

        // Every day has the route base → far (10) → base: 30 minutes. On the way, the urgent call adds its 15 minutes only.
        Assert.Equal(5, fits.Length);
        Assert.All(fits, f => Assert.Equal(TimeSpan.FromMinutes(15), f.AddedWorkingTime));
        Assert.All(fits, f => Assert.Equal(TimeSpan.FromMinutes(45), f.DayLength));
        Assert.All(fits, f => Assert.Equal(1, f.Sequence));
        Assert.Equal(TimeSpan.FromHours(8) + TimeSpan.FromMinutes(4), fits[0].Start);
        Assert.Equal([0, 1, 2, 3, 4], fits.Select(f => f.Day));
    }

    [Fact]
    public void Fit_DayTooShortOrOpeningMissed_NoPlace()
    {
        var rep = new SalesPosition(new PositionId("rep")) { Base = new GeoPoint(0, 0), DailyHours = TimeWindow.FromHours(8, 0, 9, 0) };
        var request = new JourneyPlanRequest([rep], JourneyCycle.Create(1), [At("far", 10, 10)], Travel);
        var plan = new JourneyPlanner(new() { Seed = 1, MaxIterations = 50 }).Plan(request, null, TestContext.Current.CancellationToken).AsT0;
        var long_ = new Account(new AccountId("long"), new GeoPoint(4, 0)) { ServiceTime = TimeSpan.FromMinutes(31) };
        var closed = new Account(new AccountId("closed"), new GeoPoint(4, 0))
        {
            ServiceTime = TimeSpan.FromMinutes(5),
            OpeningHours = OpeningHours.Weekly(request.Cycle.WorkingDays, TimeWindow.FromHours(14, 0, 18, 0)),
        };

        Assert.Empty(new VisitFitter().Fit(request, plan, long_).AsT0);
        Assert.Empty(new VisitFitter().Fit(request, plan, closed).AsT0);
        var unknown = plan with { Routes = [plan.Routes[0] with { Visits = [plan.Routes[0].Visits[0] with { Account = new AccountId("ghost") }] }] };
        var error = Assert.Single(new VisitFitter().Fit(request, unknown, long_).AsT1.Errors);
        Assert.Equal((ReplanErrorCode.UnknownAccount, "ghost"), (error.Code, error.Value));
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 20)]
    public void Fit_GeneratedPlan_RankedWithinWorkingHoursAndAgreesWithThePlannersDay(JourneyCase c)
    {
        var request = c.Request;
        var plan = new JourneyPlanner(new() { Seed = 2, MaxIterations = 100 }).Plan(request).AsT0;
        var extra = Arbitraries.JourneyRequest(request.Accounts.Length + 17).Accounts[0] with { Id = new AccountId("extra") };
        var fits = new VisitFitter().Fit(request, plan, extra).AsT0;
        var positions = request.Positions.ToDictionary(p => p.Id);
        Assert.Equal(fits.OrderBy(f => f.AddedWorkingTime).ThenBy(f => f.DayLength).ThenBy(f => f.Position).ThenBy(f => f.Day), fits);
        foreach (var fit in fits)
        {
            var position = positions[fit.Position];
            Assert.True(position.WorksOn(request.Cycle, fit.Day));
            // A visit may fill time the position spent waiting for an opening, so it can add less than its service time, never less than nothing.
            Assert.True(fit.AddedWorkingTime >= TimeSpan.Zero);
            Assert.True(position.DailyHours.Start + fit.DayLength + position.Break <= position.DailyHours.End + TimeSpan.FromMilliseconds(1));
            var route = plan.Routes.FirstOrDefault(r => r.Position == fit.Position && r.Day == fit.Day);
            Assert.InRange(fit.Sequence, 1, (route?.Visits.Length ?? 0) + 1);
            if (route is not null)
            {
                // The fitter's own schedule of the route agrees with the planner's.
                Assert.True((fit.DayLength - fit.AddedWorkingTime - route.WorkingTime).Duration() <= TimeSpan.FromMilliseconds(2));
            }
        }
    }
}
