using FsCheck.Xunit;
using Territories.Journeys;
using Territories.Journeys.Planning;
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
            Assert.True(fit.AddedWorkingTime >= TimeSpan.Zero, $"added {fit.AddedWorkingTime} at {fit.Position} day {fit.Day} seq {fit.Sequence} length {fit.DayLength}; route {string.Join(' ', plan.Routes.Where(r => r.Position == fit.Position && r.Day == fit.Day).Select(r => $"{r.Start}-{r.End} n {r.Visits.Length} work {r.WorkingTime} visits {string.Join(',', r.Visits.Select(v => $"{v.Arrival}/{v.Start}/{v.Departure}"))}"))}");
            Assert.True(position.DailyHours.Start + fit.DayLength + position.Break <= position.DailyHours.End + TimeSpan.FromMilliseconds(1), $"day length {fit.DayLength}");
            var route = plan.Routes.FirstOrDefault(r => r.Position == fit.Position && r.Day == fit.Day);
            Assert.InRange(fit.Sequence, 1, (route?.Visits.Length ?? 0) + 1);
            if (route is not null)
            {
                // The fitter's own schedule of the route agrees with the planner's.
                Assert.True((fit.DayLength - fit.AddedWorkingTime - route.WorkingTime).Duration() <= TimeSpan.FromMilliseconds(2), $"day length {fit.DayLength}, added {fit.AddedWorkingTime}, route {route.WorkingTime} from {route.Start}");
            }
        }
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 25)]
    public void Fit_GeneratedPlan_SameAnswerAsTryingEveryPlace(JourneyCase c)
    {
        var request = c.Request;
        var plan = new JourneyPlanner(new() { Seed = 2, MaxIterations = 100 }).Plan(request).AsT0;
        var fitter = new VisitFitter();
        foreach (var extra in Arbitraries.JourneyRequest(request.Accounts.Length + 31).Accounts.Take(4))
        {
            // Twice with one fitter: the second call uses the routes prepared by the first.
            var expected = EveryPlace(request, plan, extra);
            Assert.Equal(expected, fitter.Fit(request, plan, extra).AsT0);
            Assert.Equal(expected, fitter.Fit(request, plan, extra).AsT0);
        }
    }

    /// <summary>The answer by simulating every place of every route from the base (whole visits within opening hours).</summary>
    private static List<VisitFit> EveryPlace(JourneyPlanRequest request, JourneyPlan plan, Account account)
    {
        var accounts = request.Accounts.ToDictionary(a => a.Id);
        var fits = new List<VisitFit>();
        foreach (var position in request.Positions.Where(p => !p.IsVacant && p.Base is not null).OrderBy(p => p.Id))
        {
            for (var day = 0; day < request.Cycle.DayCount; day++)
            {
                if (!position.WorksOn(request.Cycle, day))
                {
                    continue;
                }

                var route = plan.Routes.FirstOrDefault(r => r.Position == position.Id && r.Day == day);
                var stops = route?.Visits.Select(v => accounts[v.Account]).ToList() ?? [];
                if (stops.Count + 1 > (position.MaxVisitsPerDay ?? int.MaxValue) || stops.Sum(x => x.Visit?.Load ?? 0) + (account.Visit?.Load ?? 0) > (position.MaxLoadPerDay ?? double.PositiveInfinity) + 1e-9)
                {
                    continue;
                }

                var weekday = request.Cycle.WeekdayOf(day);
                var (oldEnd, oldLeave, _) = Latest(request, position, weekday, stops, -1, account);
                if (double.IsNaN(oldEnd))
                {
                    continue;
                }

                VisitFit? best = null;
                for (var at = 0; at <= stops.Count; at++)
                {
                    var (end, leave, begin) = Latest(request, position, weekday, stops, at, account);
                    if (double.IsNaN(end) || end > (position.DailyHours.End - position.Break).TotalSeconds + 1e-6)
                    {
                        continue;
                    }

                    var added = Ms((end - leave) - (stops.Count == 0 ? 0 : oldEnd - oldLeave));
                    if (best is null || added < best.AddedWorkingTime)
                    {
                        best = new VisitFit(position.Id, day, at + 1, Ms(begin), added, Ms(end - leave));
                    }
                }

                if (best is not null)
                {
                    fits.Add(best);
                }
            }
        }

        return [.. fits.OrderBy(f => f.AddedWorkingTime).ThenBy(f => f.DayLength).ThenBy(f => f.Position).ThenBy(f => f.Day)];

        static TimeSpan Ms(double seconds) => TimeSpan.FromMilliseconds(Math.Round(seconds * 1000));
    }

    /// <summary>
    /// The return to base, the departure that makes the day shortest (<see cref="DayTiming"/>, tested on its own against
    /// every departure) and the extra visit's start then, with <paramref name="extra"/> at place <paramref name="at"/>
    /// (−1: without it); NaN when no departure meets every opening and the end of the day.
    /// </summary>
    private static (double End, double Leave, double ExtraStart) Latest(JourneyPlanRequest request, SalesPosition position, DayOfWeek weekday, List<Account> stops, int at, Account extra)
    {
        var travel = request.TravelModel;
        var sequence = stops.ToList();
        if (at >= 0)
        {
            sequence.Insert(at, extra);
        }

        var n = sequence.Count;
        var legs = new double[n + 1];
        var services = new double[n];
        var offsets = new int[n + 1];
        var starts = new List<double>();
        var ends = new List<double>();
        var here = position.Base!.Value;
        for (var i = 0; i < n; i++)
        {
            var stop = sequence[i];
            legs[i] = travel.Duration(here, stop.Location).TotalSeconds;
            services[i] = (stop.Visit?.Duration ?? stop.ServiceTime).TotalSeconds;
            if (!stop.OpeningHours.IsAlwaysOpen)
            {
                foreach (var w in stop.OpeningHours.On(weekday).Where(w => w.IsValid && w.End.TotalSeconds - services[i] >= w.Start.TotalSeconds))
                {
                    starts.Add(w.Start.TotalSeconds);
                    ends.Add(w.End.TotalSeconds - services[i]);
                }

                if (starts.Count == offsets[i])
                {
                    // Closed all day: no window at all.
                    return (double.NaN, 0, 0);
                }
            }

            offsets[i + 1] = starts.Count;
            here = stop.Location;
        }

        legs[n] = travel.Duration(here, position.Base!.Value).TotalSeconds;
        var dayStart = position.DailyHours.Start.TotalSeconds;
        var dayEnd = (position.DailyHours.End - position.Break).TotalSeconds;
        if (double.IsNaN(DayTiming.Return(dayStart, legs, services, [.. starts], [.. ends], offsets)))
        {
            return (double.NaN, 0, 0);
        }

        var (leave, end) = DayTiming.ShortestDay(dayStart, dayEnd, legs, services, [.. starts], [.. ends], offsets);
        var extraStart = at < 0 ? 0 : DayTiming.StartOf(at, leave, legs, services, [.. starts], [.. ends], offsets);
        return (end, leave, extraStart);
    }
}
