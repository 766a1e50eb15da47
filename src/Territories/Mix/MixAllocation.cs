using System.Collections.Immutable;
using Territories.Internal;
using Territories.Model;

namespace Territories.Mix;

/// <summary>A territory's capacity shared out exactly: units per activity, then per account up to what each needs, the slack left over, and the visit requirements that follow.</summary>
/// <remarks>
/// <para>
/// Invariants: the units of <see cref="Activities"/> add up to <see cref="CapacityUnits"/>; the units
/// of each activity over <see cref="Accounts"/> plus its <see cref="Slack"/> add up to that activity's
/// units, so <see cref="AllocatedUnits"/> + <see cref="SlackUnits"/> = <see cref="CapacityUnits"/> and
/// <see cref="Capacity"/> + <see cref="Remainder"/> is the capacity asked for. Nothing is lost or
/// invented; <see cref="Remainder"/> is the part of the capacity shorter than one unit, which is not
/// allocated. No account gets more than its needs allow (see <see cref="MixAllocator"/>); what they
/// do not need is slack.
/// </para>
/// <para>Activities and accounts are sorted by id (ordinal). Immutable.</para>
/// </remarks>
public sealed record MixAllocation
{
    /// <summary>The territory.</summary>
    public required TerritoryId Territory { get; init; }

    /// <summary>The target mix allocated.</summary>
    public required SalesMix Target { get; init => field = Guard.NotNull(value); }

    /// <summary>The unit allocated.</summary>
    public required AllocationUnit Unit { get; init; }

    /// <summary>The capacity in whole units.</summary>
    public required long CapacityUnits { get; init; }

    /// <summary>Capacity shorter than one unit, not allocated.</summary>
    public required TimeSpan Remainder { get; init; }

    /// <summary>Units per activity, one entry per activity type.</summary>
    public required ImmutableArray<ActivityAllocation> Activities { get; init; }

    /// <summary>Units per account; empty when the request had no accounts.</summary>
    public required ImmutableArray<AccountAllocation> Accounts { get; init; }

    /// <summary>Units per activity that no account needs, with where they would go; only activities with slack, sorted by id.</summary>
    public required ImmutableArray<MixSlack> Slack { get; init; }

    /// <summary>The capacity allocated: <see cref="CapacityUnits"/> units.</summary>
    public TimeSpan Capacity => Unit.Length * CapacityUnits;

    /// <summary>The units given to accounts, over every activity.</summary>
    public long AllocatedUnits => Accounts.Sum(a => a.Units.Values.Sum());

    /// <summary>The units no account needs, over every activity.</summary>
    public long SlackUnits => Slack.Sum(s => s.Units);

    /// <summary>The time no account needs: <see cref="SlackUnits"/> units.</summary>
    public TimeSpan SlackTime => Unit.Length * SlackUnits;

    /// <summary>The field time the accounts' visit requirements ask for (the service a plan of them needs).</summary>
    public TimeSpan FieldTime => Accounts.Aggregate(TimeSpan.Zero, (sum, a) => sum + a.FieldTime);

    /// <summary>The units allocated to <paramref name="activity"/>; 0 when unknown.</summary>
    public long UnitsOf(string activity)
    {
        Guard.NotNull(activity);
        return Activities.FirstOrDefault(a => string.Equals(a.Activity, activity, StringComparison.Ordinal))?.Units ?? 0;
    }

    /// <summary>
    /// The accounts with their visit requirement replaced by the one this allocation gives them
    /// (same frequency or patterns, the activity from the mix, the minutes per visit allocated): the
    /// form the journey planner takes. Accounts this allocation does not cover are returned unchanged.
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
