namespace Territories.Mix;

/// <summary>The least and the most share one activity may have in one territory's mix, for smoothing.</summary>
/// <remarks>Immutable. Valid when <c>0 ≤ Minimum ≤ Maximum ≤ 1</c>.</remarks>
/// <param name="Minimum">The least share.</param>
/// <param name="Maximum">The most share.</param>
public readonly record struct ShareBounds(double Minimum, double Maximum);
