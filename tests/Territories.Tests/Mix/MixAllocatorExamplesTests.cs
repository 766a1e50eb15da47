using System.Collections.Immutable;
using Territories.Mix;
using Territories.Model;

namespace Territories.Tests.Mix;

/// <summary>Exact examples at the allocator's boundaries: messages, equal bounds, stage and need choices, visit requirements.</summary>
public class MixAllocatorExamplesTests
{
    private static readonly TerritoryId T = new("t");

    private static readonly SalesMix InboundOnly = MixAllocatorTests.Mix(("inbound", 1.0));

    private static Account Weekly(string id) =>
        new(new AccountId(id), new GeoPoint(0, 45)) { Visit = VisitRequirement.Of(VisitFrequency.PerWeek(1)), ServiceTime = TimeSpan.FromMinutes(15) };

    private static MixAllocation Allocated(MixAllocationOptions? options, MixAllocationRequest request)
    {
        var result = new MixAllocator(options).Allocate(request);
        Assert.True(result.IsT0, result.IsT1 ? string.Join("; ", result.AsT1.Errors.Select(e => e.Message)) : "");
        return result.AsT0;
    }

    private static MixError SingleError(MixAllocationOptions? options, MixAllocationRequest request)
    {
        var result = new MixAllocator(options).Allocate(request);
        Assert.True(result.IsT1, "allocated where a failure was expected");
        return Assert.Single(result.AsT1.Errors);
    }

    private static string MainActivity(Account account, MixAllocationOptions? options = null, SalesMix? target = null, ImmutableArray<ActivityType>? types = null)
    {
        var request = new MixAllocationRequest(T, target ?? InboundOnly, TimeSpan.FromMinutes(600)) { Accounts = [account], ActivityTypes = types ?? ActivityType.Defaults };
        return Assert.Single(Allocated(options, request).Accounts).Visit!.Activity!;
    }

    private static MixAllocationOptions StageRules(ImmutableDictionary<string, double> established) =>
        new() { Rules = MixRules.Default with { StageMixes = ImmutableDictionary<JourneyStage, ImmutableDictionary<string, double>>.Empty.Add(JourneyStage.Established, established) } };

    [Fact]
    public void Allocate_NullTargetOrCycle_ThrowsNamingTheMember()
    {
        var request = new MixAllocationRequest(T, InboundOnly, TimeSpan.FromMinutes(60));
        Assert.Throws<ArgumentNullException>("request.Target", () => new MixAllocator().Allocate(request with { Target = null! }));
        Assert.Throws<ArgumentNullException>("request.Cycle", () => new MixAllocator().Allocate(request with { Cycle = null! }));
    }

    [Fact]
    public void Allocate_UnknownActivityWithZeroShare_NotAnError()
    {
        var tasting = new ActivityType("tasting", "Tasting", ActivityChannel.Field, TimeSpan.FromMinutes(30));
        var target = SalesMix.Create([KeyValuePair.Create("demo", 1.0)], [.. ActivityType.Defaults, tasting]).AsT0;

        var allocation = Allocated(null, new MixAllocationRequest(T, target, TimeSpan.FromMinutes(60)));

        Assert.Equal(60, allocation.UnitsOf("demo"));
        Assert.Equal(0, allocation.UnitsOf("tasting"));
    }

    [Fact]
    public void Allocate_UnknownActivities_MessagesAndLimitsInIdOrder()
    {
        var tasting = new ActivityType("tasting", "Tasting", ActivityChannel.Field, TimeSpan.FromMinutes(30));
        var target = SalesMix.Create([KeyValuePair.Create("tasting", 1.0)], [.. ActivityType.Defaults, tasting]).AsT0;
        var options = new MixAllocationOptions
        {
            ActivityLimits = new Dictionary<string, ActivityLimit> { ["zeta"] = new(TimeSpan.Zero, null), ["alpha"] = new(TimeSpan.Zero, null) },
        };

        var errors = new MixAllocator(options).Allocate(new MixAllocationRequest(T, target, TimeSpan.FromMinutes(60))).AsT1.Errors;

        Assert.Equal(
            [
                ("Target[tasting]", "Activity 'tasting' of the target mix is not one of the activity types."),
                ("ActivityLimits[alpha]", "Activity 'alpha' of the limits is not one of the activity types."),
                ("ActivityLimits[zeta]", "Activity 'zeta' of the limits is not one of the activity types."),
            ],
            errors.Select(e => (e.Field, e.Message)));
    }

