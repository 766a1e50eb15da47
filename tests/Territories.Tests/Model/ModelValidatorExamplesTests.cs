using System.Collections.Immutable;
using NetTopologySuite.Geometries;
using Territories.Model;

namespace Territories.Tests.Model;

/// <summary>
/// Exact examples of <see cref="ModelValidator"/>: each rule at its boundary (the last accepted and the
/// first rejected value), each message as a user reads it, the order of the errors, and the planning
/// subset (<c>ValidateForPlanning</c>). The laws over random models are in <see cref="ModelValidatorTests"/>.
/// </summary>
public class ModelValidatorExamplesTests
{
    private static readonly GeoPoint Here = new(8.5, 47.4);

    private static Account AccountAt(string id) => new(new AccountId(id), Here);

    private static SalesPosition Rep(string id) => new(new PositionId(id));

    private static ModelError Single(SalesModelInput input) => Assert.Single(ModelValidator.Validate(input));

    private static (ModelErrorCode Code, ItemKind? Kind, string Id, string Field, string? Value) Key(ModelError e) =>
        (e.Code, e.Kind, e.Ids.IsEmpty ? string.Empty : e.Ids[0], e.Field, e.Value);

    [Theory]
    [InlineData("Accounts")]
    [InlineData("Positions")]
    [InlineData("Territories")]
    [InlineData("ActivityTypes")]
    [InlineData("MarketPositions")]
    [InlineData("ProductRoles")]
    [InlineData("Levels")]
    public void Validate_NullItem_ThrowsNamingTheCollectionAndIndex(string collection)
    {
        var input = collection switch
        {
            "Accounts" => new SalesModelInput { Accounts = [AccountAt("a"), null!] },
            "Positions" => new SalesModelInput { Positions = [Rep("p"), null!] },
            "Territories" => new SalesModelInput { Territories = [new Territory(new TerritoryId("t")), null!] },
            "ActivityTypes" => new SalesModelInput { ActivityTypes = [ActivityType.OrderTaking, null!] },
            "MarketPositions" => new SalesModelInput { MarketPositions = [null!] },
            "ProductRoles" => new SalesModelInput { ProductRoles = [null!] },
            _ => new SalesModelInput { Levels = ["region", null!] },
        };

        var thrown = Assert.Throws<ArgumentNullException>(() => ModelValidator.Validate(input));

        Assert.Equal(collection, thrown.ParamName);
        var index = collection is "MarketPositions" or "ProductRoles" ? 0 : 1;
        Assert.StartsWith($"Item {index} of {collection} is null.", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NullCycle_Throws() =>
        Assert.Equal("Cycle", Assert.Throws<ArgumentNullException>(() => ModelValidator.Validate(new SalesModelInput { Cycle = null! })).ParamName);

    [Fact]
    public void Validate_ThreeAccountsShareAnId_OneErrorCountingThem()
    {
        var error = Single(new SalesModelInput { Accounts = [AccountAt("a"), AccountAt("b"), AccountAt("a"), AccountAt("a")] });

        Assert.Equal((ModelErrorCode.DuplicateId, ItemKind.Account, "a", "Id", "a"), Key(error));
        Assert.Equal("3 items of kind account share the id 'a'.", error.Message);
    }

    [Fact]
    public void Validate_TwoMarketPositionsOfOneTerritory_DuplicateNamedInWords()
    {
        var t = new TerritoryId("t1");
        var error = Single(new SalesModelInput
        {
            Territories = [new Territory(t)],
            MarketPositions = [new MarketPosition(t, 10, 5), new MarketPosition(t, 20, 5)],
        });

        Assert.Equal((ModelErrorCode.DuplicateId, ItemKind.MarketPosition, "t1", "Id", "t1"), Key(error));
        Assert.Equal("2 items of kind market position share the id 't1'.", error.Message);
    }

    [Fact]
    public void Validate_TwoRolesOfOneProduct_DuplicateNamedInWords()
    {
        var error = Single(new SalesModelInput { ProductRoles = [new ProductRole("cola", ProductRoleKind.Core), new ProductRole("cola", ProductRoleKind.Growth)] });

        Assert.Equal((ModelErrorCode.DuplicateId, ItemKind.ProductRole, "cola", "Id", "cola"), Key(error));
        Assert.Equal("2 items of kind product role share the id 'cola'.", error.Message);
    }

    [Fact]
    public void Validate_ActivityWithoutId_MissingValueWithArticle()
    {
        // The constructor refuses an empty id; a copy with one (a record's with) reaches the validator.
        var error = Single(new SalesModelInput { ActivityTypes = [.. ActivityType.Defaults, ActivityType.Audit with { Id = string.Empty }] });

        Assert.Equal((ModelErrorCode.MissingValue, ItemKind.Activity, string.Empty, "Id", null), Key(error));
        Assert.Equal("An activity has no id.", error.Message);
    }

    [Fact]
    public void Validate_ProductRoleWithoutId_MissingValueWithArticle()
    {
        var error = Single(new SalesModelInput { ProductRoles = [new ProductRole(string.Empty, ProductRoleKind.Core)] });

        Assert.Equal((ModelErrorCode.MissingValue, ItemKind.ProductRole, string.Empty, "Id", null), Key(error));
        Assert.Equal("A product role has no id.", error.Message);
    }

    [Fact]
    public void Validate_ErrorsOfSeveralKinds_SortedByKindThenId()
    {
        // Listed against the order wanted: the position "a" sorts after the accounts "y" and "z".
        var input = new SalesModelInput
        {
            Positions = [Rep("a") with { MaxVisitsPerDay = 0 }],
            Accounts = [AccountAt("z") with { Potential = -1 }, AccountAt("y") with { ServiceTime = TimeSpan.FromHours(-1) }],
        };

        var errors = ModelValidator.Validate(input);

        Assert.Equal(
            [(ItemKind.Account, "y", "ServiceTime"), (ItemKind.Account, "z", "Potential"), (ItemKind.Position, "a", "MaxVisitsPerDay")],
            errors.Select(e => (e.Kind!.Value, e.Ids[0], e.Field)));
    }

    [Fact]
    public void Validate_ErrorsOfOneItem_SortedByFieldThenCodeThenMessage()
    {
        var monday = new[] { TimeWindow.FromHours(8, 0, 17, 0), TimeWindow.FromHours(9, 0, 10, 0), TimeWindow.FromHours(11, 0, 12, 0) };
        var account = AccountAt("a") with
        {
            ServiceTime = TimeSpan.FromHours(-1),
            Potential = -1,
            OpeningHours = OpeningHours.Weekly([DayOfWeek.Monday], monday),
            ActivityNeeds = ImmutableDictionary<string, double>.Empty.Add("juggling", -2),
        };

        var errors = ModelValidator.Validate(new SalesModelInput { Accounts = [account] });

        Assert.Equal(
            [
                ("ActivityNeeds[juggling]", ModelErrorCode.NegativeValue),
                ("ActivityNeeds[juggling]", ModelErrorCode.UnknownReference),
                ("OpeningHours.Monday", ModelErrorCode.OverlappingTimeWindows),
                ("OpeningHours.Monday", ModelErrorCode.OverlappingTimeWindows),
                ("Potential", ModelErrorCode.NegativeValue),
                ("ServiceTime", ModelErrorCode.DurationOutOfRange),
            ],
            errors.Select(e => (e.Field, e.Code)));
        Assert.Equal(["09:00-10:00", "11:00-12:00"], errors.Where(e => e.Field == "OpeningHours.Monday").Select(e => e.Value));
    }

    [Fact]
    public void Validate_MarketPositionWithZeroPotentialAndSales_Accepted()
    {
        var t = new TerritoryId("t1");

        Assert.Empty(ModelValidator.Validate(new SalesModelInput { Territories = [new Territory(t)], MarketPositions = [new MarketPosition(t, 0, 0)] }));
    }

    [Fact]
    public void Validate_LoopEnteredFromOutside_ListedFromItsSmallestId()
    {
        // a leads into the loop c -> d -> b -> c; the walk meets the loop at c, the report starts at b.
        var error = Single(new SalesModelInput
        {
            Positions =
            [
                Rep("a") with { Parent = new PositionId("c") },
                Rep("c") with { Parent = new PositionId("d") },
                Rep("d") with { Parent = new PositionId("b") },
                Rep("b") with { Parent = new PositionId("c") },
            ],
        });

        Assert.Equal(["b", "c", "d"], error.Ids);
        Assert.Equal("b -> c -> d -> b", error.Value);
    }

    [Fact]
    public void Validate_ServiceTimeAndVisitDurationOutOfRange_EachMessageNamesItsField()
    {
        var input = new SalesModelInput
        {
            Accounts =
            [
                AccountAt("a") with { ServiceTime = TimeSpan.FromDays(2), Visit = VisitRequirement.Of(VisitFrequency.PerWeek(1)) with { Duration = TimeSpan.FromMinutes(-5) } },
            ],
        };

        var errors = ModelValidator.Validate(input);

        Assert.Equal(2, errors.Length);
        Assert.Equal("The service time of account 'a' is 2.00:00:00; it must be zero or more and at most one day (1.00:00:00).", errors.Single(e => e.Field == "ServiceTime").Message);
        Assert.Equal("The visit duration of account 'a' is -00:05:00; it must be zero or more and at most one day (1.00:00:00).", errors.Single(e => e.Field == "Visit.Duration").Message);
    }

    [Theory]
    [InlineData(-1.0, true)]
    [InlineData(double.NaN, true)]
    [InlineData(double.PositiveInfinity, true)]
    [InlineData(0.0, false)]
    [InlineData(2.5, false)]
    public void Validate_VisitLoad_FiniteZeroOrMore(double load, bool rejected)
    {
        var input = new SalesModelInput { Accounts = [AccountAt("a") with { Visit = VisitRequirement.Of(VisitFrequency.PerWeek(1)) with { Load = load } }] };

        var errors = ModelValidator.Validate(input);

        if (rejected)
        {
            var error = Assert.Single(errors);
            Assert.Equal((ModelErrorCode.NegativeValue, ItemKind.Account, "a", "Visit.Load"), (error.Code, error.Kind, error.Ids[0], error.Field));
            Assert.Equal("The load per visit must be a finite number, zero or more.", error.Message);
        }
        else
        {
            Assert.Empty(errors);
        }
    }

    [Theory]
    [InlineData(-0.5, true)]
    [InlineData(double.NaN, true)]
    [InlineData(double.NegativeInfinity, true)]
    [InlineData(0.0, false)]
    [InlineData(3.0, false)]
    public void Validate_ActivityNeedsAndEmphasisAndProductWeights_FiniteZeroOrMore(double value, bool rejected)
    {
        var t = new TerritoryId("t1");
        var input = new SalesModelInput
        {
            Territories = [new Territory(t)],
            Accounts = [AccountAt("a") with { ActivityNeeds = ImmutableDictionary<string, double>.Empty.Add("order-taking", value) }],
            ProductRoles = [new ProductRole("cola", ProductRoleKind.Core) { ActivityEmphasis = ImmutableDictionary<string, double>.Empty.Add("order-taking", value) }],
            MarketPositions = [new MarketPosition(t, 100, 50) { ProductWeights = ImmutableDictionary<string, double>.Empty.Add("cola", value) }],
        };

        var errors = ModelValidator.Validate(input);

        if (!rejected)
        {
            Assert.Empty(errors);
            return;
        }

        Assert.Equal(
            [
                (ItemKind.Account, "a", "ActivityNeeds[order-taking]", "The value must be a finite number, zero or more."),
                (ItemKind.MarketPosition, "t1", "ProductWeights[cola]", "A product weight must be a finite number, zero or more."),
                (ItemKind.ProductRole, "cola", "ActivityEmphasis[order-taking]", "The value must be a finite number, zero or more."),
            ],
            errors.Select(e => (e.Kind!.Value, e.Ids[0], e.Field, e.Message)));
        Assert.All(errors, e => Assert.Equal(ModelErrorCode.NegativeValue, e.Code));
    }

    [Fact]
    public void Validate_UnknownActivityInRoleAndUnknownProductInMarket_UnknownReferences()
    {
        var t = new TerritoryId("t1");
        var input = new SalesModelInput
        {
            Territories = [new Territory(t)],
            ProductRoles = [new ProductRole("cola", ProductRoleKind.Core) { ActivityEmphasis = ImmutableDictionary<string, double>.Empty.Add("juggling", 1) }],
            MarketPositions = [new MarketPosition(t, 100, 50) { ProductWeights = ImmutableDictionary<string, double>.Empty.Add("tea", 1) }],
        };

        var errors = ModelValidator.Validate(input);

        Assert.Equal(
            [
                (ModelErrorCode.UnknownReference, ItemKind.MarketPosition, "t1", "ProductWeights[tea]", "tea", "Product 'tea' has no product role."),
                (ModelErrorCode.UnknownReference, ItemKind.ProductRole, "cola", "ActivityEmphasis[juggling]", "juggling", "Activity 'juggling' is not one of the model's activity types."),
            ],
            errors.Select(e => (e.Code, e.Kind!.Value, e.Ids[0], e.Field, e.Value, e.Message)));
    }

    [Fact]
    public void Validate_MarketPositionNegativePotentialAndSales_BothReported()
    {
        var t = new TerritoryId("t1");
        var errors = ModelValidator.Validate(new SalesModelInput { Territories = [new Territory(t)], MarketPositions = [new MarketPosition(t, -1, -2)] });

        Assert.Equal(
            [("Potential", "-1", "Potential must not be negative."), ("Sales", "-2", "Sales must not be negative.")],
            errors.Select(e => (e.Field, e.Value, e.Message)));
        Assert.All(errors, e => Assert.Equal((ModelErrorCode.NegativeValue, (ItemKind?)ItemKind.MarketPosition, "t1"), (e.Code, e.Kind, e.Ids[0])));
    }

    [Fact]
    public void Validate_LevelListedTwice_DuplicateId()
    {
        var error = Single(new SalesModelInput { Levels = ["region", "area", "territory", "area"] });

        Assert.Equal((ModelErrorCode.DuplicateId, ItemKind.Level, "area", "Levels", "area"), Key(error));
        Assert.Equal("Level 'area' is listed twice.", error.Message);
    }

    [Fact]
    public void Validate_UnknownLevel_MessageListsTheLevelsInOrder()
    {
        var error = Single(new SalesModelInput { Levels = ["zone", "district"], Territories = [new Territory(new TerritoryId("t")) { Level = "region" }] });

        Assert.Equal((ModelErrorCode.UnknownLevel, ItemKind.Territory, "t", "Level", "region"), Key(error));
        Assert.Equal("Level 'region' is not one of district, zone.", error.Message);
    }

    [Fact]
    public void Validate_PatternDaysOutsideCycle_ListedOnceInOrder()
    {
        var visit = new VisitRequirement { Patterns = [new VisitPattern([31, 3]), new VisitPattern([25, 31])] };
        var error = Single(new SalesModelInput { Cycle = JourneyCycle.Create(4), Accounts = [AccountAt("a") with { Visit = visit }] });

        Assert.Equal((ModelErrorCode.FrequencyDoesNotFitCycle, ItemKind.Account, "a", "Visit.Patterns", "25,31"), Key(error));
        Assert.Equal("Pattern days 25, 31 lie outside the cycle's 20 days.", error.Message);
    }

    [Fact]
    public void Validate_FrequencyThatFitsNoPattern_NamesTheFrequency()
    {
        var visit = VisitRequirement.Of(VisitFrequency.PerWeek(6));
        var error = Single(new SalesModelInput { Accounts = [AccountAt("a") with { Visit = visit }] });

        Assert.Equal((ModelErrorCode.FrequencyDoesNotFitCycle, ItemKind.Account, "a", "Visit.Frequency"), (error.Code, error.Kind!.Value, error.Ids[0], error.Field));
        Assert.Equal(VisitFrequency.PerWeek(6).ToString(), error.Value);
        Assert.Equal($"The frequency {VisitFrequency.PerWeek(6)} allows no day pattern in a cycle of {JourneyCycle.Create(4)}.", error.Message);
    }

    [Fact]
    public void Validate_PatternsOffTheFixedWeekday_NamesThePatternListAndTheWeekday()
    {
        // Day 0 of the default cycle is a Monday: a Friday-only visit cannot use it.
        var visit = new VisitRequirement { Patterns = [new VisitPattern([0])], FixedWeekday = DayOfWeek.Friday };
        var error = Single(new SalesModelInput { Accounts = [AccountAt("a") with { Visit = visit }] });

        Assert.Equal((ModelErrorCode.FrequencyDoesNotFitCycle, ItemKind.Account, "a", "Visit.Patterns"), (error.Code, error.Kind!.Value, error.Ids[0], error.Field));
        Assert.StartsWith("The pattern list allows no day pattern in a cycle of ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith(" on Friday.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DailyHoursInverted_InvalidWorkingTime()
    {
        var error = Single(new SalesModelInput { Positions = [Rep("p") with { DailyHours = TimeWindow.FromHours(17, 0, 9, 0) }] });

        Assert.Equal((ModelErrorCode.InvalidWorkingTime, ItemKind.Position, "p", "DailyHours"), (error.Code, error.Kind!.Value, error.Ids[0], error.Field));
        Assert.Equal("Daily hours must start before they end, within one day.", error.Message);
    }

    [Theory]
    [InlineData(-1, true)]
    [InlineData(0, false)]
    [InlineData(8 * 60, true)]
    [InlineData((8 * 60) - 1, false)]
    public void Validate_Break_ZeroOrMoreAndShorterThanTheDay(int minutes, bool rejected)
    {
        var position = Rep("p") with { DailyHours = TimeWindow.FromHours(9, 0, 17, 0), Break = TimeSpan.FromMinutes(minutes) };

        var errors = ModelValidator.Validate(new SalesModelInput { Positions = [position] });

        if (rejected)
        {
            var error = Assert.Single(errors);
            Assert.Equal((ModelErrorCode.InvalidWorkingTime, ItemKind.Position, "p", "Break"), (error.Code, error.Kind!.Value, error.Ids[0], error.Field));
            Assert.Equal("The break must be zero or more and shorter than the working day.", error.Message);
        }
        else
        {
            Assert.Empty(errors);
        }
    }

    [Fact]
    public void Validate_NoWorkingDays_RejectedUnlessVacant()
    {
        var errors = ModelValidator.Validate(new SalesModelInput
        {
            Positions = [Rep("busy") with { WorkingDays = [] }, Rep("empty") with { WorkingDays = [], IsVacant = true }],
        });

        var error = Assert.Single(errors);
        Assert.Equal((ModelErrorCode.InvalidWorkingTime, ItemKind.Position, "busy", "WorkingDays", null), Key(error));
        Assert.Equal("A position that is not vacant needs at least one working day.", error.Message);
    }

    [Fact]
    public void Validate_DaysOffOutsideTheCycle_ListedWithTheRange()
    {
        var error = Single(new SalesModelInput { Cycle = JourneyCycle.Create(4), Positions = [Rep("p") with { DaysOff = [-1, 0, 19, 20] }] });

        Assert.Equal((ModelErrorCode.InvalidWorkingTime, ItemKind.Position, "p", "DaysOff", "-1,20"), Key(error));
        Assert.Equal("Days off must be cycle days 0 to 19.", error.Message);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(-3, true)]
    [InlineData(1, false)]
    public void Validate_MaxVisitsPerDay_Positive(int cap, bool rejected)
    {
        var errors = ModelValidator.Validate(new SalesModelInput { Positions = [Rep("p") with { MaxVisitsPerDay = cap }] });

        if (rejected)
        {
            var error = Assert.Single(errors);
            Assert.Equal((ModelErrorCode.NegativeValue, ItemKind.Position, "p", "MaxVisitsPerDay"), (error.Code, error.Kind!.Value, error.Ids[0], error.Field));
            Assert.Equal("The daily visit cap must be positive.", error.Message);
        }
        else
        {
            Assert.Empty(errors);
        }
    }

    [Theory]
    [InlineData(0.0, true)]
    [InlineData(-1.0, true)]
    [InlineData(double.NaN, true)]
    [InlineData(double.PositiveInfinity, true)]
    [InlineData(0.001, false)]
    public void Validate_MaxLoadPerDay_PositiveFinite(double cap, bool rejected)
    {
        var errors = ModelValidator.Validate(new SalesModelInput { Positions = [Rep("p") with { MaxLoadPerDay = cap }] });

        if (rejected)
        {
            var error = Assert.Single(errors);
            Assert.Equal((ModelErrorCode.NegativeValue, ItemKind.Position, "p", "MaxLoadPerDay"), (error.Code, error.Kind!.Value, error.Ids[0], error.Field));
            Assert.Equal("The daily load cap must be a positive finite number.", error.Message);
        }
        else
        {
            Assert.Empty(errors);
        }
    }

    [Fact]
    public void Validate_EmptyBoundary_ValueEmptyAndMessage()
    {
        var empty = TerritoryBoundary.FromGeometry(new GeometryFactory().CreatePolygon());
        var error = Single(new SalesModelInput { Territories = [new Territory(new TerritoryId("t")) { Boundary = empty }] });

        Assert.Equal((ModelErrorCode.InvalidBoundary, ItemKind.Territory, "t", "Boundary", "EMPTY"), Key(error));
        Assert.Equal("The boundary is empty.", error.Message);
    }

    [Fact]
    public void Validate_BowTieWithAVertexOffTheGlobe_OnlyTheCoordinateReported()
    {
        var bowTie = TerritoryBoundary.FromWkt("POLYGON ((0 0, 200 10, 200 0, 0 10, 0 0))");
        var error = Single(new SalesModelInput { Territories = [new Territory(new TerritoryId("t")) { Boundary = bowTie }] });

        Assert.Equal((ModelErrorCode.InvalidCoordinate, ItemKind.Territory, "t", "Boundary"), (error.Code, error.Kind!.Value, error.Ids[0], error.Field));
        Assert.Equal("A boundary vertex is not a WGS84 longitude/latitude.", error.Message);
    }

    [Fact]
    public void Validate_BowTie_MessageSaysWhere()
    {
        var bowTie = TerritoryBoundary.FromWkt("POLYGON ((0 0, 10 10, 10 0, 0 10, 0 0))");
        var error = Single(new SalesModelInput { Territories = [new Territory(new TerritoryId("t")) { Boundary = bowTie }] });

        Assert.Equal((ModelErrorCode.InvalidBoundary, ItemKind.Territory, "t", "Boundary"), (error.Code, error.Kind!.Value, error.Ids[0], error.Field));
        Assert.Equal(new GeoPoint(5, 5).ToString(), error.Value);
        Assert.StartsWith("The boundary is not a valid polygon: ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith($" at {new GeoPoint(5, 5)}.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PositionLoop_MessageWalksTheLoopBackToItsStart()
    {
        var error = Single(new SalesModelInput
        {
            Positions = [Rep("b") with { Parent = new PositionId("a") }, Rep("a") with { Parent = new PositionId("c") }, Rep("c") with { Parent = new PositionId("b") }],
        });

        Assert.Equal(ModelErrorCode.HierarchyCycle, error.Code);
        Assert.Equal(["a", "c", "b"], error.Ids);
        Assert.Equal("a -> c -> b -> a", error.Value);
        Assert.Equal("The position hierarchy loops: a -> c -> b -> a.", error.Message);
    }

    [Fact]
    public void ValidateForPlanning_NullItems_Throw()
    {
        var cycle = JourneyCycle.Create(4);

        Assert.Equal("accounts", Assert.Throws<ArgumentNullException>(() => ModelValidator.ValidateForPlanning([null!], [], [], cycle)).ParamName);
        Assert.Equal("positions", Assert.Throws<ArgumentNullException>(() => ModelValidator.ValidateForPlanning([], [null!], [], cycle)).ParamName);
        Assert.Equal("territories", Assert.Throws<ArgumentNullException>(() => ModelValidator.ValidateForPlanning([], [], [null!], cycle)).ParamName);
        Assert.Throws<ArgumentNullException>(() => ModelValidator.ValidateForPlanning([], [], [], null!));
    }

    [Fact]
    public void ValidateForPlanning_DuplicateIds_EachKindReported()
    {
        var t = new Territory(new TerritoryId("t"));
        var errors = ModelValidator.ValidateForPlanning([AccountAt("a"), AccountAt("a")], [Rep("p"), Rep("p")], [t, t], JourneyCycle.Create(4));

        Assert.Equal(
            [(ItemKind.Account, "a"), (ItemKind.Position, "p"), (ItemKind.Territory, "t")],
            errors.Select(e => (e.Kind!.Value, e.Ids[0])));
        Assert.All(errors, e => Assert.Equal(ModelErrorCode.DuplicateId, e.Code));
    }

    [Fact]
    public void ValidateForPlanning_PlanarCoordinates_AcceptedUnlessGeographic()
    {
        var far = new GeoPoint(5000, -3000);
        IReadOnlyList<Account> accounts = [new Account(new AccountId("a"), far)];
        IReadOnlyList<SalesPosition> positions = [Rep("p") with { Base = far }];

        Assert.Empty(ModelValidator.ValidateForPlanning(accounts, positions, [], JourneyCycle.Create(4)));
        var errors = ModelValidator.ValidateForPlanning(accounts, positions, [], JourneyCycle.Create(4), geographic: true);
        Assert.Equal([("a", "Location"), ("p", "Base")], errors.Select(e => (e.Ids[0], e.Field)));
        Assert.All(errors, e => Assert.Equal("Longitude must be -180 to 180 and latitude -90 to 90, both finite.", e.Message));
    }

    [Fact]
    public void ValidateForPlanning_NonFinitePlanarCoordinate_Rejected()
    {
        var error = Assert.Single(ModelValidator.ValidateForPlanning([new Account(new AccountId("a"), new GeoPoint(double.NaN, 1))], [], [], JourneyCycle.Create(4)));

        Assert.Equal((ModelErrorCode.InvalidCoordinate, ItemKind.Account, "a", "Location"), (error.Code, error.Kind!.Value, error.Ids[0], error.Field));
        Assert.Equal("Both coordinates must be finite numbers.", error.Message);
    }

    [Fact]
    public void ValidateForPlanning_AccountAndPositionValues_Checked()
    {
        var errors = ModelValidator.ValidateForPlanning(
            [AccountAt("a") with { ServiceTime = TimeSpan.FromMinutes(-1) }],
            [Rep("p") with { Break = TimeSpan.FromHours(9) }],
            [],
            JourneyCycle.Create(4));

        Assert.Equal([("a", ModelErrorCode.DurationOutOfRange), ("p", ModelErrorCode.InvalidWorkingTime)], errors.Select(e => (e.Ids[0], e.Code)));
    }
}
