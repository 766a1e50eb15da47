using NetTopologySuite.Geometries;
using Territories.Model;
using Territories.Spatial;
using static Territories.Tests.Spatial.GeometryFixtures;

namespace Territories.Tests.Spatial;

/// <summary>
/// The bad-input classes of docs/bad-input.md for <see cref="TerritoryMap"/> and <see cref="TerritoryValidator"/>
/// that <see cref="TerritoryMapTests"/> and <see cref="TerritoryValidatorTests"/> do not already show.
/// </summary>
public class TerritoryMapBadInputTests
{
    private const string Projected = "POLYGON((500000 4000000, 500100 4000000, 500100 4000100, 500000 4000000))";

    private const string BowTie = "POLYGON((0 0, 1 1, 1 0, 0 1, 0 0))";

    private static AssignmentResult Run(TerritoryMap map, IEnumerable<Account> accounts) =>
        map.Assign(accounts, null, TestContext.Current.CancellationToken);

    [Theory]
    [InlineData(0.5, 90.5)]
    [InlineData(180.5, 0.5)]
    [InlineData(double.NegativeInfinity, 0.5)]
    public void Assign_LocationOutsideWgs84_InvalidLocationNamingTheAccount(double longitude, double latitude)
    {
        var result = Run(Map(Territory("a", Square(0, 0, 1))), [new Account(new AccountId("far"), new GeoPoint(longitude, latitude)), new Account(new AccountId("in"), new GeoPoint(0.5, 0.5))]);

        Assert.Equal((AssignmentStatus.InvalidLocation, (TerritoryId?)null), (result.Find(new AccountId("far"))!.Status, result.Find(new AccountId("far"))!.Territory));
        Assert.Equal((1, 1), (result.InvalidLocationCount, result.AssignedCount));
    }

    [Fact]
    public void Assign_SameAccountIdTwice_BothAssignedNoneLost()
    {
        var result = Run(Map(Territory("a", Square(0, 0, 1)), Territory("b", Square(1, 0, 1))), [new Account(new AccountId("x"), new GeoPoint(0.5, 0.5)), new Account(new AccountId("x"), new GeoPoint(1.5, 0.5))]);

        Assert.Equal(2, result.AssignedCount);
        Assert.Equal(["a", "b"], result.Assignments.Select(a => a.Territory!.Value.Value).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Assign_NoTerritoriesOrNoAccounts_EmptyOrUnassignedNeverThrows()
    {
        var empty = TerritoryMap.Create([]).AsT0;

        var result = Run(empty, [new Account(new AccountId("x"), new GeoPoint(0.5, 0.5))]);

        Assert.Equal(AssignmentStatus.Unassigned, Assert.Single(result.Assignments).Status);
        Assert.Empty(Run(Map(Territory("a", Square(0, 0, 1))), []).Assignments);
    }

    [Fact]
    public void Create_VertexOutsideWgs84_MapHoldsNoRealAccountAndValidatorReportsInvalidCoordinate()
    {
        var territories = new[] { Territory("utm", Projected), Territory("a", Square(0, 0, 1)) };

        var result = Run(Map(territories), [new Account(new AccountId("x"), new GeoPoint(0.5, 0.5))]);

        Assert.Equal("a", result.Find(new AccountId("x"))!.Territory!.Value.Value);
        var problem = Assert.Single(TerritoryValidator.Validate(territories).ProblemsOf(TerritoryProblemCode.InvalidCoordinate));
        Assert.Equal("utm", Assert.Single(problem.Territories).Value);
    }

    [Fact]
    public void Create_SelfIntersectingBowTie_PointsInEitherLobeAssignedAndValidatorReportsSelfIntersection()
    {
        var territories = new[] { Territory("bow", BowTie) };

        var result = Run(Map(territories), [new Account(new AccountId("right"), new GeoPoint(0.8, 0.5)), new Account(new AccountId("left"), new GeoPoint(0.2, 0.5)), new Account(new AccountId("low"), new GeoPoint(0.5, 0.2))]);

        Assert.Equal(
            [("left", AssignmentStatus.Assigned), ("low", AssignmentStatus.Unassigned), ("right", AssignmentStatus.Assigned)],
            result.Assignments.Select(a => (a.Account.Value, a.Status)));
        Assert.Equal(TerritoryProblemCode.SelfIntersection, Assert.Single(TerritoryValidator.Validate(territories).Problems).Code);
    }

    [Fact]
    public void Validate_NaNVertex_InvalidCoordinateNamingTheTerritory()
    {
        var factory = new GeometryFactory(new PrecisionModel(), 4326);
        var bad = factory.CreatePolygon([new Coordinate(0, 0), new Coordinate(1, 0), new Coordinate(double.NaN, 1), new Coordinate(0, 0)]);

        var problem = Assert.Single(TerritoryValidator.Validate([new Territory(new TerritoryId("nan")) { Boundary = TerritoryBoundary.FromGeometry(bad) }]).Problems);

        Assert.Equal((TerritoryProblemCode.InvalidCoordinate, "nan"), (problem.Code, Assert.Single(problem.Territories).Value));
    }

    [Fact]
    public void Validate_NoTerritories_ValidAndEmpty()
    {
        var result = TerritoryValidator.Validate([]);

        Assert.True(result.IsValid);
        Assert.Empty(result.Territories);
    }
}
