using FsCheck;
using FsCheck.Xunit;
using Territories.Model;

namespace Territories.Tests.Model;

[Properties(Arbitrary = [typeof(Arbitraries)])]
public class ModelValidatorTests
{
    [Property]
    public void Create_ValidModel_Succeeds(ValidModel model)
    {
        var result = SalesModel.Create(model.Input);

        Assert.True(result.IsT0, result.IsT1 ? result.AsT1.ToString() : null);
        var built = result.AsT0;
        Assert.Equal(model.Input.Accounts.Count, built.Accounts.Length);
        Assert.Equal(model.Input.Positions.Count, built.Positions.Length);
        Assert.Equal(model.Input.Territories.Count, built.Territories.Length);
        Assert.All(model.Input.Accounts, a => Assert.Same(a, built.FindAccount(a.Id)));
        Assert.All(model.Input.Positions, p => Assert.Same(p, built.FindPosition(p.Id)));
        Assert.All(model.Input.Territories, t => Assert.Same(t, built.FindTerritory(t.Id)));
    }

    [Property]
    public void Validate_ValidModel_ReturnsNoError(ValidModel model) => Assert.Empty(ModelValidator.Validate(model.Input));

    [Fact]
    public void Create_EmptyInput_Succeeds()
    {
        var result = SalesModel.Create(new SalesModelInput());

        Assert.True(result.IsT0);
        Assert.Empty(result.AsT0.Accounts);
        Assert.Equal(ActivityType.Defaults.Length, result.AsT0.ActivityTypes.Length);
    }

    [Property]
    public void Validate_DuplicateAccountId_ReportsIt(ValidModel model, NonNegativeInt pick) => AssertSingle(ModelFaults.DuplicateAccountId, model, pick);

    [Property]
    public void Validate_DuplicatePositionId_ReportsIt(ValidModel model, NonNegativeInt pick) => AssertSingle(ModelFaults.DuplicatePositionId, model, pick);

    [Property]
    public void Validate_DuplicateTerritoryId_ReportsIt(ValidModel model, NonNegativeInt pick) => AssertSingle(ModelFaults.DuplicateTerritoryId, model, pick);

    [Property]
    public void Validate_AccountLocationNotWgs84_ReportsInvalidCoordinate(ValidModel model, NonNegativeInt pick) => AssertSingle(ModelFaults.AccountInvalidLocation, model, pick);

    [Property]
    public void Validate_PositionBaseNotWgs84_ReportsInvalidCoordinate(ValidModel model, NonNegativeInt pick) => AssertSingle(ModelFaults.PositionInvalidBase, model, pick);

    [Property]
    public void Validate_ServiceTimeNegativeOrOverADay_ReportsDurationOutOfRange(ValidModel model, NonNegativeInt pick) => AssertSingle(ModelFaults.ServiceTimeOutOfRange, model, pick);

    [Property]
    public void Validate_VisitDurationNegativeOrOverADay_ReportsDurationOutOfRange(ValidModel model, NonNegativeInt pick) => AssertSingle(ModelFaults.VisitDurationOutOfRange, model, pick);

    [Property]
    public void Validate_ActivityDurationNotPositive_ReportsNonPositiveDuration(ValidModel model, NonNegativeInt pick) => AssertSingle(ModelFaults.NonPositiveActivityDuration, model, pick);

    [Property]
    public void Validate_NegativePotential_ReportsNegativeValue(ValidModel model, NonNegativeInt pick) => AssertSingle(ModelFaults.NegativePotential, model, pick);

    [Property]
    public void Validate_InvertedOpeningWindow_ReportsInvertedTimeWindow(ValidModel model, NonNegativeInt pick) => AssertSingle(ModelFaults.InvertedOpeningWindow, model, pick);

    [Property]
    public void Validate_OverlappingOpeningWindows_ReportsOverlap(ValidModel model, NonNegativeInt pick) => AssertSingle(ModelFaults.OverlappingOpeningWindows, model, pick);

    [Property]
    public void Validate_FrequencyThatCannotFit_ReportsFrequencyDoesNotFitCycle(ValidModel model, NonNegativeInt pick) => AssertSingle(ModelFaults.FrequencyDoesNotFit, model, pick);

    [Property]
    public void Validate_PatternDayOutsideCycle_ReportsFrequencyDoesNotFitCycle(ValidModel model, NonNegativeInt pick) => AssertSingle(ModelFaults.PatternOutsideCycle, model, pick);

