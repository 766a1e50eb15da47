namespace Territories.Spatial;

/// <summary>What is wrong with a territory layer.</summary>
public enum TerritoryProblemCode
{
    /// <summary>Two territories share an id.</summary>
    DuplicateId = 1,

    /// <summary>A territory has no boundary, or an empty one.</summary>
    EmptyBoundary = 2,

    /// <summary>A boundary vertex is NaN, infinite or outside the WGS84 range.</summary>
    InvalidCoordinate = 3,

    /// <summary>A ring crosses itself or another ring of the same territory.</summary>
    SelfIntersection = 4,

    /// <summary>A ring does not end where it starts.</summary>
    RingNotClosed = 5,

    /// <summary>A ring has fewer than three distinct points.</summary>
    TooFewPoints = 6,

    /// <summary>Another validity rule is broken (a hole outside its shell, nested shells, a disconnected interior…).</summary>
    InvalidGeometry = 7,

    /// <summary>Two territories overlap by a positive area.</summary>
    Overlap = 8,

    /// <summary>Two territories have the same boundary.</summary>
    DuplicateBoundary = 9,

    /// <summary>Part of the coverage region (or a hole enclosed by the territories) belongs to no territory.</summary>
    Gap = 10,

    /// <summary>A territory, or one of its parts, is smaller than the sliver threshold.</summary>
    Sliver = 11,

    /// <summary>Part of a territory lies outside the coverage region.</summary>
    OutsideRegion = 12,

    /// <summary>A territory's level is not one of the hierarchy's levels.</summary>
    UnknownLevel = 13,

    /// <summary>A territory below the top level has no parent, or its parent is unknown or not one level up.</summary>
    OrphanTerritory = 14,

    /// <summary>The territory hierarchy loops back on itself.</summary>
    HierarchyCycle = 15,
}
