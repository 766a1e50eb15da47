using FsCheck;
using FsCheck.Xunit;
using Territories.Model;

namespace Territories.Tests.Model;

public class VisitPatternTests
{
    [Theory]
    [InlineData(10, 5, new[] { 1, 3 })]
    [InlineData(16, 5, new[] { 0 })]
    [InlineData(1, 5, new[] { 4 })]
    [InlineData(31, 5, new[] { 0, 1, 2, 3, 4 })]
    [InlineData(21, 5, new[] { 0, 2, 4 })]
    [InlineData(2, 2, new[] { 0 })]
    [InlineData(1, 1, new[] { 0 })]
    public void FromCordeauCode_MostSignificantBitIsDayZero(int code, int dayCount, int[] days) =>
        Assert.Equal(days, VisitPattern.FromCordeauCode(code, dayCount).Days);

    [Property]
    public void FromCordeauCode_RoundTripsThroughTheBits(PositiveInt rawCode, PositiveInt rawDays)
    {
        var dayCount = 1 + (rawDays.Get % 12);
        var code = 1 + (rawCode.Get % ((1 << dayCount) - 1));

        var pattern = VisitPattern.FromCordeauCode(code, dayCount);

        Assert.Equal(code, pattern.Days.Sum(d => 1 << (dayCount - 1 - d)));
        Assert.Equal(int.PopCount(code), pattern.VisitCount);
    }

    [Theory]
    [InlineData(0, 5)]
    [InlineData(32, 5)]
    [InlineData(-3, 5)]
    [InlineData(1, 31)]
    public void FromCordeauCode_CodeOutOfRange_Throws(int code, int dayCount) =>
        Assert.Equal("code", Assert.Throws<ArgumentOutOfRangeException>(() => VisitPattern.FromCordeauCode(code, dayCount)).ParamName);

    [Fact]
    public void Constructor_SortsDays_AndRejectsBadOnes()
    {
        Assert.Equal([1, 4, 7], new VisitPattern([7, 1, 4]).Days);
        Assert.Throws<ArgumentException>(() => new VisitPattern([]));
        Assert.Throws<ArgumentException>(() => new VisitPattern([-1, 2]));
        Assert.Throws<ArgumentException>(() => new VisitPattern([2, 2]));
    }

    [Fact]
    public void EqualityAndOrder_AreByTheDaySequence()
    {
        var a = new VisitPattern([0, 5]);

        Assert.Equal(new VisitPattern([5, 0]), a);
        Assert.True(a == new VisitPattern([0, 5]));
        Assert.True(a < new VisitPattern([1]));
        Assert.True(new VisitPattern([0]) < a);
        Assert.True(a > null);
        Assert.True(a.Contains(5));
        Assert.False(a.Contains(3));
        Assert.Equal("{0,5}", a.ToString());
    }
}
