using System.Collections.Immutable;
using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Territories.Model;
using Territories.Tests.Model;

namespace Territories.Tests;

/// <summary>Generators for the domain model (src/Territories/Model).</summary>
public static partial class Arbitraries
{
    /// <summary>Ids of the field activities generated visits use (all among <see cref="ActivityType.Defaults"/>).</summary>
    public static ImmutableArray<string> FieldActivityIds { get; } = ["order-taking", "merchandising", "audit", "demo"];

    /// <summary>Ids of the products generated product roles and market positions use.</summary>
    public static ImmutableArray<string> ProductIds { get; } = ["prod-core", "prod-growth", "prod-launch"];

    private static readonly DayOfWeek[] MondayToFriday =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    private static readonly DayOfWeek[] MondayToSaturday = [.. MondayToFriday, DayOfWeek.Saturday];

    /// <summary>
    /// Valid sales models of any size, up to about 30 accounts, 9 positions and 16 territories in
    /// three levels; see <see cref="ValidModel"/>. Collections come in a random order.
    /// </summary>
    public static Arbitrary<ValidModel> ValidModels() => Arb.From(ValidModelGen);

    /// <summary>Validated sales models built from <see cref="ValidModelGen"/>, for tests of what consumes a <see cref="SalesModel"/>.</summary>
    public static Arbitrary<SalesModel> SalesModels() => Arb.From(ValidModelGen.Select(m => SalesModel.Create(m.Input).Match(
        model => model,
        failure => throw new InvalidOperationException($"The valid-model generator produced an invalid model: {failure}"))));

    /// <summary>The generator behind <see cref="ValidModels"/>, for composing.</summary>
    public static Gen<ValidModel> ValidModelGen => Gen.Sized(size => ModelOfSize(Math.Min(size, 60)));

    /// <summary>A journey cycle of 1, 2 or 4 weeks of 5 or 6 working days, no holidays.</summary>
    public static Gen<JourneyCycle> CycleGen =>
        from weeks in Gen.Elements(1, 2, 4)
        from six in Gen.Elements(false, true)
        select JourneyCycle.Create(weeks, six ? MondayToSaturday : MondayToFriday);

    /// <summary>A visit frequency that has at least one day pattern in <paramref name="cycle"/> (which has no holidays).</summary>
    public static Gen<VisitFrequency> FittingFrequency(JourneyCycle cycle)
    {
        var options = new List<VisitFrequency> { VisitFrequency.PerWeek(1), VisitFrequency.PerCycle(1), VisitFrequency.PerWeek(1).WithSpacing(7, 7) };
        for (var k = 2; k <= Math.Min(3, cycle.DaysPerWeek); k++)
        {
            options.Add(VisitFrequency.PerWeek(k));
        }

        for (var w = 2; w <= cycle.Weeks; w++)
        {
            if (cycle.Weeks % w == 0)
            {
                options.Add(VisitFrequency.EveryWeeks(w));
            }
        }

        for (var k = 2; k <= Math.Min(cycle.DayCount, 6); k++)
        {
            options.Add(VisitFrequency.PerCycle(k));
        }

        if (cycle.Weeks % 4 == 0)
        {
            options.Add(VisitFrequency.PerFourWeeks(3));
            options.Add(VisitFrequency.PerFourWeeks(6));
        }

        if (cycle.Weeks % 2 == 0)
        {
            options.Add(VisitFrequency.Every(3, 2));
        }

        return Gen.Elements<VisitFrequency>(options);
    }

    /// <summary>One to three disjoint valid windows inside one day, at quarter-hour steps from 06:00, sorted.</summary>
    public static Gen<TimeWindow[]> DisjointWindows =>
        from count in Gen.Choose(1, 3)
        from steps in Gen.ArrayOf(Gen.Choose(1, 12), 2 * count)
        select ToWindows(steps);

