using System.Collections.Immutable;
using Territories.Internal;

namespace Territories.Journeys;

/// <summary>What the <see cref="JourneyPlanEvaluator"/> finds in a plan: the figures recomputed from the request, and every rule broken.</summary>
/// <param name="Violations">Every rule broken, in route order.</param>
/// <param name="TotalDistanceMetres">Travel distance recomputed with the request's travel model.</param>
/// <param name="TotalTravelTime">Travel time recomputed with the request's travel model.</param>
/// <param name="PlannedVisits">Visits in the plan's routes.</param>
/// <param name="Kpis">The key figures of the routes as recomputed (see <see cref="JourneyPlanKpis"/>), over the request's positions.</param>
public sealed record JourneyPlanEvaluation(ImmutableArray<PlanViolation> Violations, double TotalDistanceMetres, TimeSpan TotalTravelTime, int PlannedVisits, JourneyPlanKpis Kpis)
{
    /// <summary>The key figures of the routes as recomputed (see <see cref="JourneyPlanKpis"/>), over the request's positions.</summary>
    public JourneyPlanKpis Kpis { get; init; } = Guard.NotNull(Kpis);

    /// <summary>Whether the plan breaks no rule.</summary>
    public bool IsFeasible => Violations.IsEmpty;
}
