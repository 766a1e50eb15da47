using System.Collections.Immutable;
using Territories.Model;

namespace Territories.Tests.Model;

/// <summary>The bad-input classes of docs/bad-input.md that <see cref="ModelValidatorTests"/> does not already show.</summary>
public class SalesModelBadInputTests
{
    [Fact]
    public void Validate_NaNAndInfinityInNumbers_NegativeValueNamingEachField()
    {
        var account = new Account(new AccountId("a"), new GeoPoint(1, 1))
        {
            ActivityNeeds = ImmutableDictionary<string, double>.Empty.Add("demo", double.NaN),
            Visit = VisitRequirement.Of(VisitFrequency.PerWeek(1)) with { Load = double.PositiveInfinity },
        };
        var position = new SalesPosition(new PositionId("p")) { Base = new GeoPoint(1, 1), MaxLoadPerDay = double.NaN };

        var errors = ModelValidator.Validate(new SalesModelInput { Accounts = [account], Positions = [position] });

        Assert.Equal(
            [(ModelErrorCode.NegativeValue, "a", "ActivityNeeds[demo]", "NaN"), (ModelErrorCode.NegativeValue, "a", "Visit.Load", "Infinity"), (ModelErrorCode.NegativeValue, "p", "MaxLoadPerDay", "NaN")],
            errors.Select(e => (e.Code, Assert.Single(e.Ids), e.Field, e.Value)));
    }

    [Fact]
    public void Create_TerritoryHierarchyHundredThousandDeep_BuiltWithoutRecursion()
    {
        var territories = Enumerable.Range(0, 100_000)
            .Select(i => new Territory(new TerritoryId($"t{i:D6}")) { Parent = i == 0 ? (TerritoryId?)null : new TerritoryId($"t{i - 1:D6}") })
            .ToList();

        var model = SalesModel.Create(new SalesModelInput { Territories = territories });

        Assert.Equal(100_000, model.AsT0.Territories.Length);
    }

    [Fact]
    public void Validate_TerritoryLoopHundredThousandLong_OneHierarchyCycleListingEveryTerritory()
    {
        var territories = Enumerable.Range(0, 100_000)
            .Select(i => new Territory(new TerritoryId($"t{i:D6}")) { Parent = new TerritoryId($"t{(i + 1) % 100_000:D6}") })
            .ToList();

        var error = Assert.Single(ModelValidator.Validate(new SalesModelInput { Territories = territories }));

        Assert.Equal((ModelErrorCode.HierarchyCycle, 100_000, "t000000"), (error.Code, error.Ids.Length, error.Ids[0]));
    }

    [Fact]
    public void Create_MegabyteIdsAndNames_Kept()
    {
        var id = new string('a', 1_000_000);
        var account = new Account(new AccountId(id), new GeoPoint(1, 1)) { Name = new string('n', 1_000_000) };

        var model = SalesModel.Create(new SalesModelInput { Accounts = [account] }).AsT0;

        Assert.Equal(account, Assert.Single(model.Accounts));
    }

    [Fact]
    public void Create_NoAccountsPositionsOrTerritories_AnEmptyModel()
    {
        var model = SalesModel.Create(new SalesModelInput()).AsT0;

        Assert.Equal((0, 0, 0), (model.Accounts.Length, model.Positions.Length, model.Territories.Length));
    }

    [Fact]
    public void FromWkt_UnclosedRing_ArgumentExceptionNamingTheText()
    {
        var ex = Assert.Throws<ArgumentException>("wkt", () => TerritoryBoundary.FromWkt("POLYGON((0 0, 1 0, 1 1, 0 1))"));

        Assert.Contains("closed", ex.Message, StringComparison.OrdinalIgnoreCase);
    }
}
