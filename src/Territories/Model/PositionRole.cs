namespace Territories.Model;

/// <summary>The role of a sales position.</summary>
public enum PositionRole
{
    /// <summary>A field representative covering a territory.</summary>
    TerritoryRepresentative = 0,

    /// <summary>A key-account manager covering named accounts.</summary>
    KeyAccountManager = 1,

    /// <summary>An inside-sales or telesales seat: remote activities only.</summary>
    InsideSales = 2,

    /// <summary>A first-line manager of an area.</summary>
    AreaManager = 3,

    /// <summary>A manager of a region.</summary>
    RegionalManager = 4,
}
