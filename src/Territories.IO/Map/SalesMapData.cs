using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Territories.Model;

namespace Territories.IO.Map;

/// <summary>
/// Everything the sales map and the GeoJSON export show: territories, accounts, position bases and
/// routes. The writers take only this, so any source (a journey plan, a CRM's own data) can be shown.
/// </summary>
/// <remarks>
/// Immutable and validated at construction: no null items; unique territory ids, account ids, base
/// positions and (position, day) routes; finite coordinates everywhere; metric names unique per
/// territory and not <c>layer</c> or <c>name</c>; route days not negative, distances and durations
/// finite and not negative, one label per day. A violation is a programmer mistake and throws one
/// <see cref="ArgumentException"/> listing every violation. The collections are sorted (territories
/// and accounts by id, bases by position, routes by position then day; ordinal), so the output of
/// the writers does not depend on the order of the input collections. Thread-safe.
/// </remarks>
public sealed class SalesMapData
{
    /// <summary>Property names that the GeoJSON territory features use themselves.</summary>
    internal static readonly ImmutableArray<string> ReservedTerritoryProperties = ["layer", "name"];

    /// <summary>Builds and validates a map.</summary>
    /// <param name="territories">The territories to draw.</param>
    /// <param name="accounts">The accounts to draw.</param>
    /// <param name="bases">The position bases to draw.</param>
    /// <param name="routes">The routes, any number of positions and days.</param>
    /// <exception cref="ArgumentException">Some item breaks the invariants listed on the type; the message lists every violation.</exception>
    public SalesMapData(
        IEnumerable<MapTerritory> territories,
        IEnumerable<MapAccount> accounts,
        IEnumerable<MapPositionBase> bases,
        IEnumerable<MapRoute> routes)
    {
        ArgumentNullException.ThrowIfNull(territories);
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(bases);
        ArgumentNullException.ThrowIfNull(routes);

        var problems = new List<string>();
        Territories = Sorted(territories, nameof(territories), t => t.Id.Value, problems);
        Accounts = Sorted(accounts, nameof(accounts), a => a.Id.Value, problems);
        Bases = Sorted(bases, nameof(bases), b => b.Position.Value, problems);
        Routes = Sorted(routes, nameof(routes), r => r.Position.Value + "\u0000" + r.Day.ToString("D10", CultureInfo.InvariantCulture), problems);

        CheckDuplicates(Territories, t => t.Id.Value, "territory", problems);
        CheckDuplicates(Accounts, a => a.Id.Value, "account", problems);
        CheckDuplicates(Bases, b => b.Position.Value, "base of position", problems);
        CheckDuplicates(Routes, r => $"{r.Position.Value}' day '{r.Day}", "route of position", problems);

        foreach (var territory in Territories)
        {
            CheckMetrics(territory, problems);
        }

        foreach (var account in Accounts)
        {
            CheckPoint(account.Location, $"account '{account.Id}' location", problems);
        }

        foreach (var b in Bases)
        {
            CheckPoint(b.Location, $"base of position '{b.Position}'", problems);
        }

        foreach (var route in Routes)
        {
            CheckRoute(route, problems);
        }

        Days = CollectDays(Routes, problems);

        if (problems.Count > 0)
        {
            var message = new StringBuilder("The sales map data is not valid:");
            foreach (var problem in problems)
            {
                message.Append("\n- ").Append(problem);
            }

            throw new ArgumentException(message.ToString());
        }
    }

    /// <summary>A map with nothing on it.</summary>
    public static SalesMapData Empty { get; } = new([], [], [], []);

    /// <summary>The territories, sorted by id.</summary>
    public ImmutableArray<MapTerritory> Territories { get; }

    /// <summary>The accounts, sorted by id.</summary>
    public ImmutableArray<MapAccount> Accounts { get; }

    /// <summary>The position bases, sorted by position id.</summary>
    public ImmutableArray<MapPositionBase> Bases { get; }

