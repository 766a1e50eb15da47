using System.Collections.Immutable;
using Territories.Internal;
using Territories.Model;

namespace Territories.Design;

/// <summary>Which territory every unit belongs to.</summary>
/// <remarks>
/// Each unit id appears once. Entries are sorted by unit id (ordinal), so two alignments with the
/// same content are equal entry by entry whatever order they were built in. Immutable.
/// </remarks>
public sealed class Alignment
{
    private readonly Dictionary<string, TerritoryId> _lookup;

    private Alignment(ImmutableArray<KeyValuePair<string, TerritoryId>> entries)
    {
        Entries = entries;
        _lookup = new Dictionary<string, TerritoryId>(entries.Length, StringComparer.Ordinal);
        foreach (var (unit, territory) in entries)
        {
            _lookup[unit] = territory;
        }

        Territories = [.. entries.Select(e => e.Value).Distinct().Order()];
    }

    /// <summary>Unit id to territory id, sorted by unit id.</summary>
    public ImmutableArray<KeyValuePair<string, TerritoryId>> Entries { get; }

    /// <summary>The territories that hold at least one unit, sorted by id.</summary>
    public ImmutableArray<TerritoryId> Territories { get; }

    /// <summary>Number of units.</summary>
    public int Count => Entries.Length;

    /// <summary>Builds an alignment from unit id to territory id pairs.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="entries"/> is null.</exception>
    /// <exception cref="ArgumentException">A unit id is blank or appears twice, or a territory id is <c>default</c>.</exception>
    public static Alignment Create(IEnumerable<KeyValuePair<string, TerritoryId>> entries)
    {
        Guard.NotNull(entries);
        var list = entries.OrderBy(e => e.Key, StringComparer.Ordinal).ToImmutableArray();
        for (var i = 0; i < list.Length; i++)
        {
            Guard.NotNullOrWhiteSpace(list[i].Key, nameof(entries));
            Guard.That(list[i].Value.Value.Length > 0, $"Unit '{list[i].Key}' has no territory.", nameof(entries));
            Guard.That(i == 0 || list[i].Key != list[i - 1].Key, $"Unit '{list[i].Key}' appears twice.", nameof(entries));
        }

        return new Alignment(list);
    }

    /// <summary>The territory of a unit, if the unit is aligned.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="unitId"/> is null.</exception>
    public bool TryGetTerritory(string unitId, out TerritoryId territory) => _lookup.TryGetValue(Guard.NotNull(unitId), out territory);

    /// <summary>The unit ids of one territory, sorted.</summary>
    public ImmutableArray<string> UnitsOf(TerritoryId territory) => [.. Entries.Where(e => e.Value == territory).Select(e => e.Key)];
}
