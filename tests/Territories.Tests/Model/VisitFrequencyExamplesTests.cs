using Territories.Model;

namespace Territories.Tests.Model;

/// <summary>Exact values of <see cref="VisitFrequency"/>: normalisation, text, visits per cycle and patterns.</summary>
public class VisitFrequencyExamplesTests
{
    private static readonly JourneyCycle FourWeeks = JourneyCycle.Create(4);

    [Theory]
    [InlineData(8, 2, 1)]
    [InlineData(4, 1, 1)]
    [InlineData(12, 3, 1)]
    [InlineData(2, 1, 2)]
    [InlineData(1, 1, 4)]
    [InlineData(3, 3, 4)]
    [InlineData(6, 6, 4)]
    public void PerFourWeeks_NormalisesToTheShortestPeriod(int visits, int expectedVisits, int expectedWeeks)
    {
        var f = VisitFrequency.PerFourWeeks(visits);

        Assert.Equal((expectedVisits, expectedWeeks), (f.Visits, f.PeriodWeeks));
    }

    [Theory]
    [InlineData(4, 2, 2, 1)]
    [InlineData(3, 3, 1, 1)]
    [InlineData(2, 4, 1, 2)]
    [InlineData(6, 4, 3, 2)]
    [InlineData(3, 6, 1, 2)]
    [InlineData(3, 4, 3, 4)]
    [InlineData(1, 3, 1, 3)]
    public void Every_NormalisesByTheGreatestCommonDivisor(int visits, int weeks, int expectedVisits, int expectedWeeks)
    {
        var f = VisitFrequency.Every(visits, weeks);

        Assert.Equal((expectedVisits, expectedWeeks), (f.Visits, f.PeriodWeeks));
        Assert.Equal(0, f.MinSpacingDays);
        Assert.Equal(0, f.MaxSpacingDays);
    }

