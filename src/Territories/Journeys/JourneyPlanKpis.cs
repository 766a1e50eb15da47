using Territories.Internal;
using Territories.Model;

namespace Territories.Journeys;

/// <summary>Key figures of a journey plan, over the routes that have at least one visit.</summary>
/// <remarks>
/// <para>
/// The one definition of a plan's figures; the planner, <see cref="JourneyPlanEvaluator"/> and the CSV
/// plan reader all compute them with <see cref="FromRoutes"/>:
/// </para>
/// <list type="bullet">
/// <item><description>A <em>working route</em> is a position's route on one cycle day with at least one visit; routes without visits are ignored.</description></item>
/// <item><description>The <em>working time</em> of a route is <see cref="JourneyRoute.WorkingTime"/>: from leaving the base to being back, so travel (the return leg included) plus time on site plus any waiting for an account to open. The break is not part of it.</description></item>
/// <item><description>The <em>available time</em> is, for every position that can make visits (not vacant, with a base, valid daily hours; each id counted once), its daily hours less its break on each of its working days in the cycle (a working day of the cycle, on one of the position's weekdays, not one of its days off). A position without a single route still counts: an idle rep lowers utilisation.</description></item>
/// <item><description>The <em>remote time</em> (<see cref="RemoteTime"/>) is the length of the desk blocks given (<see cref="RemoteBlock"/>, for example the remote activities of the mix placed by <see cref="RemoteScheduler"/>); none unless given.</description></item>
/// <item><description><see cref="Utilisation"/> is the total working time plus the remote time over the total available time, 0 when nothing is available. A plan made by the planner stays within 0 to 1; a plan edited by hand that overruns the working hours shows more than 1.</description></item>
/// <item><description>Travel distance and time and the time on site are the sums over the working routes; the working-day spread (<see cref="MinWorkingHours"/>, <see cref="MaxWorkingHours"/>, <see cref="MeanWorkingHours"/>, <see cref="StdDevWorkingHours"/>, the population standard deviation) is over the working routes' working times in hours, all 0 without routes.</description></item>
/// </list>
/// <para>Immutable. Figures are summed in the order of the routes given, so the same routes give the same figures to the last bit.</para>
/// </remarks>
public sealed record JourneyPlanKpis
{
    /// <summary>Travel distance of all working routes, return legs included.</summary>
    public required double TotalDistanceMetres { get; init; }

    /// <summary>Travel time of all working routes, return legs included.</summary>
    public required TimeSpan TotalTravelTime { get; init; }

    /// <summary>Time on site of all visits.</summary>
    public required TimeSpan TotalServiceTime { get; init; }

    /// <summary>Number of working routes.</summary>
    public required int Routes { get; init; }

    /// <summary>Number of planned visits.</summary>
    public required int Visits { get; init; }

    /// <summary>Shortest working time of a route, in hours (0 without routes).</summary>
    public required double MinWorkingHours { get; init; }

    /// <summary>Longest working time of a route, in hours.</summary>
    public required double MaxWorkingHours { get; init; }

    /// <summary>Mean working time of a route, in hours.</summary>
    public required double MeanWorkingHours { get; init; }

    /// <summary>Population standard deviation of the routes' working times, in hours.</summary>
    public required double StdDevWorkingHours { get; init; }

    /// <summary>Total working time over available time (see remarks).</summary>
    public required double Utilisation { get; init; }

    /// <summary>Mean visits per working route.</summary>
    public required double VisitsPerDay { get; init; }

    /// <summary>The length of the desk blocks counted (remote work outside the routes); zero when none were given.</summary>
    public TimeSpan RemoteTime { get; init; }

    /// <summary>The sum of the working routes' distance lower bounds (<see cref="JourneyRoute.DistanceLowerBoundMetres"/>); null when a route has none.</summary>
    public double? DistanceLowerBoundMetres { get; init; }

