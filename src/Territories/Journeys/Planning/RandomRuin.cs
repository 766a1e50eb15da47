namespace Territories.Journeys.Planning;

/// <summary>Removes planned customers chosen at random: diversification for the pattern choice.</summary>
internal sealed class RandomRuin(double averageRemoved) : IRuin
{
    public void Apply(Solution solution, Random random, List<int> removed)
    {
        var count = 1 + random.Next((int)Math.Max(1, averageRemoved));
        for (var k = 0; k < count; k++)
        {
            var c = RuinHelpers.RandomPlanned(solution, random);
            if (c < 0)
            {
                return;
            }

            RuinHelpers.RemoveCustomer(solution, c, removed);
        }
    }
}
