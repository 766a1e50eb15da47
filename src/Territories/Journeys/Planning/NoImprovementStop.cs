namespace Territories.Journeys.Planning;

/// <summary>Stops after a number of iterations without a better solution.</summary>
internal sealed class NoImprovementStop(long iterations) : IStopCondition
{
    public JourneyPlanStatus Reason => JourneyPlanStatus.Completed;

    public bool ShouldStop(in SearchStatus status) => status.SinceImprovement >= iterations;

    public double Progress(in SearchStatus status) => 0;
}
