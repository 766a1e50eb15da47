using Territories.Internal;
using Territories.Model;

namespace Territories.Mix;

/// <summary>Time a plan spends on one activity in one territory per cycle: the plain data any journey plan can be reduced to.</summary>
/// <remarks>Rows for the same territory and activity are added up. Immutable.</remarks>
/// <param name="Territory">The territory.</param>
/// <param name="Activity">The activity id.</param>
/// <param name="Time">The time spent; zero or more.</param>
public readonly record struct DeliveredEffort(TerritoryId Territory, string Activity, TimeSpan Time)
{
    /// <summary>The activity id.</summary>
    public string Activity { get; init; } = Guard.NotNull(Activity);
}
