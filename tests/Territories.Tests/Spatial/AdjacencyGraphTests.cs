using FsCheck.Xunit;
using Territories.Model;
using Territories.Spatial;
using static Territories.Tests.Spatial.GeometryFixtures;

namespace Territories.Tests.Spatial;

public class AdjacencyGraphTests
{
    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 20)]
    public void Build_AnyLayer_GraphIsSymmetric(GeometryPartition partition)
    {
        var map = Map(partition.Territories());

        var graph = AdjacencyGraph.Build(map, new AdjacencyOptions { IncludeCornerContacts = true });

        foreach (var a in map.Territories)
        {
            foreach (var b in graph.NeighboursOf(a))
            {
                Assert.Contains(a, graph.NeighboursOf(b));
                Assert.Equal(graph.Find(a, b), graph.Find(b, a));
            }
        }

        // An interior cell of a jittered grid has four edge neighbours.
        var edgePairs = graph.Pairs.Count(p => !p.IsCornerContact);
        Assert.Equal((partition.Columns * (partition.Rows - 1)) + (partition.Rows * (partition.Columns - 1)), edgePairs);
    }

    [Fact]
    public void Build_OhioCounties_226PairsShareABorder()
    {
        var graph = AdjacencyGraph.Build(Map([.. OhioCounties()]));

        Assert.Equal(226, graph.Pairs.Length);
        Assert.Contains("39041", graph.NeighboursOf(new TerritoryId("39049")).Select(t => t.Value));
    }

    [Fact]
    public void Build_SideBySideSquares_ShareOneDegreeOfMeridian()
    {
        var graph = AdjacencyGraph.Build(Map(Territory("w", Square(0, 0, 1)), Territory("e", Square(1, 0, 1))));

        var pair = Assert.Single(graph.Pairs);

        // One degree of latitude on the mean sphere: 111.195 km.
        Assert.Equal(111_195, pair.SharedLengthMetres, 1.0);
        Assert.Equal("w", pair.Other(new TerritoryId("e")).Value);
    }

    [Theory]
    [InlineData(1e-7, true)]
    [InlineData(1e-4, false)]
    public void Build_NeighbourDrawnAGapAway_NeighbourOnlyWithinTheOneMetreSnap(double gapDegrees, bool neighbours)
    {
        // The same rule as the design's unit graph: borders whose vertices lie within 1 m are one border.
        var graph = AdjacencyGraph.Build(Map(
            Territory("w", Square(-83, 40, 1)),
            Territory("e", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"POLYGON(({-82 + gapDegrees} 40, -81 40, -81 41, {-82 + gapDegrees} 41, {-82 + gapDegrees} 40))"))));

        Assert.Equal(neighbours, graph.AreNeighbours(new TerritoryId("w"), new TerritoryId("e")));
    }

    [Fact]
    public void Build_CornerContact_OnlyWhenAskedWithNoSharedLength()
    {
        var map = Map(Territory("a", Square(0, 0, 1)), Territory("b", Square(1, 1, 1)));

        Assert.Empty(AdjacencyGraph.Build(map).Pairs);
        var corner = Assert.Single(AdjacencyGraph.Build(map, new AdjacencyOptions { IncludeCornerContacts = true }).Pairs);
        Assert.True(corner.IsCornerContact);
        Assert.Equal(0, corner.SharedLengthMetres);
    }

    [Fact]
    public void Build_BadArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>("map", () => AdjacencyGraph.Build(null!));
        Assert.Equal("options", Assert.Throws<ArgumentException>(() => AdjacencyGraph.Build(Map(), new AdjacencyOptions { MinSharedLengthMetres = -1 })).ParamName);
    }
}
