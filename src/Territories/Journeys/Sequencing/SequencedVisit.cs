using Territories.Model;

namespace Territories.Journeys.Sequencing;

/// <summary>One visit of a day's sequence: when the position arrives, starts service and leaves, and the leg that led there.</summary>
/// <remarks>
/// Times are offsets from midnight. <see cref="Start"/> is later than <see cref="Arrival"/> when the
/// position waits for the account to open. Immutable; equality by value.
/// </remarks>
/// <param name="Account">The account visited.</param>
/// <param name="Arrival">When the position arrives.</param>
/// <param name="Start">When service starts.</param>
/// <param name="Departure">When the position leaves (start plus service time).</param>
/// <param name="LegDistanceMetres">Distance of the leg from the previous stop (the base for the first visit).</param>
/// <param name="LegTravelTime">Travel time of that leg.</param>
public readonly record struct SequencedVisit(
    AccountId Account,
    TimeSpan Arrival,
    TimeSpan Start,
    TimeSpan Departure,
    double LegDistanceMetres,
    TimeSpan LegTravelTime)
{
    /// <summary>Time spent waiting for the account to open: <see cref="Start"/> − <see cref="Arrival"/>.</summary>
    public TimeSpan Waiting => Start - Arrival;
}