    [Fact]
    public void Allocate_DuplicateAccountAlsoShortOfCapacity_OnlyTheDuplicateIsReported()
    {
        // The first checks return before the minimums are computed: the capacity of 10 minutes is short of 2 x 60, but that is not reported.
        var account = Weekly("dup");
        var request = new MixAllocationRequest(new TerritoryId("north"), MixAllocatorTests.Mix(("order-taking", 1.0)), TimeSpan.FromMinutes(10)) { Accounts = [account, account] };

        var error = SingleError(null, request);

        Assert.Equal(MixErrorCode.DuplicateAccount, error.Code);
        Assert.Equal(("Accounts", "2"), (error.Field, error.Value));
        Assert.Equal("Account 'dup' is given 2 times in territory 'north'; each account is allocated once.", error.Message);
    }

    [Fact]
    public void Allocate_OneUnitAboveTheMaximumCapacity_CapacityTooLargeMessage()
    {
        var error = SingleError(null, new MixAllocationRequest(T, InboundOnly, TimeSpan.FromMinutes(MixAllocator.MaximumCapacityUnits + 1)));

        Assert.Equal((MixErrorCode.CapacityTooLarge, "10000001", 1L), (error.Code, error.Value, error.Units));
        Assert.Equal("The capacity holds 10000001 minute unit(s), more than the 10000000 one allocation holds: use a larger unit or a capacity per cycle.", error.Message);
    }

    [Fact]
    public void Allocate_VisitsButNoFieldActivityType_NoFieldActivityNamesTheAccount()
    {
        var types = ImmutableArray.Create(ActivityType.Inbound);
        var target = SalesMix.Create([KeyValuePair.Create("inbound", 1.0)], types).AsT0;
        var request = new MixAllocationRequest(T, target, TimeSpan.FromMinutes(600)) { Accounts = [Weekly("a1")], ActivityTypes = types };

        var error = SingleError(null, request);

        Assert.Equal((MixErrorCode.NoFieldActivity, "a1", "Visit", "4"), (error.Code, error.Ids[0], error.Field, error.Value));
        Assert.Equal("The account needs visits, but no activity type is a field activity.", error.Message);
    }

    [Fact]
    public void Allocate_NoVisitsAndNoFieldActivityType_Allocates()
    {
        var types = ImmutableArray.Create(ActivityType.Inbound);
        var target = SalesMix.Create([KeyValuePair.Create("inbound", 1.0)], types).AsT0;
        var account = new Account(new AccountId("a1"), new GeoPoint(0, 45)) { ActivityNeeds = ImmutableDictionary<string, double>.Empty.Add("inbound", 1) };
        var request = new MixAllocationRequest(T, target, TimeSpan.FromMinutes(600)) { Accounts = [account], ActivityTypes = types };

        var given = Assert.Single(Allocated(null, request).Accounts);

        Assert.Equal((TimeSpan.Zero, TimeSpan.FromMinutes(60)), (given.FieldTime, given.RemoteTime));
        Assert.Null(given.Visit);
    }

    [Fact]
    public void Allocate_MinimumEqualToMaximum_AllocatesExactlyThatAndStatesTheBounds()
    {
        var options = new MixAllocationOptions
        {
            ActivityLimits = new Dictionary<string, ActivityLimit> { ["demo"] = new(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(10)) },
        };

        var allocation = Allocated(options, new MixAllocationRequest(T, MixAllocatorTests.Mix(("order-taking", 1.0)), TimeSpan.FromMinutes(100)));

        var demo = allocation.Activities.Single(a => a.Activity == "demo");
        Assert.Equal((10L, 10L, (long?)10L), (demo.Units, demo.MinimumUnits, demo.MaximumUnits));
        var orderTaking = allocation.Activities.Single(a => a.Activity == "order-taking");
        Assert.Equal((90L, 0L, (long?)null), (orderTaking.Units, orderTaking.MinimumUnits, orderTaking.MaximumUnits));
    }

