using Territories.Mix;
using Territories.Model;
using Territories.Spatial;
using static Territories.Tests.Spatial.GeometryFixtures;

namespace Territories.Tests.Mix;

public class NeighbourPairTests
{
    // w and e share the meridian x = 1 from latitude 0 to 1; c touches e only at the corner (2, 1).
    private static readonly AdjacencyGraph Graph = AdjacencyGraph.Build(
        Map(Territory("w", Square(0, 0, 1)), Territory("e", Square(1, 0, 1)), Territory("c", Square(2, 1, 1))),
        new AdjacencyOptions { IncludeCornerContacts = true });

    [Fact]
    public void FromAdjacency_SharedEdge_WeighsItsLengthInKilometres()
    {
        var pair = Assert.Single(NeighbourPair.FromAdjacency(Graph));

        Assert.Equal(new[] { "e", "w" }, new[] { pair.First.Value, pair.Second.Value }.Order(StringComparer.Ordinal));
        // One degree of a meridian on the mean Earth sphere: 6,371,008.8 m × π / 180.
        Assert.Equal(111.195, pair.Weight, 1e-2);
    }

    [Fact]
    public void FromAdjacency_CornerWeight_KeepsCornerContactsWithThatWeight()
    {
        var pairs = NeighbourPair.FromAdjacency(Graph, cornerWeight: 0.5);

        Assert.Equal(2, pairs.Length);
        var corner = Assert.Single(pairs, p => p.First == new TerritoryId("c") || p.Second == new TerritoryId("c"));
        Assert.Equal(0.5, corner.Weight);
    }

    [Fact]
    public void FromAdjacency_BadArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>("adjacency", () => NeighbourPair.FromAdjacency(null!));
        Assert.Throws<ArgumentOutOfRangeException>("cornerWeight", () => NeighbourPair.FromAdjacency(Graph, -1));
    }
}
