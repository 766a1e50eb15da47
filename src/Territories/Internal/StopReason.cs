namespace Territories.Internal;

/// <summary>Why a <see cref="StopCondition"/> stopped a search.</summary>
internal enum StopReason
{
    /// <summary>It has not stopped.</summary>
    None = 0,

    /// <summary>An iteration limit, the limit on iterations without improvement, or the target was met: the search finished its budget.</summary>
    Completed,

    /// <summary>The time limit was reached.</summary>
    TimeLimit,

    /// <summary>The caller cancelled.</summary>
    Cancelled,
}
