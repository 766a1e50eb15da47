using System.Collections.Immutable;
using Territories.Internal;
using Territories.Model;

namespace Territories.Journeys;

/// <summary>Checks any journey plan against its request, also one edited by hand: recomputes travel and times and lists every rule broken.</summary>
/// <remarks>
/// Independent of the planner: travel comes pair by pair from the request's travel model, the
/// schedule is replayed from each route's start in visit order (arrival = previous departure plus
/// travel; service may start later than arrival, never before), and every figure the plan states is
/// compared with the recomputed one (1 ms for times, 1 mm plus 1e-9 relative for distances). The
/// rules are those of <see cref="Planning.JourneyPlanner"/> under the same <see cref="JourneyPlannerOptions"/>:
/// allowed patterns, one visit per account and day, opening hours, working hours less the break,
/// visit and load caps, one position per account, fixed positions and hard territories, every
/// account with a visit requirement either planned or listed as unplanned. The evaluation's
/// <see cref="JourneyPlanEvaluation.Kpis"/> are those of the recomputed routes, by
/// <see cref="JourneyPlanKpis.FromRoutes"/> over the request's positions, so a plan that states its
/// figures truly has the same KPIs as the evaluation. A request that itself breaks a model rule
/// (<see cref="JourneyPlanRequest.Validate"/>, for instance a service time longer than a day) is not
/// replayed: each problem comes back as a <see cref="PlanViolationCode.InvalidRequest"/> violation and
/// the recomputed figures are zero. Stateless and thread-safe; O(visits) travel-model calls.
/// </remarks>
public static class JourneyPlanEvaluator
{
    private static readonly TimeSpan TimeTolerance = TimeSpan.FromMilliseconds(1);

