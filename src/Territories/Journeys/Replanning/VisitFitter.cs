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
    /// A day's working time runs from leaving the base, at the departure that makes the day shortest (rather than
    /// waiting for an account to open, <see cref="DayTiming.ShortestDay"/>), to the return, as in the planner's
    /// routes. Places are tried in the order of a lower bound on the added working time (the route's travel and service
    /// without any waiting, plus the detour, less the day as planned), and each is timed whole. The answer is the first
    /// place (lowest index) with the least added time, as an exhaustive search finds it.
    /// </remarks>
    private static VisitFit? Best(ITravelModel travel, PreparedRoute route, Account account, double service, (double[] Starts, double[] Ends)? own)
    {
        var n = route.Count;
        if (!route.Workable || n + 1 > route.MaxVisits || route.Load + (account.Visit?.Load ?? 0) > route.MaxLoad + 1e-9 || own is { Starts.Length: 0 })
        {
            // Closed that day (no start window) or no room.
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
            // No plan with the visit at place i works less than the route without waiting plus the detour.
            bound[i] = route.Busy + toNew[i] + service + fromNew[i] - route.Legs[i] - route.OldWorking;
            order[i] = i;
        }

        Array.Sort(bound, order);
        var ownWindows = own is { } o ? o.Starts.Length : 0;
        var legs = new double[n + 2];
        var services = new double[n + 1];
        var offsets = new int[n + 2];
        var starts = new double[route.Starts.Length + ownWindows];
        var ends = new double[starts.Length];
        VisitFit? best = null;
        var bestAt = -1;
        for (var k = 0; k <= n; k++)
        {
            // The bound may exceed the true figure by rounding only: a small margin keeps the pruning exact.
            var lower = bound[k] - 1e-6;
            if (best is not null && Milliseconds(lower) > best.AddedWorkingTime)
            {
                break;
            }

            // No departure is back earlier than leaving at the day's start without any waiting.
            var at = order[k];
            if (route.Departure[at] + toNew[at] + service + fromNew[at] + route.Rest[at] > route.DayEnd + 1e-6)
            {
                continue;
            }

            Insert(at);
            var (leave, end) = DayTiming.ShortestDay(route.DayStart, route.DayEnd, legs, services, starts, ends, offsets);
            if (double.IsNaN(end) || end > route.DayEnd + 1e-6)
            {
                continue;
            }

            var length = end - leave;
            var added = Milliseconds(length - route.OldWorking);
            if (best is null || added < best.AddedWorkingTime || (added == best.AddedWorkingTime && at < bestAt))
            {
                best = new VisitFit(route.Position, route.Day, at + 1, Milliseconds(DayTiming.StartOf(at, leave, legs, services, starts, ends, offsets)), added, Milliseconds(length));
                bestAt = at;
            }
        }

        return best;

        // The route's legs, services and windows with the new visit at place `at`.
        void Insert(int at)
        {
            var w = 0;
            for (var i = 0; i <= n; i++)
            {
                var stop = i < at ? i : i - 1;
                if (i == at)
                {
                    legs[i] = toNew[at];
                    services[i] = service;
                    if (own is { } mine)
                    {
                        mine.Starts.CopyTo(starts, w);
                        mine.Ends.CopyTo(ends, w);
                        w += mine.Starts.Length;
                    }
                }
                else
                {
                    legs[i] = i == at + 1 ? fromNew[at] : route.Legs[stop];
                    services[i] = route.Services[stop];
                    for (var x = route.Offsets[stop]; x < route.Offsets[stop + 1]; x++)
                    {
                        starts[w] = route.Starts[x];
                        ends[w++] = route.Ends[x];
                    }
                }

                offsets[i + 1] = w;
            }

            legs[n + 1] = at == n ? fromNew[n] : route.Legs[n];
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
                    t = s + Services[i];
                }
            }

            // The route as planned may no longer hold (changed hours): a visit cannot be fitted into it.
            for (var i = n - 1; i >= 0; i--)
            {
                Rest[i] = Services[i] + Legs[i + 1] + Rest[i + 1];
            }

            // The route's windows in one run, and its working time as planned: leaving when the day is shortest.
            (Starts, Ends, Offsets) = DayTiming.Flatten(Windows);
            Busy = Legs.Sum() + Services.Sum();
            var (leave, back) = DayTiming.ShortestDay(DayStart, DayEnd, Legs, Services, Starts, Ends, Offsets);
            OldWorking = n == 0 || !Workable || double.IsNaN(back) ? 0 : back - leave;
        }

        /// <summary>Every stop's start windows' earliest starts, stop after stop (see <see cref="Offsets"/>).</summary>
        public double[] Starts { get; }

        /// <summary>Their latest starts, in the same order.</summary>
        public double[] Ends { get; }

        /// <summary>Stop i's windows are [Offsets[i], Offsets[i + 1]); none: always open.</summary>
        public int[] Offsets { get; }

        /// <summary>Travel and service of the whole route, without waiting.</summary>
        public double Busy { get; }

        /// <summary>The route's working time as planned: leaving when the day is shortest (<see cref="DayTiming.ShortestDay"/>).</summary>
        public double OldWorking { get; }

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

        /// <summary>When the position leaves place i (the base, then each stop after its service), leaving the base at the day's start.</summary>
        public double[] Departure { get; }

        /// <summary>Services and legs from stop i (included) back to the base, without waiting.</summary>
        public double[] Rest { get; }

        /// <summary>Whether every stop still meets its opening hours.</summary>
        public bool Workable { get; }

        public static PreparedRoute Empty(JourneyPlanRequest request, SalesPosition position, int day, VisitFitter fitter) =>
            new(request, position, day, [], fitter);
    }
}
