using System.Collections.Immutable;
using Territories.Journeys;
using Territories.Model;

namespace Territories.Workload;

/// <summary>One position of an aligned sales force: its territory, base, accounts, workload estimate and journey plan.</summary>
/// <remarks>Immutable. <see cref="Request"/> is the planner request <see cref="Plan"/> answers, ready for evaluation and export.</remarks>
public sealed record AlignedPosition
{
    /// <summary>The position, with its base.</summary>
    public required SalesPosition Position { get; init; }

    /// <summary>The territory it covers (boundary from the design's unit cells).</summary>
    public required Territory Territory { get; init; }

    /// <summary>The request its plan answers: this position, its territory, and the territory's accounts (their <see cref="Account.Territory"/> set to it).</summary>
    public required JourneyPlanRequest Request { get; init; }

    /// <summary>Its journey plan.</summary>
    public required JourneyPlan Plan { get; init; }

    /// <summary>The workload estimated before planning.</summary>
    public required TerritoryWorkload Estimate { get; init; }

    /// <summary>Working time of the plan ÷ the position's available working time.</summary>
    public double Utilisation => Plan.Kpis.Utilisation;

    /// <summary>Accounts of the territory the plan leaves unplanned.</summary>
    public int Unplanned => Plan.Unplanned.Length;

    /// <summary>The accounts of the territory, sorted by id.</summary>
    public ImmutableArray<AccountId> Accounts => [.. Request.Accounts.Select(a => a.Id).Order()];
}
