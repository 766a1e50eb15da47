using Territories.Internal;

namespace Territories.Mix;

/// <summary>Capacity of one activity that the territory's accounts do not need, and where it would go.</summary>
/// <remarks>Immutable. <see cref="Time"/> is <see cref="Units"/> times the allocation unit's length.</remarks>
/// <param name="Activity">The activity id.</param>
/// <param name="Use">Where the time would go: prospecting for a field activity, remote activities for a remote one.</param>
/// <param name="Units">The whole units left over.</param>
/// <param name="Time">The time left over.</param>
public sealed record MixSlack(string Activity, SlackUse Use, long Units, TimeSpan Time)
{
    /// <summary>The activity id.</summary>
    public string Activity { get; init; } = Guard.NotNull(Activity);

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Activity} {Time.TotalHours:0.#} h ({Use})");
}
