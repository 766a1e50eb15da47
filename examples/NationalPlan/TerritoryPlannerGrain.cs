namespace NationalPlan;

/// <summary>Plans one territory per call. Keyed by run, territory and attempt, so a retry activates afresh on a live silo.</summary>
public interface ITerritoryPlannerGrain : IGrainWithStringKey
{
    /// <summary>Plans the territory of <paramref name="job"/>; cancelling <paramref name="cancellationToken"/> (the caller's deadline) stops the planner.</summary>
    Task<TerritoryPlanResult> Plan(TerritoryJob job, CancellationToken cancellationToken = default);
}

/// <summary>
/// The grain: runs the silo's <see cref="ITerritoryPlanningService"/> on the thread pool (planning is
/// seconds of CPU; the grain's scheduler stays free) and deactivates when done, as it is used once.
/// </summary>
internal sealed class TerritoryPlannerGrain(ITerritoryPlanningService planning, ILocalSiloDetails silo) : Grain, ITerritoryPlannerGrain
{
    public async Task<TerritoryPlanResult> Plan(TerritoryJob job, CancellationToken cancellationToken = default)
    {
        var result = await Task.Run(() => planning.PlanAsync(job, cancellationToken), cancellationToken).ConfigureAwait(true);
        DeactivateOnIdle();
        return result with { Worker = silo.SiloAddress.ToString() };
    }
}
