using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Territories.Mix;
using Territories.Model;

namespace Territories.Tests.Mix;

public class MixCapacityTests
{
    private static readonly JourneyCycle FourWeeks = JourneyCycle.Create(4);

    [Fact]
    public void PerCycle_DefaultPosition_TwentyDaysOfNineHours()
    {
        Assert.Equal(TimeSpan.FromHours(180), MixCapacity.PerCycle(new SalesPosition(new PositionId("p")), FourWeeks));
    }

    [Fact]
    public void PerCycle_BreakDaysOffAndHolidays_Subtracted()
    {
        var position = new SalesPosition(new PositionId("p"))
        {
            Break = TimeSpan.FromHours(1),
            DaysOff = [0, 1],
            WorkingDays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday],
        };
        var cycle = FourWeeks.WithNonWorkingDays([5]); // Monday of week 2
        Assert.Equal(TimeSpan.FromHours(8 * 13), MixCapacity.PerCycle(position, cycle));
    }

    [Fact]
    public void PerCycle_Vacant_Zero()
    {
        Assert.Equal(TimeSpan.Zero, MixCapacity.PerCycle(new SalesPosition(new PositionId("p")) { IsVacant = true }, FourWeeks));
    }

    [Fact]
    public void MinutesByTerritory_SharedPosition_SplitExactly()
    {
        var model = SalesModel.Create(new SalesModelInput
        {
            Positions = [new SalesPosition(new PositionId("p1")) { DailyHours = new TimeWindow(TimeSpan.Zero, TimeSpan.FromMinutes(1)) }, new SalesPosition(new PositionId("p2"))],
            Territories = [new Territory(new TerritoryId("a")) { Positions = [new PositionId("p1")] }, new Territory(new TerritoryId("b")) { Positions = [new PositionId("p1")] }, new Territory(new TerritoryId("c")) { Positions = [new PositionId("p1"), new PositionId("p2")] }],
            Cycle = FourWeeks,
        }).AsT0;

        // p1 works 20 minutes: 7, 7, 6 in id order; p2 adds 180 h to c.
        var minutes = MixCapacity.MinutesByTerritory(model);
        Assert.Equal(7, minutes[new TerritoryId("a")]);
        Assert.Equal(7, minutes[new TerritoryId("b")]);
        Assert.Equal(6 + (180 * 60), minutes[new TerritoryId("c")]);
    }

    [Fact]
    public void PerCycle_BreakAsLongAsTheDay_Zero()
    {
        var position = new SalesPosition(new PositionId("p")) { DailyHours = TimeWindow.FromHours(9, 0, 10, 0), Break = TimeSpan.FromHours(1) };

        Assert.Equal(TimeSpan.Zero, MixCapacity.PerCycle(position, FourWeeks));
        Assert.Equal(TimeSpan.FromMinutes(20), MixCapacity.PerCycle(position with { Break = TimeSpan.FromMinutes(59) }, FourWeeks));
    }

    [Fact]
    public void MinutesByTerritory_OnlyTerritoryLevel_AndUncoveredPositionsIgnored()
    {
        var model = SalesModel.Create(new SalesModelInput
        {
            Positions = [new SalesPosition(new PositionId("p1")), new SalesPosition(new PositionId("p2"))],
            Territories = [new Territory(new TerritoryId("r")) { Level = "region", Positions = [new PositionId("p1")] }, new Territory(new TerritoryId("t")) { Positions = [new PositionId("p1")] }],
            Cycle = FourWeeks,
        }).AsT0;

        var minutes = MixCapacity.MinutesByTerritory(model);

        Assert.Equal(["t"], minutes.Keys.Select(k => k.Value));
        Assert.Equal(180 * 60, minutes[new TerritoryId("t")]);
    }

    [Property]
    public Property EqualShare_SumsToTheTotal_LargerSharesFirst() =>
        Prop.ForAll(Gen.Choose(0, 10_000).ToArbitrary(), Gen.Choose(1, 12).ToArbitrary(), (total, parts) =>
        {
            var shares = Enumerable.Range(0, parts).Select(i => MixCapacity.EqualShare(total, parts, i)).ToArray();

            Assert.Equal(total, shares.Sum());
            Assert.Equal(shares.OrderDescending(), shares);
            Assert.InRange(shares[0] - shares[^1], 0, 1);
        });
}
