using Territories.Model;

namespace Territories.Tests.Model;

public class JourneyCycleTests
{
    [Fact]
    public void Create_FourWeeks_IsTwentyWorkingDaysMondayToFriday()
    {
        var cycle = JourneyCycle.Create(4);

        Assert.Equal(20, cycle.DayCount);
        Assert.Equal(28, cycle.CalendarDays);
        Assert.Equal(5, cycle.DaysPerWeek);
        Assert.Equal(DayOfWeek.Monday, cycle.WeekdayOf(0));
        Assert.Equal(DayOfWeek.Friday, cycle.WeekdayOf(19));
        Assert.Equal(3, cycle.WeekOf(19));
        Assert.Equal(25, cycle.CalendarOffsetOf(19));
        Assert.Equal(7, cycle.DayOf(1, DayOfWeek.Wednesday));
        Assert.Equal(-1, cycle.DayOf(1, DayOfWeek.Saturday));
        Assert.Equal(-1, cycle.DayOf(4, DayOfWeek.Monday));
    }

    [Fact]
    public void Create_WorkingDaysInAnyOrderWithDuplicates_AreSortedFromMonday()
    {
        var cycle = JourneyCycle.Create(1, [DayOfWeek.Sunday, DayOfWeek.Wednesday, DayOfWeek.Monday, DayOfWeek.Wednesday]);

        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Sunday], cycle.WorkingDays);
        Assert.Equal(6, cycle.CalendarOffsetOf(2));
        Assert.Equal(JourneyCycle.Create(1, [DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Sunday]), cycle);
    }

    [Fact]
    public void NonWorkingDays_AreCycleDaysNobodyWorks()
    {
        var cycle = JourneyCycle.Create(2).WithNonWorkingDays([3, 0]);

        Assert.Equal([0, 3], cycle.NonWorkingDays);
        Assert.False(cycle.IsWorkingDay(0));
        Assert.True(cycle.IsWorkingDay(1));
        Assert.False(cycle.IsWorkingDay(10));
        Assert.False(cycle.IsWorkingDay(-1));
        Assert.NotEqual(JourneyCycle.Create(2), cycle);
    }

    [Theory]
    [InlineData(10, 2, 5)]
    [InlineData(5, 1, 5)]
    [InlineData(6, 1, 6)]
    [InlineData(14, 2, 7)]
    [InlineData(8, 2, 4)]
    [InlineData(11, 11, 1)]
    public void FromDayCount_LaysDaysOutInTheFewestWeeks(int days, int weeks, int perWeek)
    {
        var cycle = JourneyCycle.FromDayCount(days);

        Assert.Equal(days, cycle.DayCount);
        Assert.Equal(weeks, cycle.Weeks);
        Assert.Equal(perWeek, cycle.DaysPerWeek);
    }

    [Fact]
    public void Create_BadArguments_Throw()
    {
        Assert.Equal("weeks", Assert.Throws<ArgumentOutOfRangeException>(() => JourneyCycle.Create(0)).ParamName);
        Assert.Equal("weeks", Assert.Throws<ArgumentOutOfRangeException>(() => JourneyCycle.Create(54)).ParamName);
        Assert.Equal("workingDays", Assert.Throws<ArgumentException>(() => JourneyCycle.Create(1, [])).ParamName);
        Assert.Equal("workingDays", Assert.Throws<ArgumentException>(() => JourneyCycle.Create(1, [(DayOfWeek)9])).ParamName);
        Assert.Equal("nonWorkingDays", Assert.Throws<ArgumentOutOfRangeException>(() => JourneyCycle.Create(1, [DayOfWeek.Monday], [1])).ParamName);
        Assert.Equal("day", Assert.Throws<ArgumentOutOfRangeException>(() => JourneyCycle.Create(1).WeekdayOf(5)).ParamName);
    }
}
