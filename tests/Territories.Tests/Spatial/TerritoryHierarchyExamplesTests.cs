using Territories.Model;
using Territories.Spatial;
using static Territories.Tests.Spatial.GeometryFixtures;

namespace Territories.Tests.Spatial;

/// <summary>The hierarchy roll-up on worked examples: totals per level, the order of everything returned, and the problems in words.</summary>
public class TerritoryHierarchyExamplesTests
{
    private static readonly string[] Levels = ["region", "area", "territory"];

    private static AssignmentResult NoAssignment() => Map().Assign([], cancellationToken: TestContext.Current.CancellationToken);

    [Fact]
    public void RollUp_TwoAreasOfOneRegion_LevelTotalsSumTheirTerritoriesTopLevelFirstUnknownLevelsAfter()
    {
        Territory[] territories =
        [
            new(Id("zone-1")) { Level = "zone" },
            Territory("t3", Square(0, 1, 1)) with { Parent = Id("a2") },
            new(Id("r")) { Level = "region" },
            Territory("t1", Square(0, 0, 1)) with { Parent = Id("a1") },
            new(Id("a2")) { Level = "area", Parent = Id("r") },
            new(Id("district-1")) { Level = "district" },
            Territory("t2", Square(1, 0, 1)) with { Parent = Id("a1") },
            new(Id("a1")) { Level = "area", Parent = Id("r") },
        ];
        var map = Map([.. territories.Where(t => t.Level == "territory")]);
        Account[] accounts =
        [
            // Four weeks: once a week for 30 minutes is 2 h; once a week for 15 minutes 1 h; twice a week 2 h.
            new(new AccountId("a"), new GeoPoint(0.5, 0.5)) { Potential = 10m, ServiceTime = TimeSpan.FromMinutes(30), Visit = VisitRequirement.Of(VisitFrequency.PerWeek(1)) },
            new(new AccountId("b"), new GeoPoint(1.5, 0.5)) { Potential = 20m, Visit = VisitRequirement.Of(VisitFrequency.PerWeek(1)) },
            new(new AccountId("c"), new GeoPoint(0.5, 1.5)) { Potential = 30m, Visit = VisitRequirement.Of(VisitFrequency.PerWeek(2)) },
        ];
        var assignment = map.Assign(accounts, cancellationToken: TestContext.Current.CancellationToken);

        var rollUp = TerritoryHierarchy.RollUp(territories, Levels, assignment, accounts, JourneyCycle.Create(4));

        Assert.Equal(
            [
                new LevelTotal("region", 1, 3, 60m, 5),
                new LevelTotal("area", 2, 3, 60m, 5),
                new LevelTotal("territory", 3, 3, 60m, 5),
                new LevelTotal("district", 1, 0, 0m, 0),
                new LevelTotal("zone", 1, 0, 0m, 0),
            ],
            rollUp.Levels);
        Assert.Equal(["a1", "a2", "district-1", "r", "t1", "t2", "t3", "zone-1"], rollUp.Nodes.Select(n => n.Territory.Value));
        var a1 = rollUp.Find(Id("a1"))!;
        Assert.Equal((2, 30m, 3.0), (a1.AccountCount, a1.Potential, a1.WorkloadHours));
        Assert.Equal(["t1", "t2"], a1.Children.Select(c => c.Value));
        Assert.Equal(["a1", "a2"], rollUp.Find(Id("r"))!.Children.Select(c => c.Value));
        Assert.Null(rollUp.Find(Id("nowhere")));
        Assert.Equal(
            [
                "UnknownLevel [district-1] Territory 'district-1' has level 'district', which is not one of region, area, territory.",
                "UnknownLevel [zone-1] Territory 'zone-1' has level 'zone', which is not one of region, area, territory.",
            ],
            rollUp.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void RollUp_EveryKindOfProblem_SortedByCodeThenByTheirTerritoriesInOrder()
    {
        Territory[] territories =
        [
            new(Id("y1")) { Level = "region", Parent = Id("x1") },
            new(Id("ab")) { Parent = Id("x") },
            new(Id("area2")) { Level = "area" },
            new(Id("a")) { Parent = Id("c") },
            new(Id("odd")) { Level = "district" },
            new(Id("area1")) { Level = "area", Parent = Id("area2") },
            new(Id("x1")) { Level = "region", Parent = Id("y1") },
            new(Id("t")) { Parent = Id("t-below") },
            new(Id("t-below")) { Level = "territory", Parent = Id("area2") },
        ];

        var rollUp = TerritoryHierarchy.RollUp(territories, Levels, NoAssignment(), [], JourneyCycle.Create(4));

        // Within a code the territories compare as a list: [a, c] before [ab, x] (a shorter first id first).
        Assert.Equal(
            [
                "UnknownLevel [odd] Territory 'odd' has level 'district', which is not one of region, area, territory.",
                "OrphanTerritory [a, c] Territory 'a' names parent 'c', which does not exist.",
                "OrphanTerritory [ab, x] Territory 'ab' names parent 'x', which does not exist.",
                "OrphanTerritory [area1, area2] Territory 'area1' at level 'area' has parent 'area2' at level 'area', which is not higher.",
                "OrphanTerritory [area2] Territory 'area2' at level 'area' has no parent.",
                "OrphanTerritory [t, t-below] Territory 't' at level 'territory' has parent 't-below' at level 'territory', which is not higher.",
                "OrphanTerritory [x1, y1] Territory 'x1' at level 'region' has parent 'y1' at level 'region', which is not higher.",
                "OrphanTerritory [y1, x1] Territory 'y1' at level 'region' has parent 'x1' at level 'region', which is not higher.",
                "HierarchyCycle [x1, y1] The territory hierarchy loops through x1, y1; the link from 'x1' to its parent is ignored.",
            ],
            rollUp.Problems.Select(p => p.ToString()));

        // The loop is broken at its smallest id: y1 stays under x1, x1 is a root.
        Assert.Null(rollUp.Find(Id("x1"))!.Parent);
        Assert.Equal(Id("x1"), rollUp.Find(Id("y1"))!.Parent);
        Assert.Equal(["area1", "t-below"], rollUp.Find(Id("area2"))!.Children.Select(c => c.Value));
    }

    [Fact]
    public void RollUp_NullArgumentOrItem_ThrowsNamingIt()
    {
        var assignment = NoAssignment();
        var cycle = JourneyCycle.Create(4);

        Assert.Throws<ArgumentNullException>("levels", () => TerritoryHierarchy.RollUp([], null!, assignment, [], cycle));
        Assert.Throws<ArgumentNullException>("assignment", () => TerritoryHierarchy.RollUp([], Levels, null!, [], cycle));
        Assert.Throws<ArgumentNullException>("accounts", () => TerritoryHierarchy.RollUp([], Levels, assignment, null!, cycle));
        Assert.Throws<ArgumentNullException>("cycle", () => TerritoryHierarchy.RollUp([], Levels, assignment, [], null!));
        Assert.Throws<ArgumentNullException>("territories", () => TerritoryHierarchy.RollUp([new(Id("t")), null!], Levels, assignment, [], cycle));
    }
}
