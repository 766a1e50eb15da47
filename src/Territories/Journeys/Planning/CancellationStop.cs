namespace Territories.Journeys.Planning;

/// <summary>Stops when the caller cancels.</summary>
internal sealed class CancellationStop(CancellationToken token) : IStopCondition
{
    public JourneyPlanStatus Reason => JourneyPlanStatus.Cancelled;

    public bool ShouldStop(in SearchStatus status) => token.IsCancellationRequested;

    public double Progress(in SearchStatus status) => 0;
}
