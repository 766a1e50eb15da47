using Territories.Travel;

namespace Territories.Journeys.Sequencing;

/// <summary>
/// One day's route to order, indexed by integers: node 0 is the base, nodes 1 to <see cref="Count"/> − 1
/// the stops. Distances, travel times, service times and windows in flat arrays.
/// </summary>
/// <remarks>
/// Times are seconds after midnight; distances are in the caller's unit (metres in the SDK, TSPLIB
/// units in the quality harness). Each stop has zero or more windows for the <em>start</em> of its
/// service, sorted and disjoint (a caller that needs the whole visit inside opening hours has already
/// moved each window's end back by the service time). A route leaves the base at <see cref="DayStart"/>
/// at the earliest and must be back by <see cref="DayEnd"/>. Immutable after construction; reads are
/// thread-safe; the search engines keep their own scratch arrays.
/// </remarks>
internal sealed class SequencingProblem
{
    private const double Epsilon = 1e-9;

    private SequencingProblem(
        int count, double[] distance, double[] duration, double[] service, int[] windowOffsets, double[] windowStart, double[] windowEnd, double dayStart, double dayEnd)
    {
        Count = count;
        Distance = distance;
        Duration = duration;
        Service = service;
        WindowOffsets = windowOffsets;
        WindowStart = windowStart;
        WindowEnd = windowEnd;
        DayStart = dayStart;
        DayEnd = dayEnd;
        IsSymmetric = CheckSymmetric(count, distance);
        HasWindows = CheckWindows();
    }

    /// <summary>Number of nodes, the base included.</summary>
    public int Count { get; }

    /// <summary>Row-major <c>Count × Count</c> distances.</summary>
    public double[] Distance { get; }

    /// <summary>Row-major <c>Count × Count</c> travel times in seconds.</summary>
    public double[] Duration { get; }

    /// <summary>Service time of each node in seconds (0 for the base).</summary>
    public double[] Service { get; }

    /// <summary>Node i's windows are <c>WindowOffsets[i] .. WindowOffsets[i + 1] − 1</c>; a node with none may start any time.</summary>
    public int[] WindowOffsets { get; }

    /// <summary>Earliest start of service of each window, seconds after midnight.</summary>
    public double[] WindowStart { get; }

    /// <summary>Latest start of service of each window, seconds after midnight.</summary>
    public double[] WindowEnd { get; }

    /// <summary>Earliest departure from the base, seconds after midnight.</summary>
    public double DayStart { get; }

    /// <summary>Latest return to the base, seconds after midnight.</summary>
    public double DayEnd { get; }

    /// <summary>Whether the distance matrix is symmetric (the fast neighbour-list search applies).</summary>
    public bool IsSymmetric { get; }

    /// <summary>Whether any stop has a window (otherwise only the day's end constrains the route).</summary>
    public bool HasWindows { get; }

    /// <summary>A problem with no windows at all and an unbounded day: a plain TSP on <paramref name="distance"/>.</summary>
    public static SequencingProblem Tsp(int count, double[] distance) =>
        Create(count, distance, new double[count * count], new double[count], new int[count + 1], [], [], 0, double.PositiveInfinity);

    /// <summary>
    /// A day's problem over locations of a shared <see cref="TravelMatrix"/>: node 0 is
    /// <paramref name="baseLocation"/>, node i (1-based) is <c>stopLocations[i − 1]</c>.
    /// </summary>
    /// <param name="matrix">Distances (metres) and durations (seconds) between all locations.</param>
    /// <param name="baseLocation">The base's index in <paramref name="matrix"/>.</param>
    /// <param name="stopLocations">Each stop's index in <paramref name="matrix"/>, in node order.</param>
    /// <param name="serviceSeconds">Each stop's service time in seconds, in node order.</param>
    /// <param name="startWindows">Each stop's windows for the start of service (seconds after midnight, sorted by start), in node order; an empty list for a stop with no constraint; null when no stop has any.</param>
    /// <param name="dayStart">Earliest departure from the base, seconds after midnight.</param>
    /// <param name="dayEnd">Latest return to the base, seconds after midnight (<see cref="double.PositiveInfinity"/> for none).</param>
    public static SequencingProblem FromMatrix(
        TravelMatrix matrix,
        int baseLocation,
        ReadOnlySpan<int> stopLocations,
        ReadOnlySpan<double> serviceSeconds,
        IReadOnlyList<IReadOnlyList<(double Start, double End)>>? startWindows,
        double dayStart,
        double dayEnd)
    {
        Internal.Guard.NotNull(matrix);
        return FromLookup(matrix.DistanceMetres, matrix.DurationSeconds, baseLocation, stopLocations, serviceSeconds, startWindows, dayStart, dayEnd);
    }

