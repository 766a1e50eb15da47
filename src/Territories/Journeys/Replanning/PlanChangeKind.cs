namespace Territories.Journeys.Replanning;

/// <summary>How one visit differs between two plans (see <see cref="PlanDiff"/>).</summary>
public enum PlanChangeKind
{
    /// <summary>A visit the later plan has and the earlier one has not (a new account, or a higher frequency).</summary>
    Added = 1,

    /// <summary>A visit the earlier plan has and the later one has not (a removed account, or a lower frequency).</summary>
    Removed = 2,

    /// <summary>A visit moved to another cycle day (by the same or another position).</summary>
    MovedDay = 3,

    /// <summary>A visit kept on its day but made by another position.</summary>
    MovedPosition = 4,

    /// <summary>A visit kept on its day and position whose order among the route's other kept visits changed.</summary>
    Resequenced = 5,
}
