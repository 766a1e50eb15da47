using Territories.Mix;
using Territories.Model;

namespace Territories.Tests.Mix;

/// <summary>Exact examples of the mix values and helpers: <see cref="SalesMix"/> building, the quota method at its edges, strategy thresholds, null and default guards.</summary>
public class MixValuesExamplesTests
{
    private static readonly ActivityType[] Types = [.. ActivityType.Defaults];
    private static readonly JourneyCycle Cycle = JourneyCycle.Create(4);

    [Fact]
    public void FromWeights_BadWeights_FieldsNameTheWeightsWithMessages()
    {
        var errors = SalesMix.FromWeights([KeyValuePair.Create("juggling", 1.0), KeyValuePair.Create("demo", -1.0), KeyValuePair.Create("demo", 2.0)], Types).AsT1.Errors;
        var duplicate = Assert.Single(errors, e => e.Code == MixErrorCode.DuplicateActivity);
        Assert.Equal(("Weights[demo]", "demo", "Activity 'demo' appears more than once."), (duplicate.Field, duplicate.Value, duplicate.Message));
        var unknown = Assert.Single(errors, e => e.Code == MixErrorCode.UnknownActivity);
        Assert.Equal(("Weights[juggling]", "Activity 'juggling' is not one of the known activity types."), (unknown.Field, unknown.Message));
        var negative = Assert.Single(errors, e => e.Code == MixErrorCode.NegativeValue);
        Assert.Equal(("Weights[demo]", "-1", "The value for 'demo' must be a finite number, zero or more."), (negative.Field, negative.Value, negative.Message));
    }

    [Fact]
    public void FromWeights_AllZero_EmptyMixFieldValueAndMessage()
    {
        var error = Assert.Single(SalesMix.FromWeights([KeyValuePair.Create("demo", 0.0)], Types).AsT1.Errors);
        Assert.Equal(("Weights", "0", "Every weight is zero: at least one activity needs a positive weight."), (error.Field, error.Value, error.Message));
    }

    [Fact]
    public void Create_SharesNotSummingToOne_Message()
    {
        var error = Assert.Single(SalesMix.Create([KeyValuePair.Create("demo", 0.5), KeyValuePair.Create("audit", 0.25)], Types).AsT1.Errors);
        Assert.Equal(("Shares", "0.75", "The shares add up to 0.75, not 1."), (error.Field, error.Value, error.Message));
    }

    [Fact]
    public void Create_SumWithinTolerance_SharesKeptAsGiven()
    {
        var mix = SalesMix.Create([KeyValuePair.Create("demo", 0.5), KeyValuePair.Create("audit", 0.5000005)], Types).AsT0;
        Assert.Equal(0.5, mix["demo"]);
        Assert.Equal(0.5000005, mix["audit"]);
    }

    [Fact]
    public void FromWeights_OverflowingSumWithASmallWeight_ScaledByTheLargest()
    {
        var mix = SalesMix.FromWeights([KeyValuePair.Create("demo", 1e308), KeyValuePair.Create("audit", 1e308), KeyValuePair.Create("inbound", 1.0)], Types).AsT0;
        Assert.Equal(0.5, mix["demo"], 12);
        Assert.Equal(0.5, mix["audit"], 12);
        Assert.Equal(1.0, mix.Shares.Values.Sum(), 12);
    }

    [Fact]
    public void Equals_NullOrOtherTypes_False()
    {
        var mix = SalesMix.Create([KeyValuePair.Create("demo", 1.0)], Types).AsT0;
        var fewer = SalesMix.Create([KeyValuePair.Create("demo", 1.0)], Types.Where(t => t.Id != "audit")).AsT0;
        Assert.False(mix.Equals((SalesMix?)null));
        Assert.False(mix.Equals(fewer));
        Assert.False(fewer.Equals(mix));
        Assert.True(mix.Equals(SalesMix.Create([KeyValuePair.Create("demo", 1.0)], Types).AsT0));
    }

