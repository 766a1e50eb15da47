using Territories.Internal;

namespace Territories.Travel;

/// <summary>Distances (metres) and durations (seconds) between every ordered pair of a list of locations.</summary>
/// <remarks>
/// Entry (i, j) is the trip from location i to location j. Immutable once built; reads are
/// thread-safe. A matrix built by <see cref="Create"/> stores every pair (16 bytes a pair: 4,096
/// locations take 268 MB). The built-in models (<see cref="GreatCircleTravelModel"/>,
/// <see cref="EuclideanTravelModel"/>, and <see cref="MatrixTravelModel"/> for locations all in its
/// table) store the pairs up to <see cref="StoredLimit"/> locations and above that compute each pair
/// when asked, with the same value the stored table would hold: memory then grows with the number of
/// locations, not its square.
/// </remarks>
public sealed class TravelMatrix
{
    private readonly double[]? _distances;
    private readonly double[]? _seconds;
    private readonly TravelLegs? _legs;
    private (double Metres, double Seconds)? _largest;

    private TravelMatrix(int count, double[] distances, double[] seconds)
    {
        Count = count;
        _distances = distances;
        _seconds = seconds;
    }

    private TravelMatrix(TravelLegs legs)
    {
        Count = legs.Count;
        _legs = legs;
    }

    /// <summary>Number of locations.</summary>
    public int Count { get; }

    /// <summary>The most locations a stored matrix holds: the largest count whose square is an array length (46,340² ≤ <see cref="Array.MaxLength"/>).</summary>
    internal const int MaxCount = 46_340;

    /// <summary>
    /// The most locations for which the built-in models store every pair (268 MB); above it they compute
    /// pairs when asked. Measured on the planner (benchmarks/README.md, "Travel legs stored or computed").
    /// </summary>
    internal const int StoredLimit = 4_096;

    /// <summary>Whether every pair is stored (<see cref="Distances"/> and <see cref="Seconds"/> are not null).</summary>
    internal bool IsStored => _distances is not null;

    /// <summary>The row-major distances when stored, shared (not copied) with the planner; never written after construction.</summary>
    internal double[]? Distances => _distances;

    /// <summary>The row-major durations when stored, shared (not copied) with the planner; never written after construction.</summary>
    internal double[]? Seconds => _seconds;

    /// <summary>The computed legs when not stored.</summary>
    internal TravelLegs? Legs => _legs;

    /// <summary>A matrix that computes each pair from <paramref name="legs"/> when asked.</summary>
    internal static TravelMatrix Computed(TravelLegs legs) => new(legs);

    /// <summary>The built-in models' choice: stored up to <see cref="StoredLimit"/> locations, computed above.</summary>
    internal static TravelMatrix StoredOrComputed(int count, Func<TravelLegs> legs, Action? onRow)
    {
        if (count <= StoredLimit)
        {
            var computed = legs();
            return Build(count, computed.Leg, onRow);
        }

        return new TravelMatrix(legs());
    }

    /// <summary>The largest distance and duration (or, for a computed matrix, an upper bound not far above them).</summary>
    internal (double Metres, double Seconds) Largest()
    {
        if (_largest is { } known)
        {
            return known;
        }

        var largest = _legs is not null ? _legs.UpperBound() : (Max(_distances!), Max(_seconds!));
        _largest = largest;
        return largest;

        static double Max(double[] values)
        {
            double max = 0;
            foreach (var v in values)
            {
                max = Math.Max(max, v);
            }

            return max;
        }
    }

    /// <summary>Whether <paramref name="count"/> locations fit in one matrix (see <see cref="MaxCount"/>).</summary>
    internal static bool Fits(long count) => count is >= 0 and <= MaxCount;

    /// <summary>Builds a matrix from row-major arrays of <c>count × count</c> distances (metres) and durations (seconds).</summary>
    /// <exception cref="ArgumentException">Wrong lengths, or a negative or non-finite entry (the message names the cell).</exception>
    public static TravelMatrix Create(int count, IReadOnlyList<double> distancesMetres, IReadOnlyList<double> durationsSeconds)
    {
        Guard.NonNegative(count);
        Guard.NotNull(distancesMetres);
        Guard.NotNull(durationsSeconds);
        // In long so that a count whose square overflows is reported as a size mismatch, not an OverflowException.
        var expected = (long)count * count;
        Guard.That(distancesMetres.Count == expected, $"Expected {expected} distances for {count} locations, got {distancesMetres.Count}.", nameof(distancesMetres));
        Guard.That(durationsSeconds.Count == expected, $"Expected {expected} durations for {count} locations, got {durationsSeconds.Count}.", nameof(durationsSeconds));
        var size = (int)expected;
        var d = new double[size];
        var s = new double[size];
        for (var k = 0; k < size; k++)
        {
            d[k] = distancesMetres[k];
            s[k] = durationsSeconds[k];
            Guard.That(double.IsFinite(d[k]) && d[k] >= 0, $"Distance from {k / Math.Max(count, 1)} to {k % Math.Max(count, 1)} is {d[k]}: it must be finite and not negative.", nameof(distancesMetres));
            Guard.That(double.IsFinite(s[k]) && s[k] >= 0, $"Duration from {k / Math.Max(count, 1)} to {k % Math.Max(count, 1)} is {s[k]}: it must be finite and not negative.", nameof(durationsSeconds));
        }

        return new TravelMatrix(count, d, s);
    }

    /// <summary>Fills a matrix from a pairwise function; used by the built-in models.</summary>
    /// <remarks>
    /// The diagonal is asked too: a user table may hold a non-zero cell there (or list a location
    /// twice), and the matrix must agree with the model's pairwise answers.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">More than <see cref="MaxCount"/> locations: the matrix cannot be held in one array.</exception>
    internal static TravelMatrix Build(int count, Func<int, int, (double Metres, double Seconds)> pair, Action? onRow = null)
    {
        if (!Fits(count))
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"A travel matrix holds at most {MaxCount} locations; {count} were given. Plan per territory or per group of positions.");
        }

        var d = new double[count * count];
        var s = new double[count * count];
        for (var i = 0; i < count; i++)
        {
            onRow?.Invoke();
            for (var j = 0; j < count; j++)
            {
                (d[(i * count) + j], s[(i * count) + j]) = pair(i, j);
            }
        }

        return new TravelMatrix(count, d, s);
    }

    /// <summary>Distance in metres from location <paramref name="from"/> to <paramref name="to"/>.</summary>
    public double DistanceMetres(int from, int to) => _distances is { } d ? d[Index(from, to)] : Computed(from, to).Metres(from, to);

    /// <summary>Travel time in seconds from location <paramref name="from"/> to <paramref name="to"/>.</summary>
    public double DurationSeconds(int from, int to) => _seconds is { } s ? s[Index(from, to)] : Computed(from, to).Seconds(from, to);

    /// <summary>Travel time from location <paramref name="from"/> to <paramref name="to"/>.</summary>
    public TimeSpan Duration(int from, int to) => TimeSpan.FromSeconds(DurationSeconds(from, to));

    private TravelLegs Computed(int from, int to)
    {
        Index(from, to);
        return _legs!;
    }

    private long Index(int from, int to)
    {
        if ((uint)from >= (uint)Count)
        {
            throw new ArgumentOutOfRangeException(nameof(from), from, $"Locations are 0 to {Count - 1}.");
        }

        if ((uint)to >= (uint)Count)
        {
            throw new ArgumentOutOfRangeException(nameof(to), to, $"Locations are 0 to {Count - 1}.");
        }

        return ((long)from * Count) + to;
    }
}
