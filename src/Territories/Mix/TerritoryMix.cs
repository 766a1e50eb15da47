using System.Collections.Immutable;
using Territories.Internal;
using Territories.Model;

namespace Territories.Mix;

/// <summary>One territory's mix: how its target was derived, the target allocated (smoothed or not), the allocation, and the time it leaves for travel.</summary>
/// <remarks>Immutable. <see cref="TimeLeft"/> = <see cref="WorkingTime"/> − <see cref="Travel"/> − <see cref="Service"/>: the working time neither the visits nor the stated travel take.</remarks>
/// <param name="Territory">The territory.</param>
/// <param name="Derivation">The derived mix with the contribution of each rule.</param>
/// <param name="Target">The target allocated: the derived mix, or the smoothed one when smoothing was asked for.</param>
/// <param name="Allocation">The capacity shared out.</param>
public sealed record TerritoryMix(TerritoryId Territory, MixDerivation Derivation, SalesMix Target, MixAllocation Allocation)
{
    private readonly SalesMix? _teamTarget;

    /// <summary>The derived mix with the contribution of each rule.</summary>
    public MixDerivation Derivation { get; init; } = Guard.NotNull(Derivation);

    /// <summary>The target allocated: the derived mix, or the smoothed one when smoothing was asked for.</summary>
    public SalesMix Target { get; init; } = Guard.NotNull(Target);

    /// <summary>The capacity shared out.</summary>
    public MixAllocation Allocation { get; init; } = Guard.NotNull(Allocation);

    /// <summary>The working time of the territory's positions per cycle; zero when not known.</summary>
    public TimeSpan WorkingTime { get; init; }

    /// <summary>The travel stated for the territory per cycle; zero when not stated.</summary>
    public TimeSpan Travel { get; init; }

    /// <summary>The time on site the accounts' visit requirements ask for: the field time allocated to accounts.</summary>
    public TimeSpan Service => Allocation.FieldTime;

    /// <summary>The working time left after the stated travel and the visits' service: what unstated travel, slack and remote work must fit in.</summary>
    public TimeSpan TimeLeft => WorkingTime - Travel - Service;

    /// <summary>
    /// The remote time to schedule per remote activity: the time the allocation gives each remote
    /// activity, scaled down in proportion (whole units, largest remainder, ties to the lower id) when
    /// together they exceed <see cref="TimeLeft"/>: the input of
    /// <see cref="Territories.Journeys.RemoteScheduler.Schedule"/>.
    /// </summary>
    /// <returns>One entry per remote activity with allocated time, sorted by id; empty when nothing is left.</returns>
    public ImmutableSortedDictionary<string, TimeSpan> RemoteTime() => RemoteShare(Allocation, TimeLeft);

    /// <summary>
    /// The mix of each role in the territory when the request gave a coverage model
    /// (<see cref="MixPlanningRequest.Coverage"/>), sorted by role: the parts whose activities,
    /// accounts and slack add up to <see cref="Allocation"/>; empty otherwise.
    /// </summary>
    public ImmutableArray<RoleMix> Roles { get; init; } = [];

    /// <summary>
    /// The mix the territory's roles can deliver together: each role's target weighted by its capacity.
    /// It is <see cref="Target"/> unless the roles cannot carry the target (no role that visits, as in an
    /// inside-sales territory, or a desk with more time than the target's remote part); compare a plan's
    /// delivered mix with it to see how well the plan carries out what the roles were given.
    /// <see cref="Target"/> when not set.
    /// </summary>
    public SalesMix TeamTarget
    {
        get => _teamTarget ?? Target;
        init => _teamTarget = Guard.NotNull(value);
    }

    /// <summary>The remote time of an allocation, scaled down in proportion to fit <paramref name="timeLeft"/> (whole units, largest remainder, ties to the lower id).</summary>
    internal static ImmutableSortedDictionary<string, TimeSpan> RemoteShare(MixAllocation allocation, TimeSpan timeLeft)
    {
        var remote = allocation.Activities.Where(a => a.Channel == ActivityChannel.Remote && a.Units > 0).OrderBy(a => a.Activity, StringComparer.Ordinal).ToList();
        var unit = allocation.Unit.Length;
        var room = timeLeft > TimeSpan.Zero ? timeLeft.Ticks / unit.Ticks : 0;
        var asked = remote.Sum(a => a.Units);
        var given = remote.Select(a => a.Units).ToArray();
        if (asked > room)
        {
            given = Apportionment.Allocate([.. remote.Select(a => (double)a.Units)], room, new long[remote.Count], given)
                ?? throw new InvalidOperationException("The room is below the units asked, which are the maximums.");
        }

        return remote.Select((a, i) => KeyValuePair.Create(a.Activity, unit * given[i])).Where(kv => kv.Value > TimeSpan.Zero)
            .ToImmutableSortedDictionary(StringComparer.Ordinal);
    }
}