    /// <summary>Opening hours that are sound: always open, or windows on at least one weekday.</summary>
    public static Gen<OpeningHours> SoundOpeningHours => Gen.Frequency(
        (1, Gen.Constant(OpeningHours.AlwaysOpen)),
        (2, from days in Gen.SubListOf(MondayToSaturday)
            let open = days.Count == 0 ? [DayOfWeek.Monday] : days.ToArray()
            from windows in Gen.CollectToArray(open, _ => DisjointWindows)
            select OpeningHours.Create(open.Zip(windows, (d, w) => new KeyValuePair<DayOfWeek, IEnumerable<TimeWindow>>(d, w)))));

    /// <summary>The id of the <paramref name="index"/>-th generated position.</summary>
    public static PositionId PositionIdOf(int index) => new("P" + index.ToString("00", CultureInfo.InvariantCulture));

    /// <summary>The id of the <paramref name="index"/>-th generated account.</summary>
    public static AccountId AccountIdOf(int index) => new("A" + index.ToString("000", CultureInfo.InvariantCulture));

    private static TimeWindow[] ToWindows(int[] steps)
    {
        // Cumulative quarter hours from 06:00; at most 6 × 12 steps, so the last end is at most 24:00.
        var marks = new int[steps.Length];
        var at = 24;
        for (var i = 0; i < steps.Length; i++)
        {
            at += steps[i];
            marks[i] = at;
        }

        return [.. Enumerable.Range(0, steps.Length / 2).Select(i => new TimeWindow(TimeSpan.FromMinutes(15 * marks[2 * i]), TimeSpan.FromMinutes(15 * marks[(2 * i) + 1])))];
    }

    private static Gen<ValidModel> ModelOfSize(int size) =>
        from cycle in CycleGen
        from regions in Gen.Choose(1, 2)
        from areas in Gen.Choose(1, 2)
        from leaves in Gen.Choose(1, 3 + (size / 30))
        from positionCount in Gen.Choose(1, 2 + (size / 8))
        from accountCount in Gen.Choose(1, 1 + (size / 2))
        from positions in Gen.CollectToArray(Enumerable.Range(0, positionCount), i => PositionGen(i, cycle))
        let working = positions.Where(p => !p.IsVacant).Select(p => p.Id).ToArray()
        let accountIds = Enumerable.Range(0, accountCount).Select(AccountIdOf).ToArray()
        from territories in TerritoriesGen(regions, areas, leaves, working, accountIds)
        let leafIds = territories.Where(t => t.Level == SalesModel.TerritoryLevel).Select(t => t.Id).ToArray()
        from accounts in Gen.CollectToArray(accountIds, id => AccountGen(id, cycle, leafIds, working))
        from products in ProductRolesGen
        from markets in MarketPositionsGen(territories, products)
        from shuffledAccounts in Gen.Shuffle(accounts)
        from shuffledPositions in Gen.Shuffle(positions)
        from shuffledTerritories in Gen.Shuffle(territories)
        from shuffledMarkets in Gen.Shuffle(markets)
        from shuffledProducts in Gen.Shuffle(products)
        from shuffledActivities in Gen.Shuffle(ActivityType.Defaults.ToArray())
        select new ValidModel(new SalesModelInput
        {
            Accounts = shuffledAccounts,
            Positions = shuffledPositions,
            Territories = shuffledTerritories,
            MarketPositions = shuffledMarkets,
            ProductRoles = shuffledProducts,
            ActivityTypes = shuffledActivities,
            Cycle = cycle,
        });

