using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using NationalPlan;
using Orleans.Configuration;
using Orleans.Runtime.Placement;
using Orleans.TestingHost;

namespace Territories.NationalPlan.Tests;

/// <summary>
/// The national plan on a two-silo Orleans TestingHost cluster: the second silo is killed while it
/// plans a territory; every territory must still be planned once, and the plans must be those of the
/// single-process run with the same seeds.
/// </summary>
public sealed class NationalPlanClusterTests
{
    private const int Seed = 3;

    [Fact]
    public async Task Plan_SecondSiloKilledMidRun_EveryTerritoryOnceAndSameAsSingleProcess()
    {
        var cancel = TestContext.Current.CancellationToken;
        var instance = NationalInstance.Generate(480, Seed);
        var design = DesignStep.Run(instance.Accounts, 4, Seed, TimeSpan.FromMinutes(2));
        Assert.Null(design.Error);
        var jobs = NationalJobs.Build(design, Seed, iterations: 40);
        Assert.Equal(4, jobs.Length);

        var local = await new PlanCoordinator((job, _) => Task.Run(() => TerritoryPlanning.Plan(job)), 2).RunAsync(jobs, cancel);

        var builder = new TestClusterBuilder(2);
        builder.AddSiloBuilderConfigurator<GatedSilo>();
        builder.AddClientBuilderConfigurator<ShortTimeoutClient>();
        var cluster = builder.Build();
        await cluster.DeployAsync(cancel);
        try
        {
            var victim = cluster.SecondarySilos[0];
            var victimAddress = Assert.IsType<SiloAddress>(victim.SiloAddress);
            var survivorAddress = Assert.IsType<SiloAddress>(cluster.Primary?.SiloAddress);
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
                        return cluster.Client.GetGrain<ITerritoryPlannerGrain>(LocalCluster.GrainKey(job, attempt)).Plan(job);
                    }
                    finally
                    {
                        RequestContext.Clear();
                    }
                },
                parallelism: 2);
            var run = coordinator.RunAsync(jobs, cancel);

            await gate.Started.Task.WaitAsync(TimeSpan.FromSeconds(60), cancel);
            await cluster.KillSiloAsync(victim, cancel);
            gate.Release.TrySetResult();
            var distributed = await run.WaitAsync(TimeSpan.FromSeconds(120), cancel);

            Assert.Equal(jobs.Select(j => j.TerritoryId), distributed.Plans.Select(p => p.TerritoryId));
            Assert.NotEmpty(distributed.Retries);
            Assert.Contains(distributed.Plans, p => p.Worker == survivorAddress.ToString());
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

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public static Gate For(SiloAddress silo) => Gates.GetOrAdd(silo.ToString(), _ => new Gate());

        public static Gate? Find(SiloAddress silo) => Gates.TryGetValue(silo.ToString(), out var gate) ? gate : null;
    }

    private sealed class GatedPlanning(ILocalSiloDetails silo) : ITerritoryPlanningService
    {
        public async Task<TerritoryPlanResult> PlanAsync(TerritoryJob job, CancellationToken cancellationToken = default)
        {
            if (Gate.Find(silo.SiloAddress) is { } gate && gate.Started.TrySetResult())
            {
                await gate.Release.Task.ConfigureAwait(false);
            }

            return TerritoryPlanning.Plan(job, cancellationToken);
        }
    }

    private sealed class GatedSilo : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) =>
            siloBuilder.ConfigureServices(s => s.AddSingleton<ITerritoryPlanningService, GatedPlanning>());
    }

    private sealed class ShortTimeoutClient : IClientBuilderConfigurator
    {
        public void Configure(Microsoft.Extensions.Configuration.IConfiguration configuration, IClientBuilder clientBuilder) =>
            // A call to a grain on a killed silo is not failed by the client: it ends at the response timeout.
            clientBuilder.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(5));
    }
}
