using FsCheck;
using FsCheck.Xunit;
using Territories.Model;

namespace Territories.Tests.Model;

[Properties(Arbitrary = [typeof(Arbitraries)])]
public class SalesModelTests
{
    [Property]
    public void ToInput_RoundTrips(ValidModel model)
    {
        var built = SalesModel.Create(model.Input).AsT0;

        var again = SalesModel.Create(built.ToInput()).AsT0;

        Assert.Equal(built.Accounts, again.Accounts);
        Assert.Equal(built.Territories, again.Territories);
        Assert.Equal(built.Cycle, again.Cycle);
    }

    [Property]
    public void WithAccounts_ValidatesAgain(ValidModel model, NonNegativeInt pick)
    {
        var built = SalesModel.Create(model.Input).AsT0;
        var victim = built.Accounts[pick.Get % built.Accounts.Length];

        var result = built.WithAccounts(built.Accounts.Select(a => a.Id == victim.Id ? a with { ServiceTime = TimeSpan.FromHours(25) } : a));

        var error = Assert.Single(Assert.IsType<ModelValidationFailure>(result.Value).Errors);
        Assert.Equal((ModelErrorCode.DurationOutOfRange, victim.Id.Value, "ServiceTime"), (error.Code, error.Ids[0], error.Field));
        Assert.Same(built.Accounts[0], built.WithAccounts(built.Accounts).AsT0.Accounts[0]);
    }

    [Property]
    public void WithTerritories_DroppingAReferencedTerritory_ReportsTheReferences(ValidModel model)
    {
        var built = SalesModel.Create(model.Input).AsT0;
        var region = built.Territories.First(t => t.Parent is null);

        var result = built.WithTerritories(built.Territories.Where(t => t.Id != region.Id));

        var errors = Assert.IsType<ModelValidationFailure>(result.Value).Errors;
        Assert.All(errors, e => Assert.Equal(ModelErrorCode.UnknownReference, e.Code));
        Assert.Contains(errors, e => e.Kind == ItemKind.Territory && e.Field == "Parent" && e.Value == region.Id.Value);
    }

    [Property]
    public void SalesModels_AreSortedById(SalesModel model)
    {
        Assert.Equal(model.Accounts.Select(a => a.Id).Order(), model.Accounts.Select(a => a.Id));
        Assert.Equal(model.Positions.Select(p => p.Id).Order(), model.Positions.Select(p => p.Id));
        Assert.Equal(model.MarketPositions.Select(m => m.Territory).Order(), model.MarketPositions.Select(m => m.Territory));
    }

    [Fact]
    public void Find_UnknownId_ReturnsNull()
    {
        var model = SalesModel.Create(new SalesModelInput()).AsT0;

        Assert.Null(model.FindAccount(new AccountId("nope")));
        Assert.Null(model.FindPosition(new PositionId("nope")));
        Assert.Null(model.FindTerritory(new TerritoryId("nope")));
    }

    [Fact]
    public void DefaultLevels_AreRegionAreaTerritory() =>
        Assert.Equal(["region", "area", SalesModel.TerritoryLevel], SalesModel.Create(new SalesModelInput()).AsT0.Levels);
}
