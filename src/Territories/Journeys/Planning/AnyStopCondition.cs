namespace Territories.Journeys.Planning;

/// <summary>Stops as soon as any of its conditions does; progress is the furthest of them.</summary>
internal sealed class AnyStopCondition(IReadOnlyList<IStopCondition> conditions) : IStopCondition
{
    private JourneyPlanStatus _reason = JourneyPlanStatus.Completed;

    public JourneyPlanStatus Reason => _reason;

    public bool ShouldStop(in SearchStatus status)
    {
        foreach (var c in conditions)
        {
            if (c.ShouldStop(status))
            {
                _reason = c.Reason;
                return true;
            }
        }

        return false;
    }

    public double Progress(in SearchStatus status)
    {
        var p = 0.0;
        foreach (var c in conditions)
        {
            p = Math.Max(p, c.Progress(status));
        }

        return p;
    }
}
