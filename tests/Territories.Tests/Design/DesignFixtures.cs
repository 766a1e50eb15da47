using Territories.Design;
using Territories.Model;

namespace Territories.Tests.Design;

/// <summary>Builds design inputs for the tests and checks contiguity independently of the code under test.</summary>
internal static class DesignFixtures
{
    public static string Id(int r, int c) => $"u{r:D2}{c:D2}";

    /// <summary>A grid of units with planar positions and links between 4-neighbours; with holes, every other cell of the middle row is removed except column 0 (which keeps the grid connected).</summary>
    public static DesignInput Grid(DesignCase c)
    {
        var units = new List<DesignUnit>();
        var present = new bool[c.Rows, c.Columns];
        for (var r = 0; r < c.Rows; r++)
        {
            for (var col = 0; col < c.Columns; col++)
            {
                present[r, col] = !(c.Holes && r == c.Rows / 2 && col % 2 == 1);
                if (present[r, col])
                {
                    units.Add(DesignUnit.FromAttributes(Id(r, col), [c.Weights[(r * c.Columns) + col]], new GeoPoint(col, r)));
                }
            }
        }

        var links = new List<UnitLink>();
        for (var r = 0; r < c.Rows; r++)
        {
            for (var col = 0; col < c.Columns; col++)
            {
                if (!present[r, col])
                {
                    continue;
                }

                if (r + 1 < c.Rows && present[r + 1, col])
                {
                    links.Add(new UnitLink(Id(r, col), Id(r + 1, col)));
                }

                if (col + 1 < c.Columns && present[r, col + 1])
                {
                    links.Add(new UnitLink(Id(r, col), Id(r, col + 1)));
                }
            }
        }

        return DesignInput.Create(["workload"], units, links, isPlanar: true);
    }

    public static DesignResult Plan(OneOf.OneOf<DesignResult, DesignFailure> outcome) =>
        outcome.Match(r => r, f => f.BestEffort ?? throw new InvalidOperationException(f.ToString()));

    /// <summary>Whether every territory's units form one connected piece over the input's links (own breadth-first search).</summary>
    public static bool AllContiguous(DesignInput input, Alignment alignment)
    {
        var adjacency = input.Units.ToDictionary(u => u.Id, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var link in input.Links)
        {
            adjacency[link.From].Add(link.To);
            adjacency[link.To].Add(link.From);
        }

        foreach (var territory in alignment.Territories)
        {
            var members = alignment.UnitsOf(territory).ToHashSet(StringComparer.Ordinal);
            var seen = new HashSet<string>(StringComparer.Ordinal) { members.First() };
            var queue = new Queue<string>(seen);
            while (queue.TryDequeue(out var u))
            {
                foreach (var v in adjacency[u].Where(v => members.Contains(v) && seen.Add(v)))
                {
                    queue.Enqueue(v);
                }
            }

            if (seen.Count != members.Count)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The largest relative deviation of the first attribute from the mean, recomputed from the units.</summary>
    public static double MaxDeviation(DesignInput input, Alignment alignment)
    {
        var weight = input.Units.ToDictionary(u => u.Id, u => u.Attributes[0], StringComparer.Ordinal);
        var totals = alignment.Territories.Select(t => alignment.UnitsOf(t).Sum(u => weight[u])).ToList();
        var mean = weight.Values.Sum() / totals.Count;
        return totals.Max(t => Math.Abs(t - mean) / mean);
    }
}
