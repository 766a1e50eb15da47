using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace NationalPlan;

/// <summary>
/// A local Orleans cluster in this process: <c>N</c> silos with localhost clustering (the first is
/// the primary), on free loopback ports, and a client connected to every gateway.
/// </summary>
internal sealed class LocalCluster : IAsyncDisposable
{
    /// <summary>
    /// How long a grain call may take before the client gives up on it and the coordinator retries. A
    /// call to a grain on a silo that crashed is not failed by the client (it reached a gateway, which
    /// forwarded it): it ends at this timeout, so it is a few times the longest territory plan.
    /// </summary>
    public static readonly TimeSpan ResponseTimeout = TimeSpan.FromMinutes(2);

    private readonly List<IHost> _silos;
    private readonly IHost _client;

    private LocalCluster(List<IHost> silos, IHost client)
    {
        _silos = silos;
        _client = client;
        Client = client.Services.GetRequiredService<IClusterClient>();
    }

    public IClusterClient Client { get; }

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
                    .Configure<SiloMessagingOptions>(o => o.ResponseTimeout = ResponseTimeout)
                    .ConfigureServices(s => s.AddSingleton<ITerritoryPlanningService, TerritoryPlanning>()))
                .Build();
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
            hosts.Add(host);
        }

        var gateways = Enumerable.Range(0, silos).Select(i => ports[(2 * i) + 1]).ToArray();
        var client = new HostBuilder()
            .UseOrleansClient(c => c
                .UseLocalhostClustering(gateways, serviceId, clusterId)
                .Configure<ClientMessagingOptions>(o => o.ResponseTimeout = ResponseTimeout))
            .Build();
        await client.StartAsync(cancellationToken).ConfigureAwait(false);
        return new LocalCluster(hosts, client);
    }

    /// <summary>Plans <paramref name="job"/> by a grain call; each attempt is a fresh grain.</summary>
    public Task<TerritoryPlanResult> PlanAsync(TerritoryJob job, int attempt) =>
        Client.GetGrain<ITerritoryPlannerGrain>(GrainKey(job, attempt)).Plan(job);

    /// <summary>The grain of one attempt at one territory: a new grain per attempt, so a retry is placed afresh on a live silo.</summary>
    public static string GrainKey(TerritoryJob job, int attempt) => $"{job.TerritoryId}/{job.Seed}/{attempt}";

    /// <summary>Kills silo <paramref name="index"/> without a graceful shutdown, as a crash would.</summary>
    public async Task KillSiloAsync(int index)
    {
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
        await _client.StopAsync().ConfigureAwait(false);
        _client.Dispose();
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
