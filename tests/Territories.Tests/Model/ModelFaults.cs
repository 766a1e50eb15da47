using System.Collections.Immutable;
using Territories.Model;

namespace Territories.Tests.Model;

/// <summary>
/// The catalogue of faults, one per validation rule. Each breaks exactly one thing in a valid model
/// (picked by the number it is given) and says which single error validation must return.
/// </summary>
public static class ModelFaults
{
    private const ItemKind Account = ItemKind.Account;
    private const ItemKind Position = ItemKind.Position;
    private const ItemKind TerritoryKind = ItemKind.Territory;

    private static readonly GeoPoint[] BadPoints =
    [
        new(double.NaN, 50), new(5, double.NaN), new(double.PositiveInfinity, 50), new(5, double.NegativeInfinity),
        new(180.0001, 50), new(-181, 50), new(5, 90.5), new(5, -91),
    ];

    private static readonly TimeSpan[] NonPositiveDurations = [TimeSpan.Zero, TimeSpan.FromTicks(-1), TimeSpan.FromMinutes(-15), TimeSpan.FromHours(-3)];

    private static readonly TimeSpan[] VisitDurationsOutOfRange =
        [TimeSpan.FromTicks(-1), TimeSpan.FromMinutes(-15), TimeSpan.FromDays(1) + TimeSpan.FromTicks(1), TimeSpan.FromDays(3), TimeSpan.MaxValue, TimeSpan.MinValue];

    public static ModelFault DuplicateAccountId { get; } = new("duplicate account id", "account.Id", Late: true, (input, pick) =>
    {
        var a = Pick(input.Accounts, pick);
        return (input with { Accounts = [.. input.Accounts, a with { Location = new GeoPoint(0, 0), Name = "copy" }] },
            new(ModelErrorCode.DuplicateId, Account, a.Id.Value, "Id"));
    });

    public static ModelFault DuplicatePositionId { get; } = new("duplicate position id", "position.Id", Late: true, (input, pick) =>
    {
        var p = Pick(input.Positions, pick);
        return (input with { Positions = [.. input.Positions, p with { Name = "copy" }] }, new(ModelErrorCode.DuplicateId, Position, p.Id.Value, "Id"));
    });

    public static ModelFault DuplicateTerritoryId { get; } = new("duplicate territory id", "territory.Id", Late: true, (input, pick) =>
    {
        var t = Pick(input.Territories, pick);
        return (input with { Territories = [.. input.Territories, t with { Name = "copy" }] }, new(ModelErrorCode.DuplicateId, TerritoryKind, t.Id.Value, "Id"));
    });

    public static ModelFault AccountInvalidLocation { get; } = new("account location not WGS84", "account.Location", Late: false, (input, pick) =>
        ChangeAccount(input, pick, a => a with { Location = BadPoints[pick % BadPoints.Length] }, ModelErrorCode.InvalidCoordinate, "Location"));

    public static ModelFault PositionInvalidBase { get; } = new("position base not WGS84", "position.Base", Late: false, (input, pick) =>
        ChangePosition(input, pick, p => p with { Base = BadPoints[pick % BadPoints.Length] }, ModelErrorCode.InvalidCoordinate, "Base"));

    public static ModelFault ServiceTimeOutOfRange { get; } = new("service time negative or longer than a day", "account.ServiceTime", Late: false, (input, pick) =>
        ChangeAccount(input, pick, a => a with { ServiceTime = VisitDurationsOutOfRange[pick % VisitDurationsOutOfRange.Length] }, ModelErrorCode.DurationOutOfRange, "ServiceTime"));

    public static ModelFault VisitDurationOutOfRange { get; } = new("visit duration negative or longer than a day", "account.Visit.Duration", Late: false, (input, pick) =>
        ChangeAccount(input, pick, a => a with { Visit = VisitOf(a) with { Duration = VisitDurationsOutOfRange[pick % VisitDurationsOutOfRange.Length] } }, ModelErrorCode.DurationOutOfRange, "Visit.Duration"));

    public static ModelFault NonPositiveActivityDuration { get; } = new("activity default duration not positive", "activity.DefaultDuration", Late: false, (input, pick) =>
    {
        var i = pick % input.ActivityTypes.Count;
        var activity = input.ActivityTypes[i];
        return (input with { ActivityTypes = Replace(input.ActivityTypes, i, activity with { DefaultDuration = NonPositiveDurations[pick % NonPositiveDurations.Length] }) },
            new(ModelErrorCode.NonPositiveDuration, ItemKind.Activity, activity.Id, "DefaultDuration"));
    });

    public static ModelFault NegativePotential { get; } = new("negative account potential", "account.Potential", Late: false, (input, pick) =>
        ChangeAccount(input, pick, a => a with { Potential = -1 - (pick % 1000) }, ModelErrorCode.NegativeValue, "Potential"));

