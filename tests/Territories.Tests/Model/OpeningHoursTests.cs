using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Territories.Model;

namespace Territories.Tests.Model;

[Properties(Arbitrary = [typeof(Arbitraries)])]
public class OpeningHoursTests
{
    [Fact]
    public void AlwaysOpen_IsOpenAllDayEveryDay()
    {
        Assert.True(OpeningHours.AlwaysOpen.IsAlwaysOpen);
        Assert.Equal(7, OpeningHours.AlwaysOpen.OpenDays.Count());
        Assert.All(Enum.GetValues<DayOfWeek>(), d => Assert.Equal([TimeWindow.AllDay], OpeningHours.AlwaysOpen.On(d)));
        Assert.Empty(OpeningHours.AlwaysOpen.Validate());
    }

    [Fact]
    public void Weekly_ClosedOnOtherDays_AndWindowsSortedByStart()
    {
        var hours = OpeningHours.Weekly([DayOfWeek.Monday, DayOfWeek.Friday, DayOfWeek.Monday], TimeWindow.FromHours(14, 0, 18, 0), TimeWindow.FromHours(8, 0, 12, 0));

        Assert.False(hours.IsAlwaysOpen);
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Friday], hours.OpenDays);
        Assert.Equal([TimeWindow.FromHours(8, 0, 12, 0), TimeWindow.FromHours(14, 0, 18, 0)], hours.On(DayOfWeek.Friday));
        Assert.False(hours.IsOpenOn(DayOfWeek.Tuesday));
        Assert.Empty(hours.On(DayOfWeek.Sunday));
    }

    [Fact]
    public void Create_SameDayTwice_MergesTheWindows()
    {
        var hours = OpeningHours.Create(
        [
            new(DayOfWeek.Tuesday, [TimeWindow.FromHours(13, 0, 17, 0)]),
            new(DayOfWeek.Tuesday, [TimeWindow.FromHours(8, 0, 12, 0)]),
            new(DayOfWeek.Wednesday, []),
        ]);

        Assert.Equal([TimeWindow.FromHours(8, 0, 12, 0), TimeWindow.FromHours(13, 0, 17, 0)], hours.On(DayOfWeek.Tuesday));
        Assert.False(hours.IsOpenOn(DayOfWeek.Wednesday));
    }

    [Fact]
    public void Equals_SameWindowsInAnyOrder_AreEqual()
    {
        var a = OpeningHours.Weekly([DayOfWeek.Monday, DayOfWeek.Tuesday], TimeWindow.FromHours(8, 0, 12, 0), TimeWindow.FromHours(13, 0, 17, 0));
        var b = OpeningHours.Weekly([DayOfWeek.Tuesday, DayOfWeek.Monday], TimeWindow.FromHours(13, 0, 17, 0), TimeWindow.FromHours(8, 0, 12, 0));

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, OpeningHours.AlwaysOpen);
    }

    [Fact]
    public void Validate_TouchingWindows_AreSound() =>
        Assert.Empty(OpeningHours.Weekly([DayOfWeek.Monday], TimeWindow.FromHours(8, 0, 12, 0), TimeWindow.FromHours(12, 0, 16, 0)).Validate());

    [Fact]
    public void Validate_TwoWindowsInsideALongOne_ReportsBoth()
    {
        var hours = OpeningHours.Weekly([DayOfWeek.Monday], TimeWindow.FromHours(8, 0, 17, 0), TimeWindow.FromHours(9, 0, 10, 0), TimeWindow.FromHours(11, 0, 12, 0));

        var problems = hours.Validate();

        Assert.Equal([TimeWindow.FromHours(9, 0, 10, 0), TimeWindow.FromHours(11, 0, 12, 0)], problems.Select(p => p.Window));
        Assert.All(problems, p => Assert.Equal(DayOfWeek.Monday, p.Day));
    }

    [Fact]
    public void Validate_InvertedWindow_IsReportedAndNotComparedForOverlap()
    {
        var inverted = TimeWindow.FromHours(12, 0, 9, 0);
        var hours = OpeningHours.Weekly([DayOfWeek.Sunday], TimeWindow.FromHours(8, 0, 10, 0), inverted, TimeWindow.FromHours(13, 0, 14, 0));

        var problem = Assert.Single(hours.Validate());

        Assert.Equal(inverted, problem.Window);
        Assert.Contains("inverted", problem.Problem, StringComparison.Ordinal);
    }

    [Property]
    public Property Validate_DisjointWindows_AreSound(NonNegativeInt day) =>
        Prop.ForAll(Arb.From(Arbitraries.DisjointWindows), windows => Assert.Empty(OpeningHours.Weekly([(DayOfWeek)(day.Get % 7)], windows).Validate()));

    [Property]
    public void Validate_RandomValidWindows_ReportsEachWindowThatOverlapsAnEarlierOne(int[] raw)
    {
        var windows = Enumerable.Range(0, raw.Length / 2).Select(i =>
        {
            var start = (raw[2 * i] & int.MaxValue) % 91;
            var end = Math.Min(96, start + 1 + ((raw[(2 * i) + 1] & int.MaxValue) % 12));
            return new TimeWindow(TimeSpan.FromMinutes(15 * start), TimeSpan.FromMinutes(15 * end));
        }).ToArray();
        var sorted = windows.OrderBy(w => w.Start).ThenBy(w => w.End).ToArray();
        var expected = sorted.Where((w, i) => sorted.Take(i).Any(e => e.Overlaps(w))).ToArray();

        var reported = OpeningHours.Weekly([DayOfWeek.Thursday], windows).Validate().Select(p => p.Window).ToArray();

        Assert.Equal(expected, reported);
    }

    [Fact]
    public void Create_FortyThousandEntries_EveryWindowKeptSortedPerDay()
    {
        // One entry per window, latest first and days interleaved: the shape that made Create quadratic.
        var entries = Enumerable.Range(0, 40_000)
            .Select(i => (Day: (DayOfWeek)(i % 7), Window: new TimeWindow(TimeSpan.FromSeconds(86_000 - (2 * i)), TimeSpan.FromSeconds(86_001 - (2 * i)))))
            .ToList();

        var hours = OpeningHours.Create(entries.Select(e => new KeyValuePair<DayOfWeek, IEnumerable<TimeWindow>>(e.Day, [e.Window])));

        Assert.All(Enum.GetValues<DayOfWeek>(), d => Assert.Equal(
            entries.Where(e => e.Day == d).Select(e => e.Window).OrderBy(w => w.Start),
            hours.On(d)));
        Assert.Equal(40_000, Enum.GetValues<DayOfWeek>().Sum(d => hours.On(d).Length));
    }
}
