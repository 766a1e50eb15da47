using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace NationalPlan;

/// <summary>
/// A local Orleans cluster in this process: <c>N</c> silos with localhost clustering (the first is
/// the primary), on free loopback ports, configured by <see cref="Failover"/>. Grain calls go through
/// the first silo's own grain factory (a co-hosted client), so that a call pending on a silo that dies
/// fails as soon as membership declares that silo dead.
/// </summary>
internal sealed class LocalCluster : IAsyncDisposable
{
    private readonly List<IHost> _silos;

    private LocalCluster(List<IHost> silos)
    {
        _silos = silos;
        Grains = silos[0].Services.GetRequiredService<IGrainFactory>();
    }

    /// <summary>The first silo's grain factory, which the coordinator calls through.</summary>
    public IGrainFactory Grains { get; }

    public int Silos => _silos.Count;

    public static async Task<LocalCluster> StartAsync(int silos, CancellationToken cancellationToken = default)
    {
        var clusterId = "national-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        const string serviceId = "territories-national-plan";
        var ports = FreePorts(2 * silos);
        var primary = new IPEndPoint(IPAddress.Loopback, ports[0]);
        var hosts = new List<IHost>();
        for (var i = 0; i < silos; i++)
        {
            var (siloPort, gatewayPort) = (ports[2 * i], ports[(2 * i) + 1]);
            var host = new HostBuilder()
                .UseOrleans(silo => silo
                    .UseLocalhostClustering(siloPort, gatewayPort, primary, serviceId, clusterId)
                    .ConfigureFailover()
                    .ConfigureServices(s => s.AddSingleton<ITerritoryPlanningService, TerritoryPlanning>()))
                .Build();
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
            hosts.Add(host);
        }

        return new LocalCluster(hosts);
    }

    /// <summary>Plans <paramref name="job"/> by a grain call (<see cref="Failover.PlanAsync"/>).</summary>
    public Task<TerritoryPlanResult> PlanAsync(TerritoryJob job, int attempt) => Failover.PlanAsync(Grains, job, attempt);

    /// <summary>Kills silo <paramref name="index"/> (not the first, which the coordinator calls through) without a graceful shutdown, as a crash would.</summary>
    public async Task KillSiloAsync(int index)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(index, 1);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync().ConfigureAwait(false);
        try
        {
            await _silos[index].StopAsync(cancelled.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // An ungraceful stop is what was asked for.
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in Enumerable.Reverse(_silos))
        {
            try
            {
                using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await silo.StopAsync(stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Already stopped (killed) or slow to stop: the process ends anyway.
            }

            silo.Dispose();
        }
    }

    private static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        listeners.ForEach(l => l.Start());
        var ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        listeners.ForEach(l => l.Stop());
        return ports;
    }
}
