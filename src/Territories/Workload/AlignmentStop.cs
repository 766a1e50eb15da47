namespace Territories.Workload;

/// <summary>Why the alignment loop stopped.</summary>
public enum AlignmentStop
{
    /// <summary>Every position's utilisation is within the band and nothing is unplanned for lack of capacity or reach.</summary>
    WithinBand = 0,

    /// <summary>The most rounds were run without reaching the band.</summary>
    MaxRounds = 1,

    /// <summary>The time limit ran out.</summary>
    TimeLimit = 2,

    /// <summary>The caller cancelled.</summary>
    Cancelled = 3,

    /// <summary>
    /// The next design equals the last: the measured work is balanced within the design tolerance, yet
    /// the plans leave accounts unplanned or utilisation outside the band (see the findings).
    /// </summary>
    Stalled = 4,
}
