using System.Collections.Immutable;
using Territories.Internal;

namespace Territories.Journeys;

/// <summary>Remote work placed in a position's days around its journey plan, and what did not fit.</summary>
/// <remarks>
/// Invariant: per activity, the time of its <see cref="Blocks"/> plus <see cref="NotPlaced"/> is
/// <see cref="Asked"/>. Blocks are sorted by day then start; the dictionaries by activity id (ordinal)
/// and list every activity asked, also with zero. Immutable. Made by <see cref="RemoteScheduler"/>.
/// </remarks>
/// <param name="Blocks">The blocks placed.</param>
/// <param name="Asked">The time asked per activity.</param>
/// <param name="NotPlaced">The time per activity that did not fit in the free time.</param>
public sealed record RemoteSchedule(ImmutableArray<RemoteBlock> Blocks, ImmutableSortedDictionary<string, TimeSpan> Asked, ImmutableSortedDictionary<string, TimeSpan> NotPlaced)
{
    /// <summary>The time asked per activity.</summary>
    public ImmutableSortedDictionary<string, TimeSpan> Asked { get; init; } = Guard.NotNull(Asked);

    /// <summary>The time per activity that did not fit in the free time.</summary>
    public ImmutableSortedDictionary<string, TimeSpan> NotPlaced { get; init; } = Guard.NotNull(NotPlaced);

    /// <summary>The time asked, over every activity.</summary>
    public TimeSpan AskedTime => Asked.Values.Aggregate(TimeSpan.Zero, (sum, t) => sum + t);

    /// <summary>The time placed in blocks, over every activity.</summary>
    public TimeSpan PlacedTime => Blocks.Aggregate(TimeSpan.Zero, (sum, b) => sum + b.Duration);

    /// <summary>The time that did not fit, over every activity.</summary>
    public TimeSpan NotPlacedTime => NotPlaced.Values.Aggregate(TimeSpan.Zero, (sum, t) => sum + t);

    /// <summary>Whether everything asked was placed.</summary>
    public bool IsComplete => NotPlacedTime == TimeSpan.Zero;

    /// <summary>The time placed for <paramref name="activity"/>; zero when none.</summary>
    /// <param name="activity">The activity id.</param>
    /// <returns>The total length of its blocks.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="activity"/> is null.</exception>
    public TimeSpan PlacedOf(string activity)
    {
        Guard.NotNull(activity);
        return Blocks.Where(b => string.Equals(b.Activity, activity, StringComparison.Ordinal)).Aggregate(TimeSpan.Zero, (sum, b) => sum + b.Duration);
    }
}
