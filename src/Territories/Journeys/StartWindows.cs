using Territories.Model;

namespace Territories.Journeys;

/// <summary>
/// The one time-window encoding of the planner and the day sequencer: windows for the <em>start</em> of
/// service, and the one function that times a start from an arrival.
/// </summary>
/// <remarks>
/// Times are seconds after midnight. A stop's start windows are sorted and disjoint; under
/// <see cref="OpeningHoursRule.WholeVisit"/> each opening window's end is moved back by the service time
/// (a window shorter than the visit disappears), under <see cref="OpeningHoursRule.StartOnly"/> it is
/// kept. A start meets a window when it lies in [start, end + 1e-9]. Pure; thread-safe.
/// </remarks>
internal static class StartWindows
{
    private const double Epsilon = 1e-9;

    /// <summary>The start windows of a visit of <paramref name="serviceSeconds"/> within <paramref name="opening"/>.</summary>
    /// <param name="opening">The day's opening windows, sorted; invalid ones are ignored.</param>
    /// <param name="serviceSeconds">The visit's service time.</param>
    /// <param name="rule">Whether the whole visit or only its start must lie inside opening hours.</param>
    /// <param name="anyOpen">Whether at least one valid opening window was given (false: closed that day).</param>
    /// <returns>The start windows, empty when none can take the visit.</returns>
    public static List<(double Start, double End)> FromOpening(IEnumerable<TimeWindow> opening, double serviceSeconds, OpeningHoursRule rule, out bool anyOpen)
    {
        anyOpen = false;
        var result = new List<(double, double)>();
        foreach (var window in opening)
        {
            if (!window.IsValid)
            {
                continue;
            }

            anyOpen = true;
            var start = window.Start.TotalSeconds;
            var end = rule == OpeningHoursRule.WholeVisit ? window.End.TotalSeconds - serviceSeconds : window.End.TotalSeconds;
            if (end >= start)
            {
                result.Add((start, end));
            }
        }

        return result;
    }

    /// <summary>When service starts for an arrival at <paramref name="arrival"/>.</summary>
    /// <param name="starts">Earliest start of each window, sorted.</param>
    /// <param name="ends">Latest start of each window.</param>
    /// <param name="arrival">Arrival, seconds after midnight.</param>
    /// <param name="lateness">How far past the last window's latest start the arrival is (+∞ when there is no window); 0 when a window is met.</param>
    /// <returns>The earliest start inside a window at or after the arrival; the arrival itself when every window has passed.</returns>
    public static double StartAt(ReadOnlySpan<double> starts, ReadOnlySpan<double> ends, double arrival, out double lateness)
    {
        for (var w = 0; w < starts.Length; w++)
        {
            if (arrival <= ends[w] + Epsilon)
            {
                lateness = 0;
                return Math.Max(arrival, starts[w]);
            }
        }

        lateness = ends.Length == 0 ? double.PositiveInfinity : arrival - ends[^1];
        return arrival;
    }
}
