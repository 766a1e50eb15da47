using FsCheck.Xunit;
using NetTopologySuite.Geometries;
using Territories.Model;
using Territories.Spatial;
using static Territories.Tests.Spatial.GeometryFixtures;

namespace Territories.Tests.Spatial;

public class TerritoryMapTests
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 40)]
    public void Assign_ValidPartition_EveryAccountInTheUnionGetsExactlyOneTerritory(GeometryPartition partition)
    {
        var cells = partition.Cells();
        var territories = partition.Territories();
        var map = Map(territories);
        var accounts = partition.Accounts(200);

        var result = Run(map, accounts);

        Assert.Equal(accounts.Length, result.AssignedCount);
        foreach (var account in accounts)
        {
            var a = result.Find(account.Id)!;
            var point = Factory.CreatePoint(new Coordinate(account.Location.Longitude, account.Location.Latitude));
            var cell = cells[int.Parse(a.Territory!.Value.Value[1..], System.Globalization.CultureInfo.InvariantCulture)];

            // The independent oracle: NetTopologySuite's own predicates on the untouched cells.
            Assert.True(cell.Covers(point), $"{account.Id} at {account.Location} is not in {a.Territory}");
            var containing = cells.Count(c => c.Contains(point));
            Assert.True(containing <= 1);
        }
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 25)]
    public void Assign_ShuffledInput_SameResult(GeometryPartition partition)
    {
        var territories = partition.Territories();
        var accounts = partition.Accounts(100);
        var shuffled = accounts.OrderBy(a => (a.Id.Value.GetHashCode(StringComparison.Ordinal) * 31) ^ partition.Seed).ToArray();

        var first = Run(Map(territories), accounts);
        var second = Run(Map([.. territories.Reverse()]), shuffled, new AssignmentOptions { ParallelThreshold = 0, MaxDegreeOfParallelism = 2 });

        Assert.Equal(first.Assignments.Select(a => (a.Account, a.Status, a.Territory)), second.Assignments.Select(a => (a.Account, a.Status, a.Territory)));
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 15)]
    public void LocateMany_Parallel_EqualsOnePointAtATime(GeometryPartition partition)
    {
        var map = Map(partition.Territories());
        var accounts = partition.Accounts(3000);
        double[] lon = [.. accounts.Select(a => a.Location.Longitude)], lat = [.. accounts.Select(a => a.Location.Latitude)];
        var results = new PointAssignment[lon.Length];

        map.LocateMany(lon, lat, results, new AssignmentOptions { ParallelThreshold = 1, MaxDegreeOfParallelism = 3 });

        Assert.Equal(accounts.Select(a => map.Locate(a.Location)), results);
    }

    [Fact]
    public void Locate_PointOnSharedNorthSouthEdge_GoesToTheEasternTerritory()
    {
        var map = Map(Territory("west", Square(0, 0, 1)), Territory("east", Square(1, 0, 1)));

        var r = map.Locate(new GeoPoint(1, 0.5));

        Assert.Equal(AssignmentStatus.Assigned, r.Status);
        Assert.Equal("east", map.Territories[r.TerritoryIndex].Value);
    }

    [Fact]
    public void Locate_PointOnSharedEastWestEdge_GoesToTheNorthernTerritory()
    {
        var map = Map(Territory("south", Square(0, 0, 1)), Territory("north", Square(0, 1, 1)));

        var r = map.Locate(new GeoPoint(0.5, 1));

        Assert.Equal("north", map.Territories[r.TerritoryIndex].Value);
    }

    [Fact]
    public void Locate_PointOnOuterEdge_BelongsToTheTerritoryItLiesOn()
    {
        var map = Map(Territory("only", Square(0, 0, 1)));

        Assert.Equal(AssignmentStatus.Assigned, map.Locate(new GeoPoint(1, 0.5)).Status);
        Assert.Equal(AssignmentStatus.Assigned, map.Locate(new GeoPoint(0.5, 1)).Status);
        Assert.Equal(AssignmentStatus.Assigned, map.Locate(new GeoPoint(1, 1)).Status);
        Assert.Equal(AssignmentStatus.Unassigned, map.Locate(new GeoPoint(1.0001, 0.5)).Status);
    }

    [Fact]
    public void Assign_NamedAccount_BeatsGeography()
    {
        var west = Territory("west", Square(0, 0, 1)) with { NamedAccounts = [new AccountId("hq")] };
        var map = Map(west, Territory("east", Square(1, 0, 1)));

        var result = Run(map, [new Account(new AccountId("hq"), new GeoPoint(1.5, 0.5)), new Account(new AccountId("shop"), new GeoPoint(1.5, 0.5))]);

        Assert.Equal(new AccountAssignment(new AccountId("hq"), AssignmentStatus.Named, new TerritoryId("west"), [], null, null), result.Find(new AccountId("hq")), AssignmentComparer.Instance);
        Assert.Equal("east", result.Find(new AccountId("shop"))!.Territory!.Value.Value);
        Assert.Equal(1, result.NamedCount);
    }

    [Fact]
    public void Assign_AccountNamedByTwoTerritories_IsAmbiguousWithBoth()
    {
        var map = Map(Territory("a", Square(0, 0, 1)) with { NamedAccounts = [new AccountId("x")] }, Territory("b", Square(1, 0, 1)) with { NamedAccounts = [new AccountId("x")] });

        var a = Run(map, [new Account(new AccountId("x"), new GeoPoint(5, 5))]).Find(new AccountId("x"))!;

        Assert.Equal(AssignmentStatus.Ambiguous, a.Status);
        Assert.Equal(["a", "b"], a.Candidates.Select(t => t.Value));
    }

    [Fact]
    public void Assign_OverlappingTerritories_AccountInBothIsAmbiguous()
    {
        var map = Map(Territory("a", Square(0, 0, 1)), Territory("b", Square(0.5, 0, 1)));

        var result = Run(map, [new Account(new AccountId("both"), new GeoPoint(0.75, 0.5)), new Account(new AccountId("onlyA"), new GeoPoint(0.25, 0.5))]);

        Assert.Equal(AssignmentStatus.Ambiguous, result.Find(new AccountId("both"))!.Status);
        Assert.Equal(["a", "b"], result.Find(new AccountId("both"))!.Candidates.Select(t => t.Value));
        Assert.Equal("a", result.Find(new AccountId("onlyA"))!.Territory!.Value.Value);
        Assert.Equal(1, result.AmbiguousCount);
    }

    [Fact]
    public void Assign_DuplicatedTerritories_AccountInsideIsAmbiguous()
    {
        var map = Map(Territory("a", Square(0, 0, 1)), Territory("copy", Square(0, 0, 1)));

        Assert.Equal(AssignmentStatus.Ambiguous, map.Locate(new GeoPoint(0.5, 0.5)).Status);
    }

    [Fact]
    public void Assign_AccountOutside_UnassignedWithNearestTerritoryAndDistance()
    {
        var map = Map(Territory("a", Square(0, 0, 1)), Territory("b", Square(5, 0, 1)));

        var a = Run(map, [new Account(new AccountId("sea"), new GeoPoint(1.1, 0.5))]).Find(new AccountId("sea"))!;

        Assert.Equal(AssignmentStatus.Unassigned, a.Status);
        Assert.Equal("a", a.NearestTerritory!.Value.Value);

        // 0.1 degree of longitude near the equator: 11.12 km on the mean sphere.
        Assert.InRange(a.DistanceMetres!.Value, 11_110, 11_125);
    }

    [Fact]
    public void Assign_SnapDistance_AccountJustOutsideGetsTheNearestTerritoryFartherOnesStayUnassigned()
    {
        var map = Map(Territory("a", Square(0, 0, 1)), Territory("b", Square(5, 0, 1)));
        Account[] accounts = [new(new AccountId("beach"), new GeoPoint(1.001, 0.5)), new(new AccountId("sea"), new GeoPoint(1.1, 0.5)), new(new AccountId("inland"), new GeoPoint(0.5, 0.5))];

        var result = map.Assign(accounts, new AssignmentOptions { SnapDistanceMetres = 500 }, TestContext.Current.CancellationToken);

        var beach = result.Find(new AccountId("beach"))!;
        Assert.Equal(AssignmentStatus.Snapped, beach.Status);
        Assert.Equal("a", beach.Territory!.Value.Value);
        Assert.InRange(beach.DistanceMetres!.Value, 100, 125);
        Assert.Equal(AssignmentStatus.Unassigned, result.Find(new AccountId("sea"))!.Status);
        Assert.Null(result.Find(new AccountId("sea"))!.Territory);
        Assert.Equal(AssignmentStatus.Assigned, result.Find(new AccountId("inland"))!.Status);
        Assert.Equal((1, 1, 1), (result.SnappedCount, result.UnassignedCount, result.AssignedCount));
        Assert.Equal(["beach", "inland"], result.AccountsOf(new TerritoryId("a")).Select(a => a.Value));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Assign_BadSnapDistance_ArgumentExceptionNamingTheOption(double metres)
    {
        var map = Map(Territory("a", Square(0, 0, 1)));
        var ex = Assert.ThrowsAny<ArgumentException>(() => map.Assign([new Account(new AccountId("x"), new GeoPoint(0.5, 0.5))], new AssignmentOptions { SnapDistanceMetres = metres }, TestContext.Current.CancellationToken));
        Assert.Contains("SnapDistanceMetres", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Assign_NaNCoordinates_ReportedAsInvalidLocation()
    {
        var map = Map(Territory("a", Square(0, 0, 1)));

        var result = Run(map, [new Account(new AccountId("nan"), new GeoPoint(double.NaN, 0.5)), new Account(new AccountId("inf"), new GeoPoint(0.5, double.PositiveInfinity)), new Account(new AccountId("ok"), new GeoPoint(0.5, 0.5))]);

        Assert.Equal(AssignmentStatus.InvalidLocation, result.Find(new AccountId("nan"))!.Status);
        Assert.Equal(AssignmentStatus.InvalidLocation, result.Find(new AccountId("inf"))!.Status);
        Assert.Equal(2, result.InvalidLocationCount);
        Assert.Equal(1, result.AssignedCount);
    }

    [Fact]
    public void Create_DuplicateIds_ReturnsFailureNamingTheId()
    {
        var failure = TerritoryMap.Create([Territory("a", Square(0, 0, 1)), Territory("a", Square(1, 0, 1))]).AsT1;

        var p = Assert.Single(failure.Errors);
        Assert.Equal(TerritoryProblemCode.DuplicateId, p.Code);
        Assert.Equal(["a"], p.Territories.Select(t => t.Value));
    }

    [Fact]
    public void Create_NaNVertex_ReturnsFailure()
    {
        var bad = Factory.CreatePolygon([new Coordinate(0, 0), new Coordinate(1, 0), new Coordinate(double.NaN, 1), new Coordinate(0, 0)]);

        var failure = TerritoryMap.Create([new Territory(new TerritoryId("bad")) { Boundary = TerritoryBoundary.FromGeometry(bad) }]).AsT1;

        Assert.Equal(TerritoryProblemCode.InvalidCoordinate, Assert.Single(failure.Errors).Code);
    }

    [Fact]
    public void Create_EmptyBoundary_TerritoryKeptButHoldsNoPoint()
    {
        var map = Map(Territory("empty", "POLYGON EMPTY"), Territory("a", Square(0, 0, 1)));

        Assert.Equal(["a", "empty"], map.Territories.Select(t => t.Value));
        Assert.Equal("a", map.Territories[map.Locate(new GeoPoint(0.5, 0.5)).TerritoryIndex].Value);
    }

    [Fact]
    public void PublicMethods_NullOrMismatchedArguments_Throw()
    {
        var map = Map(Territory("a", Square(0, 0, 1)));

        Assert.Throws<ArgumentNullException>("territories", () => TerritoryMap.Create(null!));
        Assert.Throws<ArgumentNullException>("accounts", () => Run(map, null!));
        Assert.Throws<ArgumentNullException>("model", () => TerritoryMap.FromModel(null!));
        Assert.Throws<ArgumentException>("results", () => map.Locate(new double[2], new double[2], new PointAssignment[1]));
        Assert.Contains("MaxDegreeOfParallelism", Assert.Throws<ArgumentException>(() => Run(map, [], new AssignmentOptions { MaxDegreeOfParallelism = -1 })).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("places.csv", 864, new[] { "4518257", "4519745", "4521969", "4525103", "5146978", "5149720", "5156409", "5160272", "5175072" })]
    [InlineData("zips.csv", 1233, new[] { "43006", "43345", "43358", "43558", "43731", "43747", "43780", "43822", "44624", "44657", "44811", "44865", "45147", "45310", "45739", "45764", "45833" })]
    public void Assign_OhioSample_EveryPointInItsCountyExceptTheListedMismatches(string file, int rows, string[] mismatches)
    {
        var map = Map([.. OhioCounties()]);
        var points = OhioPoints(file);
        Assert.Equal(rows, points.Count);

        var result = Run(map, points.Select(p => new Account(new AccountId(p.Id), p.Location)));

        var wrong = points.Where(p => result.Find(new AccountId(p.Id))!.Territory?.Value != p.CountyId).Select(p => p.Id).Order(StringComparer.Ordinal);

        // The README lists these as on a shore or a county line of the simplified boundaries; the rest (855 places, 1,216 ZIPs) match.
        Assert.Equal(mismatches.Order(StringComparer.Ordinal), wrong);
        Assert.Equal(rows - mismatches.Length, points.Count(p => result.Find(new AccountId(p.Id))!.Territory?.Value == p.CountyId));
    }

    private static AssignmentResult Run(TerritoryMap map, IEnumerable<Account> accounts, AssignmentOptions? options = null) =>
        map.Assign(accounts, options, TestContext.Current.CancellationToken);

    private sealed class AssignmentComparer : IEqualityComparer<AccountAssignment?>
    {
        public static readonly AssignmentComparer Instance = new();

        public bool Equals(AccountAssignment? x, AccountAssignment? y) =>
            x is not null && y is not null && x.Account == y.Account && x.Status == y.Status && x.Territory == y.Territory && x.Candidates.SequenceEqual(y.Candidates);

        public int GetHashCode(AccountAssignment? obj) => obj?.Account.GetHashCode() ?? 0;
    }
}
