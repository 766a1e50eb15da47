using Territories.Internal;
using Territories.Model;

namespace Territories.Travel;

/// <summary>A user-supplied table of distances and durations (from OSRM, Valhalla or a CRM), looked up by location.</summary>
/// <remarks>
/// Locations are matched exactly on their coordinates. A pair of locations not in the table goes to
/// the <see cref="Fallback"/> model when one is given; otherwise it is a programmer error
/// (<see cref="ArgumentException"/>). The table need not be symmetric (one-way streets). Immutable
/// and thread-safe.
/// </remarks>
public sealed class MatrixTravelModel : ITravelModel, IRowPolledTravelModel
{
    private readonly Dictionary<GeoPoint, int> _index;
    private readonly TravelMatrix _matrix;

    /// <summary>A model over <paramref name="matrix"/>, whose rows and columns are <paramref name="locations"/> in order.</summary>
    /// <param name="locations">The table's locations; distinct.</param>
    /// <param name="matrix">The table; its size equals the number of locations.</param>
    /// <param name="fallback">The model for pairs not in the table; null to reject them.</param>
    /// <exception cref="ArgumentException">Sizes differ or a location is listed twice.</exception>
    public MatrixTravelModel(IReadOnlyList<GeoPoint> locations, TravelMatrix matrix, ITravelModel? fallback = null)
    {
        Guard.NotNull(locations);
        Guard.NotNull(matrix);
        Guard.That(locations.Count == matrix.Count, $"The matrix has {matrix.Count} locations but {locations.Count} were given.", nameof(locations));
        _index = new Dictionary<GeoPoint, int>(locations.Count);
        for (var i = 0; i < locations.Count; i++)
        {
            Guard.That(_index.TryAdd(locations[i], i), $"Location {locations[i]} is listed twice (positions {_index.GetValueOrDefault(locations[i])} and {i}).", nameof(locations));
        }

        _matrix = matrix;
        Fallback = fallback;
    }

    /// <summary>The model for pairs not in the table; null when such pairs are rejected.</summary>
    public ITravelModel? Fallback { get; }

    /// <inheritdoc />
    public double DistanceMetres(GeoPoint origin, GeoPoint destination) =>
        TryIndex(origin, destination, out var i, out var j) ? _matrix.DistanceMetres(i, j) : Fallback!.DistanceMetres(origin, destination);

    /// <inheritdoc />
    public TimeSpan Duration(GeoPoint origin, GeoPoint destination) =>
        TryIndex(origin, destination, out var i, out var j) ? _matrix.Duration(i, j) : Fallback!.Duration(origin, destination);

    /// <inheritdoc />
    public TravelMatrix Matrix(IReadOnlyList<GeoPoint> locations) => Matrix(locations, null);

    /// <inheritdoc />
    TravelMatrix IRowPolledTravelModel.Matrix(IReadOnlyList<GeoPoint> locations, Action onRow) => Matrix(locations, onRow);

    private TravelMatrix Matrix(IReadOnlyList<GeoPoint> locations, Action? onRow)
    {
        Guard.NotNull(locations);
        if (locations.Count > TravelMatrix.StoredLimit && Rows(locations) is { } rows)
        {
            return TravelMatrix.Computed(new TravelLegs.Lookup(_matrix, rows));
        }

        return TravelMatrix.Build(locations.Count, (i, j) => TryIndex(locations[i], locations[j], out var a, out var b)
            ? (_matrix.DistanceMetres(a, b), _matrix.DurationSeconds(a, b))
            : (Fallback!.DistanceMetres(locations[i], locations[j]), Fallback.Duration(locations[i], locations[j]).TotalSeconds), onRow);
    }

    /// <summary>Each location's row in the table, or null when one is not in it (its pairs go to the fallback).</summary>
    private int[]? Rows(IReadOnlyList<GeoPoint> locations)
    {
        var rows = new int[locations.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            if (!_index.TryGetValue(locations[i], out rows[i]))
            {
                return null;
            }
        }

        return rows;
    }

    private bool TryIndex(GeoPoint origin, GeoPoint destination, out int i, out int j)
    {
        var known = _index.TryGetValue(origin, out i) & _index.TryGetValue(destination, out j);
        if (!known && Fallback is null)
        {
            var missing = _index.ContainsKey(origin) ? destination : origin;
            throw new ArgumentException($"Location {missing} is not in the travel matrix and no fallback model was given.", _index.ContainsKey(origin) ? nameof(destination) : nameof(origin));
        }

        return known;
    }
}
