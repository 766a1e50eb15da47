using System.Collections.Immutable;
using OneOf;
using Territories.Internal;
using Territories.Model;

namespace Territories.Journeys.Replanning;

/// <summary>Fits one visit (an urgent call, a new outlet's first visit) into an existing plan without moving any other account's day.</summary>
/// <remarks>
/// <para>
/// For every position that may visit the account (its fixed position, or the positions covering its
/// territory under <see cref="TerritoryRule.Hard"/>, or all planned positions) and every day the position
/// works, the visit is tried at every place of the day's route; the other visits keep their order and
/// only shift in time. A place counts when every visit still meets its opening hours, the day ends within
/// the working hours (break included), and the visit and load caps hold. Each route contributes its best
/// place; the answers are ranked by added working time, then day length, position id and day.
/// </para>
/// <para>
/// Works on the plan's routes and the travel model directly (no travel matrix): O(R × n²) for R routes of
/// n visits, with 2(n + 1) travel queries per route. Deterministic; stateless and thread-safe.
/// </para>
/// </remarks>
public sealed class VisitFitter
{
    private readonly OpeningHoursRule _rule;
    private readonly TerritoryRule _territoryRule;

    /// <summary>A fitter with the opening-hours and territory rules of the given planner options, or the defaults.</summary>
    /// <param name="options">The planner options whose rules the plan was made with.</param>
    public VisitFitter(JourneyPlannerOptions? options = null)
    {
        _rule = options?.OpeningHoursRule ?? OpeningHoursRule.WholeVisit;
        _territoryRule = options?.TerritoryRule ?? TerritoryRule.Hard;
    }

    /// <summary>The places to add one visit of <paramref name="account"/> to <paramref name="plan"/>, best first.</summary>
    /// <param name="request">The request the plan answers (positions, cycle, accounts of the planned visits, travel model).</param>
    /// <param name="plan">The plan in force.</param>
    /// <param name="account">The account to visit once; it need not be in the request. Its visit lasts <see cref="VisitRequirement.Duration"/> when it has a requirement with one, else its service time.</param>
    /// <returns>Every feasible place, best first (empty when none), or the problems: an account of the plan not in the request, an invalid account.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public OneOf<ImmutableArray<VisitFit>, ReplanFailure> Fit(JourneyPlanRequest request, JourneyPlan plan, Account account)
    {
        Guard.NotNull(request);
        Guard.NotNull(plan);
        Guard.NotNull(account);
        var errors = new List<ReplanError>();
        var service = account.Visit?.Duration ?? account.ServiceTime;
        if (!account.Location.IsFinite)
        {
            errors.Add(new ReplanError(ReplanErrorCode.InvalidRequest, "account", [account.Id.Value], "Location", account.Location.ToString(), $"Account {account.Id} has no finite location."));
        }

        if (service < TimeSpan.Zero || service > TimeSpan.FromDays(1))
        {
            errors.Add(new ReplanError(ReplanErrorCode.InvalidRequest, "account", [account.Id.Value], "ServiceTime", service.ToString("c", System.Globalization.CultureInfo.InvariantCulture), $"Account {account.Id} has a service time outside zero to one day."));
        }

        var accounts = new Dictionary<AccountId, Account>();
        foreach (var a in request.Accounts)
        {
            accounts.TryAdd(a.Id, a);
        }

        foreach (var id in plan.Routes.SelectMany(r => r.Visits).Select(v => v.Account).Distinct().Where(id => !accounts.ContainsKey(id)).Order())
        {
            errors.Add(new ReplanError(ReplanErrorCode.UnknownAccount, "previous-plan", [id.Value], "Routes.Visits.Account", id.Value, $"The plan visits account {id}, which is not in the request."));
        }

        if (errors.Count > 0)
        {
            return new ReplanFailure([.. errors]);
        }

        var cycle = request.Cycle;
        var routes = plan.Routes.ToDictionary(r => (r.Position, r.Day));
        var fits = new List<VisitFit>();
        foreach (var position in Eligible(request, account))
        {
            for (var day = 0; day < cycle.DayCount; day++)
            {
                if (position.WorksOn(cycle, day))
                {
                    var stops = routes.TryGetValue((position.Id, day), out var route) ? [.. route.Visits.Select(v => accounts[v.Account])] : new List<Account>();
                    if (Best(request, position, day, stops, account, service) is { } fit)
                    {
                        fits.Add(fit);
                    }
                }
            }
        }

        return fits.OrderBy(f => f.AddedWorkingTime).ThenBy(f => f.DayLength).ThenBy(f => f.Position).ThenBy(f => f.Day).ToImmutableArray();
    }

