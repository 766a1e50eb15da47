namespace Territories.Tests.Design;

/// <summary>Enumerates small assignment spaces for the exhaustive checks.</summary>
internal static class BruteForce
{
    /// <summary>Every assignment of <paramref name="n"/> units to <paramref name="k"/> centres (k^n of them; the array is reused).</summary>
    public static IEnumerable<int[]> Assignments(int n, int k)
    {
        var of = new int[n];
        while (true)
        {
            yield return of;
            var i = 0;
            while (i < n && ++of[i] == k)
            {
                of[i++] = 0;
            }

            if (i == n)
            {
                yield break;
            }
        }
    }
}
