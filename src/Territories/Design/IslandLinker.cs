using System.Collections.Immutable;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace Territories.Design;

/// <summary>
/// Island links: joins the pieces of a shared-border graph (islands, enclaves cut off by water) into one
/// by the shortest links between them, a minimum spanning tree over the pieces.
/// </summary>
internal static class IslandLinker
{
    /// <summary>
    /// Joins the pieces of the shared-border graph into one by island links: a minimum spanning tree
    /// over the pieces (Borůvka rounds: each group of pieces but the largest takes its nearest unit
    /// outside it), with the links added to <paramref name="edges"/> (shared length 0). Each round
    /// costs one nearest-unit search (an R-tree window grown by doubling) per unit outside the largest
    /// group, and there are O(log pieces) rounds.
    /// </summary>
    public static ImmutableArray<IslandLink> LinkPieces(ImmutableArray<DesignUnit> units, Geometry[] projected, STRtree<int> tree, List<(int, int, double)> edges, int[] piece, int pieceCount)
    {
        var n = units.Length;
        var set = Enumerable.Range(0, pieceCount).ToArray();
        int Find(int c)
        {
            while (set[c] != c)
            {
                set[c] = set[set[c]];
                c = set[c];
            }

            return c;
        }

        tree.Build();
        var links = new List<(int A, int B, double Distance)>();
        var groups = pieceCount;
        while (groups > 1)
        {
            // The largest group does not search: every other group adds its shortest outgoing link
            // (each one safe by the cut property), so at least half the groups merge every round,
            // and the many units of the mainland are not each searched for a far island.
            var size = new int[pieceCount];
            for (var i = 0; i < n; i++)
            {
                size[Find(piece[i])]++;
            }

            var largest = Array.IndexOf(size, size.Max());
            var best = new (int A, int B, double Distance)?[pieceCount];
            for (var i = 0; i < n; i++)
            {
                var own = Find(piece[i]);
                if (own == largest)
                {
                    continue;
                }

                var nearest = Nearest(i, projected, tree, j => Find(piece[j]) != own);
                if (nearest is not { } found)
                {
                    continue;
                }

                var candidate = (Math.Min(i, found.Unit), Math.Max(i, found.Unit), found.Distance);
                if (best[own] is not { } current || Before(candidate, current))
                {
                    best[own] = candidate;
                }
            }

            var added = false;
            foreach (var link in best.Where(b => b is not null).Select(b => b!.Value).OrderBy(b => b.Distance).ThenBy(b => b.A).ThenBy(b => b.B))
            {
                var (ra, rb) = (Find(piece[link.A]), Find(piece[link.B]));
                if (ra != rb)
                {
                    set[Math.Max(ra, rb)] = Math.Min(ra, rb);
                    links.Add(link);
                    edges.Add((link.A, link.B, 0));
                    groups--;
                    added = true;
                }
            }

            if (!added)
            {
                break;
            }
        }

        return [.. links
            .Select(l => (From: units[l.A].Id, FromPiece: piece[l.A], To: units[l.B].Id, ToPiece: piece[l.B], l.Distance))
            .Select(l => string.CompareOrdinal(l.From, l.To) <= 0
                ? new IslandLink(l.From, l.FromPiece, l.To, l.ToPiece, l.Distance)
                : new IslandLink(l.To, l.ToPiece, l.From, l.FromPiece, l.Distance))
            .OrderBy(l => l.FromPiece == 0 || l.ToPiece == 0 ? Math.Max(l.FromPiece, l.ToPiece) : Math.Min(l.FromPiece, l.ToPiece))
            .ThenBy(l => l.From, StringComparer.Ordinal)
            .ThenBy(l => l.To, StringComparer.Ordinal)];
    }

    private static bool Before((int A, int B, double Distance) x, (int A, int B, double Distance) y) =>
        x.Distance < y.Distance || (x.Distance == y.Distance && (x.A < y.A || (x.A == y.A && x.B < y.B)));

    /// <summary>Pieces of the graph: 0 for the one with most units (ties: the smallest unit index), then by smallest unit index.</summary>
    public static int[] Pieces(int n, List<(int, int, double)> edges, out int count)
    {
        var raw = new UnitGraph(n, edges).Components(out count);
        var sizes = new int[count];
        foreach (var c in raw)
        {
            sizes[c]++;
        }

        var main = count == 0 ? 0 : Array.IndexOf(sizes, sizes.Max());
        var renumber = new int[count];
        for (int c = 0, next = 1; c < count; c++)
        {
            renumber[c] = c == main ? 0 : next++;
        }

        return [.. raw.Select(c => renumber[c])];
    }

    /// <summary>The nearest unit to unit <paramref name="i"/> (polygon distance) among those <paramref name="allowed"/>, ties to the smaller index.</summary>
    private static (int Unit, double Distance)? Nearest(int i, Geometry[] projected, STRtree<int> tree, Func<int, bool> allowed)
    {
        var shape = projected[i];
        if (shape.IsEmpty)
        {
            return null;
        }

        // Grow the search window until it holds an allowed unit; the nearest allowed unit is then
        // within the distance of the best one found, so one last query at that radius settles it.
        var radius = Math.Max(shape.EnvelopeInternal.Width, shape.EnvelopeInternal.Height);
        radius = radius > 0 ? radius : 1;
        for (var attempt = 0; attempt < 64; attempt++, radius *= 2)
        {
            var window = shape.EnvelopeInternal.Copy();
            window.ExpandBy(radius);
            var found = Closest(i, window, projected, tree, allowed);
            if (found is { } f)
            {
                // Widened a little so that rounding cannot leave the unit just found outside the window.
                var exact = shape.EnvelopeInternal.Copy();
                exact.ExpandBy((f.Distance * (1 + 1e-9)) + 1e-9);
                return Closest(i, exact, projected, tree, allowed) ?? f;
            }
        }

        return null;
    }

    private static (int Unit, double Distance)? Closest(int i, Envelope window, Geometry[] projected, STRtree<int> tree, Func<int, bool> allowed)
    {
        (int Unit, double Distance)? best = null;
        foreach (var j in tree.Query(window))
        {
            if (j == i || !allowed(j))
            {
                continue;
            }

            if (best is { } b && projected[i].EnvelopeInternal.Distance(projected[j].EnvelopeInternal) > b.Distance)
            {
                continue;
            }

            var d = projected[i].Distance(projected[j]);
            if (best is not { } c || d < c.Distance || (d == c.Distance && j < c.Unit))
            {
                best = (j, d);
            }
        }

        return best;
    }
}
