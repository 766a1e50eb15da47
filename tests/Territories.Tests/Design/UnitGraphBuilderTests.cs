using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NetTopologySuite.Geometries;
using Territories.Design;
using Territories.Model;
using Territories.Spatial;
using Geometries = Territories.Internal.Geometries;

namespace Territories.Tests.Design;

public class UnitGraphBuilderTests
{
    private const double West = -83;
    private const double South = 40;

    private static string CellId(int r, int c) => $"r{r}c{c}";

    private static Coordinate[] Square(double x0, double y0, double size) =>
        [new(x0, y0), new(x0 + size, y0), new(x0 + size, y0 + size), new(x0, y0 + size), new(x0, y0)];

    /// <summary>Cell (r, c) of a grid of 0.1 degree squares, each corner computed from its grid index alone so that neighbours share exact coordinates.</summary>
    private static Coordinate[] GridCell(int r, int c)
    {
        double x0 = West + (c / 10.0), x1 = West + ((c + 1) / 10.0), y0 = South + (r / 10.0), y1 = South + ((r + 1) / 10.0);
        return [new(x0, y0), new(x1, y0), new(x1, y1), new(x0, y1), new(x0, y0)];
    }

    private static Polygon Polygon(Coordinate[] shell, params Coordinate[][] holes) =>
        Geometries.Factory.CreatePolygon(Geometries.Factory.CreateLinearRing(shell), [.. holes.Select(h => Geometries.Factory.CreateLinearRing(h))]);

    private static DesignUnit Unit(string id, NetTopologySuite.Geometries.Geometry shape, double value = 1) =>
        DesignUnit.FromPolygon(id, TerritoryBoundary.FromGeometry(shape), [value]);

    private static Coordinate[] Drawn(Coordinate[] ring, BorderDrawing drawing, bool odd)
    {
        if (!odd || drawing == BorderDrawing.Exact)
        {
            return ring;
        }

        if (drawing == BorderDrawing.Offset)
        {
            return [.. ring.Select(p => new Coordinate(p.X + 1e-9, p.Y - 1e-9))];
        }

        var dense = new List<Coordinate>();
        for (var k = 1; k < ring.Length; k++)
        {
            var (a, b) = (ring[k - 1], ring[k]);
            dense.Add(a);
            foreach (var t in new[] { 0.25, 0.5, 0.75 })
            {
                dense.Add(new Coordinate(a.X + (t * (b.X - a.X)), a.Y + (t * (b.Y - a.Y))));
            }
        }

        dense.Add(ring[^1]);
        return [.. dense];
    }

    private static DesignInput Map(SquareMapCase c)
    {
        var units = new List<DesignUnit>();
        for (var r = 0; r < c.Rows; r++)
        {
            for (var col = 0; col < c.Columns; col++)
            {
                if (c.Present[(r * c.Columns) + col])
                {
                    var ring = GridCell(r, col);
                    units.Add(Unit(CellId(r, col), Polygon(Drawn(ring, c.Drawing, (r + col) % 2 == 1)), 1 + ((r * 7) + col) % 5));
                }
            }
        }

        return DesignInput.Create(["population"], units);
    }

    /// <summary>Pairs of present cells sharing an edge, computed from the grid alone.</summary>
    private static HashSet<(string, string)> EdgeNeighbours(SquareMapCase c)
    {
        var pairs = new HashSet<(string, string)>();
        bool Has(int r, int col) => r < c.Rows && col < c.Columns && c.Present[(r * c.Columns) + col];
        for (var r = 0; r < c.Rows; r++)
        {
            for (var col = 0; col < c.Columns; col++)
            {
                if (!Has(r, col))
                {
                    continue;
                }

                if (Has(r + 1, col))
                {
                    pairs.Add(Pair(CellId(r, col), CellId(r + 1, col)));
                }

                if (Has(r, col + 1))
                {
                    pairs.Add(Pair(CellId(r, col), CellId(r, col + 1)));
                }
            }
        }

        return pairs;
    }