    [Fact]
    public void ToString_PositiveSharesInIdOrder()
    {
        var mix = SalesMix.Create([KeyValuePair.Create("demo", 0.25), KeyValuePair.Create("audit", 0.75)], Types).AsT0;
        Assert.Equal($"audit {0.75.ToString("P1", System.Globalization.CultureInfo.InvariantCulture)}, demo {0.25.ToString("P1", System.Globalization.CultureInfo.InvariantCulture)}", mix.ToString());
        Assert.StartsWith("audit 75.0", mix.ToString(), StringComparison.Ordinal);
    }

    private static long[] Units(IReadOnlyList<double> weights, long total, IReadOnlyList<long> minimums, IReadOnlyList<long> maximums)
    {
        var units = Apportionment.Allocate(weights, total, minimums, maximums);
        Assert.NotNull(units);
        return units;
    }

    [Fact]
    public void Apportionment_RoomReachingTheTotal_StopsAddingMaximums()
    {
        Assert.Equal([2, 1], Units([1.0, 1.0], 3, [0, 0], [3, long.MaxValue]));
        Assert.Equal([1, 1, 1], Units([1.0, 1.0, 1.0], 3, [0, 0, 0], [1, 2, long.MaxValue]));
    }

    [Fact]
    public void Apportionment_MaximumsBind_HighestPriorityAmongTheRestTakesEachUnit()
    {
        // The party of weight 100 may take nothing; the others are above their quota after one unit each,
        // so the rest goes by weight per unit held: 3/2, 3/3, 3/4, 3/5 beat 1/2; 3/6 ties 1/2 (lower index); then 3/6.
        Assert.Equal([2, 6, 0], Units([1.0, 3.0, 100.0], 8, [0, 0, 0], [100, 100, 0]));
    }

    [Fact]
    public void Apportionment_OverflowingWeightsWithASmallOne_ScaledByTheLargest() =>
        Assert.Equal([2, 2, 0], Units([double.MaxValue, double.MaxValue, 1.0], 4, [0, 0, 0], [10, 10, 10]));

    [Theory]
    [InlineData(500, 125, MarketStrategy.Maintain)]
    [InlineData(1000, 250, MarketStrategy.Defend)]
    [InlineData(999, 100, MarketStrategy.Harvest)]
    public void StrategyOf_RulesThresholdWinsAndShareAtThresholdIsHigh(int potential, int sales, MarketStrategy expected)
    {
        var rules = MixRules.None with { HighPotentialThreshold = 1000m, HighShareThreshold = 0.25 };
        var market = new MarketPosition(new TerritoryId("t"), potential, sales);
        Assert.Equal(expected, rules.StrategyOf(market, potentialThreshold: 10m));
        Assert.Equal(MarketStrategy.Harvest, MixRules.None.StrategyOf(new MarketPosition(new TerritoryId("t"), 9m, 1m), 10m));
        Assert.Equal(MarketStrategy.Unspecified, MixRules.None.StrategyOf(market));
    }

    [Fact]
    public void StrategyOf_NullMarket_Throws() =>
        Assert.Throws<ArgumentNullException>("market", () => MixRules.Default.StrategyOf(null!));

    [Fact]
    public void MixRules_NullTables_BecomeEmpty()
    {
        var rules = MixRules.Default with { StageMixes = null!, StrategyMixes = null!, ProductRoleMixes = null! };
        Assert.NotNull(rules.StageMixes);
        Assert.Empty(rules.StageMixes);
        Assert.NotNull(rules.StrategyMixes);
        Assert.Empty(rules.StrategyMixes);
        Assert.NotNull(rules.ProductRoleMixes);
        Assert.Empty(rules.ProductRoleMixes);
    }