    [Property]
    public void Validate_VisitWithoutFrequency_ReportsMissingValue(ValidModel model, NonNegativeInt pick) => AssertSingle(ModelFaults.MissingFrequency, model, pick);

    [Property]
    public void Validate_AccountInUnknownTerritory_ReportsUnknownReference(ValidModel model, NonNegativeInt pick) => AssertSingle(ModelFaults.UnknownAccountTerritory, model, pick);

    [Property]
    public void Validate_VisitOfUnknownActivity_ReportsUnknownReference(ValidModel model, NonNegativeInt pick) => AssertSingle(ModelFaults.UnknownVisitActivity, model, pick);

    [Property]
    public void Validate_VisitByUnknownPosition_ReportsUnknownReference(ValidModel model, NonNegativeInt pick) => AssertSingle(ModelFaults.UnknownFixedPosition, model, pick);

    [Property]
    public void Validate_NeedOfUnknownActivity_ReportsUnknownReference(ValidModel model, NonNegativeInt pick) => AssertSingle(ModelFaults.UnknownActivityNeed, model, pick);

    [Property]
    public void Validate_PositionWithUnknownParent_ReportsUnknownReference(ValidModel model, NonNegativeInt pick) => AssertSingle(ModelFaults.UnknownPositionParent, model, pick);

    [Property]
    public void Validate_TerritoryWithUnknownParent_ReportsUnknownReference(ValidModel model, NonNegativeInt pick) => AssertSingle(ModelFaults.UnknownTerritoryParent, model, pick);

    [Property]
    public void Validate_TerritoryCoveredByUnknownPosition_ReportsUnknownReference(ValidModel model, NonNegativeInt pick) => AssertSingle(ModelFaults.UnknownTerritoryPosition, model, pick);

    [Property]
    public void Validate_TerritoryNamingUnknownAccount_ReportsUnknownReference(ValidModel model, NonNegativeInt pick) => AssertSingle(ModelFaults.UnknownNamedAccount, model, pick);

    [Property]
    public void Validate_MarketPositionOfUnknownTerritory_ReportsUnknownReference(ValidModel model, NonNegativeInt pick) => AssertSingle(ModelFaults.UnknownMarketTerritory, model, pick);

    [Property]
    public void Validate_LoopInTerritoryHierarchy_ReportsHierarchyCycleOnce(ValidModel model, NonNegativeInt pick) => AssertSingle(ModelFaults.TerritoryHierarchyCycle, model, pick);

    [Property]
    public void Validate_LoopInPositionHierarchy_ReportsHierarchyCycleOnce(ValidModel model, NonNegativeInt pick) => AssertSingle(ModelFaults.PositionHierarchyCycle, model, pick);

    [Property]
    public void Validate_VisitByVacantPosition_ReportsVacantPositionAssigned(ValidModel model, NonNegativeInt pick) => AssertSingle(ModelFaults.VacantFixedPosition, model, pick);

    [Property]
    public void Validate_TerritoryCoveredOnlyByVacantPositions_ReportsVacantPositionAssigned(ValidModel model, NonNegativeInt pick) => AssertSingle(ModelFaults.VacantTerritory, model, pick);

    [Property]
    public void Validate_PositionFallsVacant_ReportsEveryVisitAndTerritoryLeftWithoutCover(ValidModel model, NonNegativeInt pick)
    {
        var working = model.Input.Positions.Where(p => !p.IsVacant).ToList();
        var victim = working[pick.Get % working.Count];
        var input = model.Input with { Positions = [.. model.Input.Positions.Select(p => p.Id == victim.Id ? p with { IsVacant = true } : p)] };
        var vacant = input.Positions.Where(p => p.IsVacant).Select(p => p.Id).ToHashSet();
        var visited = input.Accounts.Where(a => a.Visit is not null && a.Territory is not null).Select(a => a.Territory!.Value).ToHashSet();
        var expected = input.Accounts
            .Where(a => a.Visit?.FixedPosition == victim.Id)
            .Select(a => $"{ModelErrorCode.VacantPositionAssigned}|Account|{a.Id},{victim.Id}|Visit.FixedPosition")
            .Concat(input.Territories
                .Where(t => t.Positions.Contains(victim.Id) && t.Positions.All(vacant.Contains) && (visited.Contains(t.Id) || !t.NamedAccounts.IsEmpty))
                .Select(t => $"{ModelErrorCode.VacantPositionAssigned}|Territory|{string.Join(",", [t.Id.Value, .. t.Positions.Select(p => p.Value)])}|Positions"))
            .Order(StringComparer.Ordinal);

        var reported = ModelValidator.Validate(input).Select(e => $"{e.Code}|{e.Kind}|{string.Join(",", e.Ids)}|{e.Field}").Order(StringComparer.Ordinal);

        Assert.Equal(expected, reported);
    }

