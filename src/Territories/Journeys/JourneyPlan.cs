using Territories.Internal;
using System.Collections.Immutable;

namespace Territories.Journeys;

/// <summary>A permanent journey plan: per position and cycle day, a route; the accounts not planned with the reason; key figures.</summary>
/// <remarks>
/// Routes are sorted by position id then day, and only routes with visits are listed. Unplanned
/// accounts are sorted by id. Immutable. Check any plan, also one edited by hand, with
/// <see cref="JourneyPlanEvaluator"/>.
/// </remarks>
public sealed record JourneyPlan
{
    /// <summary>The routes with at least one visit.</summary>
    public required ImmutableArray<JourneyRoute> Routes { get; init; }

    /// <summary>The accounts not planned, each with the reason.</summary>
    public required ImmutableArray<UnplannedAccount> Unplanned { get; init; }

    /// <summary>Key figures.</summary>
    public required JourneyPlanKpis Kpis { get; init => field = Guard.NotNull(value); }

    /// <summary>The capacity check made before the search, per position.</summary>
    public required ImmutableArray<PositionCapacity> Capacity { get; init; }

    /// <summary>Visits made across a territory line (only under the soft territory rule).</summary>
    public required ImmutableArray<TerritoryCrossing> Crossings { get; init; }

    /// <summary>Why the search stopped.</summary>
    public required JourneyPlanStatus Status { get; init; }

    /// <summary>The objective value of the plan (travel plus balance and territory penalties, without the unplanned penalty).</summary>
    public required double Cost { get; init; }

    /// <summary>Search iterations done.</summary>
    public required long Iterations { get; init; }

    /// <summary>Whether every account with a visit requirement is planned.</summary>
    public bool IsComplete => Unplanned.IsEmpty;
}
