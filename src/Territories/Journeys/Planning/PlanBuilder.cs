using System.Collections.Immutable;

namespace Territories.Journeys.Planning;

/// <summary>Turns a solved <see cref="Solution"/> into the public <see cref="JourneyPlan"/>: schedules, legs and totals; the KPIs come from <see cref="JourneyPlanKpis.FromRoutes"/>.</summary>
internal static class PlanBuilder
{
    public static JourneyPlan Build(JourneyProblem pb, Solution solution, JourneyPlanStatus status, long iterations, bool[]? notReached = null)
    {
        int D = pb.DayCount, L = pb.LocationCount, P = pb.PositionCount;
        var routes = ImmutableArray.CreateBuilder<JourneyRoute>();
        var crossings = ImmutableArray.CreateBuilder<TerritoryCrossing>();
        double cost = 0;
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
                var leave = Leave(pb, solution.Nodes[r], n, p, d);
                double t = leave, distance = 0, travel = 0, service = 0, load = 0;
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
                var nodes = solution.Nodes[r];
                int At(int i) => i == 0 ? b : pb.Location(nodes[i - 1]);
                var bound = RouteLowerBound.Of(n + 1, (i, j) => pb.Dist[(At(i) * L) + At(j)]);
                routes.Add(new JourneyRoute
                {
                    Position = position.Id,
                    Day = d,
                    Visits = visits.MoveToImmutable(),
                    Start = Seconds(leave),
                    End = Seconds(t),
                    DistanceMetres = distance,
                    TravelTime = Seconds(travel),
                    ServiceTime = Seconds(service),
                    Load = load,
                    DistanceLowerBoundMetres = Math.Min(bound, distance),
                });
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
                unplanned.Add(notReached?[c] == true
                    ? new UnplannedAccount(account.Id, UnplannedReason.NotReached, visits, visits * pb.Service[c] / 3600,
                        $"Account {account.Id}: the planner stopped ({(status == JourneyPlanStatus.Cancelled ? "cancelled" : "time limit")}) while building its first plan, before it could try the account.")
                    : new UnplannedAccount(account.Id, UnplannedReason.NoCapacity, visits, visits * pb.Service[c] / 3600,
                        $"Account {account.Id}: the positions that may visit it have no capacity left on the days of its allowed patterns."));
            }
        }

        var built = routes.ToImmutable();
        return new JourneyPlan
        {
            Routes = built,
            Unplanned = [.. unplanned.OrderBy(u => u.Account)],
            Kpis = JourneyPlanKpis.FromRoutes(built, pb.PlannedPositions, pb.Cycle),
            Capacity = pb.Capacity,
            Crossings = crossings.ToImmutable(),
            Status = status,
            Cost = cost,
            Iterations = iterations,
        };
    }

    private static TimeSpan Seconds(double seconds) => TimeSpan.FromTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));

    /// <summary>
    /// When the position leaves the base on this route: the departure that makes its day shortest
    /// (<see cref="DayTiming.ShortestDay"/>), later than the start of the daily hours when it would otherwise wait for
    /// an account to open. The search times routes from the day's start; this changes no route's visits, order or distance.
    /// </summary>
    private static double Leave(JourneyProblem pb, int[] nodes, int n, int p, int d)
    {
        int L = pb.LocationCount;
        var b = pb.BaseOf(p);
        var legs = new double[n + 1];
        var service = new double[n];
        var windows = new (double[] Starts, double[] Ends)?[n];
        var prev = b;
        for (var i = 0; i < n; i++)
        {
            var c = nodes[i];
            var l = pb.Location(c);
            legs[i] = pb.Time[(prev * L) + l];
            service[i] = pb.Service[c];
            var k = (c * pb.DaysPerWeek) + pb.WeekdayIndex(d);
            windows[i] = pb.WindowStart[k] is { } s ? (s, pb.WindowEnd[k]!) : null;
            prev = l;
        }

        legs[n] = pb.Time[(prev * L) + b];
        var (starts, ends, offsets) = DayTiming.Flatten(windows);
        return DayTiming.ShortestDay(pb.DayStart[p], pb.DayEnd[p], legs, service, starts, ends, offsets).Leave;
    }
}
