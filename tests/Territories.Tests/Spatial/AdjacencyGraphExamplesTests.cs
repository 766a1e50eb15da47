using Territories.Model;
using Territories.Spatial;
using static Territories.Tests.Spatial.GeometryFixtures;

namespace Territories.Tests.Spatial;

/// <summary>The adjacency graph on worked examples: neighbours listed in id order, and the limits of its options.</summary>
public class AdjacencyGraphExamplesTests
{
    [Fact]
    public void NeighboursOf_TheMiddleOfARowOfFive_AreItsTwoSidesInIdOrder()
    {
        // West to east: e, b, a, d, c; only the row's order makes neighbours.
        var graph = AdjacencyGraph.Build(Map(
            Territory("e", Square(0, 0, 1)),
            Territory("b", Square(1, 0, 1)),
            Territory("a", Square(2, 0, 1)),
            Territory("d", Square(3, 0, 1)),
            Territory("c", Square(4, 0, 1))));

        Assert.Equal(["b", "d"], graph.NeighboursOf(new TerritoryId("a")).Select(t => t.Value));
        Assert.Equal(["a", "e"], graph.NeighboursOf(new TerritoryId("b")).Select(t => t.Value));
        Assert.Equal(["a", "c"], graph.NeighboursOf(new TerritoryId("d")).Select(t => t.Value));
        Assert.Equal(["b"], graph.NeighboursOf(new TerritoryId("e")).Select(t => t.Value));
        Assert.Equal(["a-b", "a-d", "b-e", "c-d"], graph.Pairs.Select(p => $"{p.First}-{p.Second}"));
    }

    [Fact]
    public void Build_MinimumSharedLengthZero_IsAllowedAndAnySharedStretchCounts()
    {
        var map = Map(Territory("w", Square(0, 0, 1)), Territory("e", Square(1, 0, 1)));

        var graph = AdjacencyGraph.Build(map, new AdjacencyOptions { MinSharedLengthMetres = 0 });

        Assert.Equal(111_195, Assert.Single(graph.Pairs).SharedLengthMetres, 1.0);
    }

    [Theory]
    [InlineData(-1.0, "-1")]
    [InlineData(double.NaN, "NaN")]
    public void Build_MinimumSharedLengthNegativeOrNotANumber_IsRejectedSayingWhy(double metres, string shown)
    {
        var map = Map(Territory("w", Square(0, 0, 1)));

        var e = Assert.Throws<ArgumentException>("options", () => AdjacencyGraph.Build(map, new AdjacencyOptions { MinSharedLengthMetres = metres }));

        Assert.StartsWith($"Invalid AdjacencyOptions: MinSharedLengthMetres must be a finite length of zero or more, not {shown}.", e.Message, StringComparison.Ordinal);
    }
}
