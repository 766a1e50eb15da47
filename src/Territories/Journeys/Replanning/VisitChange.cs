using Territories.Model;

namespace Territories.Journeys.Replanning;

/// <summary>One visit that differs between two plans: where it was and where it is.</summary>
/// <remarks>
/// Days are 0-based cycle days, sequences the 1-based order of the visit in its route. The "from"
/// fields are null for <see cref="PlanChangeKind.Added"/>, the "to" fields for
/// <see cref="PlanChangeKind.Removed"/>. Immutable; equality by value.
/// </remarks>
/// <param name="Account">The account visited.</param>
/// <param name="Kind">How the visit changed.</param>
/// <param name="FromPosition">The position in the earlier plan.</param>
/// <param name="FromDay">The cycle day in the earlier plan.</param>
/// <param name="FromSequence">The order in the earlier route.</param>
/// <param name="ToPosition">The position in the later plan.</param>
/// <param name="ToDay">The cycle day in the later plan.</param>
/// <param name="ToSequence">The order in the later route.</param>
public sealed record VisitChange(
    AccountId Account,
    PlanChangeKind Kind,
    PositionId? FromPosition,
    int? FromDay,
    int? FromSequence,
    PositionId? ToPosition,
    int? ToDay,
    int? ToSequence);