    /// <summary>How far <see cref="TotalDistanceMetres"/> is above <see cref="DistanceLowerBoundMetres"/>, as a fraction of the bound; null without a bound.</summary>
    public double? BoundGap => DistanceLowerBoundMetres is { } bound ? (bound > 0 ? (TotalDistanceMetres - bound) / bound : 0) : null;

    /// <summary>Computes the key figures of <paramref name="routes"/>, with the available time of <paramref name="positions"/> in <paramref name="cycle"/>, as defined on the type.</summary>
    /// <param name="routes">The plan's routes; those without visits are ignored.</param>
    /// <param name="positions">The positions whose working days make the available time (typically the request's positions); vacant ones, ones without a base or with invalid hours, and repeated ids are skipped.</param>
    /// <param name="cycle">The journey cycle.</param>
    /// <param name="remote">Desk blocks of the positions (remote work outside the routes) to count in the working time; null or empty for none.</param>
    /// <returns>The figures.</returns>
    /// <exception cref="ArgumentNullException">An argument, a route, a position or a block is null.</exception>
    public static JourneyPlanKpis FromRoutes(IEnumerable<JourneyRoute> routes, IEnumerable<SalesPosition> positions, JourneyCycle cycle, IEnumerable<RemoteBlock>? remote = null)
    {
        Guard.NotNull(routes);
        Guard.NotNull(positions);
        Guard.NotNull(cycle);
        var desk = TimeSpan.Zero;
        foreach (var block in remote ?? [])
        {
            desk += Guard.NotNull(block, nameof(remote)).Duration;
        }

        var working = new List<double>();
        double distance = 0;
        double? bound = 0;
        var travel = TimeSpan.Zero;
        var service = TimeSpan.Zero;
        var visits = 0;
        foreach (var route in routes)
        {
            Guard.NotNull(route, nameof(routes));
            if (route.Visits.IsDefaultOrEmpty)
            {
                continue;
            }

            working.Add(route.WorkingTime.TotalHours);
            distance += route.DistanceMetres;
            bound = route.DistanceLowerBoundMetres is { } b && bound is { } sum ? sum + b : null;
            travel += route.TravelTime;
            service += route.ServiceTime;
            visits += route.Visits.Length;
        }

        var available = AvailableHours(positions, cycle);
        var mean = working.Count > 0 ? working.Average() : 0;
        return new JourneyPlanKpis
        {
            TotalDistanceMetres = distance,
            TotalTravelTime = travel,
            TotalServiceTime = service,
            Routes = working.Count,
            Visits = visits,
            MinWorkingHours = working.Count > 0 ? working.Min() : 0,
            MaxWorkingHours = working.Count > 0 ? working.Max() : 0,
            MeanWorkingHours = mean,
            StdDevWorkingHours = working.Count > 0 ? Math.Sqrt(working.Sum(w => (w - mean) * (w - mean)) / working.Count) : 0,
            Utilisation = available > 0 ? (working.Sum() + desk.TotalHours) / available : 0,
            VisitsPerDay = working.Count > 0 ? (double)visits / working.Count : 0,
            RemoteTime = desk,
            DistanceLowerBoundMetres = bound,
        };
    }

    private static double AvailableHours(IEnumerable<SalesPosition> positions, JourneyCycle cycle)
    {
        var seen = new HashSet<PositionId>();
        var available = 0.0;
        foreach (var position in positions)
        {
            Guard.NotNull(position, nameof(positions));
            if (position.IsVacant || position.Base is null || !seen.Add(position.Id)
                || !position.DailyHours.IsValid || position.Break < TimeSpan.Zero || position.Break >= position.DailyHours.Duration)
            {
                continue;
            }

            var hours = (position.DailyHours.Duration - position.Break).TotalHours;
            for (var d = 0; d < cycle.DayCount; d++)
            {
                if (position.WorksOn(cycle, d))
                {
                    available += hours;
                }
            }
        }

        return available;
    }
}
