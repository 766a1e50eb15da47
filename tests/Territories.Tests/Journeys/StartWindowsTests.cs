using Territories.Journeys;
using Territories.Model;

namespace Territories.Tests.Journeys;

public class StartWindowsTests
{
    [Fact]
    public void FromOpening_WholeVisit_EndMovedBackByServiceAndTooShortWindowDropped()
    {
        var opening = new[] { TimeWindow.FromHours(9, 0, 9, 20), TimeWindow.FromHours(14, 0, 18, 0) };
        var windows = StartWindows.FromOpening(opening, 1800, OpeningHoursRule.WholeVisit, out var anyOpen);
        Assert.True(anyOpen);
        var window = Assert.Single(windows);
        Assert.Equal((14 * 3600.0, (18 * 3600.0) - 1800), window);
    }

    [Fact]
    public void FromOpening_StartOnly_KeepsEveryWindowWhole()
    {
        var opening = new[] { TimeWindow.FromHours(9, 0, 9, 20), TimeWindow.FromHours(14, 0, 18, 0) };
        var windows = StartWindows.FromOpening(opening, 1800, OpeningHoursRule.StartOnly, out _);
        Assert.Equal([(9 * 3600.0, (9 * 3600.0) + 1200), (14 * 3600.0, 18 * 3600.0)], windows);
    }

    [Fact]
    public void FromOpening_NoWindow_ClosedAndEmpty()
    {
        var windows = StartWindows.FromOpening([], 600, OpeningHoursRule.WholeVisit, out var anyOpen);
        Assert.False(anyOpen);
        Assert.Empty(windows);
    }

    [Theory]
    [InlineData(50, 100, 0)]
    [InlineData(150, 150, 0)]
    [InlineData(250, 300, 0)]
    [InlineData(450, 450, 50)]
    public void StartAt_Arrival_WaitsForTheNextWindowOrReportsLatenessPastTheLast(double arrival, double expectedStart, double expectedLateness)
    {
        var start = StartWindows.StartAt([100, 300], [200, 400], arrival, out var lateness);
        Assert.Equal(expectedStart, start);
        Assert.Equal(expectedLateness, lateness);
    }

    [Fact]
    public void StartAt_NoWindow_InfinitelyLate() =>
        Assert.True(double.IsPositiveInfinity(StartWindowsLateness()));

    private static double StartWindowsLateness()
    {
        StartWindows.StartAt([], [], 100, out var lateness);
        return lateness;
    }
}
