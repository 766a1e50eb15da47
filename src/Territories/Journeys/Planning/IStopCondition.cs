namespace Territories.Journeys.Planning;

/// <summary>Decides when the search stops; composable with <see cref="AnyStopCondition"/>.</summary>
internal interface IStopCondition
{
    /// <summary>Whether the search must stop now.</summary>
    bool ShouldStop(in SearchStatus status);

    /// <summary>How far the search is towards this condition, 0 to 1 (drives the cooling); 0 when it cannot say.</summary>
    double Progress(in SearchStatus status);

    /// <summary>The status a stop by this condition gives the plan.</summary>
    JourneyPlanStatus Reason { get; }
}
