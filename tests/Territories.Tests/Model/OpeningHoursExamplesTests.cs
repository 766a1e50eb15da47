using Territories.Model;

namespace Territories.Tests.Model;

/// <summary>Exact values of <see cref="OpeningHours"/>: order, empty days, equality and text.</summary>
public class OpeningHoursExamplesTests
{
    private static KeyValuePair<DayOfWeek, IEnumerable<TimeWindow>> On(DayOfWeek day, params TimeWindow[] windows) => new(day, windows);

    [Fact]
    public void Create_SameStart_ShorterWindowFirst()
    {
        var hours = OpeningHours.Create([On(DayOfWeek.Monday, TimeWindow.FromHours(8, 0, 17, 0), TimeWindow.FromHours(8, 0, 12, 0))]);

        Assert.Equal([TimeWindow.FromHours(8, 0, 12, 0), TimeWindow.FromHours(8, 0, 17, 0)], hours.On(DayOfWeek.Monday));
    }

    [Fact]
    public void Create_DayWithoutWindows_IsClosed()
    {
        var hours = OpeningHours.Create([On(DayOfWeek.Monday), On(DayOfWeek.Tuesday, TimeWindow.FromHours(9, 0, 12, 0))]);

        Assert.Equal([DayOfWeek.Tuesday], hours.OpenDays);
        Assert.False(hours.IsOpenOn(DayOfWeek.Monday));
        Assert.True(hours.IsOpenOn(DayOfWeek.Tuesday));
        Assert.Equal(OpeningHours.Weekly([DayOfWeek.Tuesday], TimeWindow.FromHours(9, 0, 12, 0)), hours);
    }

    [Fact]
    public void ToString_ListsDaysFromSundayWithTheirWindows()
    {
        var hours = OpeningHours.Create(
        [
            On(DayOfWeek.Monday, TimeWindow.FromHours(13, 0, 17, 0), TimeWindow.FromHours(8, 0, 12, 0)),
            On(DayOfWeek.Sunday, TimeWindow.FromHours(10, 0, 24, 0)),
        ]);

        Assert.Equal("Sun 10:00-24:00; Mon 08:00-12:00, 13:00-17:00", hours.ToString());
        Assert.Equal("always open", OpeningHours.AlwaysOpen.ToString());
        Assert.Equal(string.Empty, OpeningHours.Create([]).ToString());
    }

    [Fact]
    public void Equals_DifferentDaysOrWindows_AreDifferent()
    {
        var monday = OpeningHours.Weekly([DayOfWeek.Monday], TimeWindow.FromHours(8, 0, 12, 0));

        Assert.NotEqual(OpeningHours.Weekly([DayOfWeek.Tuesday], TimeWindow.FromHours(8, 0, 12, 0)), monday);
        Assert.NotEqual(OpeningHours.Weekly([DayOfWeek.Monday], TimeWindow.FromHours(8, 0, 13, 0)), monday);
        Assert.NotEqual(OpeningHours.Weekly([DayOfWeek.Monday, DayOfWeek.Tuesday], TimeWindow.FromHours(8, 0, 12, 0)), monday);
        Assert.NotEqual(monday, OpeningHours.Weekly([DayOfWeek.Monday, DayOfWeek.Tuesday], TimeWindow.FromHours(8, 0, 12, 0)));
        Assert.NotEqual(OpeningHours.Create([]), OpeningHours.AlwaysOpen);
        Assert.False(monday.Equals(null));
        Assert.True(monday.Equals((object)OpeningHours.Weekly([DayOfWeek.Monday], TimeWindow.FromHours(8, 0, 12, 0))));
    }

    [Fact]
    public void Validate_OverlapNamesTheEarlierWindow()
    {
        var hours = OpeningHours.Weekly([DayOfWeek.Friday], TimeWindow.FromHours(8, 0, 12, 0), TimeWindow.FromHours(11, 0, 14, 0), TimeWindow.FromHours(13, 0, 15, 0));

        var problems = hours.Validate();

        Assert.Equal(
            [(DayOfWeek.Friday, TimeWindow.FromHours(11, 0, 14, 0), "overlaps 08:00-12:00"), (DayOfWeek.Friday, TimeWindow.FromHours(13, 0, 15, 0), "overlaps 11:00-14:00")],
            problems);
    }

    [Fact]
    public void Arguments_Null_Throw()
    {
        Assert.Equal("windows", Assert.Throws<ArgumentNullException>(() => OpeningHours.Create(null!)).ParamName);
        Assert.Equal("windows", Assert.Throws<ArgumentNullException>(() => OpeningHours.Create([new KeyValuePair<DayOfWeek, IEnumerable<TimeWindow>>(DayOfWeek.Monday, null!)])).ParamName);
        Assert.Equal("days", Assert.Throws<ArgumentNullException>(() => OpeningHours.Weekly(null!, TimeWindow.AllDay)).ParamName);
        Assert.Equal("windows", Assert.Throws<ArgumentNullException>(() => OpeningHours.Weekly([DayOfWeek.Monday], null!)).ParamName);

        // Null windows are refused also when there is no day to put them on.
        Assert.Equal("windows", Assert.Throws<ArgumentNullException>(() => OpeningHours.Weekly([], null!)).ParamName);
    }

    [Fact]
    public void Equals_SameDaysOneDiffering_AreDifferent()
    {
        var nine = TimeWindow.FromHours(9, 0, 17, 0);
        var first = OpeningHours.Create([On(DayOfWeek.Monday, nine), On(DayOfWeek.Tuesday, nine)]);
        var second = OpeningHours.Create([On(DayOfWeek.Monday, nine), On(DayOfWeek.Tuesday, TimeWindow.FromHours(9, 0, 12, 0))]);

        Assert.NotEqual(first, second);
        Assert.NotEqual(second, first);
    }
}
