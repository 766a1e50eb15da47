using Territories.Model;

namespace Territories.Journeys.Replanning;

/// <summary>One visit that differs between two plans: where it was and where it is.</summary>
/// <remarks>
/// Days are 0-based cycle days, sequences the 1-based order of the visit in its route. The "from"
/// fields are null for <see cref="PlanChangeKind.Added"/>, the "to" fields for
/// <see cref="PlanChangeKind.Removed"/>. Immutable; equality by value.
/// </remarks>
public sealed record VisitChange
{
    /// <summary>The account visited.</summary>
    public required AccountId Account { get; init; }

    /// <summary>How the visit changed.</summary>
    public required PlanChangeKind Kind { get; init; }

    /// <summary>The position in the earlier plan.</summary>
    public required PositionId? FromPosition { get; init; }

    /// <summary>The cycle day in the earlier plan.</summary>
    public required int? FromDay { get; init; }

    /// <summary>The order in the earlier route.</summary>
    public required int? FromSequence { get; init; }

    /// <summary>The position in the later plan.</summary>
    public required PositionId? ToPosition { get; init; }

    /// <summary>The cycle day in the later plan.</summary>
    public required int? ToDay { get; init; }

    /// <summary>The order in the later route.</summary>
    public required int? ToSequence { get; init; }
}
