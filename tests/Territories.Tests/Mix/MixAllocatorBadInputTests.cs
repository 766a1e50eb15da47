using System.Collections.Immutable;
using Territories.Mix;
using Territories.Model;

namespace Territories.Tests.Mix;

/// <summary>The bad-input classes of docs/bad-input.md that the mix tests do not already show.</summary>
public class MixAllocatorBadInputTests
{
    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    public void Allocate_NaNOrInfiniteNeed_NegativeValueNamingAccountFieldValue(double need, string value)
    {
        var account = new Account(new AccountId("a7"), new GeoPoint(0, 45)) { ActivityNeeds = ImmutableDictionary<string, double>.Empty.Add("demo", need) };

        var result = new MixAllocator().Allocate(new MixAllocationRequest(new TerritoryId("t"), MixAllocatorTests.Mix(("demo", 1.0)), TimeSpan.FromMinutes(60)) { Accounts = [account] });

        var error = Assert.Single(result.AsT1.Errors);
        Assert.Equal((MixErrorCode.NegativeValue, "a7", "ActivityNeeds[demo]", value), (error.Code, error.Ids[0], error.Field, error.Value));
    }

    [Fact]
    public void Create_InfiniteShare_NegativeValueNamingTheShareAndTheSumLeftShort()
    {
        var errors = SalesMix.Create([KeyValuePair.Create("demo", double.PositiveInfinity)], ActivityType.Defaults).AsT1.Errors;

        Assert.Equal(
            [(MixErrorCode.NegativeValue, "Shares[demo]", "Infinity"), (MixErrorCode.SharesDoNotSumToOne, "Shares", "0")],
            errors.Select(e => (e.Code, e.Field, e.Value)));
    }

    [Fact]
    public void Create_NoShares_SharesDoNotSumToOne()
    {
        var error = Assert.Single(SalesMix.Create([], ActivityType.Defaults).AsT1.Errors);

        Assert.Equal((MixErrorCode.SharesDoNotSumToOne, "Shares", "0"), (error.Code, error.Field, error.Value));
    }
}
