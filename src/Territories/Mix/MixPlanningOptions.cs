namespace Territories.Mix;

/// <summary>How <see cref="SalesMixPlanner"/> derives, smooths and allocates the mixes of a whole model.</summary>
/// <remarks>Mutable until a <see cref="SalesMixPlanner"/> is built from it; the planner validates it once and keeps a copy.</remarks>
public sealed class MixPlanningOptions
{
    /// <summary>The derivation rules; <see cref="MixRules.Default"/> by default.</summary>
    public MixRules Rules { get; set; } = MixRules.Default;

    /// <summary>The allocation options (unit, limits, minimum visits); the defaults of <see cref="MixAllocationOptions"/> by default.</summary>
    public MixAllocationOptions Allocation { get; set; } = new();

    /// <summary>Smoothing of the target mixes across neighbours before allocation; null (no smoothing) by default. Used only when neighbour pairs are given.</summary>
    public MixSmoothingOptions? Smoothing { get; set; }

    /// <summary>
    /// The least share of a territory's working time its visits should leave for travel when its travel
    /// is not stated (from 0 to below 1); below it the plan carries a <see cref="MixErrorCode.TravelMayNotFit"/>
    /// warning. 0.2 by default (field reps commonly drive a fifth to a third of their day).
    /// </summary>
    public double TravelReserve { get; set; } = 0.2;
}
