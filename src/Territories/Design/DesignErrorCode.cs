namespace Territories.Design;

/// <summary>Why a design or realignment could not be made as asked.</summary>
public enum DesignErrorCode
{
    /// <summary>There are no units.</summary>
    NoUnits = 1,

    /// <summary>Two units share an id.</summary>
    DuplicateUnit = 2,

    /// <summary>A unit has a different number of attribute values than the input has attributes.</summary>
    AttributeCountMismatch = 3,

    /// <summary>An attribute value is negative or not a finite number.</summary>
    InvalidAttribute = 4,

    /// <summary>More territories are asked for than there are units.</summary>
    TooManyTerritories = 5,

    /// <summary>A link, seed, lock or alignment entry names a unit that is not in the input.</summary>
    UnknownUnit = 6,

    /// <summary>A seed or lock names a territory that is not being designed.</summary>
    UnknownTerritory = 7,

    /// <summary>A unit has no geometry and no links give its neighbours.</summary>
    MissingGeometry = 8,

    /// <summary>A unit's coordinates or polygon are not usable.</summary>
    InvalidGeometry = 9,

    /// <summary>The balance tolerance was not met within the limits; the best plan found is attached.</summary>
    ToleranceNotMet = 10,

    /// <summary>A seed unit is locked to another territory, or seeds two territories.</summary>
    ConflictingSeed = 11,

    /// <summary>Every attribute total is zero, so there is nothing to balance.</summary>
    NothingToBalance = 12,

    /// <summary>A unit of the input has no territory in the alignment given.</summary>
    UnalignedUnit = 13,

    /// <summary>The cancellation token stopped the designer before any plan existed (while it prepared the units' graph or drew the first plan) (later, the best plan so far is returned, marked <see cref="DesignResult.StoppedEarly"/>).</summary>
    Cancelled = 14,

    /// <summary>The time limit ran out before any plan existed (while the designer prepared the units' graph or drew the first plan) (later, the best plan so far is returned, marked <see cref="DesignResult.StoppedEarly"/>).</summary>
    TimeLimitReached = 15,
}
