using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace NationalPlan;

/// <summary>
/// Fans the territories out to a worker (grain calls, or the local planner), at most
/// <c>parallelism</c> at a time, gathers the results and retries a territory whose call failed (its
/// silo died, the call timed out): the plan of a territory depends on its job only, so a retry gives
/// the same plan and the first result that arrives is kept. Results come back sorted by territory id.
/// </summary>
internal sealed class PlanCoordinator(Func<TerritoryJob, int, Task<TerritoryPlanResult>> worker, int parallelism, int maxAttempts = 8)
{
    /// <summary>Raised after each territory is planned: (territories done, territories in all, the result).</summary>
    public event Action<int, int, TerritoryPlanResult>? Planned;

    /// <summary>Raised when a call failed and the territory is sent again: (territory, attempt that failed, the error).</summary>
    public event Action<string, int, Exception>? Retrying;

    public async Task<CoordinatorResult> RunAsync(IReadOnlyList<TerritoryJob> jobs, CancellationToken cancellationToken = default)
    {
        using var gate = new SemaphoreSlim(parallelism);
        var results = new ConcurrentDictionary<string, TerritoryPlanResult>(StringComparer.Ordinal);
        var retries = new ConcurrentBag<(string Territory, int Attempt, string Error)>();
        var done = 0;
        var tasks = jobs.Select(async job =>
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                for (var attempt = 1; ; attempt++)
                {
                    try
                    {
                        var result = await worker(job, attempt).ConfigureAwait(false);
                        if (results.TryAdd(job.TerritoryId, result))
                        {
                            Planned?.Invoke(Interlocked.Increment(ref done), jobs.Count, result);
                        }

                        return;
                    }
                    catch (Exception error) when (attempt < maxAttempts && !cancellationToken.IsCancellationRequested)
                    {
                        retries.Add((job.TerritoryId, attempt, error.GetType().Name));
                        Retrying?.Invoke(job.TerritoryId, attempt, error);

                        // A call placed on a dead silo before membership has declared it dead fails at
                        // once (connection refused): back off (0.5, 1, 2, 4, 8, 10, 10 s) so the attempts
                        // outlast the few seconds detection takes instead of being spent within them.
                        await Task.Delay(RetryDelay(attempt), cancellationToken).ConfigureAwait(false);
                    }
                }
            }
            finally
            {
                gate.Release();
            }
        }).ToList();
        await Task.WhenAll(tasks).ConfigureAwait(false);
        return new CoordinatorResult(
            [.. results.Values.OrderBy(r => r.TerritoryId, StringComparer.Ordinal)],
            [.. retries.OrderBy(r => r.Territory, StringComparer.Ordinal).ThenBy(r => r.Attempt)]);
    }

    /// <summary>The wait before attempt <paramref name="failedAttempt"/> + 1: 0.5 s doubled per failed attempt, at most 10 s.</summary>
    public static TimeSpan RetryDelay(int failedAttempt) =>
        TimeSpan.FromMilliseconds(Math.Min(10_000, 500 * Math.Pow(2, Math.Min(failedAttempt, 16) - 1)));
}

/// <summary>Every territory's plan (sorted by territory id) and the calls that were retried.</summary>
internal sealed record CoordinatorResult(ImmutableArray<TerritoryPlanResult> Plans, ImmutableArray<(string Territory, int Attempt, string Error)> Retries);
