using Territories.Internal;
using System.Collections.Immutable;

namespace Territories.Journeys;

/// <summary>A permanent journey plan: per position and cycle day, a route; the accounts not planned with the reason; key figures.</summary>
/// <remarks>
/// Routes are sorted by position id then day, and only routes with visits are listed. Unplanned
/// accounts are sorted by id. Immutable. Check any plan, also one edited by hand, with
/// <see cref="JourneyPlanEvaluator"/>.
/// </remarks>
/// <param name="Routes">The routes with at least one visit.</param>
/// <param name="Unplanned">The accounts not planned, each with the reason.</param>
/// <param name="Kpis">Key figures.</param>
/// <param name="Capacity">The capacity check made before the search, per position.</param>
/// <param name="Crossings">Visits made across a territory line (only under the soft territory rule).</param>
/// <param name="Status">Why the search stopped.</param>
/// <param name="Cost">The objective value of the plan (travel plus balance and territory penalties, without the unplanned penalty).</param>
/// <param name="Iterations">Search iterations done.</param>
public sealed record JourneyPlan(
    ImmutableArray<JourneyRoute> Routes,
    ImmutableArray<UnplannedAccount> Unplanned,
    JourneyPlanKpis Kpis,
    ImmutableArray<PositionCapacity> Capacity,
    ImmutableArray<TerritoryCrossing> Crossings,
    JourneyPlanStatus Status,
    double Cost,
    long Iterations)
{
    /// <summary>Key figures.</summary>
    public JourneyPlanKpis Kpis { get; init; } = Guard.NotNull(Kpis);

    /// <summary>Whether every account with a visit requirement is planned.</summary>
    public bool IsComplete => Unplanned.IsEmpty;
}
