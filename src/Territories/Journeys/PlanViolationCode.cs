namespace Territories.Journeys;

/// <summary>A rule a journey plan breaks.</summary>
public enum PlanViolationCode
{
    /// <summary>A route names a position or account that is not in the request, or a day outside the cycle.</summary>
    UnknownReference = 1,

    /// <summary>A route is on a day the position does not work.</summary>
    NotAWorkingDay = 2,

    /// <summary>An account's visit days are not one of its allowed patterns (too many, too few or on the wrong days).</summary>
    PatternNotAllowed = 3,

    /// <summary>An account is visited twice on one day.</summary>
    DuplicateVisit = 4,

    /// <summary>A visit starts or ends outside the account's opening hours.</summary>
    OutsideOpeningHours = 5,

    /// <summary>A route starts before or ends after the working hours (the break included).</summary>
    OutsideWorkingHours = 6,

    /// <summary>A route has more visits than the daily visit cap.</summary>
    VisitCapExceeded = 7,

    /// <summary>A route carries more than the daily load cap.</summary>
    LoadCapExceeded = 8,

    /// <summary>An account is visited by more than one position while one position per account is required.</summary>
    PositionChanged = 9,

    /// <summary>An account is visited by a position that neither is its fixed position nor covers its territory (hard rule).</summary>
    PositionNotAllowed = 10,

    /// <summary>A figure in the plan (time, distance, total) differs from what the evaluator recomputes.</summary>
    FigureMismatch = 11,

    /// <summary>A position has more than one route on a day.</summary>
    DuplicateRoute = 12,

    /// <summary>An account with a visit requirement is neither planned nor listed as unplanned.</summary>
    MissingAccount = 13,

    /// <summary>The request itself breaks a model rule (see <see cref="JourneyPlanRequest.Validate"/>), so the plan is not replayed.</summary>
    InvalidRequest = 14,
}