    public static ModelFault InvertedOpeningWindow { get; } = new("inverted or out-of-day opening window", "account.OpeningHours", Late: false, (input, pick) =>
    {
        TimeWindow[] bad =
        [
            TimeWindow.FromHours(17, 0, 8, 0), new(TimeSpan.FromHours(9), TimeSpan.FromHours(9)),
            new(TimeSpan.FromHours(-1), TimeSpan.FromHours(8)), new(TimeSpan.FromHours(20), TimeSpan.FromHours(25)),
        ];
        var day = (DayOfWeek)(pick % 7);
        return ChangeAccount(input, pick, a => a with { OpeningHours = OpeningHours.Weekly([day], TimeWindow.FromHours(6, 0, 7, 0), bad[pick % bad.Length]) }, ModelErrorCode.InvertedTimeWindow, $"OpeningHours.{day}");
    });

    public static ModelFault OverlappingOpeningWindows { get; } = new("overlapping opening windows", "account.OpeningHours", Late: false, (input, pick) =>
    {
        (TimeWindow, TimeWindow)[] pairs =
        [
            (TimeWindow.FromHours(8, 0, 12, 0), TimeWindow.FromHours(11, 59, 14, 0)),
            (TimeWindow.FromHours(8, 0, 17, 0), TimeWindow.FromHours(9, 0, 10, 0)),
            (TimeWindow.FromHours(8, 0, 12, 0), TimeWindow.FromHours(8, 0, 12, 0)),
        ];
        var (first, second) = pairs[pick % pairs.Length];
        var day = (DayOfWeek)(pick % 7);
        return ChangeAccount(input, pick, a => a with { OpeningHours = OpeningHours.Weekly([day], second, first) }, ModelErrorCode.OverlappingTimeWindows, $"OpeningHours.{day}");
    });

    public static ModelFault FrequencyDoesNotFit { get; } = new("frequency that cannot fit the cycle", "account.Visit.Frequency", Late: false, (input, pick) =>
    {
        var cycle = input.Cycle;
        VisitFrequency[] misfits =
        [
            VisitFrequency.EveryWeeks(cycle.Weeks + 1),
            VisitFrequency.PerWeek(cycle.DaysPerWeek + 1),
            VisitFrequency.PerCycle(cycle.DayCount + 1),
            VisitFrequency.Every(1, cycle.Weeks * 3),
        ];
        return ChangeAccount(input, pick, a => a with { Visit = VisitOf(a) with { Frequency = misfits[pick % misfits.Length], Patterns = [] } }, ModelErrorCode.FrequencyDoesNotFitCycle, "Visit.Frequency");
    });

    public static ModelFault PatternOutsideCycle { get; } = new("pattern day outside the cycle", "account.Visit.Frequency", Late: false, (input, pick) =>
        ChangeAccount(input, pick, a => a with { Visit = VisitOf(a) with { Patterns = [new VisitPattern([0, input.Cycle.DayCount + (pick % 3)])] } }, ModelErrorCode.FrequencyDoesNotFitCycle, "Visit.Patterns"));

    public static ModelFault MissingFrequency { get; } = new("visit without frequency or patterns", "account.Visit.Frequency", Late: false, (input, pick) =>
        ChangeAccount(input, pick, a => a with { Visit = VisitOf(a) with { Frequency = null, Patterns = [] } }, ModelErrorCode.MissingValue, "Visit.Frequency"));

    public static ModelFault UnknownAccountTerritory { get; } = new("account in an unknown territory", "account.Territory", Late: false, (input, pick) =>
        ChangeAccount(input, pick, a => a with { Territory = new TerritoryId("T-nowhere") }, ModelErrorCode.UnknownReference, "Territory"));

    public static ModelFault UnknownVisitActivity { get; } = new("visit of an unknown activity", "account.Visit.Activity", Late: false, (input, pick) =>
        ChangeAccount(input, pick, a => a with { Visit = VisitOf(a) with { Activity = "tap-dancing" } }, ModelErrorCode.UnknownReference, "Visit.Activity"));

    public static ModelFault UnknownFixedPosition { get; } = new("visit by an unknown position", "account.Visit.FixedPosition", Late: false, (input, pick) =>
        ChangeAccount(input, pick, a => a with { Visit = VisitOf(a) with { FixedPosition = new PositionId("P-nobody") } }, ModelErrorCode.UnknownReference, "Visit.FixedPosition"));

    public static ModelFault UnknownActivityNeed { get; } = new("need of an unknown activity", "account.ActivityNeeds", Late: false, (input, pick) =>
        ChangeAccount(input, pick, a => a with { ActivityNeeds = a.ActivityNeeds.SetItem("juggling", 1) }, ModelErrorCode.UnknownReference, "ActivityNeeds[juggling]"));

