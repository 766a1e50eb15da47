using Territories.Internal;

namespace Territories.Journeys.Planning;

/// <summary>Polls a stop condition every few steps of the preparation loops of <see cref="JourneyProblem"/> and throws <see cref="PreparationStopped"/> when it fires.</summary>
internal sealed class PreparationPoller(StopCondition stop)
{
    private int _ticks;

    public void Tick()
    {
        if ((++_ticks & 15) == 0)
        {
            Now();
        }
    }

    public void Now()
    {
        if (stop.ShouldInterrupt())
        {
            throw new PreparationStopped(stop.Reason);
        }
    }
}
