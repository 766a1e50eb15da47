using Territories.Model;

namespace Territories.Tests.Model;

public class VisitFrequencyTests
{
    private static readonly JourneyCycle FourWeeksSixDays = JourneyCycle.Create(
        4, [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday]);

    [Theory]
    [InlineData("A4", 1, 1)]
    [InlineData("F4", 1, 1)]
    [InlineData("weekly", 1, 1)]
    [InlineData("B2", 1, 2)]
    [InlineData("F2", 1, 2)]
    [InlineData("every 2 weeks", 1, 2)]
    [InlineData("fortnightly", 1, 2)]
    [InlineData("C1", 1, 4)]
    [InlineData("F1", 1, 4)]
    [InlineData("monthly", 1, 4)]
    [InlineData("1/28d", 1, 4)]
    [InlineData("F8", 2, 1)]
    [InlineData("2/week", 2, 1)]
    [InlineData("2x week", 2, 1)]
    [InlineData("2 per week", 2, 1)]
    [InlineData("F3", 3, 4)]
    [InlineData("3/cycle", 3, 0)]
    public void TryParse_UserEncodings_MapOntoOneType(string text, int visits, int periodWeeks)
    {
        Assert.True(VisitFrequency.TryParse(text, out var f), text);
        Assert.Equal(visits, f.Visits);
        Assert.Equal(periodWeeks, f.PeriodWeeks);
    }

    [Theory]
    [InlineData("")]
    [InlineData("sometimes")]
    [InlineData("every 0 weeks")]
    [InlineData("0/week")]
    [InlineData("A0")]
    [InlineData("2/10d")]
    public void TryParse_Nonsense_ReturnsFalse(string text) => Assert.False(VisitFrequency.TryParse(text, out _));

    [Fact]
    public void Parse_Nonsense_ThrowsFormatExceptionNamingTheText()
    {
        var ex = Assert.Throws<FormatException>(() => VisitFrequency.Parse("whenever"));
        Assert.Contains("whenever", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AllowedPatterns_Weekly_IsOneFixedWeekdayEveryWeek()
    {
        var patterns = VisitFrequency.PerWeek(1).AllowedPatterns(FourWeeksSixDays);
        Assert.Equal(6, patterns.Length);
        foreach (var p in patterns)
        {
            Assert.Equal(4, p.VisitCount);
            Assert.Single(p.Days.Select(FourWeeksSixDays.WeekdayOf).Distinct());
            Assert.Equal([0, 1, 2, 3], p.Days.Select(FourWeeksSixDays.WeekOf));
        }
    }

    [Fact]
    public void AllowedPatterns_Fortnightly_IsWeeksOneAndThreeOrTwoAndFour()
    {
        var patterns = VisitFrequency.EveryWeeks(2).AllowedPatterns(FourWeeksSixDays);
        Assert.Equal(12, patterns.Length);
        Assert.All(patterns, p =>
        {
            var weeks = p.Days.Select(FourWeeksSixDays.WeekOf).ToArray();
            Assert.True(weeks.SequenceEqual([0, 2]) || weeks.SequenceEqual([1, 3]), string.Join(",", weeks));
            Assert.Equal(FourWeeksSixDays.WeekdayOf(p.Days[0]), FourWeeksSixDays.WeekdayOf(p.Days[1]));
        });
    }

    [Fact]
    public void AllowedPatterns_Monthly_IsAnySingleDay()
    {
        var patterns = VisitFrequency.EveryWeeks(4).AllowedPatterns(FourWeeksSixDays);
        Assert.Equal(24, patterns.Length);
        Assert.Equal(Enumerable.Range(0, 24), patterns.Select(p => p.Days.Single()));
    }

    [Fact]
    public void AllowedPatterns_TwicePerWeekWithoutSpacing_SpreadOverTheWeek()
    {
        var cycle = JourneyCycle.Create(4);

        var twice = VisitFrequency.PerWeek(2).AllowedPatterns(cycle);
        var thrice = VisitFrequency.PerWeek(3).AllowedPatterns(cycle);

        // Weekday pairs at least 2 apart: Mon-Wed, Mon-Thu, Mon-Fri, Tue-Thu, Tue-Fri, Wed-Fri.
        Assert.Equal(6, twice.Length);
        Assert.DoesNotContain(twice, p => p.Days[1] - p.Days[0] < 2);
        Assert.Equal([0, 2, 4], Assert.Single(thrice).Days.Take(3));
    }

    [Fact]
    public void AllowedPatterns_TwicePerWeekWhenOnlyNeighbouringDaysWork_FallsBackToThem()
    {
        var cycle = JourneyCycle.Create(1).WithNonWorkingDays([2, 3, 4]);

        var patterns = VisitFrequency.PerWeek(2).AllowedPatterns(cycle);

        Assert.Equal([0, 1], Assert.Single(patterns).Days);
    }

    [Fact]
    public void AllowedPatterns_TwicePerWeekWithMinimumSpacing_KeepsDaysApart()
    {
        var patterns = VisitFrequency.PerWeek(2).WithSpacing(3, 0).AllowedPatterns(FourWeeksSixDays);
        Assert.NotEmpty(patterns);
        Assert.All(patterns, p =>
        {
            var offsets = p.Days.Select(FourWeeksSixDays.CalendarOffsetOf).ToArray();
            for (var i = 1; i < offsets.Length; i++)
            {
                Assert.True(offsets[i] - offsets[i - 1] >= 3);
            }
        });
        Assert.DoesNotContain(patterns, p => p.Contains(0) && p.Contains(1));
    }

    [Fact]
    public void AllowedPatterns_PeriodNotDividingCycle_IsEmpty() =>
        Assert.Empty(VisitFrequency.EveryWeeks(3).AllowedPatterns(FourWeeksSixDays));

    [Fact]
    public void AllowedPatterns_SkipNonWorkingDays()
    {
        var cycle = FourWeeksSixDays.WithNonWorkingDays([0]);
        var patterns = VisitFrequency.PerWeek(1).AllowedPatterns(cycle);
        Assert.Equal(5, patterns.Length);
        Assert.DoesNotContain(patterns, p => p.Contains(0));
    }

    [Fact]
    public void AllowedPatterns_ThreePerFourWeeks_AreEvenlySpread()
    {
        var patterns = VisitFrequency.PerFourWeeks(3).AllowedPatterns(FourWeeksSixDays);
        Assert.NotEmpty(patterns);
        Assert.All(patterns, p =>
        {
            Assert.Equal(3, p.VisitCount);
            Assert.All(p.Days.Zip(p.Days.Skip(1)), pair => Assert.InRange(pair.Second - pair.First, 7, 9));
        });
    }

    [Fact]
    public void VisitsPerCycle_PerCycleIgnoresLength() =>
        Assert.Equal(3, VisitFrequency.PerCycle(3).VisitsPerCycle(FourWeeksSixDays));

    [Fact]
    public void PerWeek_Zero_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => VisitFrequency.PerWeek(0));
}