    [Fact]
    public void Factories_ZeroOrNegative_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => VisitFrequency.EveryWeeks(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => VisitFrequency.PerCycle(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => VisitFrequency.PerFourWeeks(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => VisitFrequency.Every(0, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => VisitFrequency.Every(2, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => VisitFrequency.Every(-1, 2));
    }

    [Fact]
    public void IsPerCycle_OnlyForPerCycle()
    {
        Assert.True(VisitFrequency.PerCycle(3).IsPerCycle);
        Assert.False(VisitFrequency.PerWeek(1).IsPerCycle);
        Assert.False(VisitFrequency.EveryWeeks(4).IsPerCycle);
    }

    [Fact]
    public void WithSpacing_KeepsTheRhythm_AndChecksItsLimits()
    {
        var f = VisitFrequency.PerWeek(2).WithSpacing(2, 5);

        Assert.Equal((2, 1, 2, 5), (f.Visits, f.PeriodWeeks, f.MinSpacingDays, f.MaxSpacingDays));
        Assert.Equal(3, VisitFrequency.PerWeek(2).WithSpacing(3, 3).MaxSpacingDays);
        Assert.Equal(0, VisitFrequency.PerWeek(2).WithSpacing(3, 0).MaxSpacingDays);
        Assert.Equal("maxDays", Assert.Throws<ArgumentException>(() => VisitFrequency.PerWeek(2).WithSpacing(3, 2)).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => VisitFrequency.PerWeek(2).WithSpacing(-1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => VisitFrequency.PerWeek(2).WithSpacing(0, -1));
    }

    [Theory]
    [InlineData("1/week", 1, 1)]
    [InlineData("3/week", 3, 1)]
    [InlineData("2/cycle", 2, 0)]
    [InlineData("every 2 weeks", 1, 2)]
    [InlineData("every 3 weeks", 1, 3)]
    [InlineData("3 per 4 weeks", 3, 4)]
    public void ToString_NamesTheRhythm(string expected, int visits, int weeks)
    {
        var f = weeks == 0 ? VisitFrequency.PerCycle(visits) : VisitFrequency.Every(visits, weeks);

        Assert.Equal(expected, f.ToString());
    }

    [Fact]
    public void ToString_WithSpacing_NamesTheLimits()
    {
        Assert.Equal("2/week (spacing 2-4 days)", VisitFrequency.PerWeek(2).WithSpacing(2, 4).ToString());
        Assert.Equal("2/week (spacing 2-any days)", VisitFrequency.PerWeek(2).WithSpacing(2, 0).ToString());
        Assert.Equal("every 2 weeks (spacing 0-14 days)", VisitFrequency.EveryWeeks(2).WithSpacing(0, 14).ToString());
    }

    [Fact]
    public void VisitsPerCycle_CountsThePeriodsInTheCycle()
    {
        Assert.Equal(8, VisitFrequency.PerWeek(2).VisitsPerCycle(FourWeeks));
        Assert.Equal(2, VisitFrequency.EveryWeeks(2).VisitsPerCycle(FourWeeks));
        Assert.Equal(1, VisitFrequency.EveryWeeks(4).VisitsPerCycle(FourWeeks));
        Assert.Equal(6, VisitFrequency.PerFourWeeks(3).VisitsPerCycle(JourneyCycle.Create(8)));
        Assert.Null(VisitFrequency.EveryWeeks(3).VisitsPerCycle(FourWeeks));
        Assert.Null(VisitFrequency.EveryWeeks(8).VisitsPerCycle(FourWeeks));
        Assert.Throws<ArgumentNullException>(() => VisitFrequency.PerWeek(1).VisitsPerCycle(null!));
    }

    [Fact]
    public void AllowedPatterns_ThreePerCycle_AreEvenlySpacedStartsOverTheFirstThird()
    {
        // 20 working days, 3 visits: days s, s + 6, s + 13 for every start s that keeps them inside.
        var patterns = VisitFrequency.PerCycle(3).AllowedPatterns(FourWeeks);

        Assert.Equal(
            Enumerable.Range(0, 7).Select(s => new[] { s, s + 6, s + 13 }),
            patterns.Select(p => p.Days.ToArray()));
    }

    [Fact]
    public void AllowedPatterns_ThreePerTwoWeeks_RepeatInEveryPeriod()
    {
        // 10 working days a period, 3 visits: s, s + 3, s + 6 for s in 0..3, repeated in weeks 3-4.
        var patterns = VisitFrequency.Every(3, 2).AllowedPatterns(FourWeeks);

        Assert.Equal(
            Enumerable.Range(0, 4).Select(s => new[] { s, s + 3, s + 6, s + 10, s + 13, s + 16 }),
            patterns.Select(p => p.Days.ToArray()));
    }

    [Fact]
    public void AllowedPatterns_MoreVisitsThanDays_IsEmpty()
    {
        Assert.Empty(VisitFrequency.PerCycle(21).AllowedPatterns(FourWeeks));
        Assert.Equal(20, VisitFrequency.PerCycle(20).AllowedPatterns(FourWeeks).Single().VisitCount);
        Assert.Empty(VisitFrequency.PerWeek(6).AllowedPatterns(FourWeeks));
        Assert.Single(VisitFrequency.PerWeek(5).AllowedPatterns(FourWeeks));
        Assert.Empty(VisitFrequency.Every(11, 2).AllowedPatterns(JourneyCycle.Create(2)));
    }

    [Fact]
    public void AllowedPatterns_EveryFourWeeksOnAnEightWeekCycle_SameWeekdayFourWeeksApart()
    {
        var cycle = JourneyCycle.Create(8);

        var patterns = VisitFrequency.EveryWeeks(4).AllowedPatterns(cycle);

        Assert.Equal(20, patterns.Length);
        Assert.Equal(Enumerable.Range(0, 20).Select(d => new[] { d, d + 20 }), patterns.Select(p => p.Days.ToArray()));
    }

    [Fact]
    public void AllowedPatterns_MaximumSpacing_CountsTheWrapAround()
    {
        // Weekly visits are 7 calendar days apart, also from the last week back to the first.
        Assert.Equal(5, VisitFrequency.PerWeek(1).WithSpacing(0, 7).AllowedPatterns(FourWeeks).Length);
        Assert.Empty(VisitFrequency.PerWeek(1).WithSpacing(0, 6).AllowedPatterns(FourWeeks));

        // One visit a cycle is 28 days from the next cycle's visit.
        Assert.Equal(20, VisitFrequency.EveryWeeks(4).WithSpacing(0, 28).AllowedPatterns(FourWeeks).Length);
        Assert.Empty(VisitFrequency.EveryWeeks(4).WithSpacing(0, 27).AllowedPatterns(FourWeeks));
    }

    [Fact]
    public void AllowedPatterns_MinimumSpacing_RejectsCloserVisits()
    {
        var week = JourneyCycle.Create(1);

        // Twice a week at least 3 days apart, also across the weekend into the next cycle.
        var patterns = VisitFrequency.PerWeek(2).WithSpacing(3, 0).AllowedPatterns(week);

        Assert.Equal([[0, 3], [0, 4], [1, 4]], patterns.Select(p => p.Days.ToArray()));
        Assert.Empty(VisitFrequency.PerWeek(2).WithSpacing(3, 3).AllowedPatterns(week));
        Assert.Empty(VisitFrequency.PerWeek(2).WithSpacing(4, 0).AllowedPatterns(week));
    }

    [Fact]
    public void AllowedPatterns_WithSpacingRules_DoNotSpreadByThemselves()
    {
        // A spacing rule of its own replaces the default spread: Monday-Tuesday is allowed at 1 day.
        var patterns = VisitFrequency.PerWeek(2).WithSpacing(1, 0).AllowedPatterns(JourneyCycle.Create(1));

        Assert.Equal(10, patterns.Length);
        Assert.Contains(patterns, p => p.Days.SequenceEqual([0, 1]));
    }

    [Fact]
    public void AllowedPatterns_NullCycle_Throws() =>
        Assert.Throws<ArgumentNullException>(() => VisitFrequency.PerWeek(1).AllowedPatterns(null!));

    [Theory]
    [InlineData("every week", 1, 1)]
    [InlineData("bi-weekly", 1, 2)]
    [InlineData("biweekly", 1, 2)]
    [InlineData("every month", 1, 4)]
    [InlineData("4-weekly", 1, 4)]
    [InlineData("four-weekly", 1, 4)]
    [InlineData("  Weekly  ", 1, 1)]
    [InlineData("every 2 wks", 1, 2)]
    [InlineData("every 3w", 1, 3)]
    [InlineData("2 times per week", 2, 1)]
    [InlineData("3 visits per week", 3, 1)]
    [InlineData("3/month", 3, 4)]
    [InlineData("8 a month", 2, 1)]
    [InlineData("1/14d", 1, 2)]
    [InlineData("2/14 days", 1, 1)]
    [InlineData("3/14d", 3, 2)]
    [InlineData("5 per cycle", 5, 0)]
    [InlineData("F 12", 3, 1)]
    [InlineData("2/wk", 2, 1)]
    public void TryParse_MoreEncodings(string text, int visits, int periodWeeks)
    {
        Assert.True(VisitFrequency.TryParse(text, out var f), text);
        Assert.Equal((visits, periodWeeks), (f.Visits, f.PeriodWeeks));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    [InlineData("0/14d")]
    [InlineData("1/0d")]
    [InlineData("2/10 days")]
    [InlineData("every week please")]
    [InlineData("daily")]
    [InlineData("ABC4")]
    [InlineData("A1234")]
    [InlineData("every 100 weeks")]
    [InlineData("0/cycle")]
    public void TryParse_NotAFrequency_ReturnsFalseAndDefault(string? text)
    {
        Assert.False(VisitFrequency.TryParse(text, out var f));
        Assert.Equal(default, f);
    }

    [Fact]
    public void Parse_ReadsWhatTryParseReads()
    {
        Assert.Equal(VisitFrequency.EveryWeeks(2), VisitFrequency.Parse("B2"));
        Assert.Throws<ArgumentNullException>(() => VisitFrequency.Parse(null!));
    }
}
