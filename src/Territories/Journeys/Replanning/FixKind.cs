namespace Territories.Journeys.Replanning;

/// <summary>What a suggested fix for an unplanned account changes (see <see cref="UnplannedFix"/>).</summary>
public enum FixKind
{
    /// <summary>Visit the account less often: <see cref="UnplannedFix.Frequency"/>, which frees <see cref="UnplannedFix.FreedMinutes"/>.</summary>
    LowerFrequency = 1,

    /// <summary>Lengthen <see cref="UnplannedFix.Position"/>'s working day by <see cref="UnplannedFix.Extension"/>, needed on <see cref="UnplannedFix.Days"/>.</summary>
    ExtendWorkingHours = 2,

    /// <summary>Give the account to <see cref="UnplannedFix.Territory"/>, whose positions have <see cref="UnplannedFix.SlackHours"/> to spare.</summary>
    MoveToTerritory = 3,

    /// <summary>Add <see cref="UnplannedFix.CapacityHours"/> per cycle: <see cref="UnplannedFix.AddedPosition"/>, a short-day position at the base of <see cref="UnplannedFix.Position"/>.</summary>
    AddCapacity = 4,
}
