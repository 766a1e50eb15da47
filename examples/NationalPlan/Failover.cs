using Orleans.Configuration;

namespace NationalPlan;

/// <summary>
/// How a dead silo becomes a prompt retry: membership declares it dead, Orleans then fails every call
/// pending on it, and each call also carries its own deadline, from its territory's size.
/// </summary>
/// <remarks>
/// <para>
/// <b>Declaring a silo dead.</b> A silo stopped in this process (<see cref="LocalCluster.KillSiloAsync"/>,
/// or TestingHost's <c>KillSiloAsync</c>: a stop without grace) still writes itself as dead into the
/// membership table as it goes. A crashed process cannot: the other silos find out by probing it. A
/// silo that misses <see cref="MissedProbes"/> probes in a row is suspected and, with the votes of the
/// others (one suffices in a cluster of two), declared dead. On localhost a probe to a crashed silo fails
/// at once (connection refused), so the probe timeout only bounds how long a loaded but live silo may
/// take to answer: <see cref="ProbeTimeout"/>, which Orleans adapts between half and four times that
/// value from the answers it sees and stretches while the probing silo itself is starved of CPU.
/// Orleans' default (5 s) is meant for silos on separate machines and networks.
/// </para>
/// <para>
/// <b>Failing the pending calls.</b> Once a silo is declared dead, every silo fails the calls it sent
/// there that have no response yet, with <see cref="SiloUnavailableException"/>. Only the sender of a
/// call knows it is pending: the coordinator therefore calls through a silo's own grain factory (a
/// client co-hosted in that silo), not through an external client. An external client sends through a
/// gateway silo, which forwards the call; if the grain's silo dies and the gateway lives, nothing fails
/// the client's call before its response timeout (the crash run before and after this change is in
/// benchmarks/README.md).
/// </para>
/// <para>
/// <b>Deadline.</b> A call is cancelled after <see cref="CallTimeout"/>: two minutes plus one millisecond
/// per account and planner iteration. The cancellation reaches the grain, whose planner stops, and the
/// coordinator sends the territory again. The deadline guards against a call that hangs on a live silo,
/// so it sits far above the time a territory takes (about 20 µs per account and iteration on the shared
/// 2-core machine at load 15; one call of the 60,000-account run took over ten times its usual time):
/// giving up a slow call on a live silo only wastes the work already done.
/// </para>
/// </remarks>
internal static class Failover
{
    /// <summary>Initial liveness probe timeout on localhost: 2 seconds.</summary>
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Probes missed in a row before a silo is suspected: 3, Orleans' default.</summary>
    public const int MissedProbes = 3;

    /// <summary>
    /// The silos' response timeout for application calls: above every <see cref="CallTimeout"/>, so
    /// that a call's own deadline decides when it is given up.
    /// </summary>
    public static readonly TimeSpan ResponseTimeout = TimeSpan.FromHours(24);

    private static readonly TimeSpan DeadlineFloor = TimeSpan.FromMinutes(2);

    private static readonly TimeSpan DeadlinePerAccountIteration = TimeSpan.FromMilliseconds(1);

    /// <summary>Configures a silo of the national plan's cluster: membership for localhost and the response timeout.</summary>
    public static ISiloBuilder ConfigureFailover(this ISiloBuilder silo) => silo
        .Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = ProbeTimeout;
            o.NumMissedProbesLimit = MissedProbes;
        })
        .Configure<SiloMessagingOptions>(o => o.ResponseTimeout = ResponseTimeout);

    /// <summary>The deadline of one call planning <paramref name="job"/>: 2 minutes + 1 ms per account and iteration.</summary>
    public static TimeSpan CallTimeout(TerritoryJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return DeadlineFloor + (DeadlinePerAccountIteration * ((double)job.Accounts.Length * job.Iterations));
    }

    /// <summary>
    /// Plans <paramref name="job"/> by a grain call through <paramref name="grains"/>, cancelled after
    /// <paramref name="deadline"/> (default: <see cref="CallTimeout"/>); each attempt is a fresh grain,
    /// so a retry is placed afresh on a live silo.
    /// </summary>
    public static async Task<TerritoryPlanResult> PlanAsync(IGrainFactory grains, TerritoryJob job, int attempt, TimeSpan? deadline = null)
    {
        ArgumentNullException.ThrowIfNull(grains);
        using var cancel = new CancellationTokenSource(deadline ?? CallTimeout(job));
        return await grains.GetGrain<ITerritoryPlannerGrain>(GrainKey(job, attempt)).Plan(job, cancel.Token).ConfigureAwait(false);
    }

    /// <summary>The grain of one attempt at one territory: a new grain per attempt.</summary>
    public static string GrainKey(TerritoryJob job, int attempt)
    {
        ArgumentNullException.ThrowIfNull(job);
        return $"{job.TerritoryId}/{job.Seed}/{attempt}";
    }
}
