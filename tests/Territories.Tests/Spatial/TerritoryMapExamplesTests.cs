using NetTopologySuite.Geometries;
using Territories.Model;
using Territories.Spatial;
using static Territories.Tests.Spatial.GeometryFixtures;

namespace Territories.Tests.Spatial;

/// <summary>
/// Exact examples of <see cref="TerritoryMap"/> (and of the <see cref="AssignmentResult"/> and
/// <see cref="TerritoryMetricsCalculator"/> built on it) at the limits a user relies on: the order and
/// text of build problems, the WGS84 edges, the snap distance exactly reached, the nearest territory
/// when the envelopes mislead, ties, batches split into chunks, cancellation and argument names.
/// </summary>
public class TerritoryMapExamplesTests
{
    /// <summary>One degree of a great circle in metres (the library's mean sphere).</summary>
    private const double Degree = 6_371_008.8 * Math.PI / 180;

    /// <summary>The size of one chunk of a parallel batch.</summary>
    private const int Chunk = 1 << 15;

    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    private static readonly JourneyCycle FourWeeks = JourneyCycle.Create(4);

    /// <summary>Equality of every field, the candidates by sequence.</summary>
    private static readonly IEqualityComparer<AccountAssignment?> SameAssignment = EqualityComparer<AccountAssignment?>.Create(
        (x, y) => x is not null && y is not null && x.Account == y.Account && x.Status == y.Status && x.Territory == y.Territory
            && x.Candidates.SequenceEqual(y.Candidates) && x.NearestTerritory == y.NearestTerritory && x.DistanceMetres == y.DistanceMetres,
        a => a?.Account.GetHashCode() ?? 0);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static CancellationToken Cancelled => new(canceled: true);

    private static Account At(string id, double longitude, double latitude) => new(new AccountId(id), new GeoPoint(longitude, latitude));

    private static Territory Triangle(string id, double x, double y) =>
        new(new TerritoryId(id)) { Boundary = TerritoryBoundary.FromGeometry(Factory.CreatePolygon([new(0, 0), new(1, 0), new(x, y), new(0, 0)])) };

    // ---- Create and FromModel

    [Fact]
    public void Create_NullItem_ArgumentNullNamingTerritories() =>
        Assert.Throws<ArgumentNullException>("territories", () => TerritoryMap.Create([Territory("a", Square(0, 0, 1)), null!]));

    [Fact]
    public void Create_TwoIdsUsedSeveralTimes_OneProblemPerIdSortedByIdWithTheCount()
    {
        var failure = TerritoryMap.Create(
        [
            Territory("b", Square(0, 0, 1)), Territory("a", Square(1, 0, 1)), Territory("b", Square(2, 0, 1)),
            Territory("a", Square(3, 0, 1)), Territory("b", Square(4, 0, 1)), Territory("c", Square(5, 0, 1)),
        ]).AsT1;

        Assert.Equal(
            [
                new TerritoryProblem(TerritoryProblemCode.DuplicateId, [Id("a")], null, 0, "Territory id 'a' is used 2 times."),
                new TerritoryProblem(TerritoryProblemCode.DuplicateId, [Id("b")], null, 0, "Territory id 'b' is used 3 times."),
            ],
            failure.Errors);
    }

    [Fact]
    public void Create_NonFiniteVerticesInTwoTerritories_OneProblemEachSortedByIdNamingTheVertex()
    {
        var failure = TerritoryMap.Create([Triangle("y", double.NaN, 1), Triangle("x", 1, double.PositiveInfinity), Territory("ok", Square(0, 0, 1))]).AsT1;

        Assert.Equal(
            [
                new TerritoryProblem(TerritoryProblemCode.InvalidCoordinate, [Id("x")], null, 0, "Territory 'x' has a vertex (1, Infinity) that is not a finite number."),
                new TerritoryProblem(TerritoryProblemCode.InvalidCoordinate, [Id("y")], null, 0, "Territory 'y' has a vertex (NaN, 1) that is not a finite number."),
            ],
            failure.Errors);
    }

