using Territories.Internal;
using Territories.Model;

namespace Territories.Journeys;

/// <summary>A block of desk work (calls, e-mail, video) in one position's cycle day, outside its route.</summary>
/// <remarks>Times are offsets from midnight of the cycle day, the block running from <see cref="Start"/> to <see cref="End"/> (half-open). Immutable.</remarks>
/// <param name="Position">The position doing the work.</param>
/// <param name="Day">The 0-based cycle day.</param>
/// <param name="Start">When the block starts.</param>
/// <param name="End">When it ends.</param>
/// <param name="Activity">The remote activity id, e.g. <c>outbound</c>.</param>
public sealed record RemoteBlock(PositionId Position, int Day, TimeSpan Start, TimeSpan End, string Activity)
{
    /// <summary>The remote activity id, e.g. <c>outbound</c>.</summary>
    public string Activity { get; init; } = Guard.NotNull(Activity);

    /// <summary>The block's length: <see cref="End"/> − <see cref="Start"/>.</summary>
    public TimeSpan Duration => End - Start;
}
