using System.Collections.Immutable;
using Territories.Internal;
using Territories.Model;

namespace Territories.Spatial;

/// <summary>Shape and load metrics per territory: area, perimeter, compactness, centroid, accounts, potential, workload.</summary>
/// <remarks>Stateless and thread-safe. O(V) per territory for V vertices plus O(n) for n accounts.</remarks>
public static class TerritoryMetricsCalculator
{
    /// <summary>The metrics of every territory on <paramref name="map"/>, sorted by id.</summary>
    /// <param name="map">The territories.</param>
    /// <param name="assignment">Where each account belongs (from <see cref="TerritoryMap.Assign"/>).</param>
    /// <param name="accounts">The accounts of <paramref name="assignment"/> (potential, visit requirement); accounts not in the assignment are ignored.</param>
    /// <param name="cycle">The journey cycle the workload is counted over.</param>
    /// <exception cref="ArgumentNullException">An argument or an account is null.</exception>
    public static ImmutableArray<TerritoryMetrics> Compute(TerritoryMap map, AssignmentResult assignment, IEnumerable<Account> accounts, JourneyCycle cycle)
    {
        Guard.NotNull(map);
        Guard.NotNull(assignment);
        Guard.NotNull(accounts);
        Guard.NotNull(cycle);
        var loads = Loads(assignment, accounts, cycle);
        var result = new TerritoryMetrics[map.Territories.Length];
        for (var i = 0; i < result.Length; i++)
        {
            var id = map.Territories[i];
            var load = loads.GetValueOrDefault(id);
            var g = map.GeometryAt(i);
            if (g is null)
            {
                result[i] = new TerritoryMetrics
                {
                    Territory = id,
                    AreaKm2 = 0,
                    PerimeterKm = 0,
                    Compactness = 0,
                    Centroid = null,
                    AccountCount = load.Count,
                    Potential = load.Potential,
                    WorkloadHours = load.Hours,
                };
                continue;
            }

            var area = Spherical.AreaKm2(g);
            var perimeter = Spherical.LengthMetres(g) / 1000;
            var compactness = perimeter > 0 ? 4 * Math.PI * area / (perimeter * perimeter) : 0;
            var c = Spherical.Centroid(g);
            result[i] = new TerritoryMetrics
            {
                Territory = id,
                AreaKm2 = area,
                PerimeterKm = perimeter,
                Compactness = compactness,
                Centroid = new GeoPoint(c.X, c.Y),
                AccountCount = load.Count,
                Potential = load.Potential,
                WorkloadHours = load.Hours,
            };
        }

        return [.. result];
    }

    /// <summary>The metrics of the lowest-level territories of a model, with its accounts and cycle.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static ImmutableArray<TerritoryMetrics> Compute(SalesModel model, TerritoryMap map, AssignmentResult assignment)
    {
        Guard.NotNull(model);
        return Compute(map, assignment, model.Accounts, model.Cycle);
    }

    /// <summary>
    /// Hours of visits per cycle an account needs: visits per cycle (the explicit patterns' count, else
    /// the frequency's) × the visit duration (the requirement's, else the account's service time).
    /// 0 for an account without a visit requirement or whose frequency does not fit the cycle.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static double WorkloadHours(Account account, JourneyCycle cycle)
    {
        Guard.NotNull(account);
        Guard.NotNull(cycle);
        if (account.Visit is not { } visit)
        {
            return 0;
        }

        var visits = !visit.Patterns.IsEmpty ? visit.Patterns[0].VisitCount : visit.Frequency?.VisitsPerCycle(cycle) ?? 0;
        return visits * (visit.Duration ?? account.ServiceTime).TotalHours;
    }

    internal static Dictionary<TerritoryId, (int Count, decimal Potential, double Hours)> Loads(AssignmentResult assignment, IEnumerable<Account> accounts, JourneyCycle cycle)
    {
        var loads = new Dictionary<TerritoryId, (int Count, decimal Potential, double Hours)>();
        var seen = new HashSet<AccountId>();
        foreach (var account in accounts.OrderBy(a => a.Id))
        {
            Guard.NotNull(account, nameof(accounts));
            if (!seen.Add(account.Id) || assignment.Find(account.Id) is not { Territory: { } territory })
            {
                continue;
            }

            var l = loads.GetValueOrDefault(territory);
            loads[territory] = (l.Count + 1, l.Potential + account.Potential, l.Hours + WorkloadHours(account, cycle));
        }

        return loads;
    }
}
