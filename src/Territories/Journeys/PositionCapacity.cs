using Territories.Model;

namespace Territories.Journeys;

/// <summary>The capacity check of one position: hours its share of the requested visits needs against the hours it has.</summary>
/// <remarks>
/// Needed hours are service time plus, per visit, the travel time to the nearest other stop (a lower
/// bound on the leg into it). An account that several positions may visit is shared evenly among
/// them. Available hours are the daily hours minus the break on every working day. Immutable.
/// </remarks>
/// <param name="Position">The position.</param>
/// <param name="Visits">Visits per cycle attributed to it.</param>
/// <param name="HoursNeeded">Estimated hours the visits need.</param>
/// <param name="HoursAvailable">Hours available in the cycle.</param>
public sealed record PositionCapacity(PositionId Position, double Visits, double HoursNeeded, double HoursAvailable)
{
    /// <summary>Hours missing: needed minus available, 0 when enough.</summary>
    public double ShortfallHours => Math.Max(0, HoursNeeded - HoursAvailable);

    /// <summary>Whether the position has at least the hours the visits need.</summary>
    public bool IsSufficient => HoursNeeded <= HoursAvailable;
}
