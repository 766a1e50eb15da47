using Territories.Internal;
using Territories.Model;
using Territories.Spatial;
using Territories.Travel;

namespace Territories.Workload;

/// <summary>Chooses a territory's base: the candidate place from which the visits are nearest in total.</summary>
/// <remarks>
/// The base minimises Σ visits × travel time from the base to the account (the stem a plan drives),
/// over candidate places: the given ones (distributors, towns, reps' possible homes) or, when none
/// are given, the accounts' own locations. The continuous optimum (the visit-weighted geometric
/// median, by Weiszfeld's iteration) picks the 32 nearest candidates, whose exact totals decide;
/// ties go to the lower candidate index. The alignment loop also asks that the base reach every
/// account and back within a working day with time for its visit, when some candidate does.
/// Deterministic; O(iterations × n + 32 × n), and O(candidates × n) with the reach test.
/// </remarks>
public static class BaseLocator
{
    private const int Shortlist = 32;

    /// <summary>The base for <paramref name="accounts"/> among <paramref name="candidates"/>.</summary>
    /// <param name="accounts">The territory's accounts with their visits per cycle as weights.</param>
    /// <param name="cycle">The cycle that counts the visits.</param>
    /// <param name="travel">The travel model that measures the stem.</param>
    /// <param name="candidates">Places a base may be; null or empty for the accounts' locations.</param>
    /// <returns>The chosen place; the first account's location when no account has a visit.</returns>
    /// <exception cref="ArgumentNullException">An argument other than <paramref name="candidates"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="accounts"/> is empty.</exception>
    public static GeoPoint Choose(IReadOnlyList<Account> accounts, JourneyCycle cycle, ITravelModel travel, IReadOnlyList<GeoPoint>? candidates = null)
    {
        Guard.NotNull(accounts);
        Guard.NotNull(cycle);
        Guard.NotNull(travel);
        Guard.That(accounts.Count > 0, "A base needs at least one account.", nameof(accounts));
        var points = accounts.Select(a => a.Location).ToArray();
        var weights = accounts.Select(a => (double)AccountDemand.Of(a, cycle).Visits).ToArray();
        if (weights.Sum() <= 0)
        {
            Array.Fill(weights, 1.0);
        }

        return Choose(points, weights, travel, candidates is { Count: > 0 } ? candidates : points);
    }

    /// <summary>
    /// The base among <paramref name="candidates"/>; with <paramref name="reach"/> (each point's
    /// longest one-way travel in seconds that still leaves time for its visit in a day), the 32
    /// nearest candidates to the median that reach every point are compared; when none reaches them
    /// all, the reach is ignored (a far outlier should not drag the base away from the bulk of the work).
    /// A <paramref name="previous"/> base is kept unless the chosen place saves more than 5 % of the
    /// stems, or reaches every point where the previous one does not: bases that hop between towns from
    /// round to round of the alignment loop make its plans, and so its measured work, jump.
    /// </summary>
    internal static GeoPoint Choose(IReadOnlyList<GeoPoint> points, IReadOnlyList<double> weights, ITravelModel travel, IReadOnlyList<GeoPoint> candidates, IReadOnlyList<double>? reach = null, GeoPoint? previous = null)
    {
        var projection = LocalProjection.Centred([.. points.Select(p => (p.Longitude, p.Latitude))]);
        var (mx, my) = WeightedMedian([.. points.Select(p => projection.Project(p.Longitude, p.Latitude))], weights);
        var ordered = Enumerable.Range(0, candidates.Count)
            .Select(i => (Index: i, At: projection.Project(candidates[i].Longitude, candidates[i].Latitude)))
            .OrderBy(c => Square(c.At.X - mx) + Square(c.At.Y - my))
            .ThenBy(c => c.Index)
            .Select(c => c.Index);
        IEnumerable<int> shortlist;
        if (reach is null)
        {
            shortlist = ordered.Take(Shortlist).Order();
        }
        else
        {
            var reaching = ordered.Where(c => Reaches(points, reach, travel, candidates[c])).Take(Shortlist).Order().ToList();
            shortlist = reaching.Count > 0 ? reaching : ordered.Take(Shortlist).Order();
        }

        var best = -1;
        var bestCost = double.MaxValue;
        foreach (var c in shortlist)
        {
            var cost = Cost(points, weights, travel, candidates[c], bestCost);
            if (cost < bestCost)
            {
                (best, bestCost) = (c, cost);
            }
        }

        var chosen = candidates[best];
        if (previous is { } old && old != chosen
            && Cost(points, weights, travel, old, double.MaxValue) <= 1.05 * bestCost
            && (reach is null || Reaches(points, reach, travel, old) || !Reaches(points, reach, travel, chosen)))
        {
            return old;
        }

        return chosen;
    }

    // Σ weight × travel time from the base, stopping once past the bound (no better than it then).
    private static double Cost(IReadOnlyList<GeoPoint> points, IReadOnlyList<double> weights, ITravelModel travel, GeoPoint home, double bound)
    {
        var cost = 0.0;
        for (var i = 0; i < points.Count && cost < bound; i++)
        {
            cost += weights[i] * travel.Duration(home, points[i]).TotalSeconds;
        }

        return cost;
    }

    private static bool Reaches(IReadOnlyList<GeoPoint> points, IReadOnlyList<double> reach, ITravelModel travel, GeoPoint home)
    {
        for (var i = 0; i < points.Count; i++)
        {
            if (travel.Duration(home, points[i]).TotalSeconds > reach[i])
            {
                return false;
            }
        }

        return true;
    }

    // Weiszfeld's iteration in the local plane.
    private static (double X, double Y) WeightedMedian(IReadOnlyList<(double X, double Y)> points, IReadOnlyList<double> weights)
    {
        var total = weights.Sum();
        double x = 0, y = 0;
        for (var i = 0; i < points.Count; i++)
        {
            x += weights[i] * points[i].X / total;
            y += weights[i] * points[i].Y / total;
        }

        for (var iteration = 0; iteration < 50; iteration++)
        {
            double sx = 0, sy = 0, sw = 0;
            for (var i = 0; i < points.Count; i++)
            {
                var d = Math.Sqrt(Square(points[i].X - x) + Square(points[i].Y - y));
                var w = weights[i] / Math.Max(d, 1e-3);
                sx += w * points[i].X;
                sy += w * points[i].Y;
                sw += w;
            }

            if (sw <= 0)
            {
                break;
            }

            var (nx, ny) = (sx / sw, sy / sw);
            var moved = Math.Abs(nx - x) + Math.Abs(ny - y);
            (x, y) = (nx, ny);
            if (moved < 0.01)
            {
                break;
            }
        }

        return (x, y);
    }

    private static double Square(double v) => v * v;
}
