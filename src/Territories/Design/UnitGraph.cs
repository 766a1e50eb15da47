using System.Collections.Immutable;
using NetTopologySuite.Geometries;
using Territories.Spatial;

namespace Territories.Design;

/// <summary>
/// The adjacency of the units indexed 0..n-1 (compressed rows, neighbours sorted), with what the
/// scores need: projected centres, and for units with a shape their area, perimeter and the length
/// of the boundary each pair shares (so a territory's perimeter is a sum, with no geometry union).
/// </summary>
internal sealed class UnitGraph
{
    public UnitGraph(int count, List<(int A, int B, double Shared)> edges)
    {
        Count = count;
        var merged = new Dictionary<(int, int), double>();
        foreach (var (a, b, shared) in edges)
        {
            if (a == b)
            {
                continue;
            }

            var key = a < b ? (a, b) : (b, a);
            merged[key] = merged.GetValueOrDefault(key) + shared;
        }

        var degree = new int[count + 1];
        foreach (var ((a, b), _) in merged)
        {
            degree[a]++;
            degree[b]++;
        }

        Start = new int[count + 1];
        for (var i = 0; i < count; i++)
        {
            Start[i + 1] = Start[i] + degree[i];
        }

        Neighbours = new int[Start[count]];
        Shared = new double[Start[count]];
        Owner = new int[Start[count]];
        var fill = new int[count];
        foreach (var ((a, b), shared) in merged.OrderBy(e => e.Key))
        {
            Neighbours[Start[a] + fill[a]] = b;
            Shared[Start[a] + fill[a]++] = shared;
            Neighbours[Start[b] + fill[b]] = a;
            Shared[Start[b] + fill[b]++] = shared;
        }

        for (var i = 0; i < count; i++)
        {
            Array.Sort(Neighbours, Shared, Start[i], Start[i + 1] - Start[i]);
            for (var e = Start[i]; e < Start[i + 1]; e++)
            {
                Owner[e] = i;
            }
        }
    }

    public int Count { get; }

    public int[] Start { get; }

    public int[] Neighbours { get; }

    public int[] Owner { get; }

    public double[] Shared { get; }

    public double[]? X { get; init; }

    public double[]? Y { get; init; }

    public double[]? Area { get; init; }

    public double[]? Perimeter { get; init; }

    /// <summary>Unit shapes in WGS84 degrees (or planar), for territory boundaries; null entries have none.</summary>
    public Geometry?[]? Shapes { get; init; }

    /// <summary>
    /// Whether <see cref="Shapes"/> tile the plane edge for edge, vertex for vertex (the cells of point
    /// units, built so): a territory's boundary is then their coverage union, linear in their vertices.
    /// </summary>
    public bool ShapesTile { get; init; }

    public LocalProjection Projection { get; init; } = LocalProjection.Identity;

    /// <summary>Links added between pieces of a polygon graph that share no boundary (included in the adjacency, shared length 0).</summary>
    public ImmutableArray<IslandLink> IslandLinks { get; init; } = [];

    /// <summary>The units of each piece of a polygon graph's shared borders when there is more than one (piece 0 first, ids sorted); empty otherwise.</summary>
    public ImmutableArray<ImmutableArray<string>> Pieces { get; init; } = [];

    /// <summary>The polygon units whose boundary was not a valid polygon (a bow-tie, a self-touching ring) and was repaired before use, ids sorted.</summary>
    public ImmutableArray<string> Repaired { get; init; } = [];

    public bool HasCoordinates => X is not null;

    public bool HasShapes => Area is not null;

    /// <summary>Connected components: the component index of every unit, components numbered by their smallest unit.</summary>
    public int[] Components(out int componentCount)
    {
        var comp = new int[Count];
        Array.Fill(comp, -1);
        var queue = new int[Count];
        componentCount = 0;
        for (var s = 0; s < Count; s++)
        {
            if (comp[s] >= 0)
            {
                continue;
            }

            int head = 0, tail = 0;
            queue[tail++] = s;
            comp[s] = componentCount;
            while (head < tail)
            {
                var u = queue[head++];
                for (var e = Start[u]; e < Start[u + 1]; e++)
                {
                    var v = Neighbours[e];
                    if (comp[v] < 0)
                    {
                        comp[v] = componentCount;
                        queue[tail++] = v;
                    }
                }
            }

            componentCount++;
        }

        return comp;
    }
}
