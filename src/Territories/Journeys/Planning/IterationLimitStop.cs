namespace Territories.Journeys.Planning;

/// <summary>Stops after a number of iterations.</summary>
internal sealed class IterationLimitStop(long iterations) : IStopCondition
{
    public JourneyPlanStatus Reason => JourneyPlanStatus.Completed;

    public bool ShouldStop(in SearchStatus status) => status.Iteration >= iterations;

    public double Progress(in SearchStatus status) => Math.Clamp((double)status.Iteration / iterations, 0, 1);
}
