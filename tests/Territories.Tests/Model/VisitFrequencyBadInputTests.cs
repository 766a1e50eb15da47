using Territories.Model;

namespace Territories.Tests.Model;

/// <summary>The bad-input classes of docs/bad-input.md that <see cref="VisitFrequencyTests"/> does not already show.</summary>
public class VisitFrequencyBadInputTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("every")]
    [InlineData("every 2")]
    [InlineData("2/")]
    [InlineData("A")]
    [InlineData("NaN/week")]
    [InlineData("Infinity/week")]
    [InlineData("1.5/week")]
    [InlineData("-2/week")]
    [InlineData("A1000")]
    [InlineData("every 100 weeks")]
    [InlineData("2147483648/week")]
    [InlineData("A٣")]
    [InlineData("４/week")]
    [InlineData("every ２ weeks")]
    public void TryParse_TruncatedWrongTypeNaNOutOfRangeOrNonAsciiDigits_ReturnsFalse(string? text)
    {
        Assert.False(VisitFrequency.TryParse(text, out var frequency));
        Assert.Equal(default, frequency);
    }

    [Fact]
    public void TryParse_MegabyteText_ReturnsFalse() =>
        Assert.False(VisitFrequency.TryParse("A" + new string('4', 1_000_000), out _));

    [Fact]
    public void Parse_Null_ArgumentNullException() =>
        Assert.Throws<ArgumentNullException>("text", () => VisitFrequency.Parse(null!));

    [Fact]
    public void TryParse_MoreVisitsThanACycleHolds_ReadAndModelValidationReportsFrequencyDoesNotFitCycle()
    {
        Assert.True(VisitFrequency.TryParse("999/week", out var frequency));
        Assert.Equal((999, 1), (frequency.Visits, frequency.PeriodWeeks));

        var account = new Account(new AccountId("a"), new GeoPoint(1, 1)) { Visit = VisitRequirement.Of(frequency) };
        var error = Assert.Single(ModelValidator.Validate(new SalesModelInput { Accounts = [account] }));

        Assert.Equal((ModelErrorCode.FrequencyDoesNotFitCycle, "a", "Visit.Frequency"), (error.Code, Assert.Single(error.Ids), error.Field));
    }
}
