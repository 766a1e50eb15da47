using System.Collections.Immutable;
using Territories.Internal;
using Territories.Model;

namespace Territories.Mix;

/// <summary>A territory's capacity shared out exactly: units per activity, then per account, and the visit requirements that follow.</summary>
/// <remarks>
/// <para>
/// Invariants: the units of <see cref="Activities"/> add up to <see cref="CapacityUnits"/>; when
/// there are accounts, the units of each activity over <see cref="Accounts"/> add up to that
/// activity's units. Nothing is lost or invented; <see cref="Remainder"/> is the part of the
/// capacity shorter than one unit, which is not allocated.
/// </para>
/// <para>Activities and accounts are sorted by id (ordinal). Immutable.</para>
/// </remarks>
/// <param name="Territory">The territory.</param>
/// <param name="Target">The target mix allocated.</param>
/// <param name="Unit">The unit allocated.</param>
/// <param name="CapacityUnits">The capacity in whole units.</param>
/// <param name="Remainder">Capacity shorter than one unit, not allocated.</param>
/// <param name="Activities">Units per activity, one entry per activity type.</param>
/// <param name="Accounts">Units per account; empty when the request had no accounts.</param>
public sealed record MixAllocation(
    TerritoryId Territory,
    SalesMix Target,
    AllocationUnit Unit,
    long CapacityUnits,
    TimeSpan Remainder,
    ImmutableArray<ActivityAllocation> Activities,
    ImmutableArray<AccountAllocation> Accounts)
{
    /// <summary>The target mix allocated.</summary>
    public SalesMix Target { get; init; } = Guard.NotNull(Target);

    /// <summary>The capacity allocated: <see cref="CapacityUnits"/> units.</summary>
    public TimeSpan Capacity => Unit.Length * CapacityUnits;

    /// <summary>The units allocated to <paramref name="activity"/>; 0 when unknown.</summary>
    public long UnitsOf(string activity)
    {
        Guard.NotNull(activity);
        return Activities.FirstOrDefault(a => string.Equals(a.Activity, activity, StringComparison.Ordinal))?.Units ?? 0;
    }

    /// <summary>
    /// The accounts with their visit requirement replaced by the one this allocation gives them
    /// (null when they get no field time): the form the journey planner takes. Accounts this
    /// allocation does not cover are returned unchanged.
    /// </summary>
    /// <param name="accounts">The accounts to update.</param>
    /// <returns>The accounts, in the order given.</returns>
    public ImmutableArray<Account> ApplyTo(IEnumerable<Account> accounts)
    {
        Guard.NotNull(accounts);
        var byId = Accounts.ToDictionary(a => a.Account);
        return [.. accounts.Select(a => Guard.NotNull(a)).Select(a => byId.TryGetValue(a.Id, out var allocation) ? a with { Visit = allocation.Visit } : a)];
    }
}
