namespace Territories.Journeys.Planning;

/// <summary>Forwards progress from parallel searches, only when it improves on what was already reported.</summary>
/// <remarks>Thread-safe: reports are serialised under a lock, so the caller's handler sees one report at a time.</remarks>
internal sealed class BestProgress(IProgress<JourneyPlanProgress> inner) : IProgress<JourneyPlanProgress>
{
    private readonly Lock _gate = new();
    private double _best = double.PositiveInfinity;

    public void Report(JourneyPlanProgress value)
    {
        lock (_gate)
        {
            if (value.BestCost <= _best)
            {
                _best = value.BestCost;
                inner.Report(value);
            }
        }
    }
}
