using System.Collections.Immutable;

namespace Territories.Model;

/// <summary>A territory's market: its potential, our current sales there, and the strategy that follows.</summary>
/// <remarks>
/// Money in the model's currency per year. <see cref="Share"/> is sales over potential (0 when the
/// potential is 0). <see cref="ProductWeights"/> gives the share of the territory's business per
/// product id, used with <see cref="ProductRole"/> to shift the mix. Immutable.
/// </remarks>
/// <param name="Territory">The territory (or segment) this position describes.</param>
/// <param name="Potential">The market potential per year.</param>
/// <param name="Sales">Our sales per year.</param>
public sealed record MarketPosition(TerritoryId Territory, decimal Potential, decimal Sales)
{
    private readonly ImmutableDictionary<string, double> _productWeights = ImmutableDictionary<string, double>.Empty;

    /// <summary>Our share of the potential, 0 to 1 for consistent data.</summary>
    public double Share => Potential > 0 ? (double)(Sales / Potential) : 0;

    /// <summary>The strategy, or <see cref="MarketStrategy.Unspecified"/> to derive it.</summary>
    public MarketStrategy Strategy { get; init; }

    /// <summary>Share of the territory's business per product id (weights, normalised when used).</summary>
    public ImmutableDictionary<string, double> ProductWeights
    {
        get => _productWeights;
        init => _productWeights = value ?? ImmutableDictionary<string, double>.Empty;
    }
}
