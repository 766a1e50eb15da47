namespace Territories.Journeys.Planning;

/// <summary>Stops when the elapsed time reaches the limit.</summary>
internal sealed class TimeLimitStop(TimeSpan limit) : IStopCondition
{
    public JourneyPlanStatus Reason => JourneyPlanStatus.TimeLimitReached;

    public bool ShouldStop(in SearchStatus status) => status.Elapsed >= limit;

    public double Progress(in SearchStatus status) => Math.Clamp(status.Elapsed / limit, 0, 1);
}
