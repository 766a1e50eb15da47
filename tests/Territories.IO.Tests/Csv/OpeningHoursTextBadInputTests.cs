using Territories.IO.Csv;
using Territories.Model;

namespace Territories.IO.Tests.Csv;

/// <summary>The bad-input classes of docs/bad-input.md that <see cref="OpeningHoursTextTests"/> does not already show.</summary>
public class OpeningHoursTextBadInputTests
{
    [Theory]
    [InlineData("Mon 08:00-")]
    [InlineData("Mon 08:00-12:0")]
    [InlineData("Mon-")]
    [InlineData("Mon 08:00-12:00; Tue")]
    [InlineData("Mon eight-noon")]
    [InlineData("Mon 08.00-12.00")]
    [InlineData("Mon NaN-12:00")]
    [InlineData("Mon 08:00-Infinity")]
    [InlineData("Mon -1:00-12:00")]
    [InlineData("Mon 2147483648:00-12:00")]
    [InlineData("Mon ０８:００-12:00")]
    [InlineData("Mon ٠٨:٠٠-12:00")]
    [InlineData("Mon 08:00\u200B-12:00")]
    public void TryParse_TruncatedWrongTypeNaNOrNonAsciiDigits_ReturnsFalse(string text)
    {
        Assert.False(OpeningHoursText.TryParse(text, out var hours));
        Assert.Null(hours);
    }

    [Fact]
    public void TryParse_SameDayTwice_WindowsKeptAndModelValidationReportsTheOverlap()
    {
        Assert.True(OpeningHoursText.TryParse("Mon 08:00-12:00; Mon 10:00-14:00", out var hours));

        var problem = Assert.Single(hours.Validate());
        Assert.Equal((DayOfWeek.Monday, TimeWindow.FromHours(10, 0, 14, 0)), (problem.Day, problem.Window));
    }

    [Fact]
    public void TryParse_ExactlyTheLimit_Read()
    {
        var text = string.Join("; ", Enumerable.Repeat("Mon 08:00-09:00", 241)).PadRight(4096);

        Assert.True(OpeningHoursText.TryParse(text, out var hours));
        Assert.Equal([DayOfWeek.Monday], hours.OpenDays);
    }
}
