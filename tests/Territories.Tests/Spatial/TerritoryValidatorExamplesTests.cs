using Territories.Model;
using Territories.Spatial;
using static Territories.Tests.Spatial.GeometryFixtures;

namespace Territories.Tests.Spatial;

/// <summary>
/// Exact examples of <see cref="TerritoryValidator"/>: the text of each problem and repair, the stable
/// order of problems and territories (every sort key in turn deciding), which pairs are overlaid, and the
/// minimum area exactly reached.
/// </summary>
public class TerritoryValidatorExamplesTests
{
    /// <summary>The library's mean Earth radius in km.</summary>
    private const double R = 6371.0088;

    private const string BowTie = "POLYGON((0 0, 1 1, 1 0, 0 1, 0 0))";

    /// <summary>The area in km² of the longitude-latitude rectangle <see cref="Square"/> draws, exact on the sphere.</summary>
    private static double SquareKm2(double south, double width, double height) =>
        R * R * width * Math.PI / 180 * (Math.Sin((south + height) * Math.PI / 180) - Math.Sin(south * Math.PI / 180));

    [Fact]
    public void Validate_NullItem_ArgumentNullNamingTerritories() =>
        Assert.Throws<ArgumentNullException>("territories", () => TerritoryValidator.Validate([Territory("a", Square(0, 0, 1)), null!]));

    [Fact]
    public void Validate_IdUsedThreeTimes_TerritoriesSortedByIdThenBoundaryTextWhateverTheInputOrder()
    {
        Territory[] territories = [Territory("b", Square(5, 5, 1)), Territory("a", Square(10, 10, 1)), Territory("b", Square(0, 0, 1)), new(Id("b"))];
        (string, string?)[] expected =
        [
            ("a", "POLYGON ((10 10, 11 10, 11 11, 10 11, 10 10))"),
            ("b", null),
            ("b", "POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))"),
            ("b", "POLYGON ((5 5, 6 5, 6 6, 5 6, 5 5))"),
        ];

        foreach (var input in new[] { territories, [.. territories.Reverse()] })
        {
            var result = TerritoryValidator.Validate(input);

            Assert.Equal(expected, result.Territories.Select(t => (t.Id.Value, t.Boundary?.ToWkt())));
            Assert.Equal(
                [
                    new TerritoryProblem(TerritoryProblemCode.DuplicateId, [Id("b")], null, 0, "Territory id 'b' is used 3 times."),
                    new TerritoryProblem(TerritoryProblemCode.EmptyBoundary, [Id("b")], null, 0, "Territory 'b' has no boundary."),
                ],
                result.Problems);
        }
    }

    [Fact]
    public void Validate_EmptyAndMissingBoundaries_SayWhich()
    {
        var result = TerritoryValidator.Validate([new Territory(Id("none")), Territory("empty", "POLYGON EMPTY")]);

        Assert.Equal(
            [
                new TerritoryProblem(TerritoryProblemCode.EmptyBoundary, [Id("empty")], null, 0, "Territory 'empty' has no boundary (it is empty)."),
                new TerritoryProblem(TerritoryProblemCode.EmptyBoundary, [Id("none")], null, 0, "Territory 'none' has no boundary."),
            ],
            result.Problems);
    }

    [Fact]
    public void Validate_SameSquareDrawnFromAnotherCornerTheOtherWayRound_OnlyADuplicateBoundary()
    {
        var result = TerritoryValidator.Validate([Territory("a", "POLYGON((0 0, 1 0, 1 1, 0 1, 0 0))"), Territory("b", "POLYGON((1 1, 1 0, 0 0, 0 1, 1 1))")]);

        var p = Assert.Single(result.Problems);
        Assert.Equal((TerritoryProblemCode.DuplicateBoundary, "Territories 'a' and 'b' have the same boundary."), (p.Code, p.Message));
        Assert.Equal([Id("a"), Id("b")], p.Territories);
        Assert.Equal(new GeoPoint(0.5, 0.5), p.Location);
        Assert.Equal(SquareKm2(0, 1, 1), p.AreaKm2, 1e-6);
    }

