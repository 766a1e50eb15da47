using System.Collections.Immutable;
using Territories.Journeys;

namespace Territories.IO.Csv;

/// <summary>
/// Rebuilds the plan of the rows a <see cref="JourneyPlanCsvReader"/> read: legs from the request's
/// travel model, the schedule replayed (the rule is stated on the reader), key figures recomputed by
/// <see cref="JourneyPlanKpis.FromRoutes"/>.
/// </summary>
internal static class JourneyPlanReplay
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    /// <summary>The plan of <paramref name="rows"/>, one route per (position, day) ordered by sequence.</summary>
    /// <param name="request">The request the plan answers.</param>
    /// <param name="rows">The good rows.</param>
    /// <param name="unplanned">The accounts to list as unplanned; none when null.</param>
    /// <returns>The plan, status <see cref="JourneyPlanStatus.Completed"/>, cost 0, no capacity or crossings.</returns>
    public static JourneyPlan Build(JourneyPlanRequest request, List<JourneyPlanCsvRow> rows, IEnumerable<UnplannedAccount>? unplanned)
    {
        var model = request.TravelModel;
        var positions = request.Positions.GroupBy(p => p.Id).ToDictionary(g => g.Key, g => g.First());
        var routes = ImmutableArray.CreateBuilder<JourneyRoute>();
        foreach (var group in rows.GroupBy(r => (r.Position, r.Day)).OrderBy(g => g.Key.Position).ThenBy(g => g.Key.Day))
        {
            var position = positions[group.Key.Position];
            var ordered = group.OrderBy(r => r.Sequence).ToList();
            var basePoint = position.Base;
            var here = basePoint ?? ordered[0].Account.Location;
            var firstLeg = model.Duration(here, ordered[0].Account.Location);
            var start = ordered[0].Arrival - firstLeg;
            if ((start - position.DailyHours.Start).Duration() < Second)
            {
                start = position.DailyHours.Start;
            }

            var t = start;
            double distance = 0, load = 0;
            var travel = TimeSpan.Zero;
            var service = TimeSpan.Zero;
            var visits = ImmutableArray.CreateBuilder<PlannedVisit>(ordered.Count);
            foreach (var row in ordered)
            {
                var account = row.Account;
                var legDistance = model.DistanceMetres(here, account.Location);
                var legTime = model.Duration(here, account.Location);
                var arrival = t + legTime;
                var duration = account.Visit?.Duration ?? account.ServiceTime;
                var statedStart = row.Departure - duration;
                var serviceStart = statedStart - arrival >= Second ? statedStart : arrival;
                var departure = serviceStart + duration;
                visits.Add(new PlannedVisit(account.Id, arrival, serviceStart, departure, legDistance, legTime, row.Activity ?? account.Visit?.Activity));
                distance += legDistance;
                travel += legTime;
                service += duration;
                load += account.Visit?.Load ?? 0;
                t = departure;
                here = account.Location;
            }

            if (basePoint is { } home)
            {
                distance += model.DistanceMetres(here, home);
                var back = model.Duration(here, home);
                travel += back;
                t += back;
            }

            routes.Add(new JourneyRoute
            {
                Position = position.Id,
                Day = group.Key.Day,
                Visits = visits.MoveToImmutable(),
                Start = start,
                End = t,
                DistanceMetres = distance,
                TravelTime = travel,
                ServiceTime = service,
                Load = load,
            });
        }

        var built = routes.ToImmutable();
        var kpis = JourneyPlanKpis.FromRoutes(built, request.Positions, request.Cycle);
        ImmutableArray<UnplannedAccount> notPlanned = unplanned is null ? [] : [.. unplanned.Where(u => u is not null).OrderBy(u => u.Account)];
        return new JourneyPlan
        {
            Routes = built,
            Unplanned = notPlanned,
            Kpis = kpis,
            Capacity = [],
            Crossings = [],
            Status = JourneyPlanStatus.Completed,
            Cost = 0,
            Iterations = 0,
        };
    }
}