    [Fact]
    public void Create_TerritoriesWithoutABoundary_KeptSortedByIdButHoldNoPoint()
    {
        var named = new Territory(Id("named")) { NamedAccounts = [new AccountId("hq")] };
        var map = Map(Territory("sq", Square(0, 0, 1)), named, Territory("empty", "POLYGON EMPTY"));

        Assert.Equal(["empty", "named", "sq"], map.Territories.Select(t => t.Value));
        Assert.Null(map.BoundaryOf(Id("named")));
        Assert.Null(map.BoundaryOf(Id("empty")));
        Assert.Same(named, map.Find(Id("named")));
        Assert.Equal(new PointAssignment(AssignmentStatus.Assigned, 2), map.Locate(new GeoPoint(0.5, 0.5)));
        var hq = map.Assign([At("hq", 0.5, 0.5)], null, Token).Find(new AccountId("hq"))!;
        Assert.Equal((AssignmentStatus.Named, (TerritoryId?)Id("named")), (hq.Status, hq.Territory));
    }

    [Fact]
    public void BoundaryOf_IsTheNormalisedCopyWhateverTheStartingVertexAndOrientation()
    {
        var map = Map(Territory("sq", "POLYGON((1 1, 0 1, 0 0, 1 0, 1 1))"));

        Assert.Equal("POLYGON ((0 0, 0 1, 1 1, 1 0, 0 0))", map.BoundaryOf(Id("sq"))!.ToWkt());
    }

    [Fact]
    public void IndexOf_FindAndBoundaryOf_UnknownTerritory_MinusOneAndNull()
    {
        var map = Map(Territory("b", Square(1, 0, 1)), Territory("a", Square(0, 0, 1)));

        Assert.Equal((0, 1, -1), (map.IndexOf(Id("a")), map.IndexOf(Id("b")), map.IndexOf(Id("zz"))));
        Assert.Null(map.Find(Id("zz")));
        Assert.Null(map.BoundaryOf(Id("zz")));
    }

    private static SalesModel ZonesAndDistricts(params string[] levels) => SalesModel.Create(new SalesModelInput
    {
        Levels = levels,
        Territories = levels.Length == 0 ? [] :
        [
            Territory("z", Square(0, 0, 2)) with { Level = "zone" },
            Territory("d2", Square(1, 0, 1)) with { Level = "district", Parent = Id("z") },
            Territory("d1", Square(0, 0, 1)) with { Level = "district", Parent = Id("z") },
        ],
    }).Match(m => m, f => throw new InvalidOperationException(f.ToString()));

    [Fact]
    public void FromModel_NoLevelGiven_TheModelsLowestLevelEvenWhenNotCalledTerritory()
    {
        var map = TerritoryMap.FromModel(ZonesAndDistricts("zone", "district"));

        Assert.Equal(["d1", "d2"], map.Territories.Select(t => t.Value));
        Assert.Equal(new PointAssignment(AssignmentStatus.Assigned, 1), map.Locate(new GeoPoint(1.5, 0.5)));
    }

    [Fact]
    public void FromModel_LevelGiven_ThatLevelOnly()
    {
        var map = TerritoryMap.FromModel(ZonesAndDistricts("zone", "district"), "zone");

        Assert.Equal(["z"], map.Territories.Select(t => t.Value));
        Assert.Equal(new PointAssignment(AssignmentStatus.Assigned, 0), map.Locate(new GeoPoint(1.5, 1.5)));
    }

