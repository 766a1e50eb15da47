using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using OneOf;
using Territories.Internal;
using Territories.Model;
using Territories.Travel;

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
/// Works on the plan's routes and the travel model directly (no travel matrix). The first call for a plan and
/// request prepares each route once (its stops, legs, opening windows and schedule: n + 1 travel queries per
/// route) and keeps it with the plan (a weak table: it lives as long as the plan, and a call with another
/// request prepares again). Each call then makes 2(n + 1) travel queries per route of n visits, and
/// simulates places in the order of a lower bound on the day's end, each from the place on only, until the
/// bound passes the best place found: O(R × n log n) for R routes in the usual case, O(R × n²) at worst.
/// Deterministic: the same answer as trying every place. Thread-safe.
/// </para>
/// </remarks>
public sealed class VisitFitter
{
    private readonly OpeningHoursRule _rule;
    private readonly TerritoryRule _territoryRule;
    private readonly ConditionalWeakTable<JourneyPlan, PreparedPlan> _prepared = new();

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
            errors.Add(new ReplanError(ReplanErrorCode.InvalidRequest, [ItemRef.Of(account.Id)], "Location", account.Location.ToString(), $"Account {account.Id} has no finite location."));
        }

        if (service < TimeSpan.Zero || service > TimeSpan.FromDays(1))
        {
            errors.Add(new ReplanError(ReplanErrorCode.InvalidRequest, [ItemRef.Of(account.Id)], "ServiceTime", service.ToString("c", System.Globalization.CultureInfo.InvariantCulture), $"Account {account.Id} has a service time outside zero to one day."));
        }

        var prepared = Prepare(request, plan);
        if (prepared.Unknown.Length > 0)
        {
            errors.AddRange(prepared.Unknown.Select(id => new ReplanError(ReplanErrorCode.UnknownAccount, [ItemRef.Of(id)], "Routes.Visits.Account", id.Value, $"The plan visits account {id}, which is not in the request.")));
        }

        if (errors.Count > 0)
        {
            return new ReplanFailure([.. errors]);
        }

        var cycle = request.Cycle;
        var own = new Dictionary<DayOfWeek, (double[] Starts, double[] Ends)?>();
        var fits = new List<VisitFit>();
        foreach (var position in Eligible(request, prepared.Planned, account))
        {
            for (var day = 0; day < cycle.DayCount; day++)
            {
                if (position.WorksOn(cycle, day))
                {
                    var weekday = cycle.WeekdayOf(day);
                    if (!own.TryGetValue(weekday, out var windows))
                    {
                        own[weekday] = windows = Windows(account, service, weekday);
                    }

                    var route = prepared.Routes.TryGetValue((position.Id, day), out var r) ? r : PreparedRoute.Empty(request, position, day, this);
                    if (Best(request.TravelModel, route, account, service.TotalSeconds, windows) is { } fit)
                    {
                        fits.Add(fit);
                    }
                }
            }
        }

        return fits.OrderBy(f => f.AddedWorkingTime).ThenBy(f => f.DayLength).ThenBy(f => f.Position).ThenBy(f => f.Day).ToImmutableArray();
    }

    /// <summary>The plan's routes prepared for this request (kept with the plan while both live), or prepared now.</summary>
    private PreparedPlan Prepare(JourneyPlanRequest request, JourneyPlan plan)
    {
        if (_prepared.TryGetValue(plan, out var prepared) && ReferenceEquals(prepared.Request, request))
        {
            return prepared;
        }

        prepared = new PreparedPlan(request, plan, this);
        _prepared.AddOrUpdate(plan, prepared);
        return prepared;
    }

    private IEnumerable<SalesPosition> Eligible(JourneyPlanRequest request, ImmutableArray<SalesPosition> planned, Account account)
    {
        if (account.Visit?.FixedPosition is { } fixedId)
        {
            return planned.Where(p => p.Id == fixedId);
        }

        var territory = request.Territories.Where(t => t.NamedAccounts.Contains(account.Id)).OrderBy(t => t.Id.Value, StringComparer.Ordinal).FirstOrDefault()
            ?? request.Territories.FirstOrDefault(t => t.Id == account.Territory);
        return territory is null || _territoryRule != TerritoryRule.Hard ? planned : planned.Where(p => territory.Positions.Contains(p.Id));
    }

    /// <summary>The best place in one route, or null when the visit fits nowhere in it.</summary>
    /// <remarks>
    /// Places are tried in the order of a lower bound on the day's end (the route from the place on without any
    /// waiting), and each is simulated from the place on only, stopping where the schedule meets the old one.
    /// The answer is the first place (lowest index) with the least added time, as an exhaustive search finds it.
    /// </remarks>
    private static VisitFit? Best(ITravelModel travel, PreparedRoute route, Account account, double service, (double[] Starts, double[] Ends)? own)
    {
        var n = route.Count;
        if (!route.Workable || n + 1 > route.MaxVisits || route.Load + (account.Visit?.Load ?? 0) > route.MaxLoad + 1e-9)
        {
            return null;
        }

        var toNew = new double[n + 1];
        var fromNew = new double[n + 1];
        var bound = new double[n + 1];
        var order = new int[n + 1];
        for (var i = 0; i <= n; i++)
        {
            toNew[i] = travel.Duration(route.Points[i], account.Location).TotalSeconds;
            fromNew[i] = travel.Duration(account.Location, route.Points[i + 1]).TotalSeconds;
            bound[i] = route.Departure[i] + toNew[i] + service + fromNew[i] + route.Rest[i];
            order[i] = i;
        }

        Array.Sort(bound, order);
        var baseline = n == 0 ? route.DayStart : route.OldEnd;
        VisitFit? best = null;
        var bestAt = -1;
        for (var k = 0; k <= n; k++)
        {
            // The bound may exceed the true end by rounding only: a small margin keeps the pruning exact.
            var lower = bound[k] - 1e-6;
            if (lower > route.DayEnd + 1e-6 || (best is not null && Milliseconds(lower - baseline) > best.AddedWorkingTime))
            {
                break;
            }

            var at = order[k];
            var end = Simulate(at, out var start);
            if (double.IsNaN(end) || end > route.DayEnd + 1e-6)
            {
                continue;
            }

            var added = Milliseconds(end - baseline);
            if (best is null || added < best.AddedWorkingTime || (added == best.AddedWorkingTime && at < bestAt))
            {
                best = new VisitFit(route.Position, route.Day, at + 1, Milliseconds(start), added, Milliseconds(end - route.DayStart));
                bestAt = at;
            }
        }

        return best;

        // The return time with the new visit at place `at`, NaN when an opening window is missed.
        double Simulate(int at, out double newStart)
        {
            var t = route.Departure[at] + toNew[at];
            newStart = StartAt(own, t);
            if (double.IsNaN(newStart))
            {
                return double.NaN;
            }

            t = newStart + service + fromNew[at];
            for (var i = at; i < n; i++)
            {
                if (i > at)
                {
                    t += route.Legs[i];
                }

                var s = StartAt(route.Windows[i], t);
                if (double.IsNaN(s))
                {
                    return double.NaN;
                }

                if (s == route.OldStart[i])
                {
                    // From here on the schedule is the old one.
                    return route.OldEnd;
                }

                t = s + route.Services[i];
            }

            return n == at ? t : t + route.Legs[n];
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

    /// <summary>A plan's routes prepared for one request: what every call would otherwise rebuild.</summary>
    private sealed class PreparedPlan
    {
        public PreparedPlan(JourneyPlanRequest request, JourneyPlan plan, VisitFitter fitter)
        {
            Request = request;
            var accounts = new Dictionary<AccountId, Account>();
            foreach (var a in request.Accounts)
            {
                accounts.TryAdd(a.Id, a);
            }

            Unknown = [.. plan.Routes.SelectMany(r => r.Visits).Select(v => v.Account).Distinct().Where(id => !accounts.ContainsKey(id)).Order()];
            Planned = [.. request.Positions.Where(p => !p.IsVacant && p.Base is not null).OrderBy(p => p.Id)];
            Routes = [];
            if (Unknown.Length > 0)
            {
                return;
            }

            var positions = new Dictionary<PositionId, SalesPosition>();
            foreach (var p in Planned)
            {
                positions.TryAdd(p.Id, p);
            }

            var keys = new HashSet<(PositionId, int)>();
            foreach (var route in plan.Routes)
            {
                // Two routes for one position and day are a malformed plan, as before preparation.
                Guard.That(keys.Add((route.Position, route.Day)), $"The plan has two routes for position {route.Position} on day {route.Day}.", nameof(plan));

                if (positions.TryGetValue(route.Position, out var position) && route.Day >= 0 && route.Day < request.Cycle.DayCount)
                {
                    Routes[(route.Position, route.Day)] = new PreparedRoute(request, position, route.Day, [.. route.Visits.Select(v => accounts[v.Account])], fitter);
                }
            }
        }

        public JourneyPlanRequest Request { get; }

        /// <summary>Accounts the plan visits that the request does not have, sorted.</summary>
        public ImmutableArray<AccountId> Unknown { get; }

        /// <summary>The positions that can work (not vacant, with a base), by id.</summary>
        public ImmutableArray<SalesPosition> Planned { get; }

        public Dictionary<(PositionId Position, int Day), PreparedRoute> Routes { get; }
    }

    /// <summary>One route as planned: its places, legs, stops' windows and services, and its schedule.</summary>
    private sealed class PreparedRoute
    {
        public PreparedRoute(JourneyPlanRequest request, SalesPosition position, int day, Account[] stops, VisitFitter fitter)
        {
            var travel = request.TravelModel;
            var weekday = request.Cycle.WeekdayOf(day);
            var home = position.Base!.Value;
            var n = stops.Length;
            Position = position.Id;
            Day = day;
            Count = n;
            MaxVisits = position.MaxVisitsPerDay ?? int.MaxValue;
            MaxLoad = position.MaxLoadPerDay ?? double.PositiveInfinity;
            Load = stops.Sum(s => s.Visit?.Load ?? 0);
            DayStart = position.DailyHours.Start.TotalSeconds;
            DayEnd = (position.DailyHours.End - position.Break).TotalSeconds;
            Points = new GeoPoint[n + 2];
            Points[0] = home;
            for (var i = 0; i < n; i++)
            {
                Points[i + 1] = stops[i].Location;
            }

            Points[n + 1] = home;
            Legs = new double[n + 1];
            for (var i = 0; i <= n; i++)
            {
                Legs[i] = travel.Duration(Points[i], Points[i + 1]).TotalSeconds;
            }

            Services = [.. stops.Select(s => (s.Visit?.Duration ?? s.ServiceTime).TotalSeconds)];
            Windows = [.. stops.Select(s => fitter.Windows(s, s.Visit?.Duration ?? s.ServiceTime, weekday))];
            Departure = new double[n + 1];
            OldStart = new double[n];
            Rest = new double[n + 1];
            Workable = true;
            var t = DayStart;
            for (var i = 0; i <= n; i++)
            {
                Departure[i] = t;
                t += Legs[i];
                if (i < n)
                {
                    var s = StartAt(Windows[i], t);
                    Workable &= !double.IsNaN(s);
                    OldStart[i] = s;
                    t = s + Services[i];
                }
            }

            // The route as planned may no longer hold (changed hours): a visit cannot be fitted into it.
            OldEnd = t;
            for (var i = n - 1; i >= 0; i--)
            {
                Rest[i] = Services[i] + Legs[i + 1] + Rest[i + 1];
            }
        }

        public PositionId Position { get; }

        public int Day { get; }

        public int Count { get; }

        public int MaxVisits { get; }

        public double MaxLoad { get; }

        public double Load { get; }

        public double DayStart { get; }

        /// <summary>The latest return to base: the end of the working hours less the break.</summary>
        public double DayEnd { get; }

        /// <summary>The base, the stops in order, the base.</summary>
        public GeoPoint[] Points { get; }

        /// <summary>Seconds from place i to place i + 1.</summary>
        public double[] Legs { get; }

        public double[] Services { get; }

        public (double[] Starts, double[] Ends)?[] Windows { get; }

        /// <summary>When the position leaves place i (the base, then each stop after its service).</summary>
        public double[] Departure { get; }

        /// <summary>When service starts at each stop.</summary>
        public double[] OldStart { get; }

        /// <summary>Services and legs from stop i (included) back to the base, without waiting.</summary>
        public double[] Rest { get; }

        public double OldEnd { get; }

        /// <summary>Whether every stop still meets its opening hours.</summary>
        public bool Workable { get; }

        public static PreparedRoute Empty(JourneyPlanRequest request, SalesPosition position, int day, VisitFitter fitter) =>
            new(request, position, day, [], fitter);
    }
}
