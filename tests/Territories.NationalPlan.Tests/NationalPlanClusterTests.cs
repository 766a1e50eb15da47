using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using NationalPlan;
using Orleans.Runtime.Placement;
using Orleans.TestingHost;

namespace Territories.NationalPlan.Tests;

/// <summary>
/// The national plan on a two-silo Orleans TestingHost cluster configured as the example's
/// (<see cref="Failover"/>): the second silo is killed while it plans a territory; every territory must
/// still be planned once, the plans must be those of the single-process run with the same seeds, and
/// the lost call must be sent again once membership has declared the silo dead, well before the call's
/// own deadline.
/// </summary>
public sealed class NationalPlanClusterTests
{
    private const int Seed = 3;

    /// <summary>
    /// How long after the kill the lost call may be retried: generous for a loaded machine, and below
    /// both every call's deadline and the silos' response timeout (asserted), so that no timeout can
    /// meet it. (An external TestingHost client, whose response timeout is 30 s, would: the test also
    /// asserts that the call failed with <see cref="SiloUnavailableException"/>.)
    /// </summary>
    private static readonly TimeSpan RetryBound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Plan_SecondSiloKilledMidRun_EveryTerritoryOnceSameAsSingleProcessAndRetriedBeforeDeadline()
    {
        var cancel = TestContext.Current.CancellationToken;
        var instance = NationalInstance.Generate(480, Seed);
        var design = DesignStep.Run(instance.Accounts, 4, Seed, TimeSpan.FromMinutes(2));
        Assert.Null(design.Error);
        var jobs = NationalJobs.Build(design, Seed, iterations: 40);
        Assert.Equal(4, jobs.Length);
        Assert.All(jobs, job => Assert.True(Failover.CallTimeout(job) > 2 * RetryBound, $"the deadline of {job.TerritoryId} is within reach of the retry bound"));
        Assert.True(Failover.ResponseTimeout > 2 * RetryBound);

        var local = await new PlanCoordinator((job, _) => Task.Run(() => TerritoryPlanning.Plan(job)), 2).RunAsync(jobs, cancel);

        var builder = new TestClusterBuilder(2);
        builder.AddSiloBuilderConfigurator<GatedSilo>();
        var cluster = builder.Build();
        await cluster.DeployAsync(cancel);
        try
        {
            var victim = cluster.SecondarySilos[0];
            var victimAddress = Assert.IsType<SiloAddress>(victim.SiloAddress);
            var primary = Assert.IsType<InProcessSiloHandle>(cluster.Primary);
            var survivorAddress = Assert.IsType<SiloAddress>(primary.SiloAddress);
            var grains = primary.ServiceProvider.GetRequiredService<IGrainFactory>();
            var gate = Gate.For(victimAddress);

            // First attempts alternate between the two silos (a placement hint), so the victim is
            // certainly planning when it dies; retries are placed by Orleans on whatever is alive.
            var coordinator = new PlanCoordinator(
                (job, attempt) =>
                {
                    if (attempt == 1)
                    {
                        var index = jobs.IndexOf(job);
                        RequestContext.Set(IPlacementDirector.PlacementHintKey, index % 2 == 0 ? survivorAddress : victimAddress);
                    }

                    try
                    {
                        return Failover.PlanAsync(grains, job, attempt);
                    }
                    finally
                    {
                        RequestContext.Clear();
                    }
                },
                parallelism: 2);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var retries = new ConcurrentQueue<(string Territory, TimeSpan At, Exception Error)>();
            coordinator.Retrying += (territory, _, error) => retries.Enqueue((territory, clock.Elapsed, error));
            var run = coordinator.RunAsync(jobs, cancel);

            var gated = await gate.Started.Task.WaitAsync(TimeSpan.FromSeconds(60), cancel);
            var killedAt = clock.Elapsed;
            await cluster.KillSiloAsync(victim, cancel);
            gate.Release.TrySetResult();
            var distributed = await run.WaitAsync(TimeSpan.FromSeconds(120), cancel);

            Assert.Equal(jobs.Select(j => j.TerritoryId), distributed.Plans.Select(p => p.TerritoryId));
            Assert.Contains(distributed.Plans, p => p.Worker == survivorAddress.ToString());
            Assert.Equal(survivorAddress.ToString(), distributed.Plans.Single(p => p.TerritoryId == gated).Worker);
            Assert.Contains(retries, r => r.Territory == gated);
            var lost = retries.First(r => r.Territory == gated);
            TestContext.Current.TestOutputHelper?.WriteLine($"{gated} retried {(lost.At - killedAt).TotalSeconds:0.0} s after the kill ({lost.Error.GetType().Name}); retries: {string.Join(", ", retries.Select(r => $"{r.Territory} at {(r.At - killedAt).TotalSeconds:0.0} s ({r.Error.GetType().Name})"))}");
            Assert.True(lost.At - killedAt < RetryBound, $"the call lost with the silo was retried {(lost.At - killedAt).TotalSeconds:0.0} s after the kill ({lost.Error.GetType().Name})");
            Assert.IsType<SiloUnavailableException>(lost.Error);
            for (var i = 0; i < jobs.Length; i++)
            {
                Assert.True(local.Plans[i].SamePlanAs(distributed.Plans[i]), $"territory {jobs[i].TerritoryId} differs from the single-process plan");
                Assert.True(local.Plans[i].PlannedVisits > 0);
            }
        }
        finally
        {
            await cluster.StopAllSilosAsync(CancellationToken.None);
            await cluster.DisposeAsync();
        }
    }