    public static ModelFault UnknownPositionParent { get; } = new("position reporting to an unknown position", "position.Parent", Late: false, (input, pick) =>
        ChangePosition(input, pick, p => p with { Parent = new PositionId("P-boss") }, ModelErrorCode.UnknownReference, "Parent"));

    public static ModelFault UnknownTerritoryParent { get; } = new("territory in an unknown parent", "territory.Parent", Late: false, (input, pick) =>
        ChangeTerritory(input, pick, t => t with { Parent = new TerritoryId("T-above") }, ModelErrorCode.UnknownReference, "Parent"));

    public static ModelFault UnknownTerritoryPosition { get; } = new("territory covered by an unknown position", "territory.Positions", Late: false, (input, pick) =>
        ChangeTerritory(input, pick, t => t with { Positions = t.Positions.Add(new PositionId("P-ghost")) }, ModelErrorCode.UnknownReference, "Positions"));

    public static ModelFault UnknownNamedAccount { get; } = new("territory naming an unknown account", "territory.NamedAccounts", Late: false, (input, pick) =>
        ChangeTerritory(input, pick, t => t with { NamedAccounts = t.NamedAccounts.Insert(0, new AccountId("A-ghost")) }, ModelErrorCode.UnknownReference, "NamedAccounts"));

    public static ModelFault UnknownMarketTerritory { get; } = new("market position of an unknown territory", "market-position.Territory", Late: false, (input, _) =>
        (input with { MarketPositions = [.. input.MarketPositions, new MarketPosition(new TerritoryId("T-market"), 100, 10)] },
            new(ModelErrorCode.UnknownReference, ItemKind.MarketPosition, "T-market", "Territory")));

    public static ModelFault TerritoryHierarchyCycle { get; } = new("loop in the territory hierarchy", "territory.Parent", Late: false, (input, pick) =>
    {
        var (territories, loop) = CloseLoop(input.Territories, pick, t => t.Id.Value, t => t.Parent?.Value, (t, parent) => t with { Parent = new TerritoryId(parent) });
        return (input with { Territories = territories }, new(ModelErrorCode.HierarchyCycle, TerritoryKind, loop[0], "Parent") { Ids = loop });
    });

    public static ModelFault PositionHierarchyCycle { get; } = new("loop in the position hierarchy", "position.Parent", Late: false, (input, pick) =>
    {
        var (positions, loop) = CloseLoop(input.Positions, pick, p => p.Id.Value, p => p.Parent?.Value, (p, parent) => p with { Parent = new PositionId(parent) });
        return (input with { Positions = positions }, new(ModelErrorCode.HierarchyCycle, Position, loop[0], "Parent") { Ids = loop });
    });

    public static ModelFault VacantFixedPosition { get; } = new("visit by a vacant position", "account.Visit.FixedPosition", Late: false, (input, pick) =>
    {
        var vacant = new SalesPosition(new PositionId("P-vacant-visit")) { IsVacant = true };
        var (changed, expected) = ChangeAccount(input, pick, a => a with { Visit = VisitOf(a) with { FixedPosition = vacant.Id } }, ModelErrorCode.VacantPositionAssigned, "Visit.FixedPosition");
        return (changed with { Positions = [.. changed.Positions, vacant] }, expected with { Ids = [expected.Id, vacant.Id.Value] });
    });

    public static ModelFault VacantTerritory { get; } = new("territory with accounts covered only by vacant positions", "territory.Positions", Late: false, (input, pick) =>
    {
        var vacant = new SalesPosition(new PositionId("P-vacant-territory")) { IsVacant = true, Parent = Pick(input.Positions, pick).Id };
        var named = Pick(input.Accounts, pick).Id;
        var (changed, expected) = ChangeTerritory(input, pick, t => t with { Positions = [vacant.Id], NamedAccounts = t.NamedAccounts.Contains(named) ? t.NamedAccounts : t.NamedAccounts.Add(named) }, ModelErrorCode.VacantPositionAssigned, "Positions");
        return (changed with { Positions = [.. changed.Positions, vacant] }, expected with { Ids = [expected.Id, vacant.Id.Value] });
    });

    public static ModelFault UnknownLevel { get; } = new("territory at an unknown level", "territory.Level", Late: false, (input, pick) =>
        ChangeTerritory(input, pick, t => t with { Level = pick % 2 == 0 ? "district" : "Territory" }, ModelErrorCode.UnknownLevel, "Level"));

