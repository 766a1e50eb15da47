using Territories.Internal;

namespace Territories.Journeys.Planning;

/// <summary>Unwinds the preparation to <see cref="JourneyProblem.Create"/>, which turns it into the stop reason; never escapes.</summary>
internal sealed class PreparationStopped(StopReason reason) : Exception
{
    public StopReason Reason { get; } = reason;
}
