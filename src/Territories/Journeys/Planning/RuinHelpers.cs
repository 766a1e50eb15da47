namespace Territories.Journeys.Planning;

/// <summary>Shared choices of the ruin operators.</summary>
internal static class RuinHelpers
{
    /// <summary>A random planned customer, or −1 when none is planned.</summary>
    public static int RandomPlanned(Solution solution, Random random)
    {
        var n = solution.Pattern.Length;
        if (n == 0)
        {
            return -1;
        }

        var start = random.Next(n);
        for (var k = 0; k < n; k++)
        {
            var c = (start + k) % n;
            if (solution.Pattern[c] >= 0)
            {
                return c;
            }
        }

        return -1;
    }

    public static void RemoveCustomer(Solution solution, int c, List<int> removed)
    {
        if (solution.Pattern[c] >= 0)
        {
            solution.Remove(c);
            removed.Add(c);
        }
    }
}
