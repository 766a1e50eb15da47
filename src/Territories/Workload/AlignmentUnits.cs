using System.Collections.Immutable;
using System.Globalization;
using Territories.Design;
using Territories.Model;
using Territories.Spatial;

namespace Territories.Workload;

/// <summary>
/// The design units of the alignment loop: the accounts' distinct places, each named after the
/// lowest account id (ordinal) there and carrying its accounts.
/// </summary>
internal sealed class AlignmentUnits
{
    private readonly string[] _ids;
    private readonly GeoPoint[] _locations;
    private readonly int[][] _members;
    private readonly ImmutableArray<Account> _accounts;

    private AlignmentUnits(ImmutableArray<Account> accounts, string[] ids, GeoPoint[] locations, int[][] members)
    {
        _accounts = accounts;
        _ids = ids;
        _locations = locations;
        _members = members;
    }

    public int Count => _ids.Length;

    public static AlignmentUnits? Create(ImmutableArray<Account> accounts, AccountDemand[] demands, Capacity capacity, List<AlignmentError> errors)
    {
        var groups = Enumerable.Range(0, accounts.Length)
            .GroupBy(i => accounts[i].Location)
            .Select(g => g.OrderBy(i => accounts[i].Id.Value, StringComparer.Ordinal).ToArray())
            .OrderBy(g => accounts[g[0]].Id.Value, StringComparer.Ordinal)
            .ToArray();
        var failed = false;
        foreach (var group in groups)
        {
            var service = group.Sum(i => demands[i].Service.TotalSeconds);
            if (service > capacity.Seconds)
            {
                failed = true;
                errors.Add(new AlignmentError(AlignmentErrorCode.UnitExceedsCapacity, [.. group.Select(i => ItemRef.Of(accounts[i].Id))], "Visit",
                    (service / 3600).ToString("0.#", CultureInfo.InvariantCulture),
                    string.Create(CultureInfo.InvariantCulture, $"The {group.Length} account(s) at {accounts[group[0]].Location} need {service / 3600:0.#} h of visits per cycle, more than the {capacity.Seconds / 3600:0.#} h a position works.")));
            }
        }

        return failed ? null : new AlignmentUnits(
            accounts,
            [.. groups.Select(g => accounts[g[0]].Id.Value)],
            [.. groups.Select(g => accounts[g[0]].Location)],
            groups);
    }

    public DesignInput Input(string attribute, double[] accountSeconds) =>
        DesignInput.Create([attribute], Enumerable.Range(0, Count).Select(u =>
            DesignUnit.FromPoint(_ids[u], _locations[u], [_members[u].Sum(i => accountSeconds[i]) / 60])));

    public string Nearest(GeoPoint point)
    {
        var projection = LocalProjection.Around(point.Longitude, point.Latitude);
        var best = 0;
        var bestDistance = double.MaxValue;
        for (var u = 0; u < Count; u++)
        {
            var (dx, dy) = projection.Project(_locations[u].Longitude, _locations[u].Latitude);
            var d = (dx * dx) + (dy * dy);
            if (d < bestDistance)
            {
                (best, bestDistance) = (u, d);
            }
        }

        return _ids[best];
    }

    public List<int>[] AccountsByTerritory(Alignment alignment, TerritoryId[] territories)
    {
        var slot = new Dictionary<TerritoryId, int>();
        for (var t = 0; t < territories.Length; t++)
        {
            slot[territories[t]] = t;
        }

        var members = territories.Select(_ => new List<int>()).ToArray();
        for (var u = 0; u < Count; u++)
        {
            if (alignment.TryGetTerritory(_ids[u], out var territory) && slot.TryGetValue(territory, out var t))
            {
                members[t].AddRange(_members[u]);
            }
        }

        foreach (var list in members)
        {
            list.Sort();
        }

        return members;
    }

    public int AccountsMoved(Alignment before, Alignment after)
    {
        var moved = 0;
        for (var u = 0; u < Count; u++)
        {
            before.TryGetTerritory(_ids[u], out var a);
            after.TryGetTerritory(_ids[u], out var b);
            if (a != b)
            {
                moved += _members[u].Length;
            }
        }

        return moved;
    }

    public (string Account, double Seconds) Heaviest(double[] accountSeconds)
    {
        var best = 0;
        var load = double.MinValue;
        for (var u = 0; u < Count; u++)
        {
            var sum = _members[u].Sum(i => accountSeconds[i]);
            if (sum > load)
            {
                (best, load) = (u, sum);
            }
        }

        return (_accounts[_members[best][0]].Id.Value, load);
    }
}
