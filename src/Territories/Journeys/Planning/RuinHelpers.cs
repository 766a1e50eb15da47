namespace Territories.Journeys.Planning;

/// <summary>Shared choices of the ruin operators.</summary>
internal static class RuinHelpers
{
    /// <summary>Whether a ruin may remove <paramref name="c"/>: it is planned and not pinned (see <see cref="JourneyProblem.IsPinned"/>).</summary>
    public static bool Removable(Solution solution, int c) => solution.Pattern[c] >= 0 && !solution.Problem.IsPinned(c);

    /// <summary>A random customer a ruin may remove (see <see cref="Removable"/>), or −1 when there is none.</summary>
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
            if (Removable(solution, c))
            {
                return c;
            }
        }

        return -1;
    }

    public static void RemoveCustomer(Solution solution, int c, List<int> removed)
    {
        if (Removable(solution, c))
        {
            solution.Remove(c);
            removed.Add(c);
        }
    }
}
