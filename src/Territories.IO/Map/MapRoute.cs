using System.Collections.Immutable;
using Territories.Model;

namespace Territories.IO.Map;

/// <summary>One position's route on one cycle day: ordered stops, optional start and end, travel figures.</summary>
/// <remarks>
/// Immutable; change through <c>with</c>. The drawn line runs <see cref="Start"/> (when set), every
/// stop in order, then <see cref="End"/> (when set). <see cref="Day"/> is 0-based; every route of one
/// day carries the same <see cref="DayLabel"/> (or none). <see cref="DistanceMetres"/> and
/// <see cref="Duration"/> are finite and not negative; <see cref="SalesMapData"/> checks all of this.
/// </remarks>
/// <param name="Position">The position that drives the route.</param>
/// <param name="Day">The 0-based cycle day.</param>
public sealed record MapRoute(PositionId Position, int Day)
{
    private readonly ImmutableArray<MapRouteStop> _stops = [];

    /// <summary>The day as the user calls it (for example "W1 Mon"); null to show "Day n" (1-based).</summary>
    public string? DayLabel { get; init; }

    /// <summary>Where the day starts (normally the position's base); null when the line starts at the first stop.</summary>
    public GeoPoint? Start { get; init; }

    /// <summary>Where the day ends (normally the position's base); null when the line ends at the last stop.</summary>
    public GeoPoint? End { get; init; }

    /// <summary>The stops in visiting order; empty by default.</summary>
    public ImmutableArray<MapRouteStop> Stops
    {
        get => _stops;
        init => _stops = value.IsDefault ? [] : value;
    }

    /// <summary>The day's travel distance in metres; 0 by default.</summary>
    public double DistanceMetres { get; init; }

    /// <summary>The day's duration from start to end (travel, service, waiting); zero by default.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>The number of stops that are visits (that name an account).</summary>
    public int VisitCount
    {
        get
        {
            var count = 0;
            foreach (var stop in _stops)
            {
                if (stop.Account is not null)
                {
                    count++;
                }
            }

            return count;
        }
    }

    /// <summary>The points of the drawn line: start, stops, end.</summary>
    public ImmutableArray<GeoPoint> LinePoints
    {
        get
        {
            var builder = ImmutableArray.CreateBuilder<GeoPoint>(_stops.Length + 2);
            if (Start is { } start)
            {
                builder.Add(start);
            }

            foreach (var stop in _stops)
            {
                builder.Add(stop.Location);
            }

            if (End is { } end)
            {
                builder.Add(end);
            }

            return builder.ToImmutable();
        }
    }
}
