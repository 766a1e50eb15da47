using Territories.IO.Csv;
using Territories.Model;

namespace Territories.IO.Tests.Csv;

/// <summary>The bad-input classes of docs/bad-input.md that <see cref="AccountCsvReaderTests"/> does not already show.</summary>
public class AccountCsvReaderBadInputTests
{
    private const string Header = "id,name,lat,lon\n";

    private static readonly AccountCsvReader Full = new(new AccountCsvOptions { PotentialColumn = "potential", ServiceMinutesColumn = "service" });

    [Fact]
    public void Parse_FileCutMidRow_LastRowFieldCountMismatchEarlierRowsRead()
    {
        var result = new AccountCsvReader().Parse(Header + "1,a,40.1,-83\n2,b,40");

        Assert.Equal("1", Assert.Single(result.Items).Id.Value);
        var error = Assert.Single(result.Errors);
        Assert.Equal((ReadErrorCode.FieldCountMismatch, 3, "2", "3 of 4"), (error.Code, error.Line, error.Id, error.Value));
    }

    [Theory]
    [InlineData("NaN", "5", "potential")]
    [InlineData("Infinity", "5", "potential")]
    [InlineData("1e40", "5", "potential")]
    [InlineData("7", "NaN", "service")]
    [InlineData("7", "-Infinity", "service")]
    [InlineData("7", "1e300", "service")]
    public void Parse_NaNInfinityOrOverflowInPotentialOrService_InvalidNumberNamingField(string potential, string service, string field)
    {
        var result = Full.Parse($"id,name,lat,lon,potential,service\nok,a,40,-83,1,5\nbad,b,40,-83,{potential},{service}\n");

        Assert.Equal("ok", Assert.Single(result.Items).Id.Value);
        var error = Assert.Single(result.Errors);
        Assert.Equal((ReadErrorCode.InvalidNumber, 3, "bad", field, field == "potential" ? potential : service), (error.Code, error.Line, error.Id, error.Field, error.Value));
    }

    [Fact]
    public void Parse_MegabyteName_ReadWhole()
    {
        var name = new string('n', 1_000_000);

        var result = new AccountCsvReader().Parse($"{Header}1,\"{name}\",40,-83\n");

        Assert.Empty(result.Errors);
        Assert.Equal(name, Assert.Single(result.Items).Name);
    }

    [Fact]
    public void Parse_MegabyteBadLatitude_ErrorValueClippedTo80Characters()
    {
        var lat = new string('9', 1_000_000);

        var error = Assert.Single(new AccountCsvReader().Parse($"{Header}1,a,x{lat},-83\n").Errors);

        Assert.Equal((ReadErrorCode.InvalidNumber, 2, "1", "lat"), (error.Code, error.Line, error.Id, error.Field));
        Assert.Equal("x" + new string('9', 79) + "…", error.Value);
    }

    [Fact]
    public void Parse_MegabyteDigitsLatitude_InvalidCoordinateNotOverflow()
    {
        // double.Parse reads a million digits as +Infinity; it must be caught as out of range.
        var error = Assert.Single(new AccountCsvReader().Parse($"{Header}1,a,{new string('9', 1_000_000)},-83\n").Errors);

        Assert.Equal((ReadErrorCode.InvalidCoordinate, 2, "1", "lat"), (error.Code, error.Line, error.Id, error.Field));
    }

    [Fact]
    public void Parse_NegativeServiceMinutes_ReadAndModelValidationReportsDurationOutOfRange()
    {
        var account = Assert.Single(Full.Parse("id,name,lat,lon,potential,service\n1,a,40,-83,1,-5\n").Items);

        var error = Assert.Single(ModelValidator.Validate(new SalesModelInput { Accounts = [account] }));

        Assert.Equal((ModelErrorCode.DurationOutOfRange, "1", "ServiceTime"), (error.Code, Assert.Single(error.Ids), error.Field));
    }
}
