using System.Collections.Immutable;
using Territories.Design;
using Territories.Journeys;
using Territories.Model;

namespace Territories.Workload;

/// <summary>The aligned sales force: territories, bases and journey plans of the best round, with the loop's history.</summary>
/// <remarks>Immutable. "Best" is the round with the fewest accounts unplanned for lack of capacity or reach, then the smallest utilisation spread.</remarks>
public sealed record AlignmentResult
{
    /// <summary>Each position with its territory, base, estimate and plan, by territory id.</summary>
    public required ImmutableArray<AlignedPosition> Positions { get; init; }

    /// <summary>The design of the best round (the unit alignment, territory boundaries and report).</summary>
    public required DesignResult Design { get; init; }

    /// <summary>Every round run, in order.</summary>
    public required ImmutableArray<AlignmentRound> Rounds { get; init; }

    /// <summary>The round whose territories and plans these are.</summary>
    public required AlignmentRound Best { get; init; }

    /// <summary>The sizing that chose the number of positions; null when the request gave it.</summary>
    public SizingResult? Sizing { get; init; }

    /// <summary>Why the loop stopped.</summary>
    public required AlignmentStop Stop { get; init; }

    /// <summary>
    /// When the band was not reached: why, with figures (a place heavier than the band allows, fewer
    /// positions than the work needs, or the loop's best against the band); empty otherwise.
    /// </summary>
    public required ImmutableArray<string> Findings { get; init; }

    /// <summary>
    /// The whole sales force as one planner request: every position, every account (with its
    /// territory), every territory; for exports and maps that take one request.
    /// </summary>
    public required JourneyPlanRequest Request { get; init; }

    /// <summary>
    /// The positions' plans as one plan: all routes (by position, then day) and unplanned accounts, its
    /// figures computed over all of them (<see cref="JourneyPlanKpis.FromRoutes"/>), its status the
    /// worst of the plans', its cost and iterations their sums.
    /// </summary>
    public required JourneyPlan Plan { get; init; }

    /// <summary>Whether every utilisation is within the band and nothing is unplanned for lack of capacity or reach.</summary>
    public bool IsWithinBand => Stop == AlignmentStop.WithinBand;

    /// <summary>The territory of every account.</summary>
    public ImmutableDictionary<AccountId, TerritoryId> Assignment =>
        Positions.SelectMany(p => p.Request.Accounts.Select(a => KeyValuePair.Create(a.Id, p.Territory.Id))).ToImmutableDictionary();
}