    /// <summary>Evaluates <paramref name="plan"/> against <paramref name="request"/>.</summary>
    /// <param name="request">The request the plan answers.</param>
    /// <param name="plan">The plan to check.</param>
    /// <param name="options">The rules in force (one position per account, territory and opening-hours rules); the defaults when null.</param>
    /// <returns>The recomputed figures and every violation.</returns>
    public static JourneyPlanEvaluation Evaluate(JourneyPlanRequest request, JourneyPlan plan, JourneyPlannerOptions? options = null)
    {
        Guard.NotNull(request);
        Guard.NotNull(plan);
        options ??= new JourneyPlannerOptions();
        var cycle = request.Cycle;
        var requestErrors = request.Validate();
        if (!requestErrors.IsEmpty)
        {
            return new JourneyPlanEvaluation(
                [.. requestErrors.Select(InvalidRequest)],
                0,
                TimeSpan.Zero,
                plan.Routes.Sum(r => r.Visits.Length),
                JourneyPlanKpis.FromRoutes([], request.Positions, cycle));
        }

        var violations = new List<PlanViolation>();
        var recomputed = new List<JourneyRoute>(plan.Routes.Length);
        var positions = request.Positions.GroupBy(p => p.Id).ToDictionary(g => g.Key, g => g.First());
        var accounts = request.Accounts.GroupBy(a => a.Id).ToDictionary(g => g.Key, g => g.First());
        var territories = request.Territories.GroupBy(t => t.Id).ToDictionary(g => g.Key, g => g.First());
        var model = request.TravelModel;
        var visitsOf = new Dictionary<AccountId, List<(int Day, PositionId Position)>>();
        var routeKeys = new HashSet<(PositionId, int)>();
        double totalDistance = 0;
        var totalTravel = TimeSpan.Zero;
        var plannedVisits = 0;

        foreach (var route in plan.Routes)
        {
            var pid = route.Position;
            var day = route.Day;
            void Add(PlanViolationCode code, AccountId? account, string message) => violations.Add(new PlanViolation(code, account, pid, day, message));

            if (!positions.TryGetValue(pid, out var position) || position.Base is not { } basePoint)
            {
                Add(PlanViolationCode.UnknownReference, null, $"Position {pid} is not in the request or has no base.");
                continue;
            }

            if (day < 0 || day >= cycle.DayCount)
            {
                Add(PlanViolationCode.UnknownReference, null, $"Day {day} is outside the cycle (0 to {cycle.DayCount - 1}).");
                continue;
            }

            if (!routeKeys.Add((pid, day)))
            {
                Add(PlanViolationCode.DuplicateRoute, null, $"Position {pid} has more than one route on day {day}.");
            }

            if (position.IsVacant || !position.WorksOn(cycle, day))
            {
                Add(PlanViolationCode.NotAWorkingDay, null, $"Position {pid} does not work on day {day}.");
            }

            if (route.Start < position.DailyHours.Start - TimeTolerance)
            {
                Add(PlanViolationCode.OutsideWorkingHours, null, $"The route starts at {route.Start}, before the working hours {position.DailyHours}.");
            }

            var weekday = cycle.WeekdayOf(day);
            var t = route.Start;
            var here = basePoint;
            double distance = 0, load = 0;
            var travel = TimeSpan.Zero;
            var service = TimeSpan.Zero;
            var seenToday = new HashSet<AccountId>();
            foreach (var visit in route.Visits)
            {
                plannedVisits++;
                if (!accounts.TryGetValue(visit.Account, out var account) || account.Visit is not { } requirement)
                {
                    Add(PlanViolationCode.UnknownReference, visit.Account, $"Account {visit.Account} is not in the request or has no visit requirement.");
                    continue;
                }

                if (!seenToday.Add(visit.Account))
                {
                    Add(PlanViolationCode.DuplicateVisit, visit.Account, $"Account {visit.Account} is visited twice on day {day} by {pid}.");
                }

                if (!visitsOf.TryGetValue(visit.Account, out var list))
                {
                    visitsOf[visit.Account] = list = [];
                }

                list.Add((day, pid));
                var legDistance = model.DistanceMetres(here, account.Location);
                var legTime = model.Duration(here, account.Location);
                var arrival = t + legTime;
                var duration = requirement.Duration ?? account.ServiceTime;
                if (!Close(legDistance, visit.LegDistanceMetres) || (visit.LegTravelTime - legTime).Duration() > TimeTolerance || (visit.Arrival - arrival).Duration() > TimeTolerance)
                {
                    Add(PlanViolationCode.FigureMismatch, visit.Account, $"The leg to {visit.Account} is {legDistance:0.###} m and {legTime}, arriving at {arrival}; the plan says {visit.LegDistanceMetres:0.###} m, {visit.LegTravelTime}, {visit.Arrival}.");
                }

                if (visit.Start < arrival - TimeTolerance)
                {
                    Add(PlanViolationCode.FigureMismatch, visit.Account, $"Service at {visit.Account} starts at {visit.Start}, before the arrival at {arrival}.");
                }

                var start = visit.Start < arrival ? arrival : visit.Start;
                var departure = start + duration;
                if ((visit.Departure - departure).Duration() > TimeTolerance)
                {
                    Add(PlanViolationCode.FigureMismatch, visit.Account, $"The departure from {visit.Account} is {departure}; the plan says {visit.Departure}.");
                }

                if (!InsideOpeningHours(account.OpeningHours.On(weekday), start, departure, options.OpeningHoursRule))
                {
                    Add(PlanViolationCode.OutsideOpeningHours, visit.Account, $"The visit to {visit.Account} from {start} to {departure} on {weekday} is outside its opening hours ({account.OpeningHours}).");
                }

                distance += legDistance;
                travel += legTime;
                service += duration;
                load += requirement.Load;
                t = departure;
                here = account.Location;
            }

            var backDistance = model.DistanceMetres(here, basePoint);
            var backTime = model.Duration(here, basePoint);
            distance += backDistance;
            travel += backTime;
            var end = t + backTime;
            totalDistance += distance;
            totalTravel += travel;
            recomputed.Add(route with { End = end, DistanceMetres = distance, TravelTime = travel, ServiceTime = service, Load = load });
            if ((route.End - end).Duration() > TimeTolerance || !Close(distance, route.DistanceMetres) || (route.TravelTime - travel).Duration() > TimeTolerance
                || (route.ServiceTime - service).Duration() > TimeTolerance || Math.Abs(route.Load - load) > 1e-6 * Math.Max(1, load))
            {
                Add(PlanViolationCode.FigureMismatch, null, $"Route totals recompute to end {end}, {distance:0.###} m, travel {travel}, service {service}, load {load}; the plan says {route.End}, {route.DistanceMetres:0.###} m, {route.TravelTime}, {route.ServiceTime}, {route.Load}.");
            }

            if (end + position.Break > position.DailyHours.End + TimeTolerance)
            {
                Add(PlanViolationCode.OutsideWorkingHours, null, $"Back at the base at {end}; with a break of {position.Break} the day runs past {position.DailyHours.End}.");
            }

            if (position.MaxVisitsPerDay is { } maxVisits && route.Visits.Length > maxVisits)
            {
                Add(PlanViolationCode.VisitCapExceeded, null, $"{route.Visits.Length} visits exceed the cap of {maxVisits}.");
            }

            if (position.MaxLoadPerDay is { } maxLoad && load > maxLoad + 1e-9)
            {
                Add(PlanViolationCode.LoadCapExceeded, null, $"A load of {load} exceeds the cap of {maxLoad}.");
            }
        }

        var unplanned = plan.Unplanned.Select(u => u.Account).ToHashSet();
        foreach (var account in request.Accounts.Where(a => a.Visit is not null).OrderBy(a => a.Id))
        {
            var requirement = account.Visit!;
            if (!visitsOf.TryGetValue(account.Id, out var visits))
            {
                if (!unplanned.Contains(account.Id))
                {
                    violations.Add(new PlanViolation(PlanViolationCode.MissingAccount, account.Id, null, null, $"Account {account.Id} is neither planned nor listed as unplanned."));
                }

                continue;
            }

            var days = visits.Select(v => v.Day).Order().ToList();
            if (!requirement.AllowedPatterns(cycle).Any(p => p.Days.SequenceEqual(days)))
            {
                violations.Add(new PlanViolation(PlanViolationCode.PatternNotAllowed, account.Id, null, null, $"Account {account.Id} is visited on days {{{string.Join(",", days)}}}, which is not one of its allowed patterns."));
            }

            var byPosition = visits.Select(v => v.Position).Distinct().Order().ToList();
            if (options.KeepPositionPerAccount && byPosition.Count > 1)
            {
                violations.Add(new PlanViolation(PlanViolationCode.PositionChanged, account.Id, byPosition[0], null, $"Account {account.Id} is visited by {string.Join(", ", byPosition)}; one position per account is required."));
            }

            foreach (var pid in byPosition)
            {
                var allowed = requirement.FixedPosition is { } fixedId
                    ? pid == fixedId
                    : options.TerritoryRule == TerritoryRule.Soft || account.Territory is not { } tid || !territories.TryGetValue(tid, out var territory) || territory.Positions.Contains(pid);
                if (!allowed)
                {
                    violations.Add(new PlanViolation(PlanViolationCode.PositionNotAllowed, account.Id, pid, null, $"Position {pid} may not visit account {account.Id} (fixed position or territory)."));
                }
            }
        }

        return new JourneyPlanEvaluation([.. violations], totalDistance, totalTravel, plannedVisits, JourneyPlanKpis.FromRoutes(recomputed, request.Positions, cycle));
    }

    private static PlanViolation InvalidRequest(ModelError error)
    {
        var item = error.Items.FirstOrDefault(i => !string.IsNullOrWhiteSpace(i.Id));
        AccountId? account = item.Id is not null && item.Kind == ItemKind.Account ? new AccountId(item.Id) : default(AccountId?);
        PositionId? position = item.Id is not null && item.Kind == ItemKind.Position ? new PositionId(item.Id) : default(PositionId?);
        return new PlanViolation(PlanViolationCode.InvalidRequest, account, position, null, $"The request is invalid ({error}, value {error.Value})");
    }

    private static bool InsideOpeningHours(ImmutableArray<TimeWindow> windows, TimeSpan start, TimeSpan departure, OpeningHoursRule rule)
    {
        foreach (var w in windows)
        {
            if (start >= w.Start - TimeTolerance && (rule == OpeningHoursRule.StartOnly ? start <= w.End + TimeTolerance : departure <= w.End + TimeTolerance))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Close(double a, double b) => Math.Abs(a - b) <= 1e-3 + (1e-9 * Math.Max(Math.Abs(a), Math.Abs(b)));
}
