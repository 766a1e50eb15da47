using Territories.IO.Csv;
using Territories.Model;

namespace Territories.IO.Tests.Csv;

public class OpeningHoursTextTests
{
    private static readonly TimeWindow Morning = TimeWindow.FromHours(8, 0, 12, 0);
    private static readonly TimeWindow Afternoon = TimeWindow.FromHours(13, 0, 17, 0);

    [Fact]
    public void TryParse_DocumentedExample_ReadsEveryDay()
    {
        Assert.True(OpeningHoursText.TryParse("Mon-Fri 08:00-12:00,13:00-17:00; Sat 08:00-12:00", out var hours));

        foreach (var day in new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday })
        {
            Assert.Equal([Morning, Afternoon], hours.On(day));
        }

        Assert.Equal([Morning], hours.On(DayOfWeek.Saturday));
        Assert.False(hours.IsOpenOn(DayOfWeek.Sunday));
    }

    [Theory]
    [InlineData("mon,wed , FRI 8:00 - 12:00", new[] { DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday })]
    [InlineData("Fri-Mon 08:00-12:00", new[] { DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday, DayOfWeek.Monday })]
    [InlineData("Tuesday 08:00-12:00; Sun closed", new[] { DayOfWeek.Tuesday })]
    public void TryParse_DayListsAndRanges_OpenOnExactlyThoseDays(string text, DayOfWeek[] open)
    {
        Assert.True(OpeningHoursText.TryParse(text, out var hours));

        Assert.Equal(open.OrderBy(d => d), hours.OpenDays.OrderBy(d => d));
        Assert.All(open, d => Assert.Equal([Morning], hours.On(d)));
    }

    [Fact]
    public void TryParse_MidnightEnd_IsAccepted()
    {
        Assert.True(OpeningHoursText.TryParse("Sat 18:00-24:00", out var hours));

        Assert.Equal([new TimeWindow(TimeSpan.FromHours(18), TimeSpan.FromHours(24))], hours.On(DayOfWeek.Saturday));
    }

    [Theory]
    [InlineData("always open")]
    [InlineData("24/7")]
    public void TryParse_AlwaysOpen_GivesAlwaysOpen(string text)
    {
        Assert.True(OpeningHoursText.TryParse(text, out var hours));
        Assert.True(hours.IsAlwaysOpen);
    }

    [Fact]
    public void TryParse_InvertedWindow_KeptForModelValidationToReport()
    {
        Assert.True(OpeningHoursText.TryParse("Mon 17:00-08:00", out var hours));

        Assert.Equal(DayOfWeek.Monday, Assert.Single(hours.Validate()).Day);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("08:00-12:00")]
    [InlineData("Mon")]
    [InlineData("Mon 8-12")]
    [InlineData("Mon 08:00")]
    [InlineData("Mon 25:00-26:00")]
    [InlineData("Mon 08:60-09:00")]
    [InlineData("Mon 24:30-24:45")]
    [InlineData("Mo 08:00-12:00")]
    [InlineData("Mondays 08:00-12:00")]
    [InlineData("Mon-Tue-Wed 08:00-12:00")]
    [InlineData("Mon 08:00-12:00,")]
    public void TryParse_NotOpeningHours_ReturnsFalse(string? text)
    {
        Assert.False(OpeningHoursText.TryParse(text, out var hours));
        Assert.Null(hours);
    }

    [Theory]
    [InlineData("Mon 08:00-12:00,13:00-17:00; Sat 08:00-12:00")]
    [InlineData("Mon 00:00-24:00; Sun 10:00-11:00")]
    [InlineData("always open")]
    public void Format_ThenTryParse_RoundTrips(string text)
    {
        Assert.True(OpeningHoursText.TryParse(text, out var hours));

        var written = OpeningHoursText.Format(hours);

        Assert.True(OpeningHoursText.TryParse(written, out var again));
        Assert.Equal(hours, again);
        Assert.Equal(text, written);
    }

    [Fact]
    public void Format_ClosedEveryDay_WritesClosedAndReadsBack()
    {
        var text = OpeningHoursText.Format(OpeningHours.Create([]));

        Assert.Equal("closed", text);
        Assert.True(OpeningHoursText.TryParse(text, out var hours));
        Assert.False(hours.IsAlwaysOpen);
        Assert.Empty(hours.OpenDays);
    }

    [Fact]
    public void TryParse_TextLongerThanLimit_NotRead()
    {
        var text = string.Join("; ", Enumerable.Repeat("Mon 08:00-09:00", 20_000));

        Assert.False(OpeningHoursText.TryParse(text, out var hours));
        Assert.Null(hours);
    }

    [Fact]
    public void TryParse_ManyEntriesForOneDayWithinLimit_AllWindowsSorted()
    {
        // 240 one-minute windows, written latest first, fit in the limit.
        var windows = Enumerable.Range(0, 240).Select(i => new TimeWindow(TimeSpan.FromMinutes(600 - (2 * i)), TimeSpan.FromMinutes(601 - (2 * i)))).ToList();
        var text = string.Join(";", windows.Select(w => $"Mon {w}"));
        Assert.InRange(text.Length, 1, OpeningHoursText.MaxLength);

        Assert.True(OpeningHoursText.TryParse(text, out var hours));
        Assert.Equal(windows.OrderBy(w => w.Start), hours.On(DayOfWeek.Monday));
    }
}
