using Territories.Model;

namespace PostGis;

/// <summary>Field-by-field equality of territories and accounts as the database stores them.</summary>
internal static class ModelComparer
{
    /// <summary>Same ids, names, levels, parents and boundaries (equal coordinates after normalisation; a polygon equals its one-part multipolygon).</summary>
    public static bool SameTerritories(IEnumerable<Territory> expected, IEnumerable<Territory> actual)
    {
        var a = expected.OrderBy(t => t.Id).ToList();
        var b = actual.OrderBy(t => t.Id).ToList();
        return a.Count == b.Count && a.Zip(b).All(p =>
            p.First.Id == p.Second.Id && p.First.Name == p.Second.Name && p.First.Level == p.Second.Level && p.First.Parent == p.Second.Parent
            && ModelStore.ToMultiPolygon(p.First).Normalized().EqualsExact(ModelStore.ToMultiPolygon(p.Second).Normalized()));
    }

    /// <summary>Same ids, names, classes, potentials, locations, service times, visit requirements (frequency, duration, activity) and territories.</summary>
    public static bool SameAccounts(IEnumerable<Account> expected, IEnumerable<Account> actual)
    {
        var a = expected.OrderBy(x => x.Id.Value, StringComparer.Ordinal).ToList();
        var b = actual.OrderBy(x => x.Id.Value, StringComparer.Ordinal).ToList();
        return a.Count == b.Count && a.Zip(b).All(p => Same(p.First, p.Second));
    }

    private static bool Same(Account x, Account y) =>
        x.Id == y.Id && x.Name == y.Name && x.Class == y.Class && x.Potential == y.Potential && x.Location == y.Location
        && x.ServiceTime == y.ServiceTime && x.Territory == y.Territory
        && x.Visit?.Frequency == y.Visit?.Frequency && x.Visit?.Duration == y.Visit?.Duration && x.Visit?.Activity == y.Visit?.Activity;
}