    [Fact]
    public void Allocate_AccountMinimumAboveMaximum_BoundsConflictMessage()
    {
        var options = new MixAllocationOptions
        {
            ActivityLimits = new Dictionary<string, ActivityLimit> { ["order-taking"] = new(TimeSpan.Zero, TimeSpan.FromMinutes(20)) },
        };
        var request = new MixAllocationRequest(T, MixAllocatorTests.Mix(("order-taking", 1.0)), TimeSpan.FromMinutes(600)) { Accounts = [Weekly("a1")] };

        var error = SingleError(options, request);

        Assert.Equal((MixErrorCode.BoundsConflict, "ActivityLimits.Maximum", "20", 40L), (error.Code, error.Field, error.Value, error.Units));
        Assert.Equal(["order-taking", "t"], error.Ids);
        Assert.Equal("Activity 'order-taking' needs at least 60 minute unit(s) (limit and accounts' minimum visits) but may have at most 20.", error.Message);
    }

    [Fact]
    public void Allocate_MinimumsEqualToCapacity_Allocates()
    {
        var options = new MixAllocationOptions { ActivityLimits = new Dictionary<string, ActivityLimit> { ["demo"] = new(TimeSpan.FromMinutes(60), null) } };

        var allocation = Allocated(options, new MixAllocationRequest(T, InboundOnly, TimeSpan.FromMinutes(60)));

        Assert.Equal((60L, 0L), (allocation.UnitsOf("demo"), allocation.UnitsOf("inbound")));
    }

    [Fact]
    public void Allocate_ShortfallInHours_MessageStatesUnitsAndMinutes()
    {
        var options = new MixAllocationOptions
        {
            Unit = AllocationUnit.Hour,
            ActivityLimits = new Dictionary<string, ActivityLimit> { ["demo"] = new(TimeSpan.FromHours(5), null) },
        };

        var error = SingleError(options, new MixAllocationRequest(T, InboundOnly, TimeSpan.FromHours(3)));

        Assert.Equal((MixErrorCode.CapacityShortfall, "Capacity", "3", 2L), (error.Code, error.Field, error.Value, error.Units));
        Assert.Equal("The minimums need 5 hour unit(s) but the capacity holds 3: short by 2 unit(s) (120 minutes).", error.Message);
    }

    [Fact]
    public void Allocate_MaximumsSumToCapacity_EachActivityAtItsMaximum()
    {
        var options = new MixAllocationOptions
        {
            ActivityLimits = ActivityType.Defaults.ToDictionary(t => t.Id, _ => new ActivityLimit(TimeSpan.Zero, TimeSpan.FromMinutes(10))),
        };

        var allocation = Allocated(options, new MixAllocationRequest(T, MixAllocatorTests.Mix(("order-taking", 1.0)), TimeSpan.FromMinutes(90)));

        Assert.All(allocation.Activities, a => Assert.Equal((10L, (long?)10L), (a.Units, a.MaximumUnits)));
    }

    [Fact]
    public void Allocate_MaximumsBelowCapacity_MessageStatesTheSumOfTheMaximums()
    {
        var options = new MixAllocationOptions
        {
            ActivityLimits = ActivityType.Defaults.ToDictionary(t => t.Id, _ => new ActivityLimit(TimeSpan.Zero, TimeSpan.FromMinutes(10))),
        };

        var error = SingleError(options, new MixAllocationRequest(T, MixAllocatorTests.Mix(("order-taking", 1.0)), TimeSpan.FromMinutes(100)));

        Assert.Equal((MixErrorCode.MaximumsBelowCapacity, "ActivityLimits", "90", 10L), (error.Code, error.Field, error.Value, error.Units));
        Assert.Equal("The maximums hold 90 minute unit(s) but the capacity is 100: 10 unit(s) would be left over.", error.Message);
    }

    [Fact]
    public void Allocate_SlackInHours_SlackTimeIsUnitsTimesTheUnit()
    {
        var options = new MixAllocationOptions { Unit = AllocationUnit.Hour };
        var account = new Account(new AccountId("a"), new GeoPoint(0, 45)) { ActivityNeeds = ImmutableDictionary<string, double>.Empty.Add("inbound", 2) };

        var allocation = Allocated(options, new MixAllocationRequest(T, InboundOnly, TimeSpan.FromHours(10)) { Accounts = [account] });

        var given = Assert.Single(allocation.Accounts);
        Assert.Equal(2, given.Units["inbound"]);
        Assert.Equal(TimeSpan.FromHours(2), given.RemoteTime);
        var slack = Assert.Single(allocation.Slack);
        Assert.Equal(("inbound", SlackUse.RemoteActivities, 8L, TimeSpan.FromHours(8)), (slack.Activity, slack.Use, slack.Units, slack.Time));
    }

