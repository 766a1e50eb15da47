namespace Territories.Journeys;

/// <summary>What part of a visit must fall inside the account's opening hours.</summary>
public enum OpeningHoursRule
{
    /// <summary>The whole visit, from start of service to departure, lies inside one window.</summary>
    WholeVisit = 0,

    /// <summary>Only the start of service lies inside a window.</summary>
    StartOnly = 1,
}
