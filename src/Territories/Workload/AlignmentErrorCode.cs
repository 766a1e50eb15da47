namespace Territories.Workload;

/// <summary>What is wrong with an alignment request.</summary>
public enum AlignmentErrorCode
{
    /// <summary>The request has no accounts.</summary>
    NoAccounts = 1,

    /// <summary>An account's location is not a valid WGS84 position.</summary>
    InvalidLocation = 2,

    /// <summary>Two accounts share an id.</summary>
    DuplicateAccount = 3,

    /// <summary>An account's visits cannot fit the cycle (no allowed day pattern, e.g. more visits than working days).</summary>
    ImpossibleVisits = 4,

    /// <summary>An account's visit is longer than a position's working day.</summary>
    VisitLongerThanDay = 5,

    /// <summary>The accounts at one place need more time than a position has in the cycle.</summary>
    UnitExceedsCapacity = 6,

    /// <summary>More positions than distinct account locations, or none.</summary>
    PositionCount = 7,

    /// <summary>A position has no working time in the cycle.</summary>
    NoWorkingTime = 8,

    /// <summary>A fixed base is not a valid position, or no account can be visited from it within a working day.</summary>
    BaseOutOfReach = 9,

    /// <summary>The territory design refused the accounts (its error is in the message).</summary>
    Design = 10,

    /// <summary>The journey planner refused a territory's request (its error is in the message).</summary>
    Planning = 11,
}
