using System.Collections.Immutable;
using Territories.Model;

namespace Territories.Mix;

/// <summary>What the derivation of one territory's target mix looks at.</summary>
/// <remarks>Immutable; collections default to empty, activity types to <see cref="ActivityType.Defaults"/>. The result does not depend on the order of <see cref="Accounts"/> or <see cref="ProductRoles"/>.</remarks>
/// <param name="Territory">The territory whose mix is derived.</param>
public sealed record MixDerivationInput(TerritoryId Territory)
{
    private readonly ImmutableArray<Account> _accounts = [];
    private readonly ImmutableArray<ProductRole> _productRoles = [];
    private readonly ImmutableArray<ActivityType> _activityTypes = ActivityType.Defaults;

    /// <summary>The territory's accounts; empty by default.</summary>
    public ImmutableArray<Account> Accounts
    {
        get => _accounts;
        init => _accounts = value.IsDefault ? [] : value;
    }

    /// <summary>The territory's market position; null when unknown (then no strategy and no product part).</summary>
    public MarketPosition? Market { get; init; }

    /// <summary>The roles of the products named in the market position's product weights; empty by default.</summary>
    public ImmutableArray<ProductRole> ProductRoles
    {
        get => _productRoles;
        init => _productRoles = value.IsDefault ? [] : value;
    }

    /// <summary>The known activity types; <see cref="ActivityType.Defaults"/> by default.</summary>
    public ImmutableArray<ActivityType> ActivityTypes
    {
        get => _activityTypes;
        init => _activityTypes = value.IsDefault ? [] : value;
    }

    /// <summary>The high-potential threshold used when the rules set none (for example the median over all territories); null by default.</summary>
    public decimal? PotentialThreshold { get; init; }
}