    private IEnumerable<SalesPosition> Eligible(JourneyPlanRequest request, Account account)
    {
        var planned = request.Positions.Where(p => !p.IsVacant && p.Base is not null).OrderBy(p => p.Id);
        if (account.Visit?.FixedPosition is { } fixedId)
        {
            return planned.Where(p => p.Id == fixedId);
        }

        var territory = request.Territories.Where(t => t.NamedAccounts.Contains(account.Id)).OrderBy(t => t.Id.Value, StringComparer.Ordinal).FirstOrDefault()
            ?? request.Territories.FirstOrDefault(t => t.Id == account.Territory);
        return territory is null || _territoryRule != TerritoryRule.Hard ? planned : planned.Where(p => territory.Positions.Contains(p.Id));
    }

    /// <summary>The best place in one route, or null when the visit fits nowhere in it.</summary>
    private VisitFit? Best(JourneyPlanRequest request, SalesPosition position, int day, List<Account> stops, Account account, TimeSpan service)
    {
        var load = stops.Sum(s => s.Visit?.Load ?? 0) + (account.Visit?.Load ?? 0);
        if (stops.Count + 1 > (position.MaxVisitsPerDay ?? int.MaxValue) || load > (position.MaxLoadPerDay ?? double.PositiveInfinity) + 1e-9)
        {
            return null;
        }

        var travel = request.TravelModel;
        var weekday = request.Cycle.WeekdayOf(day);
        var home = position.Base!.Value;
        var n = stops.Count;
        var points = new GeoPoint[n + 2];
        points[0] = home;
        for (var i = 0; i < n; i++)
        {
            points[i + 1] = stops[i].Location;
        }

        points[n + 1] = home;
        var legs = new double[n + 1];
        var toNew = new double[n + 1];
        var fromNew = new double[n + 1];
        for (var i = 0; i <= n; i++)
        {
            legs[i] = travel.Duration(points[i], points[i + 1]).TotalSeconds;
            toNew[i] = travel.Duration(points[i], account.Location).TotalSeconds;
            fromNew[i] = travel.Duration(account.Location, points[i + 1]).TotalSeconds;
        }

        var windows = stops.Select(s => Windows(s, s.Visit?.Duration ?? s.ServiceTime, weekday)).ToList();
        var services = stops.Select(s => (s.Visit?.Duration ?? s.ServiceTime).TotalSeconds).ToList();
        var own = Windows(account, service, weekday);
        var dayStart = position.DailyHours.Start.TotalSeconds;
        var dayEnd = (position.DailyHours.End - position.Break).TotalSeconds;
        var oldEnd = Simulate(-1, out _);
        if (double.IsNaN(oldEnd))
        {
            // The route as planned no longer holds (changed hours): a visit cannot be fitted into it.
            return null;
        }

        VisitFit? best = null;
        for (var at = 0; at <= n; at++)
        {
            var end = Simulate(at, out var start);
            if (double.IsNaN(end) || end > dayEnd + 1e-6)
            {
                continue;
            }

            var added = Milliseconds(end - (n == 0 ? dayStart : oldEnd));
            if (best is null || added < best.AddedWorkingTime)
            {
                best = new VisitFit(position.Id, day, at + 1, Milliseconds(start), added, Milliseconds(end - dayStart));
            }
        }

        return best;

        // The return time with the new visit at place `at` (−1: without it), NaN when an opening window is missed.
        double Simulate(int at, out double newStart)
        {
            newStart = 0;
            var t = dayStart;
            for (var i = 0; i <= n; i++)
            {
                if (i == at)
                {
                    t += toNew[i];
                    var s = StartAt(own, t);
                    if (double.IsNaN(s))
                    {
                        return double.NaN;
                    }

                    newStart = s;
                    t = s + service.TotalSeconds + fromNew[i];
                }
                else
                {
                    t += legs[i];
                }

                if (i < n)
                {
                    var s = StartAt(windows[i], t);
                    if (double.IsNaN(s))
                    {
                        return double.NaN;
                    }

                    t = s + services[i];
                }
            }

            return t;
        }
    }

    private static TimeSpan Milliseconds(double seconds) => TimeSpan.FromMilliseconds(Math.Round(seconds * 1000));

    private (double[] Starts, double[] Ends)? Windows(Account account, TimeSpan service, DayOfWeek weekday)
    {
        if (account.OpeningHours.IsAlwaysOpen)
        {
            return null;
        }

        var windows = StartWindows.FromOpening(account.OpeningHours.On(weekday), service.TotalSeconds, _rule, out _);
        return ([.. windows.Select(w => w.Start)], [.. windows.Select(w => w.End)]);
    }

    private static double StartAt((double[] Starts, double[] Ends)? windows, double arrival)
    {
        if (windows is not { } w)
        {
            return arrival;
        }

        var start = StartWindows.StartAt(w.Starts, w.Ends, arrival, out var lateness);
        return lateness > 0 ? double.NaN : start;
    }
}
