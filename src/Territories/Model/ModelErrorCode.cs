namespace Territories.Model;

/// <summary>What is wrong with an item of a sales model.</summary>
public enum ModelErrorCode
{
    /// <summary>Two items of the same kind share an id.</summary>
    DuplicateId = 1,

    /// <summary>A coordinate is NaN, infinite or outside the WGS84 range.</summary>
    InvalidCoordinate = 2,

    /// <summary>A duration that must be positive (an activity's default duration) is zero or negative.</summary>
    NonPositiveDuration = 3,

    /// <summary>A number that must not be negative is negative, or is not finite.</summary>
    NegativeValue = 4,

    /// <summary>An opening window closes before it opens or lies outside the day.</summary>
    InvertedTimeWindow = 5,

    /// <summary>Two opening windows of the same day overlap.</summary>
    OverlappingTimeWindows = 6,

    /// <summary>A visit frequency or pattern list allows no day pattern in the journey cycle.</summary>
    FrequencyDoesNotFitCycle = 7,

    /// <summary>A reference names an item that does not exist.</summary>
    UnknownReference = 8,

    /// <summary>The territory or position hierarchy loops back on itself.</summary>
    HierarchyCycle = 9,

    /// <summary>A vacant position is asked to work.</summary>
    VacantPositionAssigned = 10,

    /// <summary>A territory's level is not one of the model's levels.</summary>
    UnknownLevel = 11,

    /// <summary>A boundary is empty, or its geometry is not valid.</summary>
    InvalidBoundary = 12,

    /// <summary>A position's working days or hours are impossible.</summary>
    InvalidWorkingTime = 13,

    /// <summary>A required value is missing.</summary>
    MissingValue = 14,

    /// <summary>A duration lies outside its range, for instance a service time that is negative or longer than a day.</summary>
    DurationOutOfRange = 15,

    /// <summary>The request is larger than the planner can hold, for instance more locations than one travel matrix takes.</summary>
    TooLarge = 16,
}