    public static ModelFault BowTieBoundary { get; } = new("self-intersecting (bow-tie) boundary", "territory.Boundary", Late: false, (input, pick) =>
        ChangeTerritory(input, pick, t => t with { Boundary = TerritoryBoundary.FromWkt("POLYGON ((0 40, 2 42, 2 40, 0 42, 0 40))") }, ModelErrorCode.InvalidBoundary, "Boundary"));

    public static ModelFault EmptyBoundary { get; } = new("empty boundary", "territory.Boundary", Late: false, (input, pick) =>
        ChangeTerritory(input, pick, t => t with { Boundary = TerritoryBoundary.FromWkt("POLYGON EMPTY") }, ModelErrorCode.InvalidBoundary, "Boundary"));

    public static ModelFault BoundaryOutOfRange { get; } = new("boundary vertex not WGS84", "territory.Boundary", Late: false, (input, pick) =>
        ChangeTerritory(input, pick, t => t with { Boundary = TerritoryBoundary.Rectangle(170, 80, 190 + (pick % 10), 95) }, ModelErrorCode.InvalidCoordinate, "Boundary"));

    /// <summary>Every fault, one per rule.</summary>
    public static ImmutableArray<ModelFault> All { get; } =
    [
        DuplicateAccountId, DuplicatePositionId, DuplicateTerritoryId, AccountInvalidLocation, PositionInvalidBase,
        ServiceTimeOutOfRange, VisitDurationOutOfRange, NonPositiveActivityDuration, NegativePotential,
        InvertedOpeningWindow, OverlappingOpeningWindows, FrequencyDoesNotFit, PatternOutsideCycle, MissingFrequency,
        UnknownAccountTerritory, UnknownVisitActivity, UnknownFixedPosition, UnknownActivityNeed, UnknownPositionParent,
        UnknownTerritoryParent, UnknownTerritoryPosition, UnknownNamedAccount, UnknownMarketTerritory,
        TerritoryHierarchyCycle, PositionHierarchyCycle, VacantFixedPosition, VacantTerritory, UnknownLevel,
        BowTieBoundary, EmptyBoundary, BoundaryOutOfRange,
    ];

    private static VisitRequirement VisitOf(Account account) => account.Visit ?? VisitRequirement.Of(VisitFrequency.PerCycle(1));

    private static T Pick<T>(IReadOnlyList<T> items, int pick) => items[pick % items.Count];

    private static IReadOnlyList<T> Replace<T>(IReadOnlyList<T> items, int index, T item) => [.. items.Select((x, i) => i == index ? item : x)];

    private static (SalesModelInput, ExpectedError) ChangeAccount(SalesModelInput input, int pick, Func<Account, Account> change, ModelErrorCode code, string field)
    {
        var i = pick % input.Accounts.Count;
        var a = input.Accounts[i];
        return (input with { Accounts = Replace(input.Accounts, i, change(a)) }, new(code, Account, a.Id.Value, field));
    }

    private static (SalesModelInput, ExpectedError) ChangePosition(SalesModelInput input, int pick, Func<SalesPosition, SalesPosition> change, ModelErrorCode code, string field)
    {
        var i = pick % input.Positions.Count;
        var p = input.Positions[i];
        return (input with { Positions = Replace(input.Positions, i, change(p)) }, new(code, Position, p.Id.Value, field));
    }

    private static (SalesModelInput, ExpectedError) ChangeTerritory(SalesModelInput input, int pick, Func<Territory, Territory> change, ModelErrorCode code, string field)
    {
        var i = pick % input.Territories.Count;
        var t = input.Territories[i];
        return (input with { Territories = Replace(input.Territories, i, change(t)) }, new(code, TerritoryKind, t.Id.Value, field));
    }

    /// <summary>
    /// Picks an item d and one of its ancestors a (d itself included) and makes a report to d. The
    /// loop is d, parent(d), …, a, listed the way validation lists it: from its smallest id (ordinal),
    /// following parents.
    /// </summary>
    private static (IReadOnlyList<T> Items, ImmutableArray<string> Loop) CloseLoop<T>(
        IReadOnlyList<T> items, int pick, Func<T, string> id, Func<T, string?> parent, Func<T, string, T> withParent)
    {
        var byId = items.ToDictionary(id, StringComparer.Ordinal);
        var d = items[pick % items.Count];
        var chain = new List<string> { id(d) };
        while (parent(byId[chain[^1]]) is { } p && byId.ContainsKey(p) && !chain.Contains(p))
        {
            chain.Add(p);
        }

        var loop = chain.Take(1 + ((pick / items.Count) % chain.Count)).ToList();
        var top = loop[^1];
        var changed = items.Select(x => id(x) == top ? withParent(x, id(d)) : x).ToList();
        var start = loop.IndexOf(loop.Min(StringComparer.Ordinal)!);
        return (changed, [.. loop.Skip(start), .. loop.Take(start)]);
    }
}
