namespace Territories.Journeys.Sequencing;

/// <summary>Why a day cannot be sequenced at all for a position.</summary>
public enum DaySequencingErrorCode
{
    /// <summary>The position has no base, so no route can start.</summary>
    PositionHasNoBase = 1,

    /// <summary>The position is vacant.</summary>
    PositionIsVacant = 2,

    /// <summary>The position's daily hours are inverted or outside the day, or its break leaves no working time.</summary>
    NoWorkingTime = 3,
}
