namespace Territories.Journeys.Planning;

/// <summary>
/// Adjacent string removal (SISR, Christiaens &amp; Vanden Berghe 2020) lifted to periodic plans: around
/// a seed customer, strings of consecutive visits are cut from nearby routes, and every customer in
/// a string loses all its visits.
/// </summary>
internal sealed class StringRuin(JourneyProblem problem, double averageRemoved, int maxStringLength) : IRuin
{
    private readonly int[] _cut = new int[problem.CustomerCount + 1];
    private readonly HashSet<int> _ruined = [];

    public void Apply(Solution solution, Random random, List<int> removed)
    {
        var seed = RuinHelpers.RandomPlanned(solution, random);
        if (seed < 0)
        {
            return;
        }

        var routes = 0;
        var visits = 0;
        for (var r = 0; r < solution.Count.Length; r++)
        {
            if (solution.Count[r] > 0)
            {
                routes++;
                visits += solution.Count[r];
            }
        }

        var lsMax = Math.Max(1.0, Math.Min(maxStringLength, (double)visits / Math.Max(1, routes)));
        var ksMax = Math.Max(1.0, (4 * averageRemoved / (1 + lsMax)) - 1);
        var ks = (int)Math.Floor((random.NextDouble() * ksMax) + 1);
        var ruined = _ruined;
        ruined.Clear();
        var D = problem.DayCount;
        var neighbours = problem.Neighbours[seed];
        for (var k = -1; k < neighbours.Length && ruined.Count < ks; k++)
        {
            var c = k < 0 ? seed : neighbours[k];
            var pattern = solution.Pattern[c];
            if (pattern < 0)
            {
                continue;
            }

            var days = problem.Patterns[c][pattern];
            var i = random.Next(days.Length);
            var r = (solution.VisitPosition[c][i] * D) + days[i];
            if (!ruined.Add(r))
            {
                continue;
            }

            var n = solution.Count[r];
            var nodes = solution.Nodes[r];
            var length = (int)Math.Floor((random.NextDouble() * Math.Min(n, lsMax)) + 1);
            var index = Array.IndexOf(nodes, c, 0, n);
            var first = Math.Max(0, index - length + 1);
            var last = Math.Min(index, n - length);
            var from = first + random.Next(last - first + 1);
            Array.Copy(nodes, from, _cut, 0, length);
            for (var x = 0; x < length; x++)
            {
                RuinHelpers.RemoveCustomer(solution, _cut[x], removed);
            }
        }
    }
}
