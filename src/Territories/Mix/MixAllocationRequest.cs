using System.Collections.Immutable;
using Territories.Internal;
using Territories.Model;

namespace Territories.Mix;

/// <summary>One territory's allocation problem: its target mix, its capacity per cycle, its accounts.</summary>
/// <remarks>Immutable; collections default to empty, activity types to <see cref="ActivityType.Defaults"/>, the cycle to 4 weeks Monday–Friday. The result does not depend on the order of <see cref="Accounts"/>.</remarks>
/// <param name="Territory">The territory.</param>
/// <param name="Target">The target mix (for example from <see cref="SalesMix.Derive"/>).</param>
/// <param name="Capacity">The time to allocate per cycle: the positions' working time (for example from <see cref="MixCapacity"/>), or what is left of it after travel.</param>
public sealed record MixAllocationRequest(TerritoryId Territory, SalesMix Target, TimeSpan Capacity)
{
    /// <summary>The target mix (for example from <see cref="SalesMix.Derive"/>).</summary>
    public SalesMix Target { get; init; } = Guard.NotNull(Target);

    private readonly ImmutableArray<Account> _accounts = [];
    private readonly ImmutableArray<ActivityType> _activityTypes = ActivityType.Defaults;

    /// <summary>The territory's accounts, among which each activity's time is shared; empty by default (then only the activity level is allocated).</summary>
    public ImmutableArray<Account> Accounts
    {
        get => _accounts;
        init => _accounts = value.IsDefault ? [] : value;
    }

    /// <summary>The known activity types (durations, field or remote); <see cref="ActivityType.Defaults"/> by default.</summary>
    public ImmutableArray<ActivityType> ActivityTypes
    {
        get => _activityTypes;
        init => _activityTypes = value.IsDefault ? [] : value;
    }

    /// <summary>The journey cycle, for visits per cycle; 4 weeks, Monday–Friday by default.</summary>
    public JourneyCycle Cycle { get; init; } = JourneyCycle.Create(4);
}
