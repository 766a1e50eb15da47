using Territories.Design;
using Territories.Internal;
using Territories.Model;

namespace Territories.Tests.Design;

/// <summary>
/// A stop that fires before the first plan exists ends the growth of that plan at once (issue 17
/// item 6: the designer drew the whole first plan after a cancellation); restarts within the search,
/// which have a best plan to fall back on, are not stopped.
/// </summary>
public class FirstPlanStopTests
{
    [Fact]
    public void Initial_StopAlreadyFired_FirstPlanStopsButARestartPlanIsDrawn()
    {
        var random = new Random(4);
        var units = Enumerable.Range(0, 600)
            .Select(i => DesignUnit.FromPoint($"u{i:000}", new GeoPoint(-83 + random.NextDouble(), 40 + random.NextDouble()), [1 + random.Next(3)]))
            .ToList();
        var errors = new List<DesignError>();
        var problem = DesignProblem.Create(DesignInput.Create(["workload"], units), new DesignOptions { TerritoryCount = 6 }, errors);
        Assert.Empty(errors);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var engine = new DesignEngine(problem!, 6, seed: 1, StopCondition.Cancellation(cancelled.Token));
        var pinned = Enumerable.Repeat(-1, problem!.N).ToArray();
        var seeds = Enumerable.Repeat(-1, 6).ToArray();

        var stopped = Assert.Throws<DesignStoppedException>(() => engine.Initial(pinned, seeds, stopped: true));
        var restart = engine.Initial(pinned, seeds);

        Assert.Equal(StopReason.Cancelled, stopped.Reason);
        Assert.All(restart, t => Assert.InRange(t, 0, 5));
    }
}
