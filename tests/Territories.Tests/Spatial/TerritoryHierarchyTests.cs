using Territories.Model;
using Territories.Spatial;
using static Territories.Tests.Spatial.GeometryFixtures;

namespace Territories.Tests.Spatial;

public class TerritoryHierarchyTests
{
    private static readonly string[] Levels = ["region", "area", "territory"];

    [Fact]
    public void RollUp_RegionOfTwoAreas_BoundaryIsTheUnionAndTotalsAreSums()
    {
        Territory[] territories =
        [
            new(new TerritoryId("north")) { Level = "region" },
            new(new TerritoryId("n1")) { Level = "area", Parent = new TerritoryId("north") },
            Territory("t1", Square(0, 0, 1)) with { Parent = new TerritoryId("n1") },
            Territory("t2", Square(1, 0, 1)) with { Parent = new TerritoryId("n1") },
            Territory("t3", Square(0, 1, 1)) with { Parent = new TerritoryId("north") },
        ];
        var map = Map([.. territories.Where(t => t.Level == "territory")]);
        Account[] accounts =
        [
            new(new AccountId("a"), new GeoPoint(0.5, 0.5)) { Potential = 10m, Visit = VisitRequirement.Of(VisitFrequency.PerWeek(1)) },
            new(new AccountId("b"), new GeoPoint(1.5, 0.5)) { Potential = 20m },
            new(new AccountId("c"), new GeoPoint(0.5, 1.5)) { Potential = 30m },
        ];
        var assignment = map.Assign(accounts, cancellationToken: TestContext.Current.CancellationToken);

        var rollUp = TerritoryHierarchy.RollUp(territories, Levels, assignment, accounts, JourneyCycle.Create(4));

        var n1 = rollUp.Find(new TerritoryId("n1"))!;
        Assert.Equal((2, 30m), (n1.AccountCount, n1.Potential));
        Assert.Equal(1, n1.WorkloadHours);
        Assert.Equal(["t1", "t2"], n1.Children.Select(c => c.Value));
        var region = rollUp.Find(new TerritoryId("north"))!;
        Assert.Equal((3, 60m), (region.AccountCount, region.Potential));
        Assert.Equal(3 * 12_364, region.AreaKm2, 3 * 12_364 * 0.01);
        Assert.Equal(3, region.Boundary!.ToGeometry().Area, 1e-9);
        Assert.Equal(new LevelTotal("territory", 3, 3, 60m, 1), rollUp.Levels.Single(l => l.Level == "territory"));
        Assert.Equal(1, rollUp.Levels.Single(l => l.Level == "region").TerritoryCount);

        // t3 skips the area level; that is allowed (its parent is higher), so nothing is reported.
        Assert.Empty(rollUp.Problems);
    }

    [Fact]
    public void RollUp_UnknownLevelOrphanAndLoop_AllReported()
    {
        Territory[] territories =
        [
            new(new TerritoryId("lost")) { Level = "area" },
            new(new TerritoryId("odd")) { Level = "district" },
            new(new TerritoryId("x")) { Level = "region", Parent = new TerritoryId("y") },
            new(new TerritoryId("y")) { Level = "region", Parent = new TerritoryId("x") },
            new(new TerritoryId("ghost-child")) { Level = "territory", Parent = new TerritoryId("ghost") },
        ];
        var assignment = Map().Assign([], cancellationToken: TestContext.Current.CancellationToken);

        var rollUp = TerritoryHierarchy.RollUp(territories, Levels, assignment, [], JourneyCycle.Create(4));

        Assert.Contains(rollUp.Problems, p => p.Code == TerritoryProblemCode.UnknownLevel && p.Territories[0].Value == "odd");
        Assert.Contains(rollUp.Problems, p => p.Code == TerritoryProblemCode.OrphanTerritory && p.Territories[0].Value == "lost");
        Assert.Contains(rollUp.Problems, p => p.Code == TerritoryProblemCode.OrphanTerritory && p.Territories[0].Value == "ghost-child");
        Assert.Contains(rollUp.Problems, p => p.Code == TerritoryProblemCode.HierarchyCycle && p.Territories.Select(t => t.Value).SequenceEqual(["x", "y"]));
        Assert.Equal(5, rollUp.Nodes.Length);
    }

    [Fact]
    public void RollUp_BadArguments_Throw()
    {
        var assignment = Map().Assign([], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Throws<ArgumentNullException>("territories", () => TerritoryHierarchy.RollUp(null!, Levels, assignment, [], JourneyCycle.Create(4)));
        Assert.Throws<ArgumentNullException>("model", () => TerritoryHierarchy.RollUp(null!, assignment));
    }
}
