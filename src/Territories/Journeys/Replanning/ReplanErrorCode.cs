namespace Territories.Journeys.Replanning;

/// <summary>What is wrong with a re-plan request (see <see cref="ReplanError"/>).</summary>
public enum ReplanErrorCode
{
    /// <summary>The new request itself has a data problem; the error carries the model error's kind, ids, field and value.</summary>
    InvalidRequest = 1,

    /// <summary>A lock names an account that is not in the request or has no visit requirement.</summary>
    UnknownAccount = 2,

    /// <summary>The previous plan or a lock names a position that is not in the request.</summary>
    UnknownPosition = 3,

    /// <summary>The previous plan or a lock names a day outside the request's cycle.</summary>
    DayOutsideCycle = 4,

    /// <summary>A lock's position is vacant, has no base, or does not work on the locked day.</summary>
    LockNotWorkable = 5,

    /// <summary>A lock on a frozen day differs from the account's previous visits there.</summary>
    LockContradictsFreeze = 6,

    /// <summary>An account's locks fit none of its allowed day patterns, or name two positions while an account keeps one position.</summary>
    LockContradictsPattern = 7,

    /// <summary>Two locks pin the same account on the same day.</summary>
    DuplicateLock = 8,

    /// <summary>The change budget or price is negative or not a number.</summary>
    NegativeBudget = 9,

    /// <summary>The freeze window is negative or longer than the cycle.</summary>
    FreezeOutsideCycle = 10,
}
