namespace Territories.Journeys.Planning;

/// <summary>The exact objective of a candidate order for one route, as <see cref="Solution"/> would compute it once applied.</summary>
/// <remarks>
/// O(n): one forward pass over the order (travel, opening hours, service), then the working-time,
/// load, visit-count and eligibility rules of the route's position. Used to confirm moves that were screened
/// by their arc-cost change.
/// </remarks>
internal static class RouteEvaluation
{
    /// <summary>The route cost of <paramref name="order"/> on route <paramref name="r"/>, or +∞ when it breaks a hard rule (see <see cref="Relaxation"/>).</summary>
    public static double Cost(JourneyProblem pb, Relaxation relaxation, int r, ReadOnlySpan<int> order) =>
        pb.Time.StoredValues is { } times && pb.Cost.StoredValues is { } costs
            ? Cost(pb, relaxation, r, order, new StoredLegs(times), new StoredLegs(costs))
            : Cost(pb, relaxation, r, order, new TableLegs(pb.Time), new TableLegs(pb.Cost));

    private static double Cost<TLegs>(JourneyProblem pb, Relaxation relaxation, int r, ReadOnlySpan<int> order, TLegs times, TLegs costs)
        where TLegs : struct, ILegReader
    {
        int D = pb.DayCount, L = pb.LocationCount, P = pb.PositionCount;
        var p = r / D;
        var d = r % D;
        var n = order.Length;
        if (n == 0)
        {
            return 0;
        }

        if (n > pb.MaxVisits[p] || !pb.Works[r])
        {
            return double.PositiveInfinity;
        }

        var b = pb.BaseOf(p);
        var start = pb.DayStart[p];
        double t = start, cost = 0, penalty = 0, load = 0;
        var prev = b;
        for (var i = 0; i < n; i++)
        {
            var c = order[i];
            if (!pb.MayVisit(c, p, d))
            {
                return double.PositiveInfinity;
            }

            var l = pb.Location(c);
            t += times[(prev * L) + l];
            var s = pb.ServiceStart(c, d, t);
            if (s < 0)
            {
                return double.PositiveInfinity;
            }

            t = s + pb.Service[c];
            cost += costs[(prev * L) + l];
            penalty += pb.Penalty[(c * P) + p] + pb.DayPrice(c, d);
            load += pb.Load[c];
            prev = l;
        }

        t += times[(prev * L) + b];
        cost += costs[(prev * L) + b];
        var work = t - start;
        return cost + penalty + relaxation.Penalty(p, load, t) + (pb.BalancePerSecondSquared * work * work);
    }
}
