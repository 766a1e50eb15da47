using System.Collections.Immutable;
using System.Globalization;
using Territories.Model;
using Territories.Travel;

namespace Territories.Tests.Travel;

/// <summary>A user-supplied travel table over distinct points (drawn by <see cref="Arbitraries.UserTables"/>).</summary>
/// <param name="Points">The table's locations, distinct.</param>
/// <param name="Metres">Row-major distances, not necessarily symmetric nor zero on the diagonal.</param>
/// <param name="Seconds">Row-major durations.</param>
public sealed record UserTable(ImmutableArray<GeoPoint> Points, double[] Metres, double[] Seconds)
{
    /// <summary>The table as a matrix.</summary>
    public TravelMatrix ToMatrix() => TravelMatrix.Create(Points.Length, Metres, Seconds);

    /// <inheritdoc />
    public override string ToString() =>
        $"{string.Join(" ", Points)} metres [{string.Join(", ", Metres.Select(m => m.ToString(CultureInfo.InvariantCulture)))}]";
}
