using Territories.Internal;

namespace Territories.Journeys.Planning;

/// <summary>
/// Local search over whole customers: take each customer out of all its days and put it back with
/// its best pattern, positions and places (relocate and pattern change in one move); keep the change
/// only when the plan gets cheaper. One pass costs O(customers × visits on their candidate days);
/// on large plans the search passes only the customers around a change.
/// </summary>
internal sealed class CustomerRelocation
{
    private readonly JourneyProblem _problem;
    private readonly Recreate _recreate;
    private readonly int[] _order;
    private readonly int[] _positions;
    private readonly int[] _at;

    public CustomerRelocation(JourneyProblem problem, Recreate recreate)
    {
        _problem = problem;
        _recreate = recreate;
        _order = [.. Enumerable.Range(0, problem.CustomerCount)];
        var longest = problem.Patterns.Length == 0 ? 1 : problem.Patterns.Max(ps => ps.Max(p => p.Length));
        _positions = new int[longest];
        _at = new int[longest];
    }

    /// <summary>One pass over every customer in random order, abandoned when <paramref name="stop"/> says so; returns whether the plan improved.</summary>
    public bool Pass(Solution solution, Random random, StopCondition stop) => Pass(solution, random, stop, _order, _order.Length);

    /// <summary>One pass over the first <paramref name="count"/> customers of <paramref name="customers"/> (shuffled in place), abandoned when <paramref name="stop"/> says so; returns whether the plan improved.</summary>
    public bool Pass(Solution solution, Random random, StopCondition stop, int[] customers, int count)
    {
        var pb = _problem;
        var D = pb.DayCount;
        for (var i = count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (customers[i], customers[j]) = (customers[j], customers[i]);
        }

        var improved = false;
        var checkedAt = 0;
        for (var x = 0; x < count; x++)
        {
            var c = customers[x];
            if (++checkedAt % 32 == 0 && stop.ShouldInterrupt())
            {
                break;
            }

            var pattern = solution.Pattern[c];
            if (pattern < 0)
            {
                continue;
            }

            var days = pb.Patterns[c][pattern];
            for (var k = 0; k < days.Length; k++)
            {
                var p = solution.VisitPosition[c][k];
                var r = (p * D) + days[k];
                _positions[k] = p;
                _at[k] = Array.IndexOf(solution.Nodes[r], c, 0, solution.Count[r]);
            }

            var before = solution.Total;
            solution.Remove(c);
            if (_recreate.InsertBest(solution, c, random, blinks: false) && solution.Total < before - 1e-7)
            {
                improved = true;
                continue;
            }

            solution.Remove(c);
            solution.Insert(c, pattern, _positions.AsSpan(0, days.Length), _at.AsSpan(0, days.Length));
        }

        return improved;
    }
}