    [Fact]
    public void DefaultArrays_BecomeEmpty()
    {
        var input = new MixDerivationInput(new TerritoryId("t")) { Accounts = default, ProductRoles = default, ActivityTypes = default };
        Assert.Equal((false, false, false), (input.Accounts.IsDefault, input.ProductRoles.IsDefault, input.ActivityTypes.IsDefault));
        Assert.Equal(0, input.Accounts.Length + input.ProductRoles.Length + input.ActivityTypes.Length);

        var territory = new MixTerritoryRequest(new Territory(new TerritoryId("t"))) { Accounts = default, Positions = default };
        Assert.Equal((false, false), (territory.Accounts.IsDefault, territory.Positions.IsDefault));

        var request = new MixPlanningRequest([territory], Cycle) { Territories = default, ActivityTypes = default, ProductRoles = default, Neighbours = default };
        Assert.Equal((false, false, false, false), (request.Territories.IsDefault, request.ActivityTypes.IsDefault, request.ProductRoles.IsDefault, request.Neighbours.IsDefault));
        Assert.Equal(0, request.Territories.Length + request.ActivityTypes.Length + request.ProductRoles.Length + request.Neighbours.Length);
        var given = new MixPlanningRequest([territory], Cycle) { Neighbours = [new NeighbourPair(new TerritoryId("a"), new TerritoryId("b"))] };
        Assert.Single(given.Territories);
        Assert.Single(given.Neighbours);
        Assert.Equal(ActivityType.Defaults, given.ActivityTypes);

        var rule = new CoverageRule(PositionRole.KeyAccountManager) { Classes = default, Strategies = default };
        Assert.Equal((false, false), (rule.Classes.IsDefault, rule.Strategies.IsDefault));
        Assert.False(new CoverageModel { Rules = default }.Rules.IsDefault);
    }

    [Fact]
    public void NullArguments_ThrowNamingTheParameter()
    {
        var account = new Account(new AccountId("a"), new GeoPoint(0, 45));
        Assert.Throws<ArgumentNullException>("account", () => new CoverageRule(PositionRole.KeyAccountManager).Matches(null!, MarketStrategy.Develop));
        Assert.Throws<ArgumentNullException>("account", () => CoverageModel.FieldOnly.Cover(null!, MarketStrategy.Develop));
        Assert.Throws<ArgumentNullException>("position", () => MixCapacity.PerCycle(null!, Cycle));
        Assert.Throws<ArgumentNullException>("cycle", () => MixCapacity.PerCycle(new SalesPosition(new PositionId("p")), null!));
        Assert.Throws<ArgumentNullException>("model", () => MixCapacity.MinutesByTerritory(null!));

        var derivation = SalesMix.Derive(new MixDerivationInput(new TerritoryId("t")) { Accounts = [account] }, MixRules.Default).AsT0;
        Assert.Throws<ArgumentNullException>("activity", () => derivation.Explain(null!).ToList());

        var plan = new SalesMixPlanner().Plan(SalesMixPlannerTests.Model()).AsT0;
        Assert.Throws<ArgumentNullException>("accounts", () => plan.ApplyTo(null!));
        Assert.Throws<ArgumentNullException>("plan", () => plan.WithActivities(null!));
        Assert.Throws<ArgumentNullException>("model", () => plan.WithVisitRequirements(null!));
    }

    [Fact]
    public void PerCycle_BreakLongerThanTheDay_NoTime() =>
        Assert.Equal(TimeSpan.Zero, MixCapacity.PerCycle(new SalesPosition(new PositionId("p")) { Break = TimeSpan.FromHours(10) }, Cycle));

    [Fact]
    public void RemoteTime_NoTimeLeftOrOneUnit_NothingOrOneActivity()
    {
        var planned = new SalesMixPlanner().Plan(SalesMixPlannerTests.Model()).AsT0.Territories[0];
        var unit = planned.Allocation.Unit.Length;
        Assert.True(planned.Allocation.Activities.Count(a => a.Channel == ActivityChannel.Remote && a.Units > 0) > 1);

        Assert.Empty((planned with { Travel = planned.WorkingTime - planned.Service + unit }).RemoteTime());
        var one = (planned with { Travel = planned.WorkingTime - planned.Service - unit }).RemoteTime();
        Assert.Equal(unit, Assert.Single(one).Value);
    }
}
