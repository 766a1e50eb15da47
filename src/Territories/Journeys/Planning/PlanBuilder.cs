using System.Collections.Immutable;

namespace Territories.Journeys.Planning;

/// <summary>Turns a solved <see cref="Solution"/> into the public <see cref="JourneyPlan"/>: schedules, legs, totals and KPIs.</summary>
internal static class PlanBuilder
{
    public static JourneyPlan Build(JourneyProblem pb, Solution solution, JourneyPlanStatus status, long iterations)
    {
        int D = pb.DayCount, L = pb.LocationCount, P = pb.PositionCount;
        var routes = ImmutableArray.CreateBuilder<JourneyRoute>();
        var crossings = ImmutableArray.CreateBuilder<TerritoryCrossing>();
        var working = new List<double>();
        double totalDistance = 0, totalTravel = 0, totalService = 0, cost = 0;
        var visitsTotal = 0;
        for (var p = 0; p < P; p++)
        {
            var position = pb.PlannedPositions[p];
            for (var d = 0; d < D; d++)
            {
                var r = (p * D) + d;
                var n = solution.Count[r];
                if (n == 0)
                {
                    continue;
                }

                var b = pb.BaseOf(p);
                var visits = ImmutableArray.CreateBuilder<PlannedVisit>(n);
                double t = pb.DayStart[p], distance = 0, travel = 0, service = 0, load = 0;
                var prev = b;
                for (var i = 0; i < n; i++)
                {
                    var c = solution.Nodes[r][i];
                    var l = pb.Location(c);
                    var legDistance = pb.Dist[(prev * L) + l];
                    var legTime = pb.Time[(prev * L) + l];
                    var arrival = t + legTime;
                    var start = pb.ServiceStart(c, d, arrival);
                    var departure = start + pb.Service[c];
                    var account = pb.CustomerAccounts[c];
                    visits.Add(new PlannedVisit(account.Id, Seconds(arrival), Seconds(start), Seconds(departure), legDistance, Seconds(legTime), account.Visit!.Activity));
                    if (pb.CustomerTerritory[c] is { } territory && !pb.Covers[(c * P) + p])
                    {
                        crossings.Add(new TerritoryCrossing(account.Id, territory, position.Id, d));
                    }

                    distance += legDistance;
                    travel += legTime;
                    service += pb.Service[c];
                    load += pb.Load[c];
                    t = departure;
                    prev = l;
                }

                distance += pb.Dist[(prev * L) + b];
                travel += pb.Time[(prev * L) + b];
                t += pb.Time[(prev * L) + b];
                routes.Add(new JourneyRoute(position.Id, d, visits.MoveToImmutable(), Seconds(pb.DayStart[p]), Seconds(t), distance, Seconds(travel), Seconds(service), load));
                working.Add((t - pb.DayStart[p]) / 3600);
                totalDistance += distance;
                totalTravel += travel;
                totalService += service;
                visitsTotal += n;
                cost += solution.RouteCost[r];
            }
        }

        var unplanned = pb.PreUnplanned.ToList();
        for (var c = 0; c < pb.CustomerCount; c++)
        {
            if (solution.Pattern[c] < 0)
            {
                var visits = pb.Patterns[c].Min(x => x.Length);
                var account = pb.CustomerAccounts[c];
                unplanned.Add(new UnplannedAccount(account.Id, UnplannedReason.NoCapacity, visits, visits * pb.Service[c] / 3600,
                    $"Account {account.Id}: the positions that may visit it have no capacity left on the days of its allowed patterns."));
            }
        }

        var available = 0.0;
        for (var p = 0; p < P; p++)
        {
            for (var d = 0; d < D; d++)
            {
                if (pb.Works[(p * D) + d])
                {
                    available += (pb.DayEnd[p] - pb.DayStart[p]) / 3600;
                }
            }
        }

        var mean = working.Count > 0 ? working.Average() : 0;
        var kpis = new JourneyPlanKpis(
            totalDistance,
            Seconds(totalTravel),
            Seconds(totalService),
            routes.Count,
            visitsTotal,
            working.Count > 0 ? working.Min() : 0,
            working.Count > 0 ? working.Max() : 0,
            mean,
            working.Count > 0 ? Math.Sqrt(working.Sum(w => (w - mean) * (w - mean)) / working.Count) : 0,
            available > 0 ? working.Sum() / available : 0,
            routes.Count > 0 ? (double)visitsTotal / routes.Count : 0);
        return new JourneyPlan(
            routes.ToImmutable(),
            [.. unplanned.OrderBy(u => u.Account)],
            kpis,
            pb.Capacity,
            crossings.ToImmutable(),
            status,
            cost,
            iterations);
    }

    private static TimeSpan Seconds(double seconds) => TimeSpan.FromTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));
}