    /// <summary>The routes, sorted by position id, then day.</summary>
    public ImmutableArray<MapRoute> Routes { get; }

    /// <summary>The cycle days that have routes, ascending, with their labels.</summary>
    internal ImmutableArray<(int Day, string Label)> Days { get; }

    private static ImmutableArray<T> Sorted<T>(IEnumerable<T> items, string parameter, Func<T, string> key, List<string> problems)
        where T : class
    {
        var list = new List<T>();
        var index = 0;
        foreach (var item in items)
        {
            if (item is null)
            {
                problems.Add($"{parameter}[{index}] is null.");
            }
            else
            {
                list.Add(item);
            }

            index++;
        }

        return [.. list.OrderBy(key, StringComparer.Ordinal)];
    }

    private static void CheckDuplicates<T>(ImmutableArray<T> sorted, Func<T, string> key, string what, List<string> problems)
    {
        for (var i = 1; i < sorted.Length; i++)
        {
            var k = key(sorted[i]);
            if (k == key(sorted[i - 1]) && (i == 1 || k != key(sorted[i - 2])))
            {
                problems.Add($"The {what} '{k}' appears more than once.");
            }
        }
    }

    private static void CheckMetrics(MapTerritory territory, List<string> problems)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < territory.Metrics.Length; i++)
        {
            var name = territory.Metrics[i].Name;
            if (name is null)
            {
                problems.Add($"Territory '{territory.Id}' metric [{i}] is default; create metrics with MapMetric.FromNumber or FromText.");
            }
            else if (ReservedTerritoryProperties.Contains(name))
            {
                problems.Add($"Territory '{territory.Id}' metric '{name}' uses a reserved property name ({string.Join(", ", ReservedTerritoryProperties)}).");
            }
            else if (!seen.Add(name))
            {
                problems.Add($"Territory '{territory.Id}' has the metric '{name}' more than once.");
            }
        }
    }

    private static void CheckRoute(MapRoute route, List<string> problems)
    {
        var what = $"route of position '{route.Position}' day {route.Day.ToString(CultureInfo.InvariantCulture)}";
        if (route.Day < 0)
        {
            problems.Add($"The {what} has a negative day.");
        }

        if (!double.IsFinite(route.DistanceMetres) || route.DistanceMetres < 0)
        {
            problems.Add($"The {what} has the distance {route.DistanceMetres.ToString(CultureInfo.InvariantCulture)} m; it must be finite and not negative.");
        }

        if (route.Duration < TimeSpan.Zero)
        {
            problems.Add($"The {what} has the negative duration {route.Duration}.");
        }

        if (route.Start is { } start)
        {
            CheckPoint(start, $"{what} start", problems);
        }

        if (route.End is { } end)
        {
            CheckPoint(end, $"{what} end", problems);
        }

        for (var i = 0; i < route.Stops.Length; i++)
        {
            CheckPoint(route.Stops[i].Location, $"{what} stop {i.ToString(CultureInfo.InvariantCulture)}", problems);
        }
    }

    private static void CheckPoint(GeoPoint point, string what, List<string> problems)
    {
        if (!point.IsFinite)
        {
            problems.Add($"The {what} {point} is not finite.");
        }
    }

    private static ImmutableArray<(int Day, string Label)> CollectDays(ImmutableArray<MapRoute> routes, List<string> problems)
    {
        var labels = new SortedDictionary<int, string?>();
        foreach (var route in routes)
        {
            if (!labels.TryGetValue(route.Day, out var label))
            {
                labels.Add(route.Day, route.DayLabel);
            }
            else if (!string.Equals(label, route.DayLabel, StringComparison.Ordinal))
            {
                problems.Add($"Day {route.Day.ToString(CultureInfo.InvariantCulture)} is labelled both '{label}' and '{route.DayLabel}'.");
            }
        }

        return [.. labels.Select(pair => (pair.Key, pair.Value ?? string.Create(CultureInfo.InvariantCulture, $"Day {pair.Key + 1}")))];
    }
}
