namespace Territories.Mix;

/// <summary>What is wrong with the input of a sales-mix operation.</summary>
public enum MixErrorCode
{
    /// <summary>The shares of a mix do not add up to one.</summary>
    SharesDoNotSumToOne = 1,

    /// <summary>A share, need, weight or duration is negative or not a finite number.</summary>
    NegativeValue = 2,

    /// <summary>An activity id is not one of the known activity types.</summary>
    UnknownActivity = 3,

    /// <summary>The same activity appears twice in one mix.</summary>
    DuplicateActivity = 4,

    /// <summary>Every weight is zero, so no mix can be formed.</summary>
    EmptyMix = 5,

    /// <summary>The minimums (per activity and per account) need more units than the capacity holds.</summary>
    CapacityShortfall = 6,

    /// <summary>The maximums of every activity together hold fewer units than the capacity: units would be lost.</summary>
    MaximumsBelowCapacity = 7,

    /// <summary>An activity's minimum is above its maximum.</summary>
    BoundsConflict = 8,

    /// <summary>A territory has no position (or only vacant ones), so it has no capacity to allocate.</summary>
    NoPositions = 9,

    /// <summary>A reference names a territory that has no mix, or that does not exist.</summary>
    UnknownTerritory = 10,

    /// <summary>A neighbour pair names the same territory twice, or is listed twice.</summary>
    InvalidNeighbourPair = 11,

    /// <summary>A mix lies outside the share bounds given for its territory.</summary>
    MixOutsideBounds = 12,

    /// <summary>An account needs visits but there is no field activity type to make them with.</summary>
    NoFieldActivity = 13,

    /// <summary>The same account is given twice: in one territory, or in two territories of one plan.</summary>
    DuplicateAccount = 14,

    /// <summary>The capacity holds more units than <see cref="MixAllocator.MaximumCapacityUnits"/>: use a larger unit or a smaller capacity.</summary>
    CapacityTooLarge = 15,

    /// <summary>A territory's travel (with the capacity asked for) takes more than its positions' working time.</summary>
    TravelDoesNotFit = 16,

    /// <summary>A warning: the visits leave less of the working time for travel than the reserve, and the territory's travel is not stated.</summary>
    TravelMayNotFit = 17,

    /// <summary>The same territory is given twice.</summary>
    DuplicateTerritory = 18,

    /// <summary>The coverage model sends accounts to a role that has no working position in their territory.</summary>
    NoPositionForRole = 19,

    /// <summary>The coverage model sends accounts to be visited by a role that does not visit (an inside-sales seat).</summary>
    RoleCannotVisit = 20,
}
