using Territories.Model;

namespace Territories.Tests.Model;

public class IdTests
{
    [Fact]
    public void Ids_CompareOrdinallyAndCaseSensitively()
    {
        Assert.NotEqual(new AccountId("a1"), new AccountId("A1"));
        Assert.True(new AccountId("B") < new AccountId("a"));
        Assert.True(new PositionId("P-10") < new PositionId("P-9"));
        Assert.True(new TerritoryId("Z") > new TerritoryId("Y"));
        Assert.Equal(["A", "B", "a", "b"], new[] { "b", "a", "B", "A" }.Select(AccountId.From).Order().Select(i => i.Value));
    }

    [Fact]
    public void Ids_ConvertFromTextAndBack()
    {
        var account = (AccountId)"outlet-7";
        var position = (PositionId)"rep-3";
        var territory = (TerritoryId)"north";

        Assert.Equal("outlet-7", account.ToString());
        Assert.Equal(PositionId.From("rep-3"), position);
        Assert.Equal("north", territory.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("\t")]
    public void Ids_EmptyOrWhiteSpace_Throw(string text)
    {
        Assert.Throws<ArgumentException>(() => new AccountId(text));
        Assert.Throws<ArgumentException>(() => new PositionId(text));
        Assert.Throws<ArgumentException>(() => new TerritoryId(text));
        Assert.Throws<ArgumentException>(() => (AccountId)text);
    }

    [Fact]
    public void Ids_FromText_ConvertOnlyExplicitly()
    {
        // A conversion that can throw is explicit: text never turns into an id unseen.
        foreach (var type in new[] { typeof(AccountId), typeof(PositionId), typeof(TerritoryId) })
        {
            Assert.DoesNotContain(type.GetMethods(), m => m.Name == "op_Implicit");
            Assert.Single(type.GetMethods(), m => m.Name == "op_Explicit" && m.GetParameters().Single().ParameterType == typeof(string));
        }
    }

    [Fact]
    public void Ids_Default_HasEmptyValueAndIsReportedByValidation()
    {
        Assert.Equal(string.Empty, default(AccountId).Value);

        var error = Assert.Single(ModelValidator.Validate(new SalesModelInput { Accounts = [new Account(default, new GeoPoint(0, 0))] }));

        Assert.Equal(ModelErrorCode.MissingValue, error.Code);
        Assert.Equal("Id", error.Field);
    }
}
