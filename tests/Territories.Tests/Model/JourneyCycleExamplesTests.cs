using Territories.Model;

namespace Territories.Tests.Model;

/// <summary>Edges of <see cref="JourneyCycle"/>: its limits, day arithmetic, equality and text.</summary>
public class JourneyCycleExamplesTests
{
    [Fact]
    public void Create_FiftyThreeWeeks_IsTheLongestCycle()
    {
        var year = JourneyCycle.Create(53);

        Assert.Equal(265, year.DayCount);
        Assert.Equal(371, year.CalendarDays);
        Assert.Equal(52, year.WeekOf(264));
    }

    [Theory]
    [InlineData(DayOfWeek.Monday, 0)]
    [InlineData(DayOfWeek.Tuesday, 1)]
    [InlineData(DayOfWeek.Saturday, 5)]
    [InlineData(DayOfWeek.Sunday, 6)]
    public void MondayOffset_CountsFromMonday(DayOfWeek day, int offset) => Assert.Equal(offset, JourneyCycle.MondayOffset(day));

    [Fact]
    public void DayArithmetic_OnASixDayWeek()
    {
        var cycle = JourneyCycle.Create(2, [DayOfWeek.Saturday, DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday]);

        Assert.Equal(12, cycle.DayCount);
        Assert.Equal(6, cycle.DaysPerWeek);
        Assert.Equal(DayOfWeek.Saturday, cycle.WeekdayOf(5));
        Assert.Equal(DayOfWeek.Monday, cycle.WeekdayOf(6));
        Assert.Equal(1, cycle.WeekOf(6));
        Assert.Equal(0, cycle.WeekOf(5));
        Assert.Equal(12, cycle.CalendarOffsetOf(11));
        Assert.Equal(7, cycle.CalendarOffsetOf(6));
        Assert.Equal(11, cycle.DayOf(1, DayOfWeek.Saturday));
        Assert.Equal(0, cycle.DayOf(0, DayOfWeek.Monday));
        Assert.Equal(-1, cycle.DayOf(-1, DayOfWeek.Monday));
        Assert.Equal(-1, cycle.DayOf(2, DayOfWeek.Monday));
        Assert.Equal(-1, cycle.DayOf(0, DayOfWeek.Sunday));
        Assert.Equal("day", Assert.Throws<ArgumentOutOfRangeException>(() => cycle.WeekOf(-1)).ParamName);
        Assert.Equal("day", Assert.Throws<ArgumentOutOfRangeException>(() => cycle.CalendarOffsetOf(12)).ParamName);
    }

    [Fact]
    public void IsWorkingDay_TheLastDayAndJustPastIt()
    {
        var cycle = JourneyCycle.Create(1).WithNonWorkingDays([4]);

        Assert.True(cycle.IsWorkingDay(0));
        Assert.True(cycle.IsWorkingDay(3));
        Assert.False(cycle.IsWorkingDay(4));
        Assert.False(cycle.IsWorkingDay(5));
        Assert.True(JourneyCycle.Create(1).IsWorkingDay(4));
    }

    [Fact]
    public void WithNonWorkingDays_OutsideTheCycle_Throws()
    {
        Assert.Equal("nonWorkingDays", Assert.Throws<ArgumentOutOfRangeException>(() => JourneyCycle.Create(1).WithNonWorkingDays([-1])).ParamName);
        Assert.Equal("nonWorkingDays", Assert.Throws<ArgumentOutOfRangeException>(() => JourneyCycle.Create(1).WithNonWorkingDays([5])).ParamName);
        Assert.Equal([0, 4], JourneyCycle.Create(1).WithNonWorkingDays([4, 0, 4]).NonWorkingDays);
        Assert.Throws<ArgumentNullException>(() => JourneyCycle.Create(1).WithNonWorkingDays(null!));
    }

    [Fact]
    public void Equals_ComparesWeeksWorkingDaysAndDaysOff()
    {
        var cycle = JourneyCycle.Create(2).WithNonWorkingDays([3]);

        Assert.Equal(JourneyCycle.Create(2).WithNonWorkingDays([3]), cycle);
        Assert.Equal(JourneyCycle.Create(2).WithNonWorkingDays([3]).GetHashCode(), cycle.GetHashCode());
        Assert.NotEqual(JourneyCycle.Create(2).WithNonWorkingDays([4]), cycle);
        Assert.NotEqual(JourneyCycle.Create(3).WithNonWorkingDays([3]), cycle);
        Assert.NotEqual(JourneyCycle.Create(2, [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Saturday], [3]), cycle);
        Assert.False(cycle.Equals(null));
        Assert.False(cycle.Equals((object)"2 weeks"));
        Assert.True(cycle.Equals((object)JourneyCycle.Create(2).WithNonWorkingDays([3])));
    }

    [Fact]
    public void ToString_GivesWeeksAndDays() =>
        Assert.Equal("4 week(s) x 5 day(s)", JourneyCycle.Create(4).ToString());

    [Fact]
    public void FromDayCount_NoLayout_Throws()
    {
        Assert.Equal(5, JourneyCycle.FromDayCount(5).DaysPerWeek);
        Assert.Equal(7, JourneyCycle.FromDayCount(7).DaysPerWeek);
        Assert.Equal((2, 4), (JourneyCycle.FromDayCount(8).Weeks, JourneyCycle.FromDayCount(8).DaysPerWeek));
        Assert.Equal((11, 1), (JourneyCycle.FromDayCount(11).Weeks, JourneyCycle.FromDayCount(11).DaysPerWeek));
        Assert.Throws<ArgumentOutOfRangeException>(() => JourneyCycle.FromDayCount(0));
        Assert.Equal("weeks", Assert.Throws<ArgumentOutOfRangeException>(() => JourneyCycle.FromDayCount(59)).ParamName);
    }
}
