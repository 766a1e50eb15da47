using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using Territories.Mix;
using Territories.Model;
using Territories.Tests.Mix;

namespace Territories.Tests;

/// <summary>Generators for the sales mix (src/Territories/Mix).</summary>
public static partial class Arbitraries
{
    /// <summary>Weights over the default activity types (a quarter of them zero, never all zero), capacity 0 to 5000 minutes, limits on some activities (each maximum at or above its minimum).</summary>
    public static Arbitrary<AllocationCase> AllocationCases() => Arb.From(
        from weights in Gen.ArrayOf(MixWeight, ActivityType.Defaults.Length)
        from capacity in Gen.Choose(0, 5000)
        from minimums in Gen.ArrayOf(Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Choose(0, 600))), ActivityType.Defaults.Length)
        from maximums in Gen.ArrayOf(Gen.Frequency((3, Gen.Constant<int?>(null)), (1, Gen.Choose(0, 1500).Select(m => (int?)m))), ActivityType.Defaults.Length)
        from seed in Gen.Choose(0, int.MaxValue)
        select new AllocationCase(
            [.. NotAllZero(weights)],
            capacity,
            [.. minimums.Select(m => (long)m)],
            [.. maximums.Select((m, i) => m is { } max ? minimums[i] + (long)max : (long?)null)],
            seed));

    /// <summary>A target over the default types, 0 to 5000 minutes, and 0 to 12 accounts with random needs, stages and 0 to 2 minimum visits of 10 to 30 minutes.</summary>
    public static Arbitrary<AccountsCase> AccountsCases() => Arb.From(
        from weights in Gen.ArrayOf(MixWeight, ActivityType.Defaults.Length)
        from capacity in Gen.Choose(0, 5000)
        from count in Gen.Choose(0, 12)
        from accounts in Gen.ArrayOf(MixAccount, count)
        from seed in Gen.Choose(0, int.MaxValue)
        select new AccountsCase(
            MixOf(NotAllZero(weights)),
            capacity,
            [.. accounts.Select((a, i) => a with { Id = new AccountId($"acc-{i:D2}") })],
            seed));

    /// <summary>Two to six territories with random mixes over the default types, a random subset of the pairs between them with weights 1 to 10, a strength, 1 to 3 rounds and a measure.</summary>
    public static Arbitrary<MixMapCase> MixMapCases() => Arb.From(
        from count in Gen.Choose(2, 6)
        from mixes in Gen.ArrayOf(Gen.ArrayOf(MixWeight, ActivityType.Defaults.Length), count)
        from pairs in Gen.SubListOf([.. AllPairs(count)])
        from weights in Gen.ArrayOf(Gen.Choose(1, 10), count * count)
        from strength in Gen.Choose(0, 100)
        from rounds in Gen.Choose(1, 3)
        from measure in Gen.Elements(MixDivergenceMeasure.JensenShannon, MixDivergenceMeasure.TotalVariation)
        select new MixMapCase(
            mixes.Select((w, i) => (Id: new TerritoryId($"t{i}"), Mix: MixOf(NotAllZero(w)))).ToImmutableSortedDictionary(x => x.Id, x => x.Mix),
            [.. pairs.Select((p, i) => new NeighbourPair(new TerritoryId($"t{p.A}"), new TerritoryId($"t{p.B}"), weights[i]))],
            strength / 100.0,
            rounds,
            measure));

    /// <summary>
    /// A target over the default types, 0 to 6000 minutes plus 0 to 59 seconds, 0 to 10 accounts with every
    /// kind of visit requirement (none, per cycle, every 2 weeks, per week, explicit patterns, with or without
    /// a duration and a fixed weekday) and random needs, and a per-visit ceiling (none or 5 to 60 minutes).
    /// </summary>
    public static Arbitrary<NeedsCase> NeedsCases() => Arb.From(
        from weights in Gen.ArrayOf(MixWeight, ActivityType.Defaults.Length)
        from minutes in Gen.Choose(0, 6000)
        from seconds in Gen.Choose(0, 59)
        from count in Gen.Choose(0, 10)
        from accounts in Gen.ArrayOf(HandoffAccount, count)
        from ceiling in Gen.Frequency((1, Gen.Constant<int?>(null)), (2, Gen.Choose(5, 60).Select(m => (int?)m)))
        select new NeedsCase(
            MixOf(NotAllZero(weights)),
            TimeSpan.FromMinutes(minutes) + TimeSpan.FromSeconds(seconds),
            [.. accounts.Select((a, i) => a with { Id = new AccountId($"acc-{i:D2}") })],
            ceiling is { } m ? TimeSpan.FromMinutes(m) : null));

    /// <summary>A journey plan of 1 to 3 positions and 1 to 6 routes of 1 to 5 visits, every visit of one field activity, with 1 to 90 minutes on site.</summary>
    public static Arbitrary<OneActivityPlanCase> OneActivityPlanCases() => Arb.From(
        from weights in Gen.ArrayOf(MixWeight, ActivityType.Defaults.Length)
        from activity in Gen.Elements(ActivityType.Defaults.Where(t => t.Channel == ActivityChannel.Field).Select(t => t.Id).ToArray())
        from routes in Gen.Choose(1, 6)
        from shapes in Gen.ArrayOf(PlanRoute, routes)
        select new OneActivityPlanCase(MixOf(NotAllZero(weights)), activity, [.. shapes.Select(s => (s.Position, s.Minutes.ToImmutableArray()))]));

    private static Gen<(int Position, int[] Minutes)> PlanRoute =>
        from position in Gen.Choose(0, 2)
        from count in Gen.Choose(1, 5)
        from minutes in Gen.ArrayOf(Gen.Choose(1, 90), count)
        select (position, minutes);

    private static Gen<Account> HandoffAccount =>
        from kind in Gen.Choose(0, 5)
        from minutes in Gen.Choose(5, 40)
        from duration in Gen.Frequency((1, Gen.Constant<int?>(null)), (1, Gen.Choose(5, 45).Select(d => (int?)d)))
        from fixedDay in Gen.Frequency((3, Gen.Constant<DayOfWeek?>(null)), (1, Gen.Constant<DayOfWeek?>(DayOfWeek.Tuesday)))
        from needs in Gen.ArrayOf(Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Choose(1, 20))), ActivityType.Defaults.Length)
        from stage in Gen.Elements(Enum.GetValues<JourneyStage>())
        let requirement = kind switch
        {
            1 => VisitRequirement.Of(VisitFrequency.PerCycle(1)),
            2 => VisitRequirement.Of(VisitFrequency.EveryWeeks(2)),
            3 => VisitRequirement.Of(VisitFrequency.PerWeek(1)),
            4 => VisitRequirement.Of(VisitFrequency.PerWeek(2)),
            5 => new VisitRequirement { Patterns = [new VisitPattern([0, 10]), new VisitPattern([5, 15])] },
            _ => null,
        }
        select new Account(new AccountId("acc"), new GeoPoint(0, 45))
        {
            Stage = stage,
            ServiceTime = TimeSpan.FromMinutes(minutes),
            ActivityNeeds = ActivityType.Defaults.Select((t, i) => (t.Id, Need: needs[i])).Where(x => x.Need > 0).ToImmutableDictionary(x => x.Id, x => (double)x.Need),
            Visit = requirement is null ? null : requirement with
            {
                Duration = duration is { } d ? TimeSpan.FromMinutes(d) : null,
                FixedWeekday = kind is 1 or 2 ? fixedDay : null,
            },
        };

    private static Gen<double> MixWeight => Gen.Frequency((1, Gen.Constant(0.0)), (3, Gen.Choose(1, 1000).Select(w => (double)w)));

    private static Gen<Account> MixAccount =>
        from needs in Gen.ArrayOf(Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Choose(1, 20))), ActivityType.Defaults.Length)
        from stage in Gen.Elements(Enum.GetValues<JourneyStage>())
        from visits in Gen.Choose(0, 2)
        from minutes in Gen.Choose(10, 30)
        select new Account(new AccountId("acc"), new GeoPoint(0, 45))
        {
            Stage = stage,
            ServiceTime = TimeSpan.FromMinutes(minutes),
            ActivityNeeds = ActivityType.Defaults.Select((t, i) => (t.Id, Need: needs[i])).Where(x => x.Need > 0).ToImmutableDictionary(x => x.Id, x => (double)x.Need),
            Visit = visits == 0 ? null : VisitRequirement.Of(VisitFrequency.PerCycle(visits)),
        };

    private static double[] NotAllZero(double[] weights)
    {
        if (weights.All(w => w == 0))
        {
            weights[0] = 1;
        }

        return weights;
    }

    private static SalesMix MixOf(double[] weights) =>
        SalesMix.FromWeights(ActivityType.Defaults.Select((t, i) => KeyValuePair.Create(t.Id, weights[i])), ActivityType.Defaults).AsT0;

    private static IEnumerable<(int A, int B)> AllPairs(int count) =>
        from a in Enumerable.Range(0, count) from b in Enumerable.Range(a + 1, count - a - 1) select (a, b);
}
