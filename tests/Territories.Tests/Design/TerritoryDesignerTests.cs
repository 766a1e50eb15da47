using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Territories.Design;
using Territories.Model;

namespace Territories.Tests.Design;

public class TerritoryDesignerTests
{
    private static TerritoryDesigner Designer(int k, int seed = 0, double tolerance = 0.15, Action<DesignOptions>? configure = null)
    {
        var options = new DesignOptions { TerritoryCount = k, Seed = seed, Tolerance = tolerance, MaxRounds = 4, TimeLimit = TimeSpan.FromMinutes(5) };
        configure?.Invoke(options);
        return new TerritoryDesigner(options);
    }

    [Property(MaxTest = 25, Arbitrary = [typeof(Arbitraries)])]
    public Property Design_EveryUnitInExactlyOneTerritory(DesignCase c)
    {
        var input = DesignFixtures.Grid(c);
        var plan = DesignFixtures.Plan(Designer(c.Territories, c.Seed).Design(input, cancellationToken: TestContext.Current.CancellationToken));
        var ids = plan.Alignment.Entries.Select(e => e.Key).ToList();
        return (ids.Count == input.Units.Length
                && ids.Distinct(StringComparer.Ordinal).Count() == ids.Count
                && input.Units.All(u => plan.Alignment.TryGetTerritory(u.Id, out _))
                && plan.Alignment.Territories.Length == c.Territories)
            .Label(c.ToString());
    }

    [Property(MaxTest = 25, Arbitrary = [typeof(Arbitraries)])]
    public Property Design_ConnectedUnitGraph_EveryTerritoryContiguous(DesignCase c)
    {
        var input = DesignFixtures.Grid(c);
        var plan = DesignFixtures.Plan(Designer(c.Territories, c.Seed).Design(input, cancellationToken: TestContext.Current.CancellationToken));
        return DesignFixtures.AllContiguous(input, plan.Alignment).Label(c.ToString());
    }

    [Property(MaxTest = 15, Arbitrary = [typeof(Arbitraries)])]
    public Property Design_LockedUnitsStayInTheirTerritory(DesignCase c)
    {
        var input = DesignFixtures.Grid(c);
        var corner = DesignFixtures.Id(0, 0);
        var far = DesignFixtures.Id(c.Rows - 1, c.Columns - 1);
        var designer = Designer(c.Territories, c.Seed, configure: o =>
        {
            o.LockedUnits[corner] = new TerritoryId("T02");
            o.LockedUnits[far] = new TerritoryId("T01");
        });
        var plan = DesignFixtures.Plan(designer.Design(input, cancellationToken: TestContext.Current.CancellationToken));
        return (plan.Alignment.TryGetTerritory(corner, out var a) && a.Value == "T02"
                && plan.Alignment.TryGetTerritory(far, out var b) && b.Value == "T01")
            .Label(c.ToString());
    }

    [Property(MaxTest = 10, Arbitrary = [typeof(Arbitraries)])]
    public Property Design_SameSeed_SamePlan(DesignCase c)
    {
        var input = DesignFixtures.Grid(c);
        var first = DesignFixtures.Plan(Designer(c.Territories, c.Seed).Design(input, cancellationToken: TestContext.Current.CancellationToken));
        var reversed = DesignInput.Create(input.AttributeNames, input.Units.Reverse(), input.Links.Reverse(), input.IsPlanar);
        var second = DesignFixtures.Plan(Designer(c.Territories, c.Seed).Design(reversed, cancellationToken: TestContext.Current.CancellationToken));
        return first.Alignment.Entries.SequenceEqual(second.Alignment.Entries).Label(c.ToString());
    }

    [Property(MaxTest = 10, Arbitrary = [typeof(Arbitraries)])]
    public Property Realign_BalancedAlignment_MovesNothing(DesignCase c)
    {
        var input = DesignFixtures.Grid(c);
        var designer = Designer(c.Territories, c.Seed, tolerance: 0.5);
        var outcome = designer.Design(input, cancellationToken: TestContext.Current.CancellationToken);
        if (!outcome.IsT0)
        {
            return true.ToProperty().Label("unbalanced start, not applicable");
        }

        var realigned = designer.Realign(input, outcome.AsT0.Alignment, cancellationToken: TestContext.Current.CancellationToken);
        return (realigned.IsT0
                && realigned.AsT0.MovedUnits.IsEmpty
                && realigned.AsT0.Design.Alignment.Entries.SequenceEqual(outcome.AsT0.Alignment.Entries))
            .Label(c.ToString());
    }