    [Fact]
    public void Allocate_VisitRequirementNotAMinimumAndCapacityShort_FewerMinutesPerVisitSameFrequency()
    {
        // 4 visits of 15 minutes asked, 30 minutes given: 7.5 per visit rounds to 8.
        var options = new MixAllocationOptions { UseVisitRequirementAsMinimum = false };

        var allocation = Allocated(options, new MixAllocationRequest(T, MixAllocatorTests.Mix(("order-taking", 1.0)), TimeSpan.FromMinutes(30)) { Accounts = [Weekly("a1")] });

        Assert.Equal(0, allocation.Activities.Single(a => a.Activity == "order-taking").MinimumUnits);
        var given = Assert.Single(allocation.Accounts);
        Assert.Equal(TimeSpan.FromMinutes(30), given.FieldTime);
        Assert.Equal((VisitFrequency.PerWeek(1), (TimeSpan?)TimeSpan.FromMinutes(8), "order-taking"), (given.Visit!.Frequency, given.Visit.Duration, given.Visit.Activity));
    }

    [Fact]
    public void Allocate_VisitRequirementNotAMinimumNoCapacity_DurationLeftAsItWas()
    {
        var options = new MixAllocationOptions { UseVisitRequirementAsMinimum = false };

        var allocation = Allocated(options, new MixAllocationRequest(T, MixAllocatorTests.Mix(("order-taking", 1.0)), TimeSpan.Zero) { Accounts = [Weekly("a1")] });

        var given = Assert.Single(allocation.Accounts);
        Assert.Equal(TimeSpan.Zero, given.FieldTime);
        Assert.Null(given.Visit!.Duration);
        Assert.Equal((VisitFrequency.PerWeek(1), "order-taking"), (given.Visit.Frequency, given.Visit.Activity));
    }

    [Fact]
    public void Allocate_MinimumVisitsBelowOwnAndRequirementNotAMinimum_MinimumIsTheSmaller()
    {
        var options = new MixAllocationOptions { UseVisitRequirementAsMinimum = false, MinimumVisitsPerAccount = 2 };

        var allocation = Allocated(options, new MixAllocationRequest(T, MixAllocatorTests.Mix(("order-taking", 1.0)), TimeSpan.FromMinutes(600)) { Accounts = [Weekly("a1")] });

        Assert.Equal(30, allocation.Activities.Single(a => a.Activity == "order-taking").MinimumUnits);
        Assert.Equal(TimeSpan.FromMinutes(60), Assert.Single(allocation.Accounts).FieldTime);
    }

    [Fact]
    public void Allocate_PatternsOfTwoAndThreeVisits_FewestVisitsCountAndPatternsKept()
    {
        ImmutableArray<VisitPattern> patterns = [new VisitPattern([0, 5]), new VisitPattern([1, 6, 11])];
        var account = new Account(new AccountId("a1"), new GeoPoint(0, 45)) { Visit = new VisitRequirement { Patterns = patterns }, ServiceTime = TimeSpan.FromMinutes(15) };

        var allocation = Allocated(null, new MixAllocationRequest(T, MixAllocatorTests.Mix(("order-taking", 1.0)), TimeSpan.FromMinutes(600)) { Accounts = [account] });

        var given = Assert.Single(allocation.Accounts);
        Assert.Equal(TimeSpan.FromMinutes(30), given.FieldTime);
        Assert.Equal(patterns, given.Visit!.Patterns);
        Assert.Null(given.Visit.Frequency);
    }

    [Fact]
    public void Allocate_MinimumVisitsAbovePatterns_PatternsReplacedByAFrequency()
    {
        var account = new Account(new AccountId("a1"), new GeoPoint(0, 45)) { Visit = new VisitRequirement { Patterns = [new VisitPattern([3])] }, ServiceTime = TimeSpan.FromMinutes(15) };
        var options = new MixAllocationOptions { MinimumVisitsPerAccount = 2 };

        var allocation = Allocated(options, new MixAllocationRequest(T, MixAllocatorTests.Mix(("order-taking", 1.0)), TimeSpan.FromMinutes(600)) { Accounts = [account] });

        var given = Assert.Single(allocation.Accounts);
        Assert.Empty(given.Visit!.Patterns);
        Assert.Equal(VisitFrequency.EveryWeeks(2), given.Visit.Frequency);
        Assert.Equal(TimeSpan.FromMinutes(30), given.FieldTime);
    }

