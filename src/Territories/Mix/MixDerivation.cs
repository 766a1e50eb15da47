using System.Collections.Immutable;
using Territories.Internal;
using Territories.Model;

namespace Territories.Mix;

/// <summary>A territory's derived target mix and the explanation of each share.</summary>
/// <remarks>Immutable. <see cref="Contributions"/> are sorted by activity id, then source (ordinal); those of one activity add up to its share in <see cref="Target"/>.</remarks>
/// <param name="Territory">The territory.</param>
/// <param name="Target">The target mix.</param>
/// <param name="Strategy">The market strategy used (stated or classified); <see cref="MarketStrategy.Unspecified"/> when none.</param>
/// <param name="Contributions">Which rule contributed how much to each share.</param>
public sealed record MixDerivation(TerritoryId Territory, SalesMix Target, MarketStrategy Strategy, ImmutableArray<MixContribution> Contributions)
{
    /// <summary>The target mix.</summary>
    public SalesMix Target { get; init; } = Guard.NotNull(Target);

    /// <summary>The contributions to <paramref name="activity"/>'s share.</summary>
    public IEnumerable<MixContribution> Explain(string activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return Contributions.Where(c => string.Equals(c.Activity, activity, StringComparison.Ordinal));
    }
}
