using System.Collections.Immutable;
using Territories.Mix;
using Territories.Model;

namespace Territories.Tests.Mix;

/// <summary>A generated allocation problem over the default activity types: weights, capacity and per-activity limits in minutes.</summary>
public sealed record AllocationCase(ImmutableArray<double> Weights, long Capacity, ImmutableArray<long> Minimums, ImmutableArray<long?> Maximums, int Seed)
{
    public static ImmutableArray<ActivityType> Types => ActivityType.Defaults;

    public SalesMix Target => SalesMix.FromWeights(Types.Select((t, i) => KeyValuePair.Create(t.Id, Weights[i])), Types).AsT0;

    public MixAllocationOptions Options(IEnumerable<int>? order = null)
    {
        var limits = new Dictionary<string, ActivityLimit>(StringComparer.Ordinal);
        foreach (var i in order ?? Enumerable.Range(0, Types.Length))
        {
            if (Minimums[i] > 0 || Maximums[i] is not null)
            {
                limits[Types[i].Id] = new ActivityLimit(TimeSpan.FromMinutes(Minimums[i]), Maximums[i] is { } max ? TimeSpan.FromMinutes(max) : null);
            }
        }

        return new MixAllocationOptions { ActivityLimits = limits };
    }

    public bool Feasible =>
        Enumerable.Range(0, Types.Length).All(i => Maximums[i] is not { } max || Minimums[i] <= max)
        && Minimums.Sum() <= Capacity
        && (Maximums.Any(m => m is null) || Maximums.Sum(m => m!.Value) >= Capacity);

    public override string ToString() =>
        $"capacity {Capacity}; weights [{string.Join(", ", Weights)}]; min [{string.Join(", ", Minimums)}]; max [{string.Join(", ", Maximums.Select(m => m?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"))}]";
}

/// <summary>A generated territory with accounts: a target mix, a capacity, and accounts with random needs, stages and visit minimums.</summary>
public sealed record AccountsCase(SalesMix Target, long Capacity, ImmutableArray<Account> Accounts, int Seed)
{
    public override string ToString() => $"capacity {Capacity}; {Accounts.Length} account(s); target {Target}";
}

/// <summary>A generated map: mixes of 2 to 6 territories and neighbour pairs between them.</summary>
public sealed record MixMapCase(ImmutableSortedDictionary<TerritoryId, SalesMix> Mixes, ImmutableArray<NeighbourPair> Pairs, double Strength, int Rounds, MixDivergenceMeasure Measure)
{
    public override string ToString() =>
        string.Join("; ", Mixes.Select(m => $"{m.Key}: {m.Value}")) + $" | pairs {string.Join(", ", Pairs.Select(p => $"{p.First}-{p.Second}:{p.Weight}"))} | strength {Strength} rounds {Rounds} {Measure}";
}
