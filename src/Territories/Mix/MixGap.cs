namespace Territories.Mix;

/// <summary>A part of the sales-mix derivation that has no data to work from.</summary>
public enum MixGap
{
    /// <summary>The territory has no market position: the strategy and product parts of the mix are left out.</summary>
    NoMarketPosition = 1,

    /// <summary>The territory's market position has no sales: its share is 0, so the strategy follows from potential alone.</summary>
    NoSales = 2,

    /// <summary>The market position weights products that have no product role: those products are left out.</summary>
    ProductWithoutRole = 3,

    /// <summary>The market position weights no product (or none with a role): the product part is left out.</summary>
    NoProductWeights = 4,

    /// <summary>Accounts have no journey stage: they are taken as established.</summary>
    AccountsWithoutStage = 5,

    /// <summary>No account of the territory states activity needs: the needs part is left out.</summary>
    NoActivityNeeds = 6,

    /// <summary>Accounts have no visit requirement: they get no field time.</summary>
    AccountsWithoutVisits = 7,
}