    private static (string, string) Pair(string a, string b) => string.CompareOrdinal(a, b) < 0 ? (a, b) : (b, a);

    private static UnitGraph Build(DesignInput input)
    {
        var index = input.Units.Select((u, i) => (u.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var errors = new List<DesignError>();
        var graph = UnitGraphBuilder.Build(input, index, null, errors);
        Assert.Empty(errors);
        return graph;
    }

    /// <summary>The graph's links that are not island links, as id pairs.</summary>
    private static HashSet<(string, string)> BorderLinks(DesignInput input, UnitGraph graph)
    {
        var island = graph.IslandLinks.Select(l => Pair(l.From, l.To)).ToHashSet();
        var pairs = new HashSet<(string, string)>();
        for (var i = 0; i < graph.Count; i++)
        {
            for (var e = graph.Start[i]; e < graph.Start[i + 1]; e++)
            {
                var pair = Pair(input.Units[i].Id, input.Units[graph.Neighbours[e]].Id);
                if (!island.Contains(pair))
                {
                    pairs.Add(pair);
                }
            }
        }

        return pairs;
    }

    /// <summary>Connected pieces of <paramref name="ids"/> under <paramref name="pairs"/> (own breadth-first search).</summary>
    private static int PieceCount(IEnumerable<string> ids, IEnumerable<(string A, string B)> pairs)
    {
        var set = ids.ToHashSet(StringComparer.Ordinal);
        var adjacency = set.ToDictionary(u => u, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var (a, b) in pairs.Where(p => set.Contains(p.A) && set.Contains(p.B)))
        {
            adjacency[a].Add(b);
            adjacency[b].Add(a);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pieces = 0;
        foreach (var start in set.Order(StringComparer.Ordinal))
        {
            if (!seen.Add(start))
            {
                continue;
            }

            pieces++;
            var queue = new Queue<string>([start]);
            while (queue.TryDequeue(out var u))
            {
                foreach (var v in adjacency[u].Where(seen.Add))
                {
                    queue.Enqueue(v);
                }
            }
        }

        return pieces;
    }

    [Property(MaxTest = 60, Arbitrary = [typeof(Arbitraries)])]
    public Property Build_SquareMap_NeighboursAreExactlyTheCellsSharingAnEdge(SquareMapCase c)
    {
        var input = Map(c);
        var links = BorderLinks(input, Build(input));
        return links.SetEquals(EdgeNeighbours(c)).Label($"{c}: got {string.Join(" ", links)}");
    }

    [Property(MaxTest = 60, Arbitrary = [typeof(Arbitraries)])]
    public Property Build_SquareMap_IslandLinksJoinThePiecesIntoOne(SquareMapCase c)
    {
        var input = Map(c);
        var graph = Build(input);
        var ids = input.Units.Select(u => u.Id).ToList();
        var expected = EdgeNeighbours(c);
        var pieces = PieceCount(ids, expected);
        var links = graph.IslandLinks;
        var withLinks = PieceCount(ids, expected.Concat(links.Select(l => (l.From, l.To))));
        var eachJoinsTwoPieces = links.All(l => l.FromPiece != l.ToPiece && PieceCount([l.From, l.To], expected) == 2);
        var reported = graph.Pieces.Length == (pieces == 1 ? 0 : pieces)
            && graph.Pieces.Skip(1).All(p => p.Length <= graph.Pieces[0].Length)
            && graph.Pieces.SelectMany(p => p).Order(StringComparer.Ordinal).SequenceEqual(pieces == 1 ? [] : ids.Order(StringComparer.Ordinal));
        return (links.Length == pieces - 1 && withLinks == 1 && eachJoinsTwoPieces && reported)
            .Label($"{c}: {pieces} pieces, {links.Length} links, {withLinks} after linking");
    }

    [Property(MaxTest = 40, Arbitrary = [typeof(Arbitraries)])]
    public Property Build_SquareMap_IslandLinksAreAMinimumSpanningTreeOverThePieces(SquareMapCase c)
    {
        var input = Map(c with { Drawing = BorderDrawing.Exact });
        var graph = Build(input);
        var ids = input.Units.Select(u => u.Id).ToList();
        var neighbours = EdgeNeighbours(c);

        // Own Prim over the pieces, the distance between two pieces being the least distance between their squares.
        var projection = LocalProjection.Around(input.Units.Average(u => u.Boundary!.Geometry.Centroid.X), input.Units.Average(u => u.Boundary!.Geometry.Centroid.Y));
        var shapes = input.Units.ToDictionary(u => u.Id, u => projection.ProjectCopy(u.Boundary!.Geometry), StringComparer.Ordinal);
        var pieceOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var id in ids.Where(id => !pieceOf.ContainsKey(id)))
        {
            var queue = new Queue<string>([id]);
            pieceOf[id] = pieceOf.Count == 0 ? 0 : pieceOf.Values.Max() + 1;
            while (queue.TryDequeue(out var u))
            {
                foreach (var (a, b) in neighbours.Where(p => p.Item1 == u || p.Item2 == u))
                {
                    var v = a == u ? b : a;
                    if (pieceOf.TryAdd(v, pieceOf[u]))
                    {
                        queue.Enqueue(v);
                    }
                }
            }
        }

        var count = pieceOf.Values.Max() + 1;
        var inTree = new HashSet<int> { 0 };
        var weight = 0.0;
        while (inTree.Count < count)
        {
            var step = ids.Where(a => inTree.Contains(pieceOf[a]))
                .SelectMany(a => ids.Where(b => !inTree.Contains(pieceOf[b])).Select(b => (Piece: pieceOf[b], Distance: shapes[a].Distance(shapes[b]))))
                .MinBy(x => x.Distance);
            inTree.Add(step.Piece);
            weight += step.Distance;
        }

        var linked = graph.IslandLinks.Sum(l => l.DistanceMetres);
        return (Math.Abs(linked - weight) <= 1e-6 * Math.Max(1, weight)).Label($"{c}: links {linked:F3} m, minimum spanning tree {weight:F3} m");
    }

    [Fact]
    public void Build_FourCorners_UnitsMeetingAtOnePointAreNotNeighbours()
    {
        // Four states meeting at one point: only the pairs sharing an edge are neighbours.
        var input = DesignInput.Create(["population"],
        [
            Unit("UT", Polygon(Square(-110, 37, 1))),
            Unit("CO", Polygon(Square(-109, 37, 1))),
            Unit("AZ", Polygon(Square(-110, 36, 1))),
            Unit("NM", Polygon(Square(-109, 36, 1))),
        ]);
        var links = BorderLinks(input, Build(input));
        Assert.Equal(new HashSet<(string, string)> { ("CO", "UT"), ("AZ", "UT"), ("CO", "NM"), ("AZ", "NM") }, links);
    }

    [Fact]
    public void Build_CheckerboardTouchingOnlyAtCorners_EveryUnitIsAPieceJoinedByZeroLengthIslandLinks()
    {
        var input = DesignInput.Create(["population"],
        [
            Unit("a", Polygon(Square(-100, 37, 1))),
            Unit("b", Polygon(Square(-99, 38, 1))),
            Unit("c", Polygon(Square(-98, 37, 1))),
        ]);
        var graph = Build(input);
        Assert.Empty(BorderLinks(input, graph));
        Assert.Equal(2, graph.IslandLinks.Length);
        Assert.All(graph.IslandLinks, l => Assert.Equal(0, l.DistanceMetres, 6));
        Assert.Equal(1, PieceCount(["a", "b", "c"], graph.IslandLinks.Select(l => (l.From, l.To))));
    }

    [Fact]
    public void Build_Enclave_NeighbourOfItsHostOnly()
    {
        // An independent city filling a hole in its county, the county next to another.
        var hole = Square(-82.7, 40.3, 0.2);
        var host = Polygon(Square(-83, 40, 1), [.. hole.Reverse()]);
        var input = DesignInput.Create(["population"],
        [
            Unit("county", host),
            Unit("city", Polygon(hole)),
            Unit("east", Polygon(Square(-82, 40, 1))),
        ]);
        var graph = Build(input);
        Assert.Equal(new HashSet<(string, string)> { ("city", "county"), ("county", "east") }, BorderLinks(input, graph));
        Assert.Empty(graph.IslandLinks);
    }

    [Fact]
    public void Build_UnitWithAnEmptyHole_KeepsItsNeighboursAndItsAreaExcludesTheHole()
    {
        var lake = Square(-82.7, 40.3, 0.2);
        var input = DesignInput.Create(["population"],
        [
            Unit("lakeside", Polygon(Square(-83, 40, 1), [.. lake.Reverse()])),
            Unit("east", Polygon(Square(-82, 40, 1))),
        ]);
        var graph = Build(input);
        Assert.Equal(new HashSet<(string, string)> { ("east", "lakeside") }, BorderLinks(input, graph));
        Assert.True(graph.Area![input.Units.ToList().FindIndex(u => u.Id == "lakeside")] < graph.Area![input.Units.ToList().FindIndex(u => u.Id == "east")] * 0.99);
    }

    [Fact]
    public void Build_CityCollapsedToALineOnABorder_NeighbourOfBothSidesWithNoArea()
    {
        // Simplification drew a small independent city as a line on the border of two counties
        // (real Virginia: Falls Church between Arlington and Fairfax), and another as one point.
        var line = Geometries.Factory.CreatePolygon([new(-82, 40.2), new(-82, 40.6), new(-82, 40.2), new(-82, 40.2)]);
        var point = Geometries.Factory.CreatePolygon([new(-81.5, 41.5), new(-81.5, 41.5), new(-81.5, 41.5), new(-81.5, 41.5)]);
        var input = DesignInput.Create(["population"],
        [
            Unit("west", Polygon(Square(-83, 40, 1))),
            Unit("east", Polygon(Square(-82, 40, 1))),
            Unit("line-city", line),
            Unit("point-city", point),
        ]);
        var graph = Build(input);
        Assert.Equal(new HashSet<(string, string)> { ("east", "west"), ("east", "line-city"), ("line-city", "west") }, BorderLinks(input, graph));
        var link = Assert.Single(graph.IslandLinks);
        Assert.Equal(("east", "point-city"), (link.From, link.To));
        // Half a degree of a meridian on the mean sphere (one degree: 111,195.08 m).
        Assert.Equal(0.5 * 111_195.08, link.DistanceMetres, 1.0);
        var lineCity = input.Units.ToList().FindIndex(u => u.Id == "line-city");
        Assert.Equal(0, graph.Area![lineCity]);
        Assert.Null(graph.Shapes![lineCity]);
    }

    [Fact]
    public void Build_MultiPolygonUnit_NeighbourThroughEitherPart()
    {
        // A county with a mainland part and an island part; the island part touches a third unit.
        var county = Geometries.Factory.CreateMultiPolygon([Polygon(Square(-83, 40, 1)), Polygon(Square(-83, 42, 0.5))]);
        var input = DesignInput.Create(["population"],
        [
            Unit("county", county),
            Unit("mainland-east", Polygon(Square(-82, 40, 1))),
            Unit("island-east", Polygon(Square(-82.5, 42, 0.5))),
        ]);
        var graph = Build(input);
        Assert.Equal(new HashSet<(string, string)> { ("county", "mainland-east"), ("county", "island-east") }, BorderLinks(input, graph));
        Assert.Empty(graph.IslandLinks);
    }

    [Theory]
    [InlineData(1e-9, true)]
    [InlineData(1e-7, true)]
    [InlineData(1e-4, false)]
    public void Build_NeighbourDrawnAGapAway_NeighbourOnlyWithinTheOneMetreTolerance(double gapDegrees, bool neighbours)
    {
        var input = DesignInput.Create(["population"],
        [
            Unit("west", Polygon(Square(-83, 40, 1))),
            Unit("east", Polygon(Square(-82 + gapDegrees, 40, 1))),
        ]);
        var graph = Build(input);
        Assert.Equal(neighbours, BorderLinks(input, graph).Count == 1);
        Assert.Equal(neighbours ? 0 : 1, graph.IslandLinks.Length);
    }

    [Fact]
    public void Build_UnitsEitherSideOfTheAntimeridian_NeighboursAndNearIslands()
    {
        // Aleutian-like: two units sharing the 180° meridian (drawn as +180 on one side, −180 on the
        // other) and an island north of the eastern one, at +179.6.
        var input = DesignInput.Create(["population"],
        [
            Unit("east-of", Polygon(Square(179.5, 52, 0.5))),
            Unit("west-of", Polygon(Square(-180, 52, 0.5))),
            Unit("island", Polygon(Square(179.6, 52.6, 0.2))),
        ]);
        var graph = Build(input);
        Assert.Equal(new HashSet<(string, string)> { ("east-of", "west-of") }, BorderLinks(input, graph));
        var link = Assert.Single(graph.IslandLinks);
        Assert.Equal(("east-of", "island"), (link.From, link.To));
        Assert.InRange(link.DistanceMetres, 0.1 * 111_195.08 * 0.99, 0.1 * 111_195.08 * 1.01);
    }

    [Fact]
    public void Build_IslandOffshore_LinkedToTheNearestUnitWithTheGapInMetres()
    {
        // Two mainland units and an island 0.1 degree of latitude north of the western one (about 11 km).
        var input = DesignInput.Create(["population"],
        [
            Unit("west", Polygon(Square(-83, 40, 1))),
            Unit("east", Polygon(Square(-82, 40, 1))),
            Unit("island", Polygon(Square(-82.6, 41.1, 0.2))),
        ]);
        var link = Assert.Single(Build(input).IslandLinks);
        Assert.Equal(("island", 1, "west", 0), (link.From, link.FromPiece, link.To, link.ToPiece));
        Assert.Equal(0.1 * 111_195.08, link.DistanceMetres, 1.0);
    }

    [Property(MaxTest = 60)]
    public Property Build_FewPointUnits_ConnectedGraphWithoutException(int seed)
    {
        // Small point sets on a coarse grid (right angles, collinear runs, duplicates) are where the
        // Voronoi clipping used to fail.
        var random = new Random(seed);
        var count = 3 + random.Next(6);
        var units = Enumerable.Range(0, count)
            .Select(i => DesignUnit.FromPoint($"p{i}", new GeoPoint(-83 + (random.Next(3) / 10.0), 40 + (random.Next(3) / 10.0)), [random.Next(3)]))
            .ToList();
        var input = DesignInput.Create(["population"], units);
        var graph = Build(input);
        graph.Components(out var pieces);
        return (pieces == 1).Label($"{string.Join(" ", units.Select(u => u.Location))}: {pieces} pieces");
    }

    [Property(MaxTest = 40)]
    public Property Build_PointUnits_CellsTileSoTheirCoverageUnionIsTheOverlayUnion(int seed)
    {
        // Territory boundaries of point units use the fast coverage union (ShapesTile): it must give
        // the robust overlay's polygon for any group of cells, contiguous or not.
        var random = new Random(seed);
        var count = 6 + random.Next(60);
        var units = Enumerable.Range(0, count)
            .Select(i => DesignUnit.FromPoint($"p{i:D2}", new GeoPoint(-83 + (random.NextDouble() * 0.5), 40 + (random.NextDouble() * 0.5)), [1]))
            .ToList();
        var graph = Build(DesignInput.Create(["workload"], units));
        var group = Enumerable.Range(0, graph.Count).Where(_ => random.Next(2) == 0).Select(i => graph.Shapes![i]!).ToList();
        if (group.Count == 0)
        {
            return true.ToProperty();
        }

        var coverage = NetTopologySuite.Operation.OverlayNG.CoverageUnion.Union(Geometries.Factory.BuildGeometry(group));
        var overlay = NetTopologySuite.Operation.OverlayNG.OverlayNGRobust.Union(group, Geometries.Factory);
        var difference = coverage.SymmetricDifference(overlay).Area;
        return (graph.ShapesTile && coverage.IsValid && coverage.NumGeometries == overlay.NumGeometries && difference <= 1e-9 * overlay.Area)
            .Label($"tile {graph.ShapesTile}, valid {coverage.IsValid}, {coverage.NumGeometries} vs {overlay.NumGeometries} polygons, difference {difference}");
    }

    [Property(MaxTest = 60)]
    public Property Build_PointUnits_NeighbourCellsShareABorderAndHoldTheirPoints(int seed)
    {
        // Points on a jittered row above a nearly straight bottom edge: thin hull triangles, whose
        // Voronoi edges lie far outside the points, are the hard case for cells of neighbours.
        var random = new Random(seed);
        var count = 5 + random.Next(25);
        var units = Enumerable.Range(0, count)
            .Select(i => DesignUnit.FromPoint($"p{i:D2}", i < count / 2
                    ? new GeoPoint(i, random.NextDouble() * 0.05)
                    : new GeoPoint(random.NextDouble() * count / 2, 0.5 + random.NextDouble()), [1]))
            .ToList();
        var input = DesignInput.Create(["workload"], units, isPlanar: true);
        var graph = Build(input);
        var failures = new List<string>();
        for (var i = 0; i < graph.Count; i++)
        {
            var cell = graph.Shapes![i]!;
            var p = input.Units[i].Location!.Value;
            if (!cell.Contains(Geometries.Factory.CreatePoint(new Coordinate(p.Longitude, p.Latitude))))
            {
                failures.Add($"{input.Units[i].Id} outside its cell");
            }

            for (var e = graph.Start[i]; e < graph.Start[i + 1]; e++)
            {
                var j = graph.Neighbours[e];
                if (j > i && (cell.Intersection(graph.Shapes[j]!).Length <= 0 || cell.Intersection(graph.Shapes[j]!).Area > 1e-9))
                {
                    failures.Add($"{input.Units[i].Id}-{input.Units[j].Id}");
                }
            }
        }

        return (failures.Count == 0).Label(string.Join(", ", failures.Take(5)));
    }

    [Fact]
    public void Design_ZeroAttributeUnits_EveryUnitPlacedAndTotalsRecomputed()
    {
        var units = new List<DesignUnit>();
        for (var r = 0; r < 3; r++)
        {
            for (var c = 0; c < 4; c++)
            {
                units.Add(Unit(CellId(r, c), Polygon(GridCell(r, c)), (r + c) % 3 == 0 ? 0 : 10));
            }
        }

        var input = DesignInput.Create(["population"], units);
        var plan = DesignFixtures.Plan(new TerritoryDesigner(new DesignOptions { TerritoryCount = 2, Tolerance = 0.25, Seed = 3, MaxRounds = 4, TimeLimit = TimeSpan.FromMinutes(1) })
            .Design(input, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal(12, plan.Alignment.Count);
        var totals = plan.Alignment.Territories.Select(t => plan.Alignment.UnitsOf(t).Sum(id => units.Single(u => u.Id == id).Attributes[0])).ToList();
        Assert.Equal(units.Sum(u => u.Attributes[0]), totals.Sum());
        Assert.All(totals, t => Assert.InRange(t, 40 * 0.75, 40 * 1.25));
    }

    [Fact]
    public void Design_ConcavePointRegion_EachTerritoryBoundaryOnePolygonHoldingItsPoints()
    {
        // Points along a thin C (like Virginia's ZIPs around the Chesapeake): Delaunay neighbours
        // across the mouth of the C are far apart, where clipped Voronoi cells no longer touch.
        var random = new Random(7);
        var units = new List<DesignUnit>();
        for (var i = 0; i < 160; i++)
        {
            var angle = (0.15 + (1.7 * random.NextDouble())) * Math.PI;
            var radius = 1 + (0.08 * random.NextDouble());
            units.Add(DesignUnit.FromPoint($"z{i:D3}", new GeoPoint(-78 + (radius * Math.Cos(angle)), 37 + (0.8 * radius * Math.Sin(angle))), [1 + random.Next(5)]));
        }

        var input = DesignInput.Create(["population"], units);
        var plan = DesignFixtures.Plan(new TerritoryDesigner(new DesignOptions { TerritoryCount = 6, Tolerance = 0.1, Seed = 2, MaxRounds = 4, ComputeBoundaries = true, TimeLimit = TimeSpan.FromMinutes(1) })
            .Design(input, cancellationToken: TestContext.Current.CancellationToken));
        var shapes = plan.Territories.ToDictionary(t => t.Id, t => t.Boundary!.Geometry);
        foreach (var territory in plan.Territories)
        {
            var shape = shapes[territory.Id];
            Assert.IsType<NetTopologySuite.Geometries.Polygon>(shape);
            foreach (var id in plan.Alignment.UnitsOf(territory.Id))
            {
                var p = units.Single(u => u.Id == id).Location!.Value;
                Assert.True(shape.Contains(Geometries.Factory.CreatePoint(new Coordinate(p.Longitude, p.Latitude))), $"{id} outside {territory.Id}");
            }
        }

        var list = shapes.Values.ToList();
        for (var a = 0; a < list.Count; a++)
        {
            for (var b = a + 1; b < list.Count; b++)
            {
                Assert.True(list[a].Intersection(list[b]).Area < 1e-9, "two territory boundaries overlap");
            }
        }
    }

    [Fact]
    public void Design_IslandUnits_PlanContiguousThroughReportedIslandLinksOnly()
    {
        // A 4 x 4 mainland and three islands off its north coast.
        var units = new List<DesignUnit>();
        for (var r = 0; r < 4; r++)
        {
            for (var c = 0; c < 4; c++)
            {
                units.Add(Unit(CellId(r, c), Polygon(GridCell(r, c)), 10));
            }
        }

        units.Add(Unit("isle-a", Polygon(Square(West, South + 0.5, 0.05)), 10));
        units.Add(Unit("isle-b", Polygon(Square(West + 0.2, South + 0.55, 0.05)), 10));
        units.Add(Unit("isle-c", Polygon(Square(West + 0.35, South + 0.7, 0.05)), 10));
        var input = DesignInput.Create(["population"], units);
        var outcome = new TerritoryDesigner(new DesignOptions { TerritoryCount = 3, Tolerance = 0.2, Seed = 1, MaxRounds = 4, TimeLimit = TimeSpan.FromMinutes(1) })
            .Design(input, cancellationToken: TestContext.Current.CancellationToken);
        var plan = DesignFixtures.Plan(outcome);
        Assert.Empty(plan.Report.IslandUnits);
        Assert.Equal(3, plan.Report.IslandLinks.Length);
        Assert.Equal([16, 1, 1, 1], plan.Report.Pieces.Select(p => p.Length));
        Assert.Equal(["isle-a", "isle-b", "isle-c"], plan.Report.Pieces.Skip(1).Select(p => p[0]).Order(StringComparer.Ordinal));
        var grid = new SquareMapCase(4, 4, Enumerable.Repeat(true, 16).ToArray(), BorderDrawing.Exact);
        var accepted = EdgeNeighbours(grid).Concat(plan.Report.IslandLinks.Select(l => (l.From, l.To))).ToList();
        foreach (var territory in plan.Alignment.Territories)
        {
            var members = plan.Alignment.Entries.Where(e => e.Value == territory).Select(e => e.Key).ToList();
            Assert.Equal(1, PieceCount(members, accepted));
        }
    }
}
