using Territories.Design;

namespace Territories.Tests.Design;

public sealed class TerritoryFlowTests
{
    [Fact]
    public void Solve_LoadsInsideTheBand_NothingFlows()
    {
        var adjacent = new bool[3, 3];
        adjacent[0, 1] = adjacent[1, 0] = adjacent[1, 2] = adjacent[2, 1] = true;
        var flow = TerritoryFlow.Solve(adjacent, [1.02, 0.97, 1.01], 0.95, 1.05);
        Assert.All(flow.Cast<double>(), f => Assert.Equal(0, f, 12));
    }

    [Fact]
    public void Solve_ExcessAtOneEndOfAChain_TravelsThroughTheMiddle()
    {
        // 0 - 1 - 2 in a line: 0 must shed 0.15, 2 must gain 0.15, and they are not neighbours.
        var adjacent = new bool[3, 3];
        adjacent[0, 1] = adjacent[1, 0] = adjacent[1, 2] = adjacent[2, 1] = true;
        var flow = TerritoryFlow.Solve(adjacent, [1.2, 1.0, 0.8], 0.95, 1.05);
        Assert.Equal(0.15, flow[0, 1], 1e-9);
        Assert.Equal(0.15, flow[1, 2], 1e-9);
        Assert.Equal(0, flow[0, 2], 12);
        Assert.Equal(0, flow[1, 0], 12);
        Assert.Equal(0, flow[2, 1], 12);
    }

    [Fact]
    public void Solve_TwoRoutes_EveryTerritoryEndsInsideTheBand()
    {
        // A 2 × 2 block: 0 and 3 are heavy, 1 and 2 light; every territory touches two others.
        var adjacent = new bool[4, 4];
        foreach (var (a, b) in new[] { (0, 1), (0, 2), (1, 3), (2, 3) })
        {
            adjacent[a, b] = adjacent[b, a] = true;
        }

        double[] load = [1.3, 0.75, 0.8, 1.15];
        var flow = TerritoryFlow.Solve(adjacent, load, 0.95, 1.05);
        for (var t = 0; t < 4; t++)
        {
            var final = load[t];
            for (var o = 0; o < 4; o++)
            {
                final += flow[o, t] - flow[t, o];
                Assert.True(flow[t, o] >= -1e-12, $"flow {t}->{o} is negative");
                Assert.True(adjacent[t, o] || flow[t, o] == 0, $"flow between {t} and {o}, which do not touch");
            }

            Assert.InRange(final, 0.95 - 1e-9, 1.05 + 1e-9);
        }
    }
}
