namespace Territories.Journeys;

/// <summary>How territories bound which position may visit an account.</summary>
public enum TerritoryRule
{
    /// <summary>Only the positions covering the account's territory may visit it.</summary>
    Hard = 0,

    /// <summary>Any position may visit it, at a penalty per visit that crosses a territory line.</summary>
    Soft = 1,
}