    [Fact]
    public void FromModel_LevelNotInTheModel_ArgumentExceptionNamingTheLevel()
    {
        var model = ZonesAndDistricts("zone", "district");

        var ex = Assert.Throws<ArgumentException>("level", () => TerritoryMap.FromModel(model, "territory"));

        Assert.StartsWith("Level 'territory' is not one of the model's levels.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromModel_ModelWithoutLevels_ArgumentExceptionNamingTheDefaultLevel()
    {
        var model = ZonesAndDistricts();

        var ex = Assert.Throws<ArgumentException>("level", () => TerritoryMap.FromModel(model));

        Assert.StartsWith("Level 'territory' is not one of the model's levels.", ex.Message, StringComparison.Ordinal);
    }

    // ---- Locate

    public static TheoryData<double, double, double, double> WorldEdges => new()
    {
        { -180, 5, -180, 0 },
        { 180, 5, 170, 0 },
        { 5, -90, 0, -90 },
        { 5, 90, 0, 80 },
        { -180, -90, -180, -90 },
        { 180, 90, 170, 80 },
    };

    [Theory]
    [MemberData(nameof(WorldEdges))]
    public void Locate_PointExactlyOnTheEdgeOfTheWorld_IsValidAndInTheTerritoryDrawnThere(double longitude, double latitude, double west, double south)
    {
        var map = Map(Territory("edge", Square(west, south, 10)));

        Assert.Equal(new PointAssignment(AssignmentStatus.Assigned, 0), map.Locate(new GeoPoint(longitude, latitude)));
        Assert.Equal(["edge"], map.TerritoriesAt(new GeoPoint(longitude, latitude)).Select(t => t.Value));
        var a = map.Assign([At("x", longitude, latitude)], null, Token).Assignments.Single();
        Assert.Equal((AssignmentStatus.Assigned, (TerritoryId?)Id("edge")), (a.Status, a.Territory));
    }

    [Fact]
    public void Locate_PointOutsideWgs84InsideATerritoryDrawnThere_InvalidLocationWithIndexMinusOne()
    {
        // Boundaries are only required to be finite, so a territory may be drawn beyond longitude 180.
        var map = Map(Territory("beyond", Square(190, 0, 20)), Territory("a", Square(0, 0, 1)));
        var point = new GeoPoint(200, 5);

        Assert.Equal(new PointAssignment(AssignmentStatus.InvalidLocation, -1), map.Locate(point));
        Assert.Empty(map.TerritoriesAt(point));
        Assert.Null(map.Nearest(point));
        Assert.Equal(AssignmentStatus.InvalidLocation, map.Assign([new Account(new AccountId("x"), point)], null, Token).Assignments.Single().Status);
    }

    [Fact]
    public void Locate_PointOutsideEveryTerritory_UnassignedWithIndexMinusOne()
    {
        var map = Map(Territory("a", Square(0, 0, 1)), Territory("b", Square(3, 0, 1)));

        Assert.Equal(new PointAssignment(AssignmentStatus.Unassigned, -1), map.Locate(new GeoPoint(2, 0.5)));
        Assert.Equal(new PointAssignment(AssignmentStatus.Unassigned, -1), map.Locate(new GeoPoint(50, 50)));
    }

    [Fact]
    public void Locate_SpansOfDifferentLengths_ArgumentExceptionNamingResults()
    {
        var map = Map(Territory("a", Square(0, 0, 1)));

        var ex = Assert.Throws<ArgumentException>("results", () => map.Locate(new double[2], new double[2], new PointAssignment[1]));

        Assert.StartsWith("Longitudes, latitudes and results must have the same length.", ex.Message, StringComparison.Ordinal);
    }

    // ---- LocateMany

    public static TheoryData<int, int, int> MismatchedLengths => new()
    {
        { 3, 2, 3 },
        { 3, 3, 2 },
        { 2, 3, 3 },
        { 3, 3, 4 },
    };

    [Theory]
    [MemberData(nameof(MismatchedLengths))]
    public void LocateMany_BuffersOfDifferentLengthsOnTheParallelPath_ArgumentExceptionNamingResults(int longitudeCount, int latitudeCount, int resultCount)
    {
        var map = Map(Territory("a", Square(0, 0, 1)));
        var options = new AssignmentOptions { ParallelThreshold = 0, MaxDegreeOfParallelism = 2 };

        var ex = Assert.Throws<ArgumentException>("results", () => map.LocateMany(new double[longitudeCount], new double[latitudeCount], new PointAssignment[resultCount], options, Token));

        Assert.StartsWith("Longitudes, latitudes and results must have the same length.", ex.Message, StringComparison.Ordinal);
    }

    public static TheoryData<int, int> BatchSizes => new()
    {
        { (3 * Chunk) - 1, 0 },
        { (2 * Chunk) + 5, 3 },
        { Chunk, 2 },
    };

    [Theory]
    [MemberData(nameof(BatchSizes))]
    public void LocateMany_BatchSplitIntoChunks_SameAsOnePointAtATime(int count, int threads)
    {
        // Four unit squares around (1, 1) and a grid of points over [-0.5, 2.5]², outside points included.
        var map = Map(Territory("sw", Square(0, 0, 1)), Territory("se", Square(1, 0, 1)), Territory("nw", Square(0, 1, 1)), Territory("ne", Square(1, 1, 1)));
        var lon = new double[count];
        var lat = new double[count];
        for (var i = 0; i < count; i++)
        {
            (lon[i], lat[i]) = (-0.5 + (3.0 * (i % 401) / 400), -0.5 + (3.0 * (i / 401) / ((count / 401) + 1)));
        }

        var expected = new PointAssignment[count];
        map.Locate(lon, lat, expected);
        var actual = new PointAssignment[count];

        map.LocateMany(lon, lat, actual, new AssignmentOptions { ParallelThreshold = 0, MaxDegreeOfParallelism = threads }, Token);

        Assert.Equal(expected, actual);
        Assert.Contains(new PointAssignment(AssignmentStatus.Unassigned, -1), actual);
        Assert.Equal(4, actual.Where(r => r.Status == AssignmentStatus.Assigned).Select(r => r.TerritoryIndex).Distinct().Count());
    }

    public static TheoryData<int, int, int> CancelledBatches => new()
    {
        { 3, 16_384, 0 },
        { 3, 16_384, 2 },
        { 0, 16_384, 2 },
        { 0, 0, 1 },
        { 3, 0, 2 },
        { 3, 0, 0 },
        { 0, 0, 2 },
    };

    [Theory]
    [MemberData(nameof(CancelledBatches))]
    public void LocateMany_CancelledToken_OperationCanceled(int count, int threshold, int threads)
    {
        // Also an empty batch on the parallel path: Parallel.For over no chunks would not look at the token.
        var map = Map(Territory("a", Square(0, 0, 1)));
        var options = new AssignmentOptions { ParallelThreshold = threshold, MaxDegreeOfParallelism = threads };

        Assert.ThrowsAny<OperationCanceledException>(() => map.LocateMany(new double[count], new double[count], new PointAssignment[count], options, Cancelled));
    }

    [Fact]
    public void Assign_CancelledToken_OperationCanceled()
    {
        var map = Map(Territory("a", Square(0, 0, 1)));

        Assert.ThrowsAny<OperationCanceledException>(() => map.Assign([At("x", 0.5, 0.5)], null, Cancelled));
        Assert.ThrowsAny<OperationCanceledException>(() => map.Assign([At("x", 0.5, 0.5)], new AssignmentOptions { ParallelThreshold = 0, MaxDegreeOfParallelism = 2 }, Cancelled));
    }

    // ---- Nearest

    [Fact]
    public void Nearest_TerritoriesWhoseIdOrderIsNotTheirDistanceOrder_TheNearestOne()
    {
        // a 2° east, b 10° east, c 1° west of the point on the equator.
        var map = Map(Territory("a", Square(2, -0.5, 1)), Territory("b", Square(10, -0.5, 1)), Territory("c", Square(-2, -0.5, 1)));

        var (territory, metres) = map.Nearest(new GeoPoint(0, 0))!.Value;

        Assert.Equal(Id("c"), territory);
        Assert.Equal(Degree, metres, 1e-6);
    }

    [Fact]
    public void Nearest_EnvelopeNearerThanItsEdges_TheTerritoryWhoseEdgeIsNearest()
    {
        // The triangle's envelope is 0.28° from the origin but its long edge x + y = 1.42 is 1.004° away;
        // the square's edge is 1° away, within 1 % of the triangle's, so it must still be measured.
        var triangle = new Territory(Id("triangle")) { Boundary = TerritoryBoundary.FromWkt("POLYGON((0.2 1.22, 1.22 0.2, 1.22 1.22, 0.2 1.22))") };
        var map = Map(triangle, Territory("square", Square(1, -0.5, 1)));

        var (territory, metres) = map.Nearest(new GeoPoint(0, 0))!.Value;

        Assert.Equal(Id("square"), territory);
        Assert.Equal(Degree, metres, 1e-6);
        Assert.Equal(1.42 / Math.Sqrt(2) * Degree, Map(triangle).Nearest(new GeoPoint(0, 0))!.Value.DistanceMetres, 0.01 * Degree / 100);
    }

    [Theory]
    [InlineData("a", "b")]
    [InlineData("b", "a")]
    public void Nearest_TwoTerritoriesEquallyFar_TheLowestId(string east, string west)
    {
        var map = Map(Territory(east, Square(1, -0.5, 1)), Territory(west, Square(-2, -0.5, 1)));

        Assert.Equal((Id("a"), Degree), map.Nearest(new GeoPoint(0, 0))!.Value, new NearestComparer());
        var account = map.Assign([At("x", 0, 0)], null, Token).Assignments.Single();
        Assert.Equal((AssignmentStatus.Unassigned, (TerritoryId?)Id("a")), (account.Status, account.NearestTerritory));
    }

    [Fact]
    public void Nearest_PointInside_ThatTerritoryAtZero() =>
        Assert.Equal((Id("b"), 0.0), Map(Territory("a", Square(0, 0, 1)), Territory("b", Square(1, 0, 1))).Nearest(new GeoPoint(1.5, 0.5)));

    // ---- Assign

    [Fact]
    public void Assign_NullAccount_ArgumentNullNamingAccounts()
    {
        var map = Map(Territory("a", Square(0, 0, 1)));

        Assert.Throws<ArgumentNullException>("accounts", () => map.Assign([null!], null, Token));
        Assert.Throws<ArgumentNullException>("accounts", () => map.Assign([At("x", 0.5, 0.5), null!, At("y", 0.5, 0.5)], null, Token));
    }

    [Fact]
    public void Assign_DistanceExactlyTheSnapDistance_SnappedAndJustBelowUnassigned()
    {
        var map = Map(Territory("a", Square(0, 0, 1)), Territory("b", Square(5, 0, 1)));
        var beach = At("beach", 1.001, 0.5);
        var metres = map.Nearest(beach.Location)!.Value.DistanceMetres;
        Assert.InRange(metres, 110, 112);

        var exactly = map.Assign([beach], new AssignmentOptions { SnapDistanceMetres = metres }, Token).Assignments.Single();
        var below = map.Assign([beach], new AssignmentOptions { SnapDistanceMetres = Math.BitDecrement(metres) }, Token).Assignments.Single();

        Assert.Equal(new AccountAssignment(beach.Id, AssignmentStatus.Snapped, Id("a"), [], Id("a"), metres), exactly, SameAssignment);
        Assert.Equal(new AccountAssignment(beach.Id, AssignmentStatus.Unassigned, null, [], Id("a"), metres), below, SameAssignment);
    }

    [Fact]
    public void Assign_SnapWithoutComputeNearest_SnappedWithinTheDistanceAndNoNearestBeyondIt()
    {
        var map = Map(Territory("a", Square(0, 0, 1)), Territory("b", Square(5, 0, 1)));
        Account[] accounts = [At("beach", 1.001, 0.5), At("sea", 1.1, 0.5), At("inland", 0.5, 0.5)];

        var result = map.Assign(accounts, new AssignmentOptions { ComputeNearest = false, SnapDistanceMetres = 500 }, Token);

        var beach = result.Find(new AccountId("beach"))!;
        Assert.Equal((AssignmentStatus.Snapped, (TerritoryId?)Id("a"), (TerritoryId?)Id("a")), (beach.Status, beach.Territory, beach.NearestTerritory));
        Assert.Equal(0.001 * Degree * Math.Cos(0.5 * Math.PI / 180), beach.DistanceMetres!.Value, 0.01);
        Assert.Equal(new AccountAssignment(new AccountId("sea"), AssignmentStatus.Unassigned, null, [], null, null), result.Find(new AccountId("sea")), SameAssignment);
        Assert.Equal((1, 1, 1), (result.SnappedCount, result.UnassignedCount, result.AssignedCount));
    }

    [Fact]
    public void Assign_NeitherNearestNorSnap_UnassignedWithoutNearest()
    {
        var map = Map(Territory("a", Square(0, 0, 1)));

        var sea = map.Assign([At("sea", 1.1, 0.5)], new AssignmentOptions { ComputeNearest = false }, Token).Assignments.Single();

        Assert.Equal(new AccountAssignment(new AccountId("sea"), AssignmentStatus.Unassigned, null, [], null, null), sea, SameAssignment);
    }

    [Theory]
    [InlineData(new[] { 2.5, 0.5, 1.5 })]
    [InlineData(new[] { 1.5, 2.5, 0.5 })]
    [InlineData(new[] { 0.5, 1.5, 2.5 })]
    public void Assign_AccountsSharingAnIdAtDifferentLongitudes_SortedWestToEastAndFindGivesTheWesternmost(double[] longitudes)
    {
        var map = Map(Territory("a", Square(0, 0, 1)), Territory("b", Square(1, 0, 1)), Territory("c", Square(2, 0, 1)));
        Account[] accounts = [At("w", 0.5, 0.5), .. longitudes.Select(lon => At("x", lon, 0.5)), At("z", 2.5, 0.5)];

        var result = map.Assign(accounts, null, Token);

        Assert.Equal([("w", "a"), ("x", "a"), ("x", "b"), ("x", "c"), ("z", "c")], result.Assignments.Select(a => (a.Account.Value, a.Territory!.Value.Value)));
        Assert.Equal(Id("a"), result.Find(new AccountId("x"))!.Territory);
        Assert.Equal(Id("a"), result.Find(new AccountId("w"))!.Territory);
        Assert.Equal(Id("c"), result.Find(new AccountId("z"))!.Territory);
        Assert.Null(result.Find(new AccountId("y")));
    }

    [Theory]
    [InlineData(1.5, 0.5)]
    [InlineData(0.5, 1.5)]
    public void Assign_AccountsSharingAnIdAndLongitude_SortedSouthToNorth(double firstLatitude, double secondLatitude)
    {
        var map = Map(Territory("south", Square(0, 0, 1)), Territory("north", Square(0, 1, 1)));

        var result = map.Assign([At("x", 0.5, firstLatitude), At("x", 0.5, secondLatitude)], null, Token);

        Assert.Equal(["south", "north"], result.Assignments.Select(a => a.Territory!.Value.Value));
        Assert.Equal(Id("south"), result.Find(new AccountId("x"))!.Territory);
    }

    // ---- Metrics of a map

    [Fact]
    public void Metrics_NullArguments_ArgumentNullNamingEach()
    {
        var map = Map(Territory("a", Square(0, 0, 1)));
        var assignment = map.Assign([], null, Token);
        var model = SalesModel.Create(new SalesModelInput()).AsT0;

        Assert.Throws<ArgumentNullException>("assignment", () => TerritoryMetricsCalculator.Compute(map, null!, [], FourWeeks));
        Assert.Throws<ArgumentNullException>("accounts", () => TerritoryMetricsCalculator.Compute(map, assignment, null!, FourWeeks));
        Assert.Throws<ArgumentNullException>("model", () => TerritoryMetricsCalculator.Compute(null!, map, assignment));
        Assert.Throws<ArgumentNullException>("cycle", () => TerritoryMetricsCalculator.WorkloadHours(At("no-visit", 0, 0), null!));
    }

    [Fact]
    public void Metrics_TerritoryWithoutBoundary_ZeroShapeNoCentroidButItsNamedAccounts()
    {
        var named = new Territory(Id("named")) { NamedAccounts = [new AccountId("hq")] };
        var map = Map(named, Territory("sq", Square(0, 0, 1)));
        Account[] accounts = [At("hq", 0.5, 0.5) with { Potential = 40m }, At("shop", 0.5, 0.5) with { Potential = 2m }];

        var metrics = TerritoryMetricsCalculator.Compute(map, map.Assign(accounts, null, Token), accounts, FourWeeks);

        Assert.Equal(
            new TerritoryMetrics { Territory = Id("named"), AreaKm2 = 0, PerimeterKm = 0, Compactness = 0, Centroid = null, AccountCount = 1, Potential = 40m, WorkloadHours = 0 },
            metrics[0]);
        Assert.Equal((Id("sq"), 1, 2m), (metrics[1].Territory, metrics[1].AccountCount, metrics[1].Potential));
    }

    [Fact]
    public void Metrics_BoundaryCollapsedToAPoint_CompactnessZeroNotNaN()
    {
        var map = Map(Territory("dot", "POLYGON((1 1, 1 1, 1 1, 1 1))"));

        var m = Assert.Single(TerritoryMetricsCalculator.Compute(map, map.Assign([], null, Token), [], FourWeeks));

        Assert.Equal((0.0, 0.0, 0.0), (m.AreaKm2, m.PerimeterKm, m.Compactness));
    }

    private sealed class NearestComparer : IEqualityComparer<(TerritoryId Territory, double DistanceMetres)>
    {
        public bool Equals((TerritoryId Territory, double DistanceMetres) x, (TerritoryId Territory, double DistanceMetres) y) =>
            x.Territory == y.Territory && Math.Abs(x.DistanceMetres - y.DistanceMetres) <= 1e-6;

        public int GetHashCode((TerritoryId Territory, double DistanceMetres) obj) => obj.Territory.GetHashCode();
    }
}