    /// <summary>
    /// A day's problem over locations of shared row-major arrays (as a planner keeps them): node 0 is
    /// <paramref name="baseLocation"/>, node i (1-based) is <c>stopLocations[i − 1]</c>.
    /// </summary>
    /// <param name="locationCount">Number of locations; the arrays are <c>locationCount²</c> long.</param>
    /// <param name="distance">Row-major distances between locations.</param>
    /// <param name="durationSeconds">Row-major travel times in seconds between locations.</param>
    /// <param name="baseLocation">The base's location index.</param>
    /// <param name="stopLocations">Each stop's location index, in node order.</param>
    /// <param name="serviceSeconds">Each stop's service time in seconds, in node order.</param>
    /// <param name="startWindows">Each stop's windows for the start of service (seconds after midnight, sorted by start), in node order; an empty list for a stop with no constraint; null when no stop has any.</param>
    /// <param name="dayStart">Earliest departure from the base, seconds after midnight.</param>
    /// <param name="dayEnd">Latest return to the base, seconds after midnight (<see cref="double.PositiveInfinity"/> for none).</param>
    public static SequencingProblem FromArrays(
        int locationCount,
        double[] distance,
        double[] durationSeconds,
        int baseLocation,
        ReadOnlySpan<int> stopLocations,
        ReadOnlySpan<double> serviceSeconds,
        IReadOnlyList<IReadOnlyList<(double Start, double End)>>? startWindows,
        double dayStart,
        double dayEnd)
    {
        Internal.Guard.NotNull(distance);
        Internal.Guard.NotNull(durationSeconds);
        Internal.Guard.That(distance.Length == locationCount * locationCount && durationSeconds.Length == distance.Length, "The arrays must hold locationCount² entries.", nameof(distance));
        return FromLookup(
            (i, j) => distance[(i * locationCount) + j], (i, j) => durationSeconds[(i * locationCount) + j], baseLocation, stopLocations, serviceSeconds, startWindows, dayStart, dayEnd);
    }

    private static SequencingProblem FromLookup(
        Func<int, int, double> distanceOf,
        Func<int, int, double> durationOf,
        int baseLocation,
        ReadOnlySpan<int> stopLocations,
        ReadOnlySpan<double> serviceSeconds,
        IReadOnlyList<IReadOnlyList<(double Start, double End)>>? startWindows,
        double dayStart,
        double dayEnd)
    {
        Internal.Guard.That(serviceSeconds.Length == stopLocations.Length, "One service time per stop is needed.", nameof(serviceSeconds));
        Internal.Guard.That(startWindows is null || startWindows.Count == stopLocations.Length, "One window list per stop is needed.", nameof(startWindows));
        var count = stopLocations.Length + 1;
        var map = new int[count];
        map[0] = baseLocation;
        stopLocations.CopyTo(map.AsSpan(1));
        var distance = new double[count * count];
        var duration = new double[count * count];
        for (var i = 0; i < count; i++)
        {
            for (var j = 0; j < count; j++)
            {
                distance[(i * count) + j] = distanceOf(map[i], map[j]);
                duration[(i * count) + j] = durationOf(map[i], map[j]);
            }
        }

        var service = new double[count];
        serviceSeconds.CopyTo(service.AsSpan(1));
        var offsets = new int[count + 1];
        var starts = new List<double>();
        var ends = new List<double>();
        for (var i = 1; i < count; i++)
        {
            offsets[i] = starts.Count;
            if (startWindows is not null)
            {
                foreach (var (start, end) in startWindows[i - 1])
                {
                    starts.Add(start);
                    ends.Add(end);
                }
            }
        }

        offsets[count] = starts.Count;
        return Create(count, distance, duration, service, offsets, [.. starts], [.. ends], dayStart, dayEnd);
    }