    [Fact]
    public async Task PlanAsync_PastItsDeadline_FailsAndTheSiloSeesTheCancellation()
    {
        var cancel = TestContext.Current.CancellationToken;
        var builder = new TestClusterBuilder(1);
        builder.AddSiloBuilderConfigurator<StuckSilo>();
        var cluster = builder.Build();
        await cluster.DeployAsync(cancel);
        try
        {
            var primary = Assert.IsType<InProcessSiloHandle>(cluster.Primary);
            var grains = primary.ServiceProvider.GetRequiredService<IGrainFactory>();
            var job = new TerritoryJob { TerritoryId = "T01", Seed = 1, Iterations = 1, BaseLongitude = 0, BaseLatitude = 0, Accounts = [] };

            var call = Failover.PlanAsync(grains, job, attempt: 1, deadline: TimeSpan.FromSeconds(1));

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(TimeSpan.FromSeconds(60), cancel));
            Assert.Equal("T01", await StuckPlanning.Cancelled.Task.WaitAsync(TimeSpan.FromSeconds(60), cancel));
        }
        finally
        {
            await cluster.StopAllSilosAsync(CancellationToken.None);
            await cluster.DisposeAsync();
        }
    }

    [Fact]
    public void SeedOf_SameTerritory_SameSeedAndDifferentTerritoriesDiffer()
    {
        Assert.Equal(TerritoryPlanning.SeedOf(1, "T001"), TerritoryPlanning.SeedOf(1, "T001"));
        // FNV-1a of "T001" from 2166136261 ^ 1, computed independently (python3).
        Assert.Equal(413_292_275, TerritoryPlanning.SeedOf(1, "T001"));
        Assert.NotEqual(TerritoryPlanning.SeedOf(1, "T001"), TerritoryPlanning.SeedOf(1, "T002"));
        Assert.NotEqual(TerritoryPlanning.SeedOf(1, "T001"), TerritoryPlanning.SeedOf(2, "T001"));
    }

    /// <summary>Holds the first territory the watched silo starts until the test has killed that silo.</summary>
    private sealed class Gate
    {
        private static readonly ConcurrentDictionary<string, Gate> Gates = new(StringComparer.Ordinal);

        /// <summary>Completed with the territory id of the held territory.</summary>
        public TaskCompletionSource<string> Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public static Gate For(SiloAddress silo) => Gates.GetOrAdd(silo.ToString(), _ => new Gate());

        public static Gate? Find(SiloAddress silo) => Gates.TryGetValue(silo.ToString(), out var gate) ? gate : null;
    }

    private sealed class GatedPlanning(ILocalSiloDetails silo) : ITerritoryPlanningService
    {
        public async Task<TerritoryPlanResult> PlanAsync(TerritoryJob job, CancellationToken cancellationToken = default)
        {
            if (Gate.Find(silo.SiloAddress) is { } gate && gate.Started.TrySetResult(job.TerritoryId))
            {
                await gate.Release.Task.ConfigureAwait(false);
            }

            return TerritoryPlanning.Plan(job, cancellationToken);
        }
    }

    /// <summary>The example's silo configuration (<see cref="Failover"/>), with the gated planning service.</summary>
    private sealed class GatedSilo : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) => siloBuilder
            .ConfigureFailover()
            .ConfigureServices(s => s.AddSingleton<ITerritoryPlanningService, GatedPlanning>());
    }

    /// <summary>A planning service that never ends by itself: it waits for the call's cancellation and records it.</summary>
    private sealed class StuckPlanning : ITerritoryPlanningService
    {
        public static TaskCompletionSource<string> Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<TerritoryPlanResult> PlanAsync(TerritoryJob job, CancellationToken cancellationToken = default)
        {
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                Cancelled.TrySetResult(job.TerritoryId);
                throw;
            }

            throw new InvalidOperationException("unreachable: the delay never ends by itself");
        }
    }

    private sealed class StuckSilo : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) => siloBuilder
            .ConfigureFailover()
            .ConfigureServices(s => s.AddSingleton<ITerritoryPlanningService, StuckPlanning>());
    }
}
