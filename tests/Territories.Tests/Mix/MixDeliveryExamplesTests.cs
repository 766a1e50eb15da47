using System.Collections.Immutable;
using Territories.Mix;
using Territories.Model;

using static Territories.Tests.Mix.MixDeliveryTests;

namespace Territories.Tests.Mix;

public class MixDeliveryExamplesTests
{
    private static readonly TerritoryId North = new("north");

    private static readonly ImmutableSortedDictionary<TerritoryId, SalesMix> Targets = new Dictionary<TerritoryId, SalesMix>
    {
        [North] = MixAllocatorTests.Mix(("order-taking", 0.5), ("outbound", 0.5)),
        [new TerritoryId("south")] = MixAllocatorTests.Mix(("demo", 1.0)),
    }.ToImmutableSortedDictionary();

    [Fact]
    public void Compare_UnknownMeasureOrNullTarget_Throws()
    {
        var ex = Assert.Throws<ArgumentException>("measure", () => MixDelivery.Compare(Targets, [], (MixDivergenceMeasure)99));
        Assert.StartsWith("Unknown divergence measure.", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>("target", () => MixDelivery.Compare(new Dictionary<TerritoryId, SalesMix> { [North] = null! }, []));
    }

    [Fact]
    public void Compare_BadRows_EveryOneInOrderWithFieldsAndMessages()
    {
        var errors = MixDelivery.Compare(Targets,
        [
            new(new TerritoryId("west"), "demo", TimeSpan.FromMinutes(5)),
            new(new TerritoryId("east"), "demo", TimeSpan.FromMinutes(5)),
            new(North, "zz", TimeSpan.FromMinutes(5)),
            new(North, "yy", TimeSpan.FromMinutes(5)),
            new(North, "demo", TimeSpan.FromMinutes(-5)),
        ]).AsT1.Errors;
        Assert.Equal(
            [
                (MixErrorCode.UnknownTerritory, "east,demo", "Territory", "east", "Territory 'east' has no target mix."),
                (MixErrorCode.NegativeValue, "north,demo", "Time", "-00:05:00", "Delivered time must be zero or more."),
                (MixErrorCode.UnknownActivity, "north,yy", "Activity", "yy", "Activity 'yy' is not in the target mix of 'north'."),
                (MixErrorCode.UnknownActivity, "north,zz", "Activity", "zz", "Activity 'zz' is not in the target mix of 'north'."),
                (MixErrorCode.UnknownTerritory, "west,demo", "Territory", "west", "Territory 'west' has no target mix."),
            ],
            errors.Select(e => (e.Code, string.Join(",", e.Ids), e.Field, e.Value, e.Message)));
    }

    [Fact]
    public void Compare_ZeroTime_AcceptedAsNothingDelivered()
    {
        var north = MixDelivery.Compare(Targets, [new(North, "order-taking", TimeSpan.Zero)]).AsT0[0];
        Assert.Equal(TimeSpan.Zero, north.DeliveredTime);
        Assert.Null(north.Delivered);
        Assert.Equal(1, north.Divergence);
    }

    [Fact]
    public void Compare_GivenActivityTypes_DecideWhatIsField()
    {
        ActivityType[] types = [new("order-taking", "Order taking", ActivityChannel.Remote, TimeSpan.FromMinutes(15))];
        var north = MixDelivery.Compare(Targets, [new(North, "order-taking", TimeSpan.FromMinutes(60))], activityTypes: types).AsT0[0];
        Assert.Equal((TimeSpan.Zero, TimeSpan.FromMinutes(60), 0.0), (north.FieldTime, north.RemoteTime, north.FieldDivergence));
    }

    [Fact]
    public void Compare_FieldTimeOnActivityWithZeroTargetShare_FieldDivergenceOne()
    {
        var targets = new Dictionary<TerritoryId, SalesMix> { [North] = MixAllocatorTests.Mix(("outbound", 1.0)) };
        var north = MixDelivery.Compare(targets, [new(North, "demo", TimeSpan.FromMinutes(60))]).AsT0[0];
        Assert.Equal(1, north.FieldDivergence);
    }

    [Fact]
    public void Compare_NoFieldTargetNoFieldTime_FieldDivergenceZero()
    {
        var targets = new Dictionary<TerritoryId, SalesMix> { [North] = MixAllocatorTests.Mix(("inbound", 0.5), ("outbound", 0.5)) };
        var north = MixDelivery.Compare(targets, [new(North, "outbound", TimeSpan.FromMinutes(60))]).AsT0[0];
        Assert.Equal(0, north.FieldDivergence);
    }

    [Fact]
    public void Effort_NullArguments_Throw()
    {
        var plan = Plan(Route("rep-a", 0, ("demo", 10)));
        Assert.Throws<ArgumentNullException>("plan", () => MixDelivery.Effort(null!, North));
        Assert.Throws<ArgumentNullException>("plan", () => MixDelivery.Effort(null!, new Dictionary<PositionId, TerritoryId>()));
        Assert.Throws<ArgumentNullException>("territories", () => MixDelivery.Effort(plan, (IReadOnlyDictionary<PositionId, TerritoryId>)null!));
        Assert.Throws<ArgumentNullException>("plan", () => MixDelivery.Effort(null!, North, []));
        Assert.Throws<ArgumentNullException>("blocks", () => MixDelivery.Effort(plan, North, null!));
        Assert.Throws<ArgumentNullException>("blocks", () => MixDelivery.Effort(plan, North, [null!]));
    }

    [Fact]
    public void Effort_TwoPositionsWithoutTerritory_NamesTheFirstById()
    {
        var plan = Plan(Route("rep-b", 0, ("demo", 10)), Route("rep-a", 0, ("demo", 10)));
        var ex = Assert.Throws<ArgumentException>("territories", () => MixDelivery.Effort(plan, new Dictionary<PositionId, TerritoryId>()));
        Assert.StartsWith("Position 'rep-a' has routes in the plan but no territory.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_ToString_JensenShannonByTargetShareWithDeliveredOnlyActivities()
    {
        var report = new MixDeliveryReport(
            new TerritoryId("T01"),
            MixAllocatorTests.Mix(("order-taking", 0.75), ("inbound", 0.25)),
            null,
            TimeSpan.FromMinutes(90),
            [new("demo", 0, 0.4, TimeSpan.FromMinutes(36)), new("inbound", 0.25, 0, TimeSpan.Zero), new("order-taking", 0.75, 0.6, TimeSpan.FromMinutes(54)), new("outbound", 0, 0, TimeSpan.Zero)],
            0.25);
        Assert.Equal("T01: 1.5 h delivered, divergence 0.250 (Jensen-Shannon); order-taking 60.0 % (target 75.0 %), inbound 0.0 % (target 25.0 %), demo 40.0 % (target 0.0 %)", report.ToString());
    }
}
