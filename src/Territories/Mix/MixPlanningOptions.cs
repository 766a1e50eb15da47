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
}
