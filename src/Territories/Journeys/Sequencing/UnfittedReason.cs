namespace Territories.Journeys.Sequencing;

/// <summary>Why an account asked for on a day is not in that day's sequence.</summary>
public enum UnfittedReason
{
    /// <summary>The account has no opening window on the weekday.</summary>
    ClosedOnDay = 1,

    /// <summary>Every opening window of the weekday is shorter than the service time (with <see cref="OpeningHoursRule.WholeVisit"/>).</summary>
    VisitLongerThanOpening = 2,

    /// <summary>Even alone, a visit from the base cannot meet the opening hours and be back within the working hours.</summary>
    UnreachableInWorkingHours = 3,

    /// <summary>The account fits alone, but not together with the day's other visits.</summary>
    DayFull = 4,
}
