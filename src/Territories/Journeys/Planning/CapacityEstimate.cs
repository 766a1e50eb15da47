using System.Collections.Immutable;

namespace Territories.Journeys.Planning;

/// <summary>
/// The capacity check of a <see cref="JourneyProblem"/>: per position, the visits and hours its eligible
/// customers need (each customer's fewest visits, with service and the shortest leg to it, shared evenly
/// among the positions that may visit it) against the hours it works in the cycle.
/// </summary>
internal static class CapacityEstimate
{
    /// <summary>The estimate per planned position, in the order of <see cref="JourneyProblem.PlannedPositions"/>.</summary>
    /// <param name="problem">A built problem (patterns, neighbours and tables set).</param>
    /// <returns>One entry per planned position.</returns>
    public static ImmutableArray<PositionCapacity> Of(JourneyProblem problem)
    {
        int P = problem.PositionCount, N = problem.CustomerCount, D = problem.DayCount, L = problem.LocationCount;
        var needed = new double[P];
        var visits = new double[P];
        for (var c = 0; c < N; c++)
        {
            var eligible = Enumerable.Range(0, P).Where(p => problem.Eligible[(c * P) + p]).ToList();
            var lc = problem.Location(c);
            var nearest = problem.Neighbours[c].Length > 0 ? problem.Time[(lc * L) + problem.Location(problem.Neighbours[c][0])] : double.PositiveInfinity;
            for (var b = 0; b < problem.BaseCount; b++)
            {
                nearest = Math.Min(nearest, problem.Time[(b * L) + lc]);
            }

            var count = problem.Patterns[c].Min(pt => pt.Length);
            var hours = count * (problem.Service[c] + nearest) / 3600;
            foreach (var p in eligible)
            {
                needed[p] += hours / eligible.Count;
                visits[p] += (double)count / eligible.Count;
            }
        }

        var result = ImmutableArray.CreateBuilder<PositionCapacity>(P);
        for (var p = 0; p < P; p++)
        {
            var days = Enumerable.Range(0, D).Count(d => problem.Works[(p * D) + d]);
            var available = days * Math.Max(0, problem.DayEnd[p] - problem.DayStart[p]) / 3600;
            result.Add(new PositionCapacity(problem.PlannedPositions[p].Id, visits[p], needed[p], available));
        }

        return result.MoveToImmutable();
    }
}
