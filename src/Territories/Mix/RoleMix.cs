using System.Collections.Immutable;
using Territories.Internal;
using Territories.Model;

namespace Territories.Mix;

/// <summary>
/// The part of a territory's mix that one role's positions deliver, under a coverage model: their
/// share of the territory's target, their accounts, their capacity and its allocation.
/// </summary>
/// <remarks>
/// <para>
/// Made by <see cref="SalesMixPlanner"/> when <see cref="MixPlanningRequest.Coverage"/> is given. The
/// territory's target is split over its roles so that together they deliver it: remote-only roles
/// (inside sales) take the remote activities first, up to their capacity, in the target's remote
/// proportions; the roles that visit take the field activities and the remote time left, in the
/// target's proportions. The team then delivers the target exactly up to whole units and the bounds
/// the accounts' visits set, unless the desk has more capacity than the target's remote part (then
/// the team does more remote work than the target asks, and the divergence shows it). The
/// territory's travel is charged to the roles that visit, in proportion to their working time.
/// </para>
/// <para>
/// Invariants: per activity, the units of the roles' allocations add up to the territory's
/// (<see cref="TerritoryMix.Allocation"/>); every account of the territory is in exactly one role's
/// allocation; an account served from the desk (<see cref="RemoteAccounts"/>) has no visit. Immutable.
/// </para>
/// </remarks>
/// <param name="Territory">The territory.</param>
/// <param name="Role">The role.</param>
/// <param name="Positions">The working positions of the role in the territory, sorted by id.</param>
/// <param name="Target">The role's share of the territory's target, as a mix of its own.</param>
/// <param name="Allocation">The role's capacity shared out over its accounts.</param>
public sealed record RoleMix(TerritoryId Territory, PositionRole Role, ImmutableArray<PositionId> Positions, SalesMix Target, MixAllocation Allocation)
{
    private readonly ImmutableArray<AccountId> _remoteAccounts = [];

    /// <summary>The role's share of the territory's target, as a mix of its own.</summary>
    public SalesMix Target { get; init; } = Guard.NotNull(Target);

    /// <summary>The role's capacity shared out over its accounts.</summary>
    public MixAllocation Allocation { get; init; } = Guard.NotNull(Allocation);

    /// <summary>The working time of the role's positions per cycle.</summary>
    public TimeSpan WorkingTime { get; init; }

    /// <summary>The part of the territory's travel charged to the role (zero for a role that does not visit).</summary>
    public TimeSpan Travel { get; init; }

    /// <summary>The accounts the role serves from the desk (no visits), sorted by id; empty by default.</summary>
    public ImmutableArray<AccountId> RemoteAccounts
    {
        get => _remoteAccounts;
        init => _remoteAccounts = value.IsDefault ? [] : value;
    }

    /// <summary>The time on site of the role's visits.</summary>
    public TimeSpan Service => Allocation.FieldTime;

    /// <summary>The working time left after the role's travel and visits: what its remote work and slack must fit in.</summary>
    public TimeSpan TimeLeft => WorkingTime - Travel - Service;

    /// <summary>
    /// The remote time to schedule per remote activity for the role's positions, scaled down in
    /// proportion when it exceeds <see cref="TimeLeft"/>, as <see cref="TerritoryMix.RemoteTime"/> does
    /// for a whole territory: the input of <see cref="Territories.Journeys.RemoteScheduler.Schedule"/>.
    /// </summary>
    /// <returns>One entry per remote activity with allocated time, sorted by id.</returns>
    public ImmutableSortedDictionary<string, TimeSpan> RemoteTime() => TerritoryMix.RemoteShare(Allocation, TimeLeft);
}