    [Property]
    public void Validate_UnknownLevel_ReportsUnknownLevel(ValidModel model, NonNegativeInt pick) => AssertSingle(ModelFaults.UnknownLevel, model, pick);

    [Property]
    public void Validate_BowTieBoundary_ReportsInvalidBoundary(ValidModel model, NonNegativeInt pick) => AssertSingle(ModelFaults.BowTieBoundary, model, pick);

    [Property]
    public void Validate_EmptyBoundary_ReportsInvalidBoundary(ValidModel model, NonNegativeInt pick) => AssertSingle(ModelFaults.EmptyBoundary, model, pick);

    [Property]
    public void Validate_BoundaryVertexNotWgs84_ReportsInvalidCoordinate(ValidModel model, NonNegativeInt pick) => AssertSingle(ModelFaults.BoundaryOutOfRange, model, pick);

    [Property]
    public void Validate_SeveralFaults_ReportsEveryOne(ValidModel model, int seed)
    {
        var (input, expected) = InjectSeveral(model.Input, seed);

        var errors = ModelValidator.Validate(input);

        Assert.All(expected, e => Assert.True(errors.Any(e.Matches), $"Missing {e} among: {string.Join("; ", errors)}"));
        Assert.True(SalesModel.Create(input).IsT1);
        Assert.Equal(errors.Length, SalesModel.Create(input).AsT1.Errors.Length);
    }

    [Property]
    public void Validate_ShuffledInput_ReturnsSameErrorsInSameOrder(ValidModel model, int seed)
    {
        var (input, _) = InjectSeveral(model.Input, seed);

        var errors = ModelValidator.Validate(input);
        var again = ModelValidator.Validate(Shuffle(input, seed));

        Assert.Equal(errors.Select(Describe), again.Select(Describe));
    }

    [Property]
    public void Validate_SeveralFaults_ErrorsAreSortedByKindIdFieldCode(ValidModel model, int seed)
    {
        var (input, _) = InjectSeveral(model.Input, seed);

        var keys = ModelValidator.Validate(input).Select(e => (e.Kind, Id: e.Ids.IsEmpty ? string.Empty : e.Ids[0], e.Field, e.Code)).ToList();

        for (var i = 1; i < keys.Count; i++)
        {
            var (a, b) = (keys[i - 1], keys[i]);
            var order = Nullable.Compare(a.Kind, b.Kind) is not 0 and var k ? k
                : string.CompareOrdinal(a.Id, b.Id) is not 0 and var id ? id
                : string.CompareOrdinal(a.Field, b.Field) is not 0 and var f ? f
                : a.Code.CompareTo(b.Code);
            Assert.True(order <= 0, $"{a} comes before {b}");
        }
    }

    [Property]
    public void Create_ShuffledInput_GivesTheSameModel(ValidModel model, int seed)
    {
        var first = SalesModel.Create(model.Input).AsT0;
        var second = SalesModel.Create(Shuffle(model.Input, seed)).AsT0;

        Assert.Equal(first.Accounts, second.Accounts);
        Assert.Equal(first.Positions, second.Positions);
        Assert.Equal(first.Territories, second.Territories);
        Assert.Equal(first.ActivityTypes, second.ActivityTypes);
        Assert.Equal(first.MarketPositions, second.MarketPositions);
        Assert.Equal(first.ProductRoles, second.ProductRoles);
        Assert.Equal(first.Levels, second.Levels);
        Assert.Equal(first.Cycle, second.Cycle);
        Assert.Equal(first.Accounts.Select(a => a.Id).Order(), first.Accounts.Select(a => a.Id));
        Assert.Equal(first.Territories.Select(t => t.Id).Order(), first.Territories.Select(t => t.Id));
    }

    [Fact]
    public void Validate_Null_ThrowsArgumentNullException()
    {
        Assert.Equal("input", Assert.Throws<ArgumentNullException>(() => ModelValidator.Validate(null!)).ParamName);
        Assert.Throws<ArgumentNullException>(() => ModelValidator.Validate(new SalesModelInput { Accounts = [null!] }));
        Assert.Throws<ArgumentNullException>(() => ModelValidator.Validate(new SalesModelInput { Territories = null! }));
    }

