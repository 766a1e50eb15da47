using Territories.Model;

namespace Territories.Tests.Model;

public class TimeWindowTests
{
    [Theory]
    [InlineData(8, 17, true)]
    [InlineData(0, 24, true)]
    [InlineData(9, 9, false)]
    [InlineData(17, 8, false)]
    [InlineData(-1, 8, false)]
    [InlineData(20, 25, false)]
    public void IsValid_OpensBeforeItClosesWithinTheDay(int startHour, int endHour, bool valid) =>
        Assert.Equal(valid, new TimeWindow(TimeSpan.FromHours(startHour), TimeSpan.FromHours(endHour)).IsValid);

    [Fact]
    public void Overlaps_TouchingWindows_DoNotOverlap()
    {
        var morning = TimeWindow.FromHours(8, 0, 12, 0);

        Assert.False(morning.Overlaps(TimeWindow.FromHours(12, 0, 16, 0)));
        Assert.False(TimeWindow.FromHours(12, 0, 16, 0).Overlaps(morning));
        Assert.True(morning.Overlaps(TimeWindow.FromHours(11, 59, 16, 0)));
        Assert.True(morning.Overlaps(TimeWindow.FromHours(9, 0, 10, 0)));
        Assert.True(TimeWindow.FromHours(9, 0, 10, 0).Overlaps(morning));
    }

    [Fact]
    public void Contains_IncludesBothEnds()
    {
        var w = TimeWindow.FromHours(8, 0, 12, 0);

        Assert.True(w.Contains(TimeSpan.FromHours(8)));
        Assert.True(w.Contains(TimeSpan.FromHours(12)));
        Assert.False(w.Contains(TimeSpan.FromHours(12.01)));
    }

    [Fact]
    public void FromHours_DurationAndText()
    {
        var w = TimeWindow.FromHours(8, 30, 17, 15);

        Assert.Equal(TimeSpan.FromMinutes(525), w.Duration);
        Assert.Equal("08:30-17:15", w.ToString());
        Assert.Equal("00:00-24:00", TimeWindow.AllDay.ToString());
        Assert.True(TimeWindow.FromHours(12, 0, 9, 0).Duration < TimeSpan.Zero);
    }
}