    [Theory]
    [InlineData(1, "every", 4)]
    [InlineData(2, "every", 2)]
    [InlineData(3, "cycle", 3)]
    [InlineData(4, "week", 1)]
    [InlineData(8, "week", 2)]
    [InlineData(6, "cycle", 6)]
    public void Allocate_MinimumVisitsForAnAccountWithoutRequirement_FrequencyInTheFourWeekCycle(int visits, string kind, int value)
    {
        var expected = kind switch
        {
            "every" => VisitFrequency.EveryWeeks(value),
            "week" => VisitFrequency.PerWeek(value),
            _ => VisitFrequency.PerCycle(value),
        };
        var account = new Account(new AccountId("a1"), new GeoPoint(0, 45)) { ServiceTime = TimeSpan.FromMinutes(15) };
        var options = new MixAllocationOptions { MinimumVisitsPerAccount = visits };

        var allocation = Allocated(options, new MixAllocationRequest(T, MixAllocatorTests.Mix(("order-taking", 1.0)), TimeSpan.FromMinutes(600)) { Accounts = [account] });

        var given = Assert.Single(allocation.Accounts);
        Assert.Equal(expected, given.Visit!.Frequency);
        Assert.Equal(TimeSpan.FromMinutes(15 * visits), given.FieldTime);
    }

    [Fact]
    public void Allocate_NoServiceTime_VisitsTakeTheActivityDefaultDuration()
    {
        var account = Weekly("a1") with { ServiceTime = TimeSpan.Zero };

        var allocation = Allocated(null, new MixAllocationRequest(T, MixAllocatorTests.Mix(("demo", 1.0)), TimeSpan.FromMinutes(600)) { Accounts = [account] });

        var given = Assert.Single(allocation.Accounts);
        Assert.Equal(TimeSpan.FromMinutes(180), given.FieldTime);
        Assert.Equal((TimeSpan?)TimeSpan.FromMinutes(45), given.Visit!.Duration);
    }

    [Theory]
    [InlineData(JourneyStage.Unknown, "order-taking")]
    [InlineData(JourneyStage.Established, "order-taking")]
    [InlineData(JourneyStage.Prospect, "demo")]
    [InlineData(JourneyStage.Growing, "order-taking")]
    [InlineData(JourneyStage.AtRisk, "order-taking")]
    [InlineData(JourneyStage.Lapsed, "demo")]
    public void Allocate_NoFieldShareNoNeeds_StageMixChoosesTheFieldActivityTiesToLowerId(JourneyStage stage, string expected)
    {
        // Lapsed weighs demo and order-taking 0.15 each: the tie goes to the lower id.
        Assert.Equal(expected, MainActivity(Weekly("a1") with { Stage = stage }));
    }

    [Fact]
    public void Allocate_StageWithoutAStageMix_LowestFieldIdWithoutError()
    {
        var options = new MixAllocationOptions
        {
            Rules = MixRules.Default with { StageMixes = ImmutableDictionary<JourneyStage, ImmutableDictionary<string, double>>.Empty.Add(JourneyStage.Prospect, ImmutableDictionary<string, double>.Empty.Add("demo", 1)) },
        };

        Assert.Equal("audit", MainActivity(Weekly("a1"), options));
    }

    [Fact]
    public void Allocate_EmptyStageMix_LowestFieldIdWithoutError() =>
        Assert.Equal("audit", MainActivity(Weekly("a1"), StageRules(ImmutableDictionary<string, double>.Empty)));

    [Fact]
    public void Allocate_StageMixWithANegativeWeight_NegativeIgnoredInTheSum() =>
        Assert.Equal("order-taking", MainActivity(Weekly("a1"), StageRules(ImmutableDictionary<string, double>.Empty.Add("order-taking", 1).Add("audit", -5))));

    [Fact]
    public void Allocate_StageMixOfHugeWeights_LargerWeightWinsWithoutOverflow() =>
        Assert.Equal("order-taking", MainActivity(Weekly("a1"), StageRules(ImmutableDictionary<string, double>.Empty.Add("order-taking", 2e200).Add("demo", 1e200))));

    [Fact]
    public void Allocate_StageMixWithoutFinitePositiveWeight_EveryWeightZeroTiesToLowerId()
    {
        ImmutableArray<ActivityType> types = [ActivityType.Demo, ActivityType.OrderTaking, ActivityType.Inbound];
        var target = SalesMix.Create([KeyValuePair.Create("inbound", 1.0)], types).AsT0;
        var options = StageRules(ImmutableDictionary<string, double>.Empty.Add("order-taking", double.PositiveInfinity).Add("demo", -1));

        Assert.Equal("demo", MainActivity(Weekly("a1"), options, target, types));
    }

