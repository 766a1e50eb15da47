using Territories.Model;

namespace Territories.Mix;

/// <summary>The divergence between the mixes of two neighbouring territories.</summary>
/// <param name="First">The territory with the lower id.</param>
/// <param name="Second">The territory with the higher id.</param>
/// <param name="Weight">The pair's weight.</param>
/// <param name="Divergence">The divergence of their mixes (see <see cref="MixDivergenceMeasure"/>).</param>
public readonly record struct PairDivergence(TerritoryId First, TerritoryId Second, double Weight, double Divergence);
