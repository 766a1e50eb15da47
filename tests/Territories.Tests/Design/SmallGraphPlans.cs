using Territories.Design;

namespace Territories.Tests.Design;

/// <summary>Exhaustive search on the small graphs of <see cref="SmallGraphCase"/>: the input, its links, and every plan of K non-empty contiguous territories.</summary>
internal static class SmallGraphPlans
{
    public static List<(int A, int B)> Links(SmallGraphCase c) =>
        [.. Enumerable.Range(1, c.Count - 1).Select(i => (A: i, B: c.Parents[i - 1])).Concat(c.Extra.Where(e => e.A != e.B))];

    public static DesignInput Input(SmallGraphCase c) => DesignInput.Create(
        ["a", "b"],
        Enumerable.Range(0, c.Count).Select(i => DesignUnit.FromAttributes($"u{i}", [c.Weights[2 * i], c.Weights[(2 * i) + 1]])),
        Links(c).Select(e => new UnitLink($"u{e.A}", $"u{e.B}")));

    public static double Weight(SmallGraphCase c, int unit, int attribute) => c.Weights[(2 * unit) + attribute];

    /// <summary>Every assignment of the units to K territories in which each territory is non-empty and connected over the links.</summary>
    public static IEnumerable<int[]> Contiguous(SmallGraphCase c)
    {
        var n = c.Count;
        var k = c.Territories;
        var links = Links(c);
        var plans = (int)Math.Pow(k, n);
        for (var code = 0; code < plans; code++)
        {
            var of = new int[n];
            var x = code;
            for (var i = 0; i < n; i++)
            {
                of[i] = x % k;
                x /= k;
            }

            if (Enumerable.Range(0, k).All(t => Connected(of, t, links)))
            {
                yield return of;
            }
        }
    }

    /// <summary>The largest relative deviation of one attribute's territory totals from their mean (0 when the attribute totals zero).</summary>
    public static double Deviation(SmallGraphCase c, int[] of, int attribute)
    {
        var target = Enumerable.Range(0, c.Count).Sum(i => Weight(c, i, attribute)) / c.Territories;
        var worst = 0.0;
        for (var t = 0; t < c.Territories && target > 0; t++)
        {
            var sum = Enumerable.Range(0, c.Count).Where(i => of[i] == t).Sum(i => Weight(c, i, attribute));
            worst = Math.Max(worst, Math.Abs(sum - target) / target);
        }

        return worst;
    }

    private static bool Connected(int[] of, int t, List<(int A, int B)> links)
    {
        var members = Enumerable.Range(0, of.Length).Where(i => of[i] == t).ToList();
        if (members.Count == 0)
        {
            return false;
        }

        var seen = new HashSet<int> { members[0] };
        var grew = true;
        while (grew)
        {
            grew = false;
            foreach (var (a, b) in links)
            {
                if (of[a] == t && of[b] == t && seen.Contains(a) != seen.Contains(b))
                {
                    seen.Add(a);
                    seen.Add(b);
                    grew = true;
                }
            }
        }

        return seen.Count == members.Count;
    }
}
