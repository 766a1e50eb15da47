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

/// <summary>A generated territory for the needs laws: a target, a capacity with seconds, accounts with every kind of visit requirement, and a per-visit ceiling.</summary>
public sealed record NeedsCase(SalesMix Target, TimeSpan Capacity, ImmutableArray<Account> Accounts, TimeSpan? Ceiling)
{
    public MixAllocationOptions Options() => new() { MaximumVisitDuration = Ceiling };

    public MixAllocationRequest Request() => new(new TerritoryId("t"), Target, Capacity) { Accounts = Accounts };

    public override string ToString() =>
        $"capacity {Capacity}; ceiling {Ceiling?.TotalMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}; target {Target}; accounts "
        + string.Join(" | ", Accounts.Select(a => $"{a.Id} {a.Visit?.Frequency?.ToString() ?? (a.Visit is null ? "no visit" : "patterns")} x {(a.Visit?.Duration ?? a.ServiceTime).TotalMinutes} min"));
}

/// <summary>A generated journey plan whose visits all carry <see cref="Activity"/>: per route its position (0 to 2) and the minutes on site of each visit.</summary>
public sealed record OneActivityPlanCase(SalesMix Target, string Activity, ImmutableArray<(int Position, ImmutableArray<int> Minutes)> Routes)
{
    public Territories.Journeys.JourneyPlan Plan()
    {
        var routes = Routes.Select((r, day) =>
        {
            var clock = TimeSpan.FromHours(8);
            var visits = r.Minutes.Select((m, i) =>
            {
                var visit = new Territories.Journeys.PlannedVisit(new AccountId($"acc-{day}-{i}"), clock, clock, clock + TimeSpan.FromMinutes(m), 1000, TimeSpan.FromMinutes(5), Activity);
                clock += TimeSpan.FromMinutes(m + 5);
                return visit;
            }).ToImmutableArray();
            var service = TimeSpan.FromMinutes(r.Minutes.Sum());
            return new Territories.Journeys.JourneyRoute
            {
                Position = new PositionId($"p{r.Position}"),
                Day = day,
                Visits = visits,
                Start = TimeSpan.FromHours(8),
                End = clock,
                DistanceMetres = 1000 * visits.Length,
                TravelTime = TimeSpan.FromMinutes(5 * visits.Length),
                ServiceTime = service,
                Load = 0,
            };
        }).ToImmutableArray();
        var kpis = new Territories.Journeys.JourneyPlanKpis
        {
            TotalDistanceMetres = 0,
            TotalTravelTime = TimeSpan.Zero,
            TotalServiceTime = TimeSpan.Zero,
            Routes = routes.Length,
            Visits = routes.Sum(r => r.Visits.Length),
            MinWorkingHours = 0,
            MaxWorkingHours = 0,
            MeanWorkingHours = 0,
            StdDevWorkingHours = 0,
            Utilisation = 0,
            VisitsPerDay = 0,
        };
        return new Territories.Journeys.JourneyPlan
        {
            Routes = routes,
            Unplanned = [],
            Kpis = kpis,
            Capacity = [],
            Crossings = [],
            Status = Territories.Journeys.JourneyPlanStatus.Completed,
            Cost = 0,
            Iterations = 0,
        };
    }

    public override string ToString() => $"{Activity}; target {Target}; routes " + string.Join(" | ", Routes.Select(r => $"p{r.Position}: {string.Join(",", r.Minutes)}"));
}