    /// <summary>Creates a problem over the given arrays, which it keeps (the caller must not change them).</summary>
    /// <exception cref="ArgumentException">An array has the wrong length.</exception>
    public static SequencingProblem Create(
        int count, double[] distance, double[] duration, double[] service, int[] windowOffsets, double[] windowStart, double[] windowEnd, double dayStart, double dayEnd)
    {
        Internal.Guard.Positive(count);
        Internal.Guard.That(distance.Length == count * count, "Distance matrix size does not match the node count.", nameof(distance));
        Internal.Guard.That(duration.Length == count * count, "Duration matrix size does not match the node count.", nameof(duration));
        Internal.Guard.That(service.Length == count, "One service time per node is needed.", nameof(service));
        Internal.Guard.That(windowOffsets.Length == count + 1, "Window offsets need one entry per node plus one.", nameof(windowOffsets));
        Internal.Guard.That(windowStart.Length == windowEnd.Length && windowOffsets[count] == windowStart.Length, "Window arrays disagree with the offsets.", nameof(windowStart));
        return new SequencingProblem(count, distance, duration, service, windowOffsets, windowStart, windowEnd, dayStart, dayEnd);
    }

    /// <summary>The problem restricted to the base and <paramref name="nodes"/>, renumbered 1 to <c>nodes.Length</c> in the order given.</summary>
    public SequencingProblem Subset(ReadOnlySpan<int> nodes)
    {
        var k = nodes.Length + 1;
        var map = new int[k];
        nodes.CopyTo(map.AsSpan(1));
        var distance = new double[k * k];
        var duration = new double[k * k];
        var service = new double[k];
        var offsets = new int[k + 1];
        var windows = 0;
        for (var i = 0; i < k; i++)
        {
            service[i] = Service[map[i]];
            windows += WindowOffsets[map[i] + 1] - WindowOffsets[map[i]];
            for (var j = 0; j < k; j++)
            {
                distance[(i * k) + j] = Distance[(map[i] * Count) + map[j]];
                duration[(i * k) + j] = Duration[(map[i] * Count) + map[j]];
            }
        }

        var starts = new double[windows];
        var ends = new double[windows];
        var w = 0;
        for (var i = 0; i < k; i++)
        {
            offsets[i] = w;
            for (var v = WindowOffsets[map[i]]; v < WindowOffsets[map[i] + 1]; v++)
            {
                starts[w] = WindowStart[v];
                ends[w] = WindowEnd[v];
                w++;
            }
        }

        offsets[k] = w;
        return new SequencingProblem(k, distance, duration, service, offsets, starts, ends, DayStart, DayEnd);
    }

    /// <summary>The length of a closed route base → <paramref name="order"/> → base.</summary>
    public double RouteDistance(ReadOnlySpan<int> order)
    {
        var n = Count;
        var total = 0.0;
        var previous = 0;
        foreach (var node in order)
        {
            total += Distance[(previous * n) + node];
            previous = node;
        }

        return total + Distance[previous * n];
    }

    /// <summary>
    /// Times a route by forward propagation: leave the base at <see cref="DayStart"/>, wait when early,
    /// and add the lateness of every start after its last window and of a return after <see cref="DayEnd"/>.
    /// </summary>
    /// <returns>The total lateness in seconds; zero exactly when the route is feasible.</returns>
    public double Lateness(ReadOnlySpan<int> order)
    {
        var n = Count;
        var time = DayStart;
        var lateness = 0.0;
        var previous = 0;
        foreach (var node in order)
        {
            time += Duration[(previous * n) + node];
            time = StartAt(node, time, out var late);
            lateness += late;
            time += Service[node];
            previous = node;
        }

        time += Duration[previous * n];
        return time > DayEnd + Epsilon ? lateness + (time - DayEnd) : lateness;
    }

    /// <summary>When service at <paramref name="node"/> starts for an arrival at <paramref name="arrival"/>.</summary>
    /// <param name="node">The node.</param>
    /// <param name="arrival">Arrival, seconds after midnight.</param>
    /// <param name="lateness">How far past the last window's latest start the arrival is; 0 when a window is met.</param>
    /// <returns>The earliest start inside a window at or after the arrival; the arrival itself when every window has passed.</returns>
    public double StartAt(int node, double arrival, out double lateness)
    {
        var first = WindowOffsets[node];
        var last = WindowOffsets[node + 1];
        if (first == last)
        {
            lateness = 0;
            return arrival;
        }

        return StartWindows.StartAt(WindowStart.AsSpan(first, last - first), WindowEnd.AsSpan(first, last - first), arrival, out lateness);
    }

    private static bool CheckSymmetric(int n, double[] d)
    {
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                if (Math.Abs(d[(i * n) + j] - d[(j * n) + i]) > Epsilon * Math.Max(1, Math.Abs(d[(i * n) + j])))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private bool CheckWindows() => WindowStart.Length > 0;
}
