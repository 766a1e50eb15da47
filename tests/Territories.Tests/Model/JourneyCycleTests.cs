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

    [Fact]
    public void Create_BadArguments_MessagesNameTheBound()
    {
        Assert.Contains("53", Assert.Throws<ArgumentOutOfRangeException>(() => JourneyCycle.Create(54)).Message, StringComparison.Ordinal);
        Assert.Contains("at least one working day", Assert.Throws<ArgumentException>(() => JourneyCycle.Create(1, [])).Message, StringComparison.Ordinal);
        Assert.Contains("0 to DayCount - 1", Assert.Throws<ArgumentOutOfRangeException>(() => JourneyCycle.Create(1, [DayOfWeek.Monday], [1])).Message, StringComparison.Ordinal);
        Assert.Contains("0 to 19", Assert.Throws<ArgumentOutOfRangeException>(() => JourneyCycle.Create(4).WeekOf(20)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_NullWorkingDays_ThrowsNamingThem() =>
        Assert.Equal("workingDays", Assert.Throws<ArgumentNullException>(() => JourneyCycle.Create(1, null!)).ParamName);

    [Fact]
    public void Create_OneUnknownWeekdayAmongKnownOnes_Throws() =>
        Assert.Contains("Unknown weekday", Assert.Throws<ArgumentException>(() => JourneyCycle.Create(1, [DayOfWeek.Monday, (DayOfWeek)9])).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData(-1, 3)]
    [InlineData(0, 20)]
    [InlineData(5, 25)]
    public void Create_NonWorkingDayOutsideTheCycleBesideOneInside_Throws(int first, int second) =>
        Assert.Equal("nonWorkingDays", Assert.Throws<ArgumentOutOfRangeException>(() => JourneyCycle.Create(4, [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], [first, second])).ParamName);

    [Theory]
    [InlineData(0, 19)]
    [InlineData(3, 7)]
    public void Create_NonWorkingDaysAtTheCycleEnds_AreAccepted(int first, int second) =>
        Assert.Equal([first, second], JourneyCycle.Create(4).WithNonWorkingDays([second, first]).NonWorkingDays);

    [Fact]
    public void FromDayCount_WeeksStartOnMonday()
    {
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], JourneyCycle.FromDayCount(10).WorkingDays);
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday], JourneyCycle.FromDayCount(3).WorkingDays);
    }
}