    [Fact]
    public void Validate_DuplicatePairOverlappedByAThird_DuplicateOnceAndOverlapsWithTheThirdOnly()
    {
        var result = TerritoryValidator.Validate([Territory("a", Square(0, 0, 1)), Territory("b", "POLYGON((1 1, 1 0, 0 0, 0 1, 1 1))"), Territory("c", Square(0.5, 0, 1))]);

        Assert.Equal(
            [
                (TerritoryProblemCode.Overlap, "a c", new GeoPoint(0.75, 0.5)),
                (TerritoryProblemCode.Overlap, "b c", new GeoPoint(0.75, 0.5)),
                (TerritoryProblemCode.DuplicateBoundary, "a b", new GeoPoint(0.5, 0.5)),
            ],
            result.Problems.Select(p => (p.Code, string.Join(' ', p.Territories), p.Location!.Value)));
        Assert.Equal([SquareKm2(0, 0.5, 1), SquareKm2(0, 0.5, 1), SquareKm2(0, 1, 1)], result.Problems.Select(p => p.AreaKm2), new ToleranceComparer(1e-6));
    }

    [Theory]
    [InlineData("a", "b")]
    [InlineData("b", "a")]
    public void Validate_TerritoryInsideAnother_OverlapIsTheInnerOne(string outer, string inner)
    {
        var result = TerritoryValidator.Validate([Territory(outer, Square(0, 0, 2)), Territory(inner, Square(0.5, 0.5, 1))]);

        var p = Assert.Single(result.Problems);
        Assert.Equal((TerritoryProblemCode.Overlap, new GeoPoint(1, 1)), (p.Code, p.Location));
        Assert.Equal([Id("a"), Id("b")], p.Territories);
        Assert.Equal(SquareKm2(0.5, 1, 1), p.AreaKm2, 1e-6);
        Assert.StartsWith("Territories 'a' and 'b' overlap by 1236", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NeighboursWithMisalignedVerticesAlongTheirEdge_NoProblem()
    {
        // The squares share the edge x = 1 from y = 0.5 to 1 without sharing vertices: not a clean
        // coverage edge, but the intersection is a line, with no area.
        var result = TerritoryValidator.Validate([Territory("a", Square(0, 0, 1)), Territory("b", Square(1, 0.5, 1))]);

        Assert.Empty(result.Problems);
    }

    [Fact]
    public void Validate_OverlapExactlyTheMinimumArea_ReportedAndJustAboveItIgnored()
    {
        Territory[] territories = [Territory("a", Square(0, 0, 1)), Territory("b", Square(0.9, 0, 1))];
        var area = Assert.Single(TerritoryValidator.Validate(territories, new TerritoryValidationOptions { MinimumAreaKm2 = 0 }).Problems).AreaKm2;
        Assert.Equal(SquareKm2(0, 0.1, 1), area, 1e-6);

        var exactly = TerritoryValidator.Validate(territories, new TerritoryValidationOptions { MinimumAreaKm2 = area });
        var above = TerritoryValidator.Validate(territories, new TerritoryValidationOptions { MinimumAreaKm2 = Math.BitIncrement(area) });

        Assert.Equal(area, Assert.Single(exactly.ProblemsOf(TerritoryProblemCode.Overlap)).AreaKm2);
        Assert.Empty(above.Problems);
    }

    [Fact]
    public void Validate_ProblemsOfDifferentCodes_SortedByCode()
    {
        // Overlap (8) of c and d, duplicate boundary (9) of a and b, gap (10) inside e, sliver (11) f; the
        // empty boundary (2) of g and the id (1) h used twice first.
        var result = TerritoryValidator.Validate(
        [
            Territory("f", Square(20, 0, 0.0001)),
            Territory("e", "POLYGON((10 0, 13 0, 13 3, 10 3, 10 0), (11 1, 11 2, 12 2, 12 1, 11 1))"),
            Territory("d", Square(5.5, 0, 1)),
            Territory("c", Square(5, 0, 1)),
            Territory("b", Square(0, 0, 1)),
            Territory("a", Square(0, 0, 1)),
            new(Id("g")),
            Territory("h", Square(30, 0, 1)),
            Territory("h", Square(40, 0, 1)),
        ]);

        Assert.Equal(
            [
                (TerritoryProblemCode.DuplicateId, "h"),
                (TerritoryProblemCode.EmptyBoundary, "g"),
                (TerritoryProblemCode.Overlap, "c d"),
                (TerritoryProblemCode.DuplicateBoundary, "a b"),
                (TerritoryProblemCode.Gap, "e"),
                (TerritoryProblemCode.Sliver, "f"),
            ],
            result.Problems.Select(p => (p.Code, string.Join(' ', p.Territories))));
    }

    [Fact]
    public void Validate_OverlapsOfPairsWhoseIdsConcatenateAlike_SortedByTheFirstIdThenTheSecond()
    {
        // "a"+"bc" and "ab"+"c" both read "abc"; the pair (a, bc) comes first although it lies further east.
        var result = TerritoryValidator.Validate(
            [Territory("ab", Square(0, 0, 1)), Territory("c", Square(0.5, 0, 1)), Territory("a", Square(10, 0, 1)), Territory("bc", Square(10.5, 0, 1))]);

        Assert.Equal(
            [("a bc", new GeoPoint(10.75, 0.5)), ("ab c", new GeoPoint(0.75, 0.5))],
            result.Problems.Select(p => (string.Join(' ', p.Territories), p.Location!.Value)));
    }

    public static TheoryData<double, double, double, bool> SliversOfOneId => new()
    {
        // The second sliver further east: west first.
        { 5, 0, 1, true },

        // At the same longitude (1), further north: south first.
        { 0.5, 5, 1, true },

        // At the same point (1, 1): by message, so the smaller area ("12…" before "49…") first.
        { 0.5, 0.5, 1, false },
    };

    [Theory]
    [MemberData(nameof(SliversOfOneId))]
    public void Validate_TwoSliversOfTheSameId_SortedByLongitudeThenLatitudeThenMessage(double west, double south, double size, bool largeFirst)
    {
        var large = Territory("b", Square(0, 0, 2));
        var small = Territory("b", Square(west, south, size));
        var options = new TerritoryValidationOptions { SliverAreaKm2 = 1e6 };

        var slivers = TerritoryValidator.Validate([small, large], options).ProblemsOf(TerritoryProblemCode.Sliver).ToList();

        (double, GeoPoint) largeOne = (SquareKm2(0, 2, 2), new GeoPoint(1, 1)), smallOne = (SquareKm2(south, size, size), new GeoPoint(west + (size / 2), south + (size / 2)));
        (double Area, GeoPoint Location)[] expected = largeFirst ? [largeOne, smallOne] : [smallOne, largeOne];
        Assert.Equal(expected.Select(e => e.Area), slivers.Select(p => p.AreaKm2), new ToleranceComparer(1e-6));
        Assert.Equal(expected.Select(e => e.Location), slivers.Select(p => p.Location!.Value));
        Assert.All(slivers, p => Assert.StartsWith("Territory 'b' is a sliver of ", p.Message, StringComparison.Ordinal));
        Assert.EndsWith(" km² (threshold 1000000 km²).", slivers[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SelfIntersection_MessageNamesTheTerritoryTheErrorAndWhere()
    {
        var p = Assert.Single(TerritoryValidator.Validate([Territory("bow", BowTie)]).Problems);

        Assert.Equal(new TerritoryProblem(TerritoryProblemCode.SelfIntersection, [Id("bow")], new GeoPoint(0.5, 0.5), 0, "Territory 'bow': Self-intersection at (0.5, 0.5)."), p);
    }

    [Fact]
    public void Validate_RepairLeavingNothingWithArea_RepairRecordSaysSoAndTheBoundaryIsKept()
    {
        var result = TerritoryValidator.Validate([Territory("flat", "POLYGON((0 0, 1 1, 1 1, 0 0))")], new TerritoryValidationOptions { Repair = true });

        var repair = Assert.Single(result.Repairs);
        Assert.Equal(
            (Id("flat"), TerritoryProblemCode.TooFewPoints, 0.0, 0, "Territory 'flat' could not be repaired: nothing with area is left; its boundary is kept as given."),
            (repair.Territory, repair.Problem, repair.AreaAfterKm2, repair.PartsAfter, repair.Message));
        Assert.Equal(0, repair.AreaBeforeKm2, 1e-6);
        Assert.Equal("POLYGON ((0 0, 1 1, 1 1, 0 0))", Assert.Single(result.Territories).Boundary!.ToWkt());
        Assert.Equal(TerritoryProblemCode.TooFewPoints, Assert.Single(result.Problems).Code);
    }

    [Fact]
    public void Validate_RepairedBowTie_TwoTrianglesInNormalForm()
    {
        var result = TerritoryValidator.Validate([Territory("bow", BowTie)], new TerritoryValidationOptions { Repair = true, SliverAreaKm2 = 0 });

        var repaired = Assert.Single(result.Territories).Boundary!.ToGeometry();
        Assert.True(repaired.EqualsExact(repaired.Normalized()), repaired.AsText());
        Assert.Equal("MULTIPOLYGON (((0 0, 0 1, 0.5 0.5, 0 0)), ((0.5 0.5, 1 1, 1 0, 0.5 0.5)))", repaired.AsText());
        var repair = Assert.Single(result.Repairs);
        Assert.Equal(2, repair.PartsAfter);
        Assert.StartsWith("Territory 'bow' made valid (SelfIntersection): 2 polygon(s), ", repair.Message, StringComparison.Ordinal);
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
