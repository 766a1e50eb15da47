using System.Collections.Immutable;
using Territories.Internal;
using Territories.Model;

namespace Territories.Mix;

/// <summary>
/// One territory whose mix is to be derived and allocated, given as it stands: for example a
/// territory designed by the alignment loop, with its accounts, its position and the travel its plan needs.
/// </summary>
/// <remarks>
/// <para>
/// The capacity allocated is <see cref="Capacity"/> when given, else the positions' working time per
/// cycle (<see cref="MixCapacity.PerCycle"/>) less <see cref="Travel"/>. Give <see cref="Travel"/>
/// from a plan (<c>plan.Kpis.TotalTravelTime</c>) or an estimate (travel plus stem), so that the mix
/// shares out the field time left after travel and the accounts' visits cannot crowd travel out.
/// </para>
/// <para>Immutable; collections default to empty. The result does not depend on the order of <see cref="Accounts"/> or <see cref="Positions"/>.</para>
/// </remarks>
/// <param name="Territory">The territory (its id names the mix; its boundary is not read).</param>
public sealed record MixTerritoryRequest(Territory Territory)
{
    private readonly ImmutableArray<Account> _accounts = [];
    private readonly ImmutableArray<SalesPosition> _positions = [];

    /// <summary>The territory (its id names the mix; its boundary is not read).</summary>
    public Territory Territory { get; init; } = Guard.NotNull(Territory);

    /// <summary>The territory's accounts, each in one territory only; empty by default.</summary>
    public ImmutableArray<Account> Accounts
    {
        get => _accounts;
        init => _accounts = value.IsDefault ? [] : value;
    }

    /// <summary>
    /// The positions that work the territory, whose working time is its capacity; empty by default. A
    /// position listed by several territories of one request (a desk or a key-account manager shared by
    /// neighbours) gives each an equal share of its working time, so it is counted once in all.
    /// </summary>
    public ImmutableArray<SalesPosition> Positions
    {
        get => _positions;
        init => _positions = value.IsDefault ? [] : value;
    }

    /// <summary>The territory's market position; null when unknown (then no strategy and no product part).</summary>
    public MarketPosition? Market { get; init; }

    /// <summary>The travel the territory's plan needs per cycle (from a plan or an estimate); zero (not stated) by default.</summary>
    public TimeSpan Travel { get; init; }

    /// <summary>The time to allocate per cycle; null (the default) for the positions' working time less <see cref="Travel"/>.</summary>
    public TimeSpan? Capacity { get; init; }
}