    private static Gen<SalesPosition> PositionGen(int index, JourneyCycle cycle) =>
        from parent in index == 0
            ? Gen.Constant<PositionId?>(null)
            : Gen.Frequency((1, Gen.Constant<PositionId?>(null)), (3, Gen.Choose(0, index - 1).Select(j => (PositionId?)PositionIdOf(j))))
        from vacant in index == 0 ? Gen.Constant(false) : Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
        from home in Gen.Frequency((1, Gen.Constant<GeoPoint?>(null)), (4, RegionPoint.Select(p => (GeoPoint?)p)))
        from role in Gen.Elements(Enum.GetValues<PositionRole>())
        from breakMinutes in Gen.Choose(0, 60)
        from maxVisits in Gen.Frequency((1, Gen.Constant<int?>(null)), (1, Gen.Choose(5, 20).Select(v => (int?)v)))
        from maxLoad in Gen.Frequency((1, Gen.Constant<double?>(null)), (1, DoubleBetween(10, 100).Select(v => (double?)v)))
        from offCount in Gen.Choose(0, 2)
        from daysOff in Gen.ArrayOf(Gen.Choose(0, cycle.DayCount - 1), offCount)
        select new SalesPosition(PositionIdOf(index))
        {
            Name = vacant ? null : $"Rep {index}",
            Role = role,
            Parent = parent,
            Base = home,
            IsVacant = vacant,
            Break = TimeSpan.FromMinutes(breakMinutes),
            MaxVisitsPerDay = maxVisits,
            MaxLoadPerDay = maxLoad,
            DaysOff = [.. daysOff.Distinct().Order()],
        };

    private static Gen<Territory[]> TerritoriesGen(int regions, int areas, int leaves, PositionId[] working, AccountId[] accounts)
    {
        // Regions split the bounded region into west-east strips, areas split a region south-north,
        // territories split an area west-east: every boundary is a rectangle nested in its parent's.
        var shapes = new List<(string Id, string Level, string? Parent, double W, double S, double E, double N)>();
        for (var r = 0; r < regions; r++)
        {
            var (rw, re) = (Split(West, East, r, regions), Split(West, East, r + 1, regions));
            var region = $"R{r}";
            shapes.Add((region, "region", null, rw, South, re, North));
            for (var a = 0; a < areas; a++)
            {
                var (asouth, anorth) = (Split(South, North, a, areas), Split(South, North, a + 1, areas));
                var area = $"{region}-A{a}";
                shapes.Add((area, "area", region, rw, asouth, re, anorth));
                for (var t = 0; t < leaves; t++)
                {
                    shapes.Add(($"{area}-T{t}", SalesModel.TerritoryLevel, area, Split(rw, re, t, leaves), asouth, Split(rw, re, t + 1, leaves), anorth));
                }
            }
        }

        return Gen.CollectToArray(shapes, s =>
            from withBoundary in s.Level == SalesModel.TerritoryLevel ? Gen.Constant(true) : Gen.Elements(true, false)
            from positionCount in Gen.Choose(0, Math.Min(2, working.Length))
            from positions in Gen.ArrayOf(Gen.Elements(working), positionCount)
            from namedCount in s.Level == SalesModel.TerritoryLevel ? Gen.Choose(0, Math.Min(2, accounts.Length)) : Gen.Constant(0)
            from named in Gen.ArrayOf(Gen.Elements(accounts), namedCount)
            select new Territory(new TerritoryId(s.Id))
            {
                Name = $"Territory {s.Id}",
                Level = s.Level,
                Parent = s.Parent is { } parent ? new TerritoryId(parent) : default(TerritoryId?),
                Boundary = withBoundary ? TerritoryBoundary.Rectangle(s.W, s.S, s.E, s.N) : null,
                Positions = [.. positions.Distinct()],
                NamedAccounts = [.. named.Distinct()],
            });
    }

    private static double Split(double from, double to, int i, int n) => from + ((to - from) * i / n);

