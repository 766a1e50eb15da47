using Territories.Model;

namespace Territories.Journeys.Replanning;

/// <summary>How one account's visits differ between two plans, counted per kind of change (see <see cref="PlanChangeKind"/>).</summary>
/// <remarks>Every visit is counted once, under one kind. Immutable; equality by value.</remarks>
/// <param name="Account">The account.</param>
/// <param name="Added">Visits added.</param>
/// <param name="Removed">Visits removed.</param>
/// <param name="MovedDay">Visits moved to another day.</param>
/// <param name="MovedPosition">Visits kept on their day, made by another position.</param>
/// <param name="Resequenced">Visits kept on their day and position whose order changed.</param>
public sealed record AccountDiff(AccountId Account, int Added, int Removed, int MovedDay, int MovedPosition, int Resequenced)
{
    /// <summary>Whether a visit of the account moved to another day or position.</summary>
    public bool IsMoved => MovedDay > 0 || MovedPosition > 0;
}