    [Fact]
    public void Design_SixByTenGrid_BalancedWithinToleranceRecomputed()
    {
        var weights = Enumerable.Range(0, 60).Select(i => 1 + (i * 7 % 5)).ToArray();
        var input = DesignFixtures.Grid(new DesignCase(6, 10, 4, 1, weights, false));
        var outcome = Designer(4, tolerance: 0.05).Design(input, cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(outcome.IsT0, outcome.IsT1 ? outcome.AsT1.ToString() : null);
        Assert.InRange(DesignFixtures.MaxDeviation(input, outcome.AsT0.Alignment), 0, 0.05 + 1e-9);
        Assert.True(DesignFixtures.AllContiguous(input, outcome.AsT0.Alignment));
    }

    [Fact]
    public void Design_PolygonUnits_AdjacentOnlyAcrossSharedEdges()
    {
        // A 4 x 4 block of unit squares: corner-touching squares are not neighbours.
        var units = new List<DesignUnit>();
        for (var r = 0; r < 4; r++)
        {
            for (var c = 0; c < 4; c++)
            {
                var wkt = FormattableString.Invariant($"POLYGON (({c * 0.1} {r * 0.1}, {(c + 1) * 0.1} {r * 0.1}, {(c + 1) * 0.1} {(r + 1) * 0.1}, {c * 0.1} {(r + 1) * 0.1}, {c * 0.1} {r * 0.1}))");
                units.Add(DesignUnit.FromPolygon(DesignFixtures.Id(r, c), TerritoryBoundary.FromWkt(wkt), [1]));
            }
        }

        var input = DesignInput.Create(["accounts"], units);
        var outcome = Designer(4, tolerance: 0).Design(input, cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(outcome.IsT0, outcome.IsT1 ? outcome.AsT1.ToString() : null);
        var plan = outcome.AsT0;
        Assert.All(plan.Alignment.Territories, t => Assert.Equal(4, plan.Alignment.UnitsOf(t).Length));
        foreach (var t in plan.Territories)
        {
            // Each territory's union of squares is one polygon of area 4 squares (0.04 square degrees).
            Assert.NotNull(t.Boundary);
            Assert.Equal(0.04, t.Boundary!.ToGeometry().Area, 1e-6);
            Assert.Equal("Polygon", t.Boundary.ToGeometry().GeometryType);
        }
    }

    [Fact]
    public void Design_BowTiePolygon_RepairedAndNamedInTheReport()
    {
        var units = new List<DesignUnit>();
        for (var c = 0; c < 4; c++)
        {
            var wkt = FormattableString.Invariant($"POLYGON (({c * 0.1} 0, {(c + 1) * 0.1} 0, {(c + 1) * 0.1} 0.1, {c * 0.1} 0.1, {c * 0.1} 0))");
            units.Add(DesignUnit.FromPolygon(DesignFixtures.Id(0, c), TerritoryBoundary.FromWkt(wkt), [1]));
        }

        // Self-intersecting at (0.45, 0.05): two triangles once repaired, the left one on the last square's edge.
        units.Add(DesignUnit.FromPolygon("bow", TerritoryBoundary.FromWkt("POLYGON ((0.4 0, 0.5 0.1, 0.5 0, 0.4 0.1, 0.4 0))"), [1]));

        var outcome = Designer(1, tolerance: 0).Design(DesignInput.Create(["accounts"], units), cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(outcome.IsT0, outcome.IsT1 ? outcome.AsT1.ToString() : null);
        Assert.Equal(["bow"], outcome.AsT0.Report.RepairedUnits);
        Assert.True(outcome.AsT0.Report.IsContiguous);
    }

    private static DesignInput ScatteredPoints(int count)
    {
        var random = new Random(3);
        return DesignInput.Create(["workload"], Enumerable.Range(0, count).Select(i => DesignUnit.FromPoint($"a{i:D3}", new GeoPoint(-83 + random.NextDouble(), 40 + random.NextDouble()), [1 + random.Next(3)])));
    }

    [Fact]
    public void Design_PreCancelledToken_CancelledFailureInsteadOfThrowing()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        var outcome = Designer(3).Design(ScatteredPoints(200), cancellationToken: cancelled.Token);

        var failure = Assert.IsType<DesignFailure>(outcome.Value);
        Assert.Null(failure.BestEffort);
        Assert.Equal(DesignErrorCode.Cancelled, Assert.Single(failure.Errors).Code);
    }

    [Fact]
    public void Realign_PreCancelledToken_CancelledFailureInsteadOfThrowing()
    {
        var input = ScatteredPoints(200);
        var current = DesignFixtures.Plan(Designer(3, tolerance: 0.2).Design(input, cancellationToken: TestContext.Current.CancellationToken)).Alignment;
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        var outcome = Designer(3).Realign(input, current, cancellationToken: cancelled.Token);

        Assert.Equal(DesignErrorCode.Cancelled, Assert.Single(Assert.IsType<DesignFailure>(outcome.Value).Errors).Code);
    }

    [Fact]
    public void Design_PointUnits_TerritoryShapesHoldTheirPointsAndDoNotOverlap()
    {
        var random = new Random(3);
        var units = Enumerable.Range(0, 60).Select(i => DesignUnit.FromPoint($"a{i:D3}", new GeoPoint(-83 + random.NextDouble(), 40 + random.NextDouble()), [1 + random.Next(3)])).ToList();
        var input = DesignInput.Create(["workload"], units);
        var plan = DesignFixtures.Plan(Designer(3, tolerance: 0.1).Design(input, cancellationToken: TestContext.Current.CancellationToken));
        var shapes = plan.Territories.ToDictionary(t => t.Id, t => t.Boundary!.ToGeometry());
        foreach (var unit in units)
        {
            Assert.True(plan.Alignment.TryGetTerritory(unit.Id, out var t));
            var point = shapes[t].Factory.CreatePoint(new NetTopologySuite.Geometries.Coordinate(unit.Location!.Value.Longitude, unit.Location.Value.Latitude));
            Assert.True(shapes[t].Covers(point), unit.Id);
        }

        var list = shapes.Values.ToList();
        for (var a = 0; a < list.Count; a++)
        {
            for (var b = a + 1; b < list.Count; b++)
            {
                Assert.True(list[a].Intersection(list[b]).Area < 1e-9);
            }
        }

        Assert.NotNull(plan.Baseline);
        Assert.All(plan.Report.Territories, t => Assert.InRange(t.PolsbyPopper!.Value, 0.01, 1));
    }

    /// <summary>The k-means baseline meets the tolerance when the band holds the heaviest unit (a feasible rounding then exists).</summary>
    [Property(MaxTest = 15, Arbitrary = [typeof(Arbitraries)])]
    public Property Design_Baseline_WithinTolerance(DesignCase c)
    {
        var input = DesignFixtures.Grid(c);
        var weights = input.Units.Select(u => u.Attributes[0]).ToArray();
        var tolerance = Math.Max(0.05, 1.01 * weights.Max() * c.Territories / weights.Sum());
        var plan = DesignFixtures.Plan(Designer(c.Territories, c.Seed, tolerance).Design(input, cancellationToken: TestContext.Current.CancellationToken));
        var baseline = plan.Baseline!;
        var mean = weights.Sum() / c.Territories;
        return (baseline.Territories.Length == c.Territories
                && baseline.Territories.All(t => Math.Abs(t.Totals[0] - mean) <= (tolerance * mean) + 1e-9))
            .Label($"{c} tolerance={tolerance} totals=[{string.Join(",", baseline.Territories.Select(t => t.Totals[0]))}]");
    }

    [Fact]
    public void Design_MoreTerritoriesThanUnits_ReturnsTooManyTerritories()
    {
        var input = DesignFixtures.Grid(new DesignCase(3, 3, 2, 0, Enumerable.Repeat(1, 9).ToArray(), false));
        var outcome = Designer(10).Design(input, cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(outcome.IsT1);
        var error = Assert.Single(outcome.AsT1.Errors);
        Assert.Equal(DesignErrorCode.TooManyTerritories, error.Code);
        Assert.Equal("10", error.Value);
    }

    [Fact]
    public void Design_NegativeAttribute_ReturnsErrorNamingUnitFieldAndValue()
    {
        var weights = Enumerable.Repeat(1, 9).ToArray();
        weights[4] = -2;
        var input = DesignFixtures.Grid(new DesignCase(3, 3, 2, 0, weights, false));
        var outcome = Designer(2).Design(input, cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(outcome.IsT1);
        var error = Assert.Single(outcome.AsT1.Errors);
        Assert.Equal(DesignErrorCode.InvalidAttribute, error.Code);
        Assert.Equal([DesignFixtures.Id(1, 1)], error.Ids);
        Assert.Equal("Attributes[workload]", error.Field);
        Assert.Equal("-2", error.Value);
    }

    [Fact]
    public void Design_PointBeyondLatitudeNinety_ReturnsErrorNamingUnitAndLocation()
    {
        var units = Enumerable.Range(0, 6).Select(i => DesignUnit.FromPoint($"u{i}", new GeoPoint(i * 0.1, 50), [1]))
            .Append(DesignUnit.FromPoint("pole", new GeoPoint(0.2, 91), [1]));

        var outcome = Designer(2).Design(DesignInput.Create(["workload"], units), cancellationToken: TestContext.Current.CancellationToken);

        var error = Assert.Single(outcome.AsT1.Errors);
        Assert.Equal((DesignErrorCode.InvalidGeometry, "pole", "Location"), (error.Code, Assert.Single(error.Ids), error.Field));
    }

    [Fact]
    public void Design_DisconnectedGraph_IslandReportedAndPlanReturned()
    {
        var grid = DesignFixtures.Grid(new DesignCase(4, 4, 2, 0, Enumerable.Repeat(2, 16).ToArray(), false));
        var island = DesignUnit.FromAttributes("island", [1], new GeoPoint(10, 10));
        var input = DesignInput.Create(grid.AttributeNames, grid.Units.Append(island), grid.Links, isPlanar: true);
        var plan = DesignFixtures.Plan(Designer(2, tolerance: 0.2).Design(input, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal(["island"], plan.Report.IslandUnits);
        Assert.True(plan.Alignment.TryGetTerritory("island", out _));
        Assert.Equal(1, plan.Report.Territories.Count(t => !t.IsContiguous));
    }

    [Fact]
    public void Design_ImpossibleTolerance_ReturnsBestEffortWithAchievedDeviation()
    {
        var weights = Enumerable.Repeat(1, 9).ToArray();
        weights[0] = 30;
        var input = DesignFixtures.Grid(new DesignCase(3, 3, 2, 0, weights, false));
        var outcome = Designer(2, tolerance: 0.02).Design(input, cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(outcome.IsT1);
        var error = Assert.Single(outcome.AsT1.Errors);
        Assert.Equal(DesignErrorCode.ToleranceNotMet, error.Code);
        var best = outcome.AsT1.BestEffort!;
        var recomputed = DesignFixtures.MaxDeviation(input, best.Alignment);
        Assert.Equal(recomputed, double.Parse(error.Value!, System.Globalization.CultureInfo.InvariantCulture), 1e-9);
        // 38 in all, mean 19: the unit of 30 alone is 11/19 over, which no plan can beat.
        Assert.Equal(11.0 / 19, best.Report.Balance[0].DeviationLowerBound, 1e-9);
        Assert.Equal(11.0 / 19, recomputed, 1e-9);
    }

    [Fact]
    public void Design_UnknownLockedUnit_ReturnsUnknownUnit()
    {
        var input = DesignFixtures.Grid(new DesignCase(3, 3, 2, 0, Enumerable.Repeat(1, 9).ToArray(), false));
        var outcome = Designer(2, configure: o => o.LockedUnits["nope"] = new TerritoryId("T01")).Design(input, cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(outcome.IsT1);
        Assert.Equal(DesignErrorCode.UnknownUnit, Assert.Single(outcome.AsT1.Errors).Code);
    }

    [Fact]
    public void Constructor_InvalidOptions_ThrowsListingEveryFailure()
    {
        var ex = Assert.Throws<ArgumentException>(() => new TerritoryDesigner(new DesignOptions { TerritoryCount = 0, Tolerance = -1, TimeLimit = TimeSpan.Zero }));
        Assert.Contains("TerritoryCount", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Tolerance", ex.Message, StringComparison.Ordinal);
        Assert.Contains("TimeLimit", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PublicMethods_NullArguments_ThrowArgumentNull()
    {
        var designer = Designer(2);
        var input = DesignFixtures.Grid(new DesignCase(3, 3, 2, 0, Enumerable.Repeat(1, 9).ToArray(), false));
        var alignment = Alignment.Create([KeyValuePair.Create("a", new TerritoryId("T01"))]);
        Assert.Throws<ArgumentNullException>("input", () => designer.Design(null!, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Throws<ArgumentNullException>("current", () => designer.Realign(input, null!, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Throws<ArgumentNullException>("alignment", () => designer.Evaluate(input, null!));
        Assert.Throws<ArgumentNullException>("second", () => designer.Compare(input, alignment, null!));
        Assert.Throws<ArgumentNullException>("units", () => DesignInput.Create(["a"], null!));
        Assert.Throws<ArgumentNullException>("entries", () => Alignment.Create(null!));
    }

    [Fact]
    public void Realign_WorkloadDrift_RestoresBalanceMovingAtLeastTheLowerBound()
    {
        var weights = Enumerable.Range(0, 80).Select(i => 2 + (i * 13 % 7)).ToArray();
        var input = DesignFixtures.Grid(new DesignCase(8, 10, 4, 0, weights, false));
        var designer = Designer(4, tolerance: 0.05);
        var before = designer.Design(input, cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(before.IsT0);

        // Drift: the east half gains 20 %.
        var drifted = input.WithUnits(input.Units.Select(u => u.Location!.Value.Longitude >= 5 ? u.WithAttributes([u.Attributes[0] * 1.2]) : u));
        var outcome = designer.Realign(drifted, before.AsT0.Alignment, cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(outcome.IsT0, outcome.IsT1 ? outcome.AsT1.ToString() : null);
        var result = outcome.AsT0;
        Assert.InRange(DesignFixtures.MaxDeviation(drifted, result.Design.Alignment), 0, 0.05 + 1e-9);
        Assert.True(DesignFixtures.AllContiguous(drifted, result.Design.Alignment));
        var movedVolume = result.MovedUnits.Sum(id => drifted.Units.Single(u => u.Id == id).Attributes[0]);
        Assert.Equal(movedVolume, result.VolumeMoved[0], 1e-9);
        Assert.True(result.VolumeMoved[0] >= result.VolumeLowerBound[0] - 1e-9);
    }

    [Fact]
    public void Compare_TwoAlignments_ListsUnitsThatChangedHands()
    {
        var input = DesignFixtures.Grid(new DesignCase(3, 3, 2, 0, Enumerable.Repeat(1, 9).ToArray(), false));
        var ids = input.Units.Select(u => u.Id).ToList();
        var first = Alignment.Create(ids.Select(id => KeyValuePair.Create(id, new TerritoryId(id.EndsWith('0') ? "A" : "B"))));
        var second = Alignment.Create(ids.Select(id => KeyValuePair.Create(id, new TerritoryId(id.EndsWith('2') ? "B" : "A"))));
        var outcome = Designer(2).Compare(input, first, second);
        Assert.True(outcome.IsT0);
        var changes = outcome.AsT0.Changes;
        Assert.Equal([DesignFixtures.Id(0, 1), DesignFixtures.Id(1, 1), DesignFixtures.Id(2, 1)], changes.Select(c => c.Unit));
        Assert.All(changes, c => Assert.Equal(("B", "A"), (c.From!.Value.Value, c.To!.Value.Value)));
        Assert.Equal(3, outcome.AsT0.VolumeChanged[0]);
        Assert.Equal(3, outcome.AsT0.First.Territories[0].UnitCount);
        Assert.Equal(6, outcome.AsT0.Second.Territories[0].UnitCount);
    }

    [Fact]
    public void Evaluate_UnalignedUnit_ReturnsErrorNamingIt()
    {
        var input = DesignFixtures.Grid(new DesignCase(3, 3, 2, 0, Enumerable.Repeat(1, 9).ToArray(), false));
        var partial = Alignment.Create(input.Units.Skip(1).Select(u => KeyValuePair.Create(u.Id, new TerritoryId("T01"))));
        var outcome = Designer(2).Evaluate(input, partial);
        Assert.True(outcome.IsT1);
        var error = Assert.Single(outcome.AsT1.Errors);
        Assert.Equal(DesignErrorCode.UnalignedUnit, error.Code);
        Assert.Equal([input.Units[0].Id], error.Ids);
    }
}
