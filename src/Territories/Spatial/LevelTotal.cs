namespace Territories.Spatial;

/// <summary>The totals of one hierarchy level: the sum over its territories.</summary>
/// <remarks>
/// Immutable; equality by value. Accounts assigned above a level (to a region directly) do not appear
/// in the lower levels' totals.
/// </remarks>
/// <param name="Level">The level.</param>
/// <param name="TerritoryCount">Territories at this level.</param>
/// <param name="AccountCount">Accounts in those territories and below.</param>
/// <param name="Potential">Their potential.</param>
/// <param name="WorkloadHours">Their visit hours per cycle.</param>
public readonly record struct LevelTotal(string Level, int TerritoryCount, int AccountCount, decimal Potential, double WorkloadHours)
{
    /// <summary>The level.</summary>
    public string Level { get; init; } = Level ?? throw new ArgumentNullException(nameof(Level));
}
