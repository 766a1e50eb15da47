namespace Territories.Journeys;

/// <summary>
/// When to leave the base for a fixed sequence of visits: the departure that makes the day shortest, so that a
/// plan shows a later start instead of waiting at an account for it to open.
/// </summary>
/// <remarks>
/// <para>
/// A sequence is timed forward from a departure: each visit starts at its arrival, or at the next start window
/// (<see cref="StartWindows.StartAt"/>), and the day runs from the departure to the return. Leaving later
/// shortens the day while it only absorbs waiting; it lengthens it when a visit misses a window and moves to a
/// later one. So a shortest day either has no waiting (and leaving earlier would make a visit arrive before
/// its window opens, or leave before the day's start) or some visit before the first wait starts at the very
/// end of its window. Either way some visit i, reached without waiting, arrives at the opening or the last
/// start of one of its windows: the departure is that time less the travel and service before i. The
/// earliest departure and those candidates are each timed, and the shortest day that is back in time wins;
/// the earliest such departure on ties. O(n × w) candidates of O(n) each, for n visits of w windows.
/// </para>
/// <para>Times are seconds after midnight. Pure; thread-safe.</para>
/// </remarks>
internal static class DayTiming
{
    private const double Tolerance = 1e-6;

    /// <summary>The return to the base when leaving at <paramref name="leave"/>; NaN when a visit misses its windows.</summary>
    /// <param name="leave">The departure.</param>
    /// <param name="legs">legs[i]: travel time to visit i from the place before (the base for i = 0); legs[n]: back to the base.</param>
    /// <param name="service">Each visit's service time.</param>
    /// <param name="starts">Every visit's start windows' earliest starts, visit after visit.</param>
    /// <param name="ends">Their latest starts, in the same order.</param>
    /// <param name="offsets">Visit i's windows are [offsets[i], offsets[i + 1]); none: always open.</param>
    public static double Return(double leave, ReadOnlySpan<double> legs, ReadOnlySpan<double> service, ReadOnlySpan<double> starts, ReadOnlySpan<double> ends, ReadOnlySpan<int> offsets) =>
        Forward(leave, service.Length, legs, service, starts, ends, offsets);

    /// <summary>When service at visit <paramref name="visit"/> starts when leaving at <paramref name="leave"/>; NaN when a visit up to it misses its windows.</summary>
    /// <param name="visit">The visit's index in the sequence.</param>
    /// <param name="leave">The departure.</param>
    /// <param name="legs">legs[i]: travel time to visit i from the place before (the base for i = 0); legs[n]: back to the base.</param>
    /// <param name="service">Each visit's service time.</param>
    /// <param name="starts">Every visit's start windows' earliest starts, visit after visit.</param>
    /// <param name="ends">Their latest starts, in the same order.</param>
    /// <param name="offsets">Visit i's windows are [offsets[i], offsets[i + 1]); none: always open.</param>
    public static double StartOf(int visit, double leave, ReadOnlySpan<double> legs, ReadOnlySpan<double> service, ReadOnlySpan<double> starts, ReadOnlySpan<double> ends, ReadOnlySpan<int> offsets) =>
        Forward(leave, visit, legs, service, starts, ends, offsets);

    /// <summary>
    /// The departure at or after <paramref name="earliest"/> that makes the day shortest and is back by
    /// <paramref name="latestReturn"/>, and the return then; <paramref name="earliest"/> and its return (which may be
    /// late, or NaN) when no departure is back in time.
    /// </summary>
    /// <param name="earliest">The earliest departure: the start of the daily hours.</param>
    /// <param name="latestReturn">The latest return to the base.</param>
    /// <param name="legs">legs[i]: travel time to visit i from the place before (the base for i = 0); legs[n]: back to the base.</param>
    /// <param name="service">Each visit's service time.</param>
    /// <param name="starts">Every visit's start windows' earliest starts, visit after visit.</param>
    /// <param name="ends">Their latest starts, in the same order.</param>
    /// <param name="offsets">Visit i's windows are [offsets[i], offsets[i + 1]); none: always open.</param>
    public static (double Leave, double Return) ShortestDay(double earliest, double latestReturn, ReadOnlySpan<double> legs, ReadOnlySpan<double> service, ReadOnlySpan<double> starts, ReadOnlySpan<double> ends, ReadOnlySpan<int> offsets)
    {
        var back = Return(earliest, legs, service, starts, ends, offsets);
        var (bestLeave, bestReturn) = (earliest, back);
        var best = double.IsNaN(back) || back > latestReturn + Tolerance ? double.PositiveInfinity : back - earliest;
        var before = 0.0;
        for (var i = 0; i < service.Length; i++)
        {
            before += legs[i];
            for (var w = offsets[i]; w < offsets[i + 1]; w++)
            {
                Try(starts[w] - before, legs, service, starts, ends, offsets);
                Try(ends[w] - before, legs, service, starts, ends, offsets);
            }

            before += service[i];
        }

        return (bestLeave, bestReturn);

        void Try(double leave, ReadOnlySpan<double> legs, ReadOnlySpan<double> service, ReadOnlySpan<double> starts, ReadOnlySpan<double> ends, ReadOnlySpan<int> offsets)
        {
            if (leave <= earliest)
            {
                return;
            }

            var end = Return(leave, legs, service, starts, ends, offsets);
            if (double.IsNaN(end) || end > latestReturn + Tolerance)
            {
                return;
            }

            var length = end - leave;
            if (length < best - Tolerance || (length <= best + Tolerance && leave < bestLeave))
            {
                (best, bestLeave, bestReturn) = (length, leave, end);
            }
        }
    }

    /// <summary>Every visit's start windows in one run, as <see cref="Return"/> reads them.</summary>
    /// <param name="windows">Each visit's start windows (earliest and latest starts); <c>null</c> for a visit that is always open.</param>
    public static (double[] Starts, double[] Ends, int[] Offsets) Flatten(ReadOnlySpan<(double[] Starts, double[] Ends)?> windows)
    {
        var offsets = new int[windows.Length + 1];
        for (var i = 0; i < windows.Length; i++)
        {
            offsets[i + 1] = offsets[i] + (windows[i]?.Starts.Length ?? 0);
        }

        var starts = new double[offsets[^1]];
        var ends = new double[starts.Length];
        for (var i = 0; i < windows.Length; i++)
        {
            if (windows[i] is { } w)
            {
                w.Starts.CopyTo(starts, offsets[i]);
                w.Ends.CopyTo(ends, offsets[i]);
            }
        }

        return (starts, ends, offsets);
    }

    /// <summary>The start of visit <paramref name="until"/>, or the return when it is the number of visits; NaN when a window is missed on the way.</summary>
    private static double Forward(double leave, int until, ReadOnlySpan<double> legs, ReadOnlySpan<double> service, ReadOnlySpan<double> starts, ReadOnlySpan<double> ends, ReadOnlySpan<int> offsets)
    {
        var t = leave;
        for (var i = 0; i < service.Length; i++)
        {
            t += legs[i];
            if (offsets[i + 1] > offsets[i])
            {
                var range = new Range(offsets[i], offsets[i + 1]);
                t = StartWindows.StartAt(starts[range], ends[range], t, out var lateness);
                if (lateness > 0)
                {
                    return double.NaN;
                }
            }

            if (i == until)
            {
                return t;
            }

            t += service[i];
        }

        return t + legs[service.Length];
    }
}
