namespace Territories.Model;

/// <summary>The kind of item an error names (see <see cref="ItemRef"/>).</summary>
public enum ItemKind
{
    /// <summary>An account (<see cref="Model.Account"/>, <see cref="AccountId"/>).</summary>
    Account,

    /// <summary>A sales position (<see cref="SalesPosition"/>, <see cref="PositionId"/>).</summary>
    Position,

    /// <summary>A territory (<see cref="Model.Territory"/>, <see cref="TerritoryId"/>).</summary>
    Territory,

    /// <summary>A level of the territory hierarchy (e.g. <c>region</c>).</summary>
    Level,

    /// <summary>A market position (<see cref="Model.MarketPosition"/>).</summary>
    MarketPosition,

    /// <summary>An activity type (<see cref="ActivityType"/>), by its id.</summary>
    Activity,

    /// <summary>The role of a product (<see cref="Model.ProductRole"/>), by its product id.</summary>
    ProductRole,

    /// <summary>A unit of a territory design (a county, a ZIP area, an account as a point).</summary>
    Unit,

    /// <summary>A balanced attribute of a design (e.g. <c>workload</c>).</summary>
    Attribute,
}
