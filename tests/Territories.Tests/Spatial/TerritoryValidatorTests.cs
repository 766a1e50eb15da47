using FsCheck.Xunit;
using NetTopologySuite.Geometries;
using Territories.Model;
using Territories.Spatial;
using static Territories.Tests.Spatial.GeometryFixtures;

namespace Territories.Tests.Spatial;

public class TerritoryValidatorTests
{
    [Fact]
    public void Validate_OhioCounties_IsACleanCoverage()
    {
        var result = TerritoryValidator.Validate(OhioCounties());

        Assert.True(result.IsValid, string.Join("; ", result.Problems));
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 20)]
    public void Validate_ValidPartition_NoProblem(GeometryPartition partition)
    {
        var region = TerritoryBoundary.Rectangle(GeometryPartition.West, GeometryPartition.South, GeometryPartition.West + GeometryPartition.Width, GeometryPartition.South + GeometryPartition.Height);

        var result = TerritoryValidator.Validate(partition.Territories(), new TerritoryValidationOptions { CoverageRegion = region });

        Assert.Empty(result.Problems);
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 20)]
    public void Validate_GapInjectedIntoValidCoverage_FoundWithItsArea(GeometryPartition partition)
    {
        var cells = partition.Cells();
        var removed = partition.Seed % cells.Length;
        var territories = partition.Territories().Where((_, k) => k != removed).ToArray();
        var region = TerritoryBoundary.Rectangle(GeometryPartition.West, GeometryPartition.South, GeometryPartition.West + GeometryPartition.Width, GeometryPartition.South + GeometryPartition.Height);

        var result = TerritoryValidator.Validate(territories, new TerritoryValidationOptions { CoverageRegion = cells.Length == 1 ? region : region });

        var gap = Assert.Single(result.Problems);
        Assert.Equal(TerritoryProblemCode.Gap, gap.Code);
        Assert.Equal(PlanarAreaKm2(cells[removed]), gap.AreaKm2, PlanarAreaKm2(cells[removed]) * 0.01);
        Assert.True(cells[removed].Covers(new Point(gap.Location!.Value.Longitude, gap.Location.Value.Latitude)));
    }

    [Fact]
    public void Validate_HoleEnclosedByTerritoriesWithoutRegion_IsAGap()
    {
        var ring = Territory("ring", "POLYGON((0 0, 3 0, 3 3, 0 3, 0 0), (1 1, 1 2, 2 2, 2 1, 1 1))");

        var gap = Assert.Single(TerritoryValidator.Validate([ring]).Problems);

        Assert.Equal(TerritoryProblemCode.Gap, gap.Code);
        Assert.Equal(["ring"], gap.Territories.Select(t => t.Value));
        Assert.InRange(gap.AreaKm2, 12_300, 12_400);
    }

    [Property(MaxTest = 50)]
    public void Validate_OverlapArea_IsSymmetric(byte dx, byte dy)
    {
        var shiftX = 0.1 + (dx / 400.0);
        var shiftY = dy / 400.0;
        var a = Territory("a", Square(-83, 40, 1));
        var b = Territory("b", Square(-83 + shiftX, 40 + shiftY, 1));
        var a2 = Territory("a", Square(-83 + shiftX, 40 + shiftY, 1));
        var b2 = Territory("b", Square(-83, 40, 1));

        var ab = Assert.Single(TerritoryValidator.Validate([a, b]).ProblemsOf(TerritoryProblemCode.Overlap));
        var ba = Assert.Single(TerritoryValidator.Validate([b2, a2]).ProblemsOf(TerritoryProblemCode.Overlap));

        Assert.Equal(ab.AreaKm2, ba.AreaKm2, 1e-6 * ab.AreaKm2);
        var expected = PlanarAreaKm2(new Polygon(new LinearRing([new(0, 40), new(1 - shiftX, 40), new(1 - shiftX, 41 - shiftY), new(0, 41 - shiftY), new(0, 40)])));
        Assert.Equal(expected, ab.AreaKm2, expected * 0.01);
    }

    [Fact]
    public void Validate_SelfIntersectingBowTie_ReportedWithLocationAndRepaired()
    {
        var bowTie = Territory("bow", "POLYGON((0 0, 1 1, 1 0, 0 1, 0 0))");

        var result = TerritoryValidator.Validate([bowTie], new TerritoryValidationOptions { Repair = true, SliverAreaKm2 = 0 });

        var p = Assert.Single(result.Problems);
        Assert.Equal(TerritoryProblemCode.SelfIntersection, p.Code);
        Assert.Equal(new GeoPoint(0.5, 0.5), p.Location);
        var repair = Assert.Single(result.Repairs);
        Assert.Equal(2, repair.PartsAfter);
        Assert.InRange(repair.AreaAfterKm2, 6_150, 6_215);
        Assert.True(result.Territories[0].Boundary!.ToGeometry().IsValid);
    }

    [Fact]
    public void Validate_SelfIntersectingWithoutRepair_KeepsTheBoundary()
    {
        var result = TerritoryValidator.Validate([Territory("bow", "POLYGON((0 0, 1 1, 1 0, 0 1, 0 0))")]);

        Assert.Empty(result.Repairs);
        Assert.Equal("POLYGON ((0 0, 1 1, 1 0, 0 1, 0 0))", result.Territories[0].Boundary!.ToWkt());
    }

    [Fact]
    public void Validate_TooFewDistinctPoints_Reported()
    {
        var p = Assert.Single(TerritoryValidator.Validate([Territory("flat", "POLYGON((0 0, 1 1, 1 1, 0 0))")]).Problems);

        Assert.Equal(TerritoryProblemCode.TooFewPoints, p.Code);
        Assert.Equal(["flat"], p.Territories.Select(t => t.Value));
    }

    [Fact]
    public void Validate_EmptyAndMissingBoundaries_Reported()
    {
        var result = TerritoryValidator.Validate([Territory("empty", "POLYGON EMPTY"), new Territory(new TerritoryId("none"))]);

        Assert.Equal([("empty", TerritoryProblemCode.EmptyBoundary), ("none", TerritoryProblemCode.EmptyBoundary)], result.Problems.Select(p => (p.Territories[0].Value, p.Code)));
    }

    [Fact]
    public void Validate_DuplicatedTerritoryAndId_BothReported()
    {
        var result = TerritoryValidator.Validate([Territory("a", Square(0, 0, 1)), Territory("b", Square(0, 0, 1)), Territory("b", Square(5, 5, 1))]);

        Assert.Contains(result.Problems, p => p.Code == TerritoryProblemCode.DuplicateId && p.Territories.Single().Value == "b");
        var duplicate = Assert.Single(result.ProblemsOf(TerritoryProblemCode.DuplicateBoundary));
        Assert.Equal(["a", "b"], duplicate.Territories.Select(t => t.Value));
    }

    [Fact]
    public void Validate_TinyTerritory_IsASliver()
    {
        var result = TerritoryValidator.Validate([Territory("big", Square(0, 0, 1)), Territory("tiny", Square(5, 5, 0.0001))]);

        var sliver = Assert.Single(result.Problems);
        Assert.Equal(TerritoryProblemCode.Sliver, sliver.Code);
        Assert.Equal("tiny", sliver.Territories.Single().Value);
        Assert.InRange(sliver.AreaKm2, 1e-4, 1.3e-4);
    }

    [Fact]
    public void Validate_TerritoryOutsideRegion_Reported()
    {
        var result = TerritoryValidator.Validate([Territory("a", Square(0, 0, 2))], new TerritoryValidationOptions { CoverageRegion = TerritoryBoundary.Rectangle(0, 0, 1, 2) });

        var outside = Assert.Single(result.Problems);
        Assert.Equal(TerritoryProblemCode.OutsideRegion, outside.Code);
        Assert.InRange(outside.AreaKm2, 24_000, 25_000);
    }

    [Fact]
    public void Validate_BadArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>("territories", () => TerritoryValidator.Validate(null!));
        Assert.Contains("SliverAreaKm2", Assert.Throws<ArgumentException>("options", () => TerritoryValidator.Validate([], new TerritoryValidationOptions { SliverAreaKm2 = double.NaN })).Message, StringComparison.Ordinal);
    }
}
