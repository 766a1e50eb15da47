using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Territories.IO.Csv;
using Territories.Journeys;
using Territories.Journeys.Planning;
using Territories.Model;

namespace NationalPlan;

/// <summary>Plans one territory; what a grain (or the single-process run) calls.</summary>
public interface ITerritoryPlanningService
{
    /// <summary>Plans the territory of <paramref name="job"/>.</summary>
    Task<TerritoryPlanResult> PlanAsync(TerritoryJob job, CancellationToken cancellationToken = default);
}

/// <summary>
/// Plans one territory with <see cref="JourneyPlanner"/>: one position at the job's base, the job's
/// accounts, the cycle and travel of <see cref="NationalSetup"/>, the job's seed and an iteration
/// limit (one search, no time limit that counts), so the plan depends on the job only.
/// </summary>
public sealed class TerritoryPlanning : ITerritoryPlanningService
{
    /// <inheritdoc />
    public Task<TerritoryPlanResult> PlanAsync(TerritoryJob job, CancellationToken cancellationToken = default) =>
        Task.FromResult(Plan(job, cancellationToken));

    /// <summary>Plans the territory of <paramref name="job"/> on the calling thread.</summary>
    public static TerritoryPlanResult Plan(TerritoryJob job, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        var clock = Stopwatch.StartNew();
        var position = NationalSetup.Position("REP-" + job.TerritoryId, new GeoPoint(job.BaseLongitude, job.BaseLatitude));
        var accounts = job.Accounts.Select(a => NationalInstance.Create(a.Id, a.Longitude, a.Latitude, a.Class, a.ServiceMinutes, a.HoursKind, a.Name)).ToImmutableArray();
        var request = new JourneyPlanRequest([position], NationalSetup.Cycle, accounts, NationalSetup.Travel);
        var planner = new JourneyPlanner(new JourneyPlannerOptions
        {
            Seed = job.Seed,
            MaxIterations = job.Iterations,

            // The iteration limit ends the search; the time limit is only a guard against a stuck call.
            TimeLimit = TimeSpan.FromHours(1),
            Parallelism = 1,
        });
        var planned = planner.Plan(request, cancellationToken: cancellationToken);
        if (planned.TryPickT1(out var failure, out var plan))
        {
            throw new InvalidOperationException($"Territory {job.TerritoryId} cannot be planned: {failure}");
        }

        if (plan.Status is JourneyPlanStatus.Cancelled)
        {
            cancellationToken.ThrowIfCancellationRequested();
        }

        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        JourneyPlanCsvWriter.Write(writer, plan, request);
        var text = writer.ToString();
        var rows = text[(text.IndexOf('\n', StringComparison.Ordinal) + 1)..];
        return new TerritoryPlanResult
        {
            TerritoryId = job.TerritoryId,
            PlanRows = rows,
            PlannedVisits = plan.Kpis.Visits,
            RequiredVisits = accounts.Sum(a => a.Visit?.Frequency?.VisitsPerCycle(NationalSetup.Cycle) ?? 0),
            Unplanned = [.. plan.Unplanned.Select(u => new UnplannedRow(u.Account.Value, u.Reason.ToString(), u.Visits, u.Message))],
            TravelKm = plan.Kpis.TotalDistanceMetres / 1000,
            Utilisation = plan.Kpis.Utilisation,
            Iterations = plan.Iterations,
            Seconds = clock.Elapsed.TotalSeconds,
        };
    }

    /// <summary>The planner's seed of a territory: FNV-1a of the territory id mixed with the run's seed (stable across processes, unlike <c>string.GetHashCode</c>).</summary>
    public static int SeedOf(int runSeed, string territoryId)
    {
        ArgumentNullException.ThrowIfNull(territoryId);
        var hash = 2166136261u ^ unchecked((uint)runSeed);
        foreach (var c in territoryId)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return unchecked((int)(hash & 0x7FFFFFFF));
    }
}
