namespace Territories.Journeys.Planning;

/// <summary>Removes a random planned customer and its nearest planned neighbours (Shaw-like proximity removal).</summary>
internal sealed class RadialRuin(JourneyProblem problem, double averageRemoved) : IRuin
{
    public void Apply(Solution solution, Random random, List<int> removed)
    {
        var seed = RuinHelpers.RandomPlanned(solution, random);
        if (seed < 0)
        {
            return;
        }

        var count = 1 + random.Next((int)Math.Max(1, 2 * averageRemoved));
        RuinHelpers.RemoveCustomer(solution, seed, removed);
        var taken = 1;
        foreach (var c in problem.Neighbours[seed])
        {
            if (taken >= count)
            {
                break;
            }

            if (RuinHelpers.Removable(solution, c))
            {
                RuinHelpers.RemoveCustomer(solution, c, removed);
                taken++;
            }
        }
    }
}
