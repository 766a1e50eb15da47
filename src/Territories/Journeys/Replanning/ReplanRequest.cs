using System.Collections.Immutable;
using Territories.Internal;

namespace Territories.Journeys.Replanning;

/// <summary>What a re-plan is asked for: the previous plan, the new request, and how much of the previous plan must stay.</summary>
/// <remarks>
/// <para>
/// The new <see cref="Request"/> says what the plan must now cover: accounts added, removed or changed
/// (frequency, hours, service time), positions vacant or new, days off added. Accounts of the previous
/// plan that are no longer in it (or no longer have a visit requirement) are removed; accounts in it
/// that the previous plan does not show (neither planned nor unplanned) are new.
/// </para>
/// <para>
/// Freeze: on the first <see cref="FreezeDays"/> cycle days, every account that is still planned keeps
/// exactly its previous visits (position, day, and relative order): it gains none and loses none there.
/// New accounts may be added on frozen days. A previous visit the new request makes impossible (the
/// position is vacant, the day is no longer worked, the account's new requirement has no pattern with
/// it) is a forced change, not a broken freeze.
/// </para>
/// <para>
/// Change budget: <see cref="MaxMovedAccounts"/> bounds how many kept accounts may have a visit on
/// another day than before, forced changes aside (a visit handed to another position on the same day is
/// reported in the diff, and priced, but not counted against the budget); <see cref="PricePerMovedVisit"/> adds a
/// price, in objective units (metres, or seconds under <see cref="JourneyObjective.TravelTime"/>), for
/// every visit on a day, and every visit by a position, that the account did not have before. Both may
/// be set. Immutable; change through <c>with</c>.
/// </para>
/// </remarks>
/// <param name="Previous">The plan in force.</param>
/// <param name="Request">What the plan must now cover.</param>
public sealed record ReplanRequest(JourneyPlan Previous, JourneyPlanRequest Request)
{
    private readonly ImmutableArray<VisitLock> _locks = [];

    /// <summary>The plan in force.</summary>
    public JourneyPlan Previous { get; init; } = Guard.NotNull(Previous);

    /// <summary>What the plan must now cover.</summary>
    public JourneyPlanRequest Request { get; init; } = Guard.NotNull(Request);

    /// <summary>How many cycle days, from day 0, are frozen; 0 (none) by default.</summary>
    public int FreezeDays { get; init; }

    /// <summary>Visits pinned to a day and position; none by default.</summary>
    public ImmutableArray<VisitLock> Locks
    {
        get => _locks;
        init => _locks = value.IsDefault ? [] : value;
    }

    /// <summary>At most this many kept accounts may move to other days (forced changes aside); null (no limit) by default.</summary>
    public int? MaxMovedAccounts { get; init; }

    /// <summary>The objective price of each visit on a day or by a position the account did not have before; 0 by default.</summary>
    public double PricePerMovedVisit { get; init; }

    /// <summary>Whether to also plan the request from scratch with the same options, to compare costs; false by default (it doubles the time).</summary>
    public bool CompareWithScratch { get; init; }
}
