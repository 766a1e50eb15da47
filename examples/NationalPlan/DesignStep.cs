using System.Collections.Immutable;
using Territories.Design;
using Territories.Model;

namespace NationalPlan;

/// <summary>
/// Designs K territories from the accounts themselves (each account a point unit weighing its visit
/// hours per cycle) with <see cref="TerritoryDesigner"/>, balanced within ±5 %, and gives each
/// territory one position based at its account nearest to the territory's workload centre.
/// </summary>
internal static class DesignStep
{
    public static DesignOutcome Run(ImmutableArray<Account> accounts, int positions, int seed, TimeSpan timeLimit)
    {
        var units = accounts.Select(a => DesignUnit.FromPoint(a.Id.Value, a.Location, [NationalInstance.HoursPerCycle(a, NationalSetup.Cycle)]));
        var input = DesignInput.Create(["visit_hours"], units);
        var designer = new TerritoryDesigner(new DesignOptions
        {
            TerritoryCount = positions,
            Tolerance = 0.05,
            Seed = seed,
            TimeLimit = timeLimit,
            ComputeBoundaries = false,
            ComputeBaseline = false,
        });
        var designed = designer.Design(input);
        var (result, met) = designed.Match(r => (r, true), f => (f.BestEffort, false));
        if (result is null)
        {
            return new DesignOutcome([], [], false, false, 0, designed.AsT1.ToString());
        }

        var byTerritory = new Dictionary<TerritoryId, List<Account>>();
        var assigned = ImmutableArray.CreateBuilder<Account>(accounts.Length);
        foreach (var account in accounts)
        {
            var territory = result.Alignment.TryGetTerritory(account.Id.Value, out var t) ? t : result.Alignment.Territories[0];
            var placed = account with { Territory = territory };
            assigned.Add(placed);
            if (!byTerritory.TryGetValue(territory, out var list))
            {
                byTerritory[territory] = list = [];
            }

            list.Add(placed);
        }

        var jobs = byTerritory
            .OrderBy(kv => kv.Key.Value, StringComparer.Ordinal)
            .Select(kv => (Territory: kv.Key.Value, Base: BaseOf(kv.Value), Accounts: kv.Value))
            .ToImmutableArray();
        return new DesignOutcome(assigned.MoveToImmutable(), jobs, met, result.StoppedEarly, result.Report.MaxRelativeDeviation, null);
    }

    /// <summary>The account nearest to the workload-weighted centre of the territory: a base inside it.</summary>
    private static GeoPoint BaseOf(List<Account> accounts)
    {
        double x = 0, y = 0, w = 0;
        foreach (var a in accounts)
        {
            var weight = NationalInstance.HoursPerCycle(a, NationalSetup.Cycle);
            x += a.Location.Longitude * weight;
            y += a.Location.Latitude * weight;
            w += weight;
        }

        var centre = new GeoPoint(x / w, y / w);
        var cos = Math.Cos(centre.Latitude * Math.PI / 180);
        return accounts
            .OrderBy(a => Square((a.Location.Longitude - centre.Longitude) * cos) + Square(a.Location.Latitude - centre.Latitude))
            .ThenBy(a => a.Id.Value, StringComparer.Ordinal)
            .First().Location;
    }

    private static double Square(double v) => v * v;
}

/// <summary>The design: accounts with their territory, per territory its base and accounts, and how balanced it came out.</summary>
internal sealed record DesignOutcome(
    ImmutableArray<Account> Accounts,
    ImmutableArray<(string Territory, GeoPoint Base, List<Account> Accounts)> Territories,
    bool WithinTolerance,
    bool StoppedEarly,
    double MaxDeviation,
    string? Error);
