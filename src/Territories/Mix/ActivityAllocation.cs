using Territories.Internal;
using Territories.Model;

namespace Territories.Mix;

/// <summary>The units one activity gets in a territory's allocation.</summary>
/// <remarks>Immutable. <see cref="Time"/> is <see cref="Units"/> times the allocation unit's length.</remarks>
/// <param name="Activity">The activity id.</param>
/// <param name="TargetShare">The activity's share in the target mix.</param>
/// <param name="Units">The whole units allocated.</param>
/// <param name="Time">The time allocated.</param>
/// <param name="MinimumUnits">The least units the activity had to get (its limit, and the minimum visits of accounts whose main field activity it is).</param>
/// <param name="MaximumUnits">The most units it could get; null for no maximum.</param>
public sealed record ActivityAllocation(string Activity, double TargetShare, long Units, TimeSpan Time, long MinimumUnits, long? MaximumUnits)
{
    /// <summary>The activity id.</summary>
    public string Activity { get; init; } = Guard.NotNull(Activity);

    /// <summary>Whether the activity is done on visits or remotely; <see cref="ActivityChannel.Field"/> by default (the allocator sets it from the activity type).</summary>
    public ActivityChannel Channel { get; init; }
}
