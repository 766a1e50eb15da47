using System.Collections.Immutable;
using System.Globalization;
using Territories.Design;
using Territories.Model;

namespace NationalPlan;

/// <summary>
/// Designs K territories with <see cref="TerritoryDesigner"/>, balanced on visit hours per cycle
/// within ±5 %, and gives each territory one position based at its account nearest to the territory's
/// workload centre. The units are the accounts themselves (<c>cellKm</c> 0), or square cells of
/// <c>cellKm</c> km holding the accounts (a point at their workload centre weighing their hours): the
/// design's time grows faster than linearly with the units, and a national instance has far fewer
/// occupied cells than accounts. Every account of a cell goes to the cell's territory.
/// </summary>
internal static class DesignStep
{
    public static DesignOutcome Run(ImmutableArray<Account> accounts, int positions, int seed, TimeSpan timeLimit, double cellKm = 0)
    {
        var unitOf = UnitsOf(accounts, cellKm);
        var units = accounts
            .GroupBy(a => unitOf(a), StringComparer.Ordinal)
            .Select(g => Unit(g.Key, g.ToList()));
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
            var territory = result.Alignment.TryGetTerritory(unitOf(account), out var t) ? t : result.Alignment.Territories[0];
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
        return new DesignOutcome(assigned.MoveToImmutable(), jobs, met, result.StoppedEarly, result.Report.MaxRelativeDeviation, null) { Units = input.Units.Length };
    }

    /// <summary>The design unit of each account: the account itself, or its grid cell (cells square in km around the accounts' mean latitude).</summary>
    private static Func<Account, string> UnitsOf(ImmutableArray<Account> accounts, double cellKm)
    {
        if (cellKm <= 0 || accounts.IsEmpty)
        {
            return a => a.Id.Value;
        }

        var cos = Math.Cos(accounts.Average(a => a.Location.Latitude) * Math.PI / 180);
        var degreesY = cellKm / 111.195;
        var degreesX = degreesY / cos;
        return a => string.Create(CultureInfo.InvariantCulture, $"C{(long)Math.Floor(a.Location.Longitude / degreesX)}_{(long)Math.Floor(a.Location.Latitude / degreesY)}");
    }

    private static DesignUnit Unit(string id, List<Account> accounts)
    {
        if (accounts.Count == 1)
        {
            return DesignUnit.FromPoint(id, accounts[0].Location, [NationalInstance.HoursPerCycle(accounts[0], NationalSetup.Cycle)]);
        }

        double x = 0, y = 0, hours = 0;
        foreach (var a in accounts)
        {
            // Every account carries some weight, so a cell's centre is inside its accounts' hull.
            var weight = NationalInstance.HoursPerCycle(a, NationalSetup.Cycle) + 1e-6;
            x += a.Location.Longitude * weight;
            y += a.Location.Latitude * weight;
            hours += weight;
        }

        return DesignUnit.FromPoint(id, new GeoPoint(x / hours, y / hours), [hours]);
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
    string? Error)
{
    /// <summary>The number of design units (accounts, or occupied cells).</summary>
    public int Units { get; init; }
}
