using Territories.Model;

namespace Territories.Journeys;

/// <summary>One visit in a day's route: when the position arrives, starts service and leaves, and the leg that led there.</summary>
/// <remarks>
/// Times are offsets from midnight of the cycle day. <see cref="Start"/> is later than
/// <see cref="Arrival"/> when the position waits for the account to open. Immutable.
/// </remarks>
/// <param name="Account">The account visited.</param>
/// <param name="Arrival">When the position arrives.</param>
/// <param name="Start">When service starts.</param>
/// <param name="Departure">When the position leaves (start plus service time).</param>
/// <param name="LegDistanceMetres">Distance of the leg from the previous stop (the base for the first visit).</param>
/// <param name="LegTravelTime">Travel time of that leg.</param>
/// <param name="Activity">The activity done, from the visit requirement; null when not specified.</param>
public sealed record PlannedVisit(
    AccountId Account,
    TimeSpan Arrival,
    TimeSpan Start,
    TimeSpan Departure,
    double LegDistanceMetres,
    TimeSpan LegTravelTime,
    string? Activity);