    private static Gen<Account> AccountGen(AccountId id, JourneyCycle cycle, TerritoryId[] leaves, PositionId[] working) =>
        from location in RegionPoint
        from territory in NullOrOneOf(leaves)
        from hours in SoundOpeningHours
        from serviceMinutes in Gen.Choose(1, 60)
        from potential in Gen.Choose(0, 1_000_000)
        from stage in Gen.Elements(Enum.GetValues<JourneyStage>())
        from accountClass in Gen.Elements<string?>(null, "A", "B", "C")
        from needIds in SubsetOf(["order-taking", "merchandising", "inbound", "demo"])
        from needHours in Gen.ArrayOf(DoubleBetween(0, 8), needIds.Length)
        from visit in Gen.Frequency((1, Gen.Constant<VisitRequirement?>(null)), (4, VisitGen(cycle, working).Select(v => (VisitRequirement?)v)))
        select new Account(id, location)
        {
            Name = $"Account {id}",
            Class = accountClass,
            Potential = potential,
            Stage = stage,
            OpeningHours = hours,
            ServiceTime = TimeSpan.FromMinutes(serviceMinutes),
            ActivityNeeds = needIds.Zip(needHours).ToImmutableDictionary(p => p.First, p => p.Second, StringComparer.Ordinal),
            Territory = territory,
            Visit = visit,
        };

    private static Gen<VisitRequirement> VisitGen(JourneyCycle cycle, PositionId[] working) =>
        from frequency in FittingFrequency(cycle)
        from patternCount in Gen.Frequency((4, Gen.Constant(0)), (1, Gen.Choose(1, 3)))
        from patterns in Gen.ArrayOf(PatternGen(cycle), patternCount)
        from weekday in frequency is { Visits: 1, PeriodWeeks: > 0 } && patternCount == 0
            ? Gen.Frequency((2, Gen.Constant<DayOfWeek?>(null)), (1, Gen.Elements(cycle.WorkingDays.AsEnumerable()).Select(d => (DayOfWeek?)d)))
            : Gen.Constant<DayOfWeek?>(null)
        from durationMinutes in Gen.Frequency((1, Gen.Constant<int?>(null)), (1, Gen.Choose(5, 90).Select(m => (int?)m)))
        from activity in Gen.Elements(new string?[] { null }.Concat(FieldActivityIds))
        from fixedPosition in NullOrOneOf(working)
        from load in Gen.Choose(0, 20)
        select new VisitRequirement
        {
            Frequency = frequency,
            Patterns = [.. patterns.Distinct()],
            FixedWeekday = weekday,
            Duration = durationMinutes is { } m ? TimeSpan.FromMinutes(m) : null,
            Activity = activity,
            FixedPosition = fixedPosition,
            Load = load / 4.0,
        };

    private static Gen<VisitPattern> PatternGen(JourneyCycle cycle) =>
        from count in Gen.Choose(1, Math.Min(3, cycle.DayCount))
        from days in Gen.ArrayOf(Gen.Choose(0, cycle.DayCount - 1), count)
        select new VisitPattern(days.Distinct());

    private static Gen<ProductRole[]> ProductRolesGen =>
        from ids in SubsetOf(ProductIds)
        from roles in Gen.CollectToArray(ids, id =>
            from kind in Gen.Elements(Enum.GetValues<ProductRoleKind>())
            from emphasisIds in SubsetOf(FieldActivityIds)
            from weights in Gen.ArrayOf(DoubleBetween(0, 2), emphasisIds.Length)
            select new ProductRole(id, kind)
            {
                ActivityEmphasis = emphasisIds.Zip(weights).ToImmutableDictionary(p => p.First, p => p.Second, StringComparer.Ordinal),
            })
        select roles;

    private static Gen<MarketPosition[]> MarketPositionsGen(Territory[] territories, ProductRole[] products) =>
        from chosen in SubsetOf(territories.Select(t => t.Id).ToArray())
        from markets in Gen.CollectToArray(chosen, id =>
            from potential in Gen.Choose(0, 1_000_000)
            from sharePercent in Gen.Choose(0, 100)
            from strategy in Gen.Elements(Enum.GetValues<MarketStrategy>())
            from weightIds in SubsetOf(products.Select(p => p.ProductId).ToArray())
            from weights in Gen.ArrayOf(DoubleBetween(0, 1), weightIds.Length)
            select new MarketPosition(id, potential, potential * sharePercent / 100m)
            {
                Strategy = strategy,
                ProductWeights = weightIds.Zip(weights).ToImmutableDictionary(p => p.First, p => p.Second, StringComparer.Ordinal),
            })
        select markets;
}