    [Fact]
    public void Allocate_StatedNeedsAllZeroForField_NeedsStillDecideTiesToLowerId()
    {
        // A positive need for inbound makes the needs decide; every field activity has need 0, so the lowest id wins over the stage mix.
        var account = Weekly("a1") with { ActivityNeeds = ImmutableDictionary<string, double>.Empty.Add("inbound", 1).Add("demo", 0) };

        Assert.Equal("audit", MainActivity(account));
    }

    [Fact]
    public void Allocate_OnlyZeroNeeds_StageMixDecides()
    {
        var account = Weekly("a1") with { ActivityNeeds = ImmutableDictionary<string, double>.Empty.Add("demo", 0) };

        Assert.Equal("order-taking", MainActivity(account));
    }

    [Theory]
    [InlineData(0.3, 0.2, "order-taking")]
    [InlineData(0.2, 0.3, "demo")]
    [InlineData(0.25, 0.25, "demo")]
    public void Allocate_EqualStatedFieldNeeds_LargerTargetShareThenLowerId(double orderTaking, double demo, string expected)
    {
        var account = Weekly("a1") with { ActivityNeeds = ImmutableDictionary<string, double>.Empty.Add("demo", 1).Add("order-taking", 1) };
        var target = MixAllocatorTests.Mix(("order-taking", orderTaking), ("demo", demo), ("inbound", 1 - orderTaking - demo));

        Assert.Equal(expected, MainActivity(account, target: target));
    }

    [Fact]
    public void ApplyTo_NullAccounts_ThrowsNamingTheParameter()
    {
        var allocation = Allocated(null, new MixAllocationRequest(T, InboundOnly, TimeSpan.FromMinutes(60)));

        Assert.Throws<ArgumentNullException>("accounts", () => allocation.ApplyTo(null!));
    }

    [Fact]
    public void Request_DefaultArrays_ReadAsEmpty()
    {
        var request = new MixAllocationRequest(T, InboundOnly, TimeSpan.FromMinutes(60)) { Accounts = default, ActivityTypes = default };

        Assert.False(request.Accounts.IsDefault);
        Assert.Empty(request.Accounts);
        Assert.False(request.ActivityTypes.IsDefault);
        Assert.Empty(request.ActivityTypes);
    }

    [Fact]
    public void Constructor_NullLimitsOrRules_ThrowsNamingEach()
    {
        var ex = Assert.Throws<ArgumentException>("options", () => new MixAllocator(new MixAllocationOptions { ActivityLimits = null!, Rules = null! }));

        Assert.StartsWith("Invalid MixAllocationOptions: ActivityLimits must not be null. Rules must not be null.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_BadLimits_EveryFailureInIdOrder()
    {
        var options = new MixAllocationOptions
        {
            ActivityLimits = new Dictionary<string, ActivityLimit>
            {
                ["b"] = new(TimeSpan.FromMinutes(-1), null),
                ["a"] = new(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(5)),
            },
        };

        var ex = Assert.Throws<ArgumentException>("options", () => new MixAllocator(options));

        Assert.StartsWith("Invalid MixAllocationOptions: ActivityLimits[a].Maximum is below its minimum. ActivityLimits[b].Minimum must be zero or more.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AllocationUnit_VisitSlot_NameLengthAndText()
    {
        var unit = AllocationUnit.Visit(TimeSpan.FromMinutes(30));

        Assert.Equal(("visit", TimeSpan.FromMinutes(30), 30L), (unit.Name, unit.Length, unit.Minutes));
        Assert.Equal("visit (30 min)", unit.ToString());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-60)]
    public void AllocationUnit_NotPositive_Throws(int seconds) =>
        Assert.Throws<ArgumentOutOfRangeException>("length", () => new AllocationUnit("x", TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void AllocationUnit_NotWholeMinutes_ThrowsSayingSo()
    {
        var ex = Assert.Throws<ArgumentException>("length", () => new AllocationUnit("x", TimeSpan.FromSeconds(90)));

        Assert.StartsWith("An allocation unit is a whole number of minutes.", ex.Message, StringComparison.Ordinal);
    }
}
