using Territories.Internal;
using Territories.Model;

namespace Territories.Mix;

/// <summary>The working time of sales positions per journey cycle, the capacity a territory's mix shares out.</summary>
/// <remarks>
/// A position works on the cycle days that are working days of the cycle, fall on one of its
/// <see cref="SalesPosition.WorkingDays"/> and are not among its <see cref="SalesPosition.DaysOff"/>;
/// each such day gives its <see cref="SalesPosition.DailyHours"/> less its <see cref="SalesPosition.Break"/>.
/// A vacant position has no capacity. Pure; O(days in the cycle) per position.
/// </remarks>
public static class MixCapacity
{
    /// <summary>The working time of <paramref name="position"/> in one <paramref name="cycle"/>.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static TimeSpan PerCycle(SalesPosition position, JourneyCycle cycle)
    {
        Guard.NotNull(position);
        Guard.NotNull(cycle);
        if (position.IsVacant)
        {
            return TimeSpan.Zero;
        }

        var perDay = position.DailyHours.Duration - position.Break;
        if (perDay <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        var days = Enumerable.Range(0, cycle.DayCount).Count(d => position.WorksOn(cycle, d));
        return perDay * days;
    }

    /// <summary>
    /// The capacity in whole minutes of every territory in <paramref name="model"/> at the lowest
    /// level, splitting a position that covers several of them equally: each gets the whole minutes of
    /// an equal share, and the minutes left over go one each to its territories in id order, so the
    /// parts add up exactly to the position's time.
    /// </summary>
    /// <param name="model">The sales model.</param>
    /// <returns>Minutes per territory id, for every lowest-level territory (0 for one without working positions).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    public static IReadOnlyDictionary<TerritoryId, long> MinutesByTerritory(SalesModel model)
    {
        Guard.NotNull(model);
        var territories = model.Territories.Where(t => string.Equals(t.Level, SalesModel.TerritoryLevel, StringComparison.Ordinal)).ToList();
        var minutes = territories.ToDictionary(t => t.Id, _ => 0L);
        foreach (var position in model.Positions)
        {
            var covered = territories.Where(t => t.Positions.Contains(position.Id)).Select(t => t.Id).Order().ToList();
            if (covered.Count == 0)
            {
                continue;
            }

            var total = PerCycle(position, model.Cycle).Ticks / TimeSpan.TicksPerMinute;
            for (var i = 0; i < covered.Count; i++)
            {
                minutes[covered[i]] += EqualShare(total, covered.Count, i);
            }
        }

        return minutes;
    }

    /// <summary>
    /// Part <paramref name="index"/> of <paramref name="total"/> split equally over <paramref name="parts"/>
    /// (territories in id order): the whole units of an equal share, and one each of the units left
    /// over to the first parts, so the parts add up exactly. The rule for a position shared by territories.
    /// </summary>
    internal static long EqualShare(long total, int parts, int index) => (total / parts) + (index < total % parts ? 1 : 0);
}