    [Fact]
    public void Validate_ThreeTerritoryLoop_ListsItFromSmallestIdFollowingParents()
    {
        var input = new SalesModelInput
        {
            Territories =
            [
                new Territory(new TerritoryId("b")) { Parent = new TerritoryId("c") },
                new Territory(new TerritoryId("c")) { Parent = new TerritoryId("a") },
                new Territory(new TerritoryId("a")) { Parent = new TerritoryId("b") },
                new Territory(new TerritoryId("d")) { Parent = new TerritoryId("a") },
            ],
        };

        var error = Assert.Single(ModelValidator.Validate(input));

        Assert.Equal(ModelErrorCode.HierarchyCycle, error.Code);
        Assert.Equal(["a", "b", "c"], error.Ids);
        Assert.Equal("a -> b -> c -> a", error.Value);
    }

    [Fact]
    public void Validate_ZeroServiceTimeAndVisitDuration_NoError()
    {
        var input = new SalesModelInput
        {
            Accounts =
            [
                new Account(new AccountId("drop"), new GeoPoint(1, 1)) { ServiceTime = TimeSpan.Zero },
                new Account(new AccountId("call"), new GeoPoint(1, 2)) { Visit = VisitRequirement.Of(VisitFrequency.PerWeek(1)) with { Duration = TimeSpan.Zero } },
                new Account(new AccountId("day"), new GeoPoint(1, 3)) { ServiceTime = TimeSpan.FromDays(1) },
            ],
        };

        Assert.Empty(ModelValidator.Validate(input));
    }

    [Fact]
    public void Validate_ServiceTimeMaxValue_ErrorNamesAccountFieldAndValue()
    {
        var input = new SalesModelInput { Accounts = [new Account(new AccountId("forever"), new GeoPoint(1, 1)) { ServiceTime = TimeSpan.MaxValue }] };

        var error = Assert.Single(ModelValidator.Validate(input));

        Assert.Equal((ModelErrorCode.DurationOutOfRange, (ItemKind?)ItemKind.Account, "forever", "ServiceTime", TimeSpan.MaxValue.ToString()), (error.Code, error.Kind, Assert.Single(error.Ids), error.Field, error.Value));
        Assert.Contains("forever", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BadLocation_ErrorCarriesValueAndMessage()
    {
        var input = new SalesModelInput { Accounts = [new Account(new AccountId("x"), new GeoPoint(double.NaN, 12.5))] };

        var error = Assert.Single(ModelValidator.Validate(input));

        Assert.Equal("(NaN, 12.5)", error.Value);
        Assert.Contains("latitude", error.Message, StringComparison.Ordinal);
    }

    private static void AssertSingle(ModelFault fault, ValidModel model, NonNegativeInt pick)
    {
        var (input, expected) = fault.Apply(model.Input, pick.Get);

        var errors = ModelValidator.Validate(input);

        var error = Assert.Single(errors);
        Assert.True(expected.Matches(error), $"Expected {expected}, got {error}");
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        var failure = SalesModel.Create(input);
        Assert.True(failure.IsT1);
        Assert.Equal(Describe(error), Describe(Assert.Single(failure.AsT1.Errors)));
    }

    /// <summary>Injects two to six faults of different slots, duplicates last; returns every error expected.</summary>
    private static (SalesModelInput Input, List<ExpectedError> Expected) InjectSeveral(SalesModelInput input, int seed)
    {
        var random = new Random(seed);
        var faults = ModelFaults.All.OrderBy(_ => random.Next()).DistinctBy(f => f.Slot).Take(random.Next(2, 7)).OrderBy(f => f.Late).ToList();
        var expected = new List<ExpectedError>();
        foreach (var fault in faults)
        {
            (input, var e) = fault.Apply(input, random.Next(0, 10_000));
            expected.Add(e);
        }

        return (input, expected);
    }

    private static SalesModelInput Shuffle(SalesModelInput input, int seed)
    {
        var random = new Random(seed);
        T[] Mix<T>(IReadOnlyList<T> items) => [.. items.OrderBy(_ => random.Next())];
        return input with
        {
            Accounts = Mix(input.Accounts),
            Positions = Mix(input.Positions),
            Territories = Mix(input.Territories),
            ActivityTypes = Mix(input.ActivityTypes),
            MarketPositions = Mix(input.MarketPositions),
            ProductRoles = Mix(input.ProductRoles),
        };
    }

    private static string Describe(ModelError e) => $"{e.Code}|{e.Kind}|{string.Join(",", e.Ids)}|{e.Field}|{e.Value}|{e.Message}";
}
