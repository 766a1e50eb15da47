using System.Collections.Frozen;
using System.Collections.Immutable;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;
using Territories.Internal;
using Territories.Model;

namespace Territories.Spatial;

/// <summary>Which territories are neighbours, and how long a boundary each pair shares.</summary>
/// <remarks>
/// <para>
/// Undirected and symmetric: <c>B ∈ NeighboursOf(A)</c> exactly when <c>A ∈ NeighboursOf(B)</c>, with
/// the same shared length both ways. Two territories are neighbours when the intersection of their
/// boundaries has a great-circle length above <see cref="AdjacencyOptions.MinSharedLengthMetres"/>, or
/// (optionally) when they touch at all. Candidate pairs come from an STR-tree of envelopes; each is
/// measured with an overlay of the two boundaries (NetTopologySuite overlay NG), so territories whose
/// vertices do not match exactly still share their common stretch.
/// </para>
/// <para>Immutable and thread-safe; pairs sorted by (first, second) id, whatever the input order.</para>
/// </remarks>
public sealed class AdjacencyGraph
{
    private readonly FrozenDictionary<TerritoryId, ImmutableArray<TerritoryId>> _neighbours;
    private readonly FrozenDictionary<(TerritoryId, TerritoryId), SharedBoundary> _pairs;

    private AdjacencyGraph(ImmutableArray<SharedBoundary> pairs)
    {
        Pairs = pairs;
        _pairs = pairs.ToFrozenDictionary(p => (p.First, p.Second));
        _neighbours = pairs
            .SelectMany(p => new[] { (From: p.First, To: p.Second), (From: p.Second, To: p.First) })
            .GroupBy(e => e.From)
            .ToFrozenDictionary(g => g.Key, g => g.Select(e => e.To).Order().ToImmutableArray());
    }

    /// <summary>Every neighbouring pair once, sorted by (first, second).</summary>
    public ImmutableArray<SharedBoundary> Pairs { get; }

    /// <summary>Builds the graph of the territories on <paramref name="map"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="map"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is negative or not finite.</exception>
    public static AdjacencyGraph Build(TerritoryMap map, AdjacencyOptions? options = null)
    {
        Guard.NotNull(map);
        var o = (options ?? new AdjacencyOptions()).Validated();
        var n = map.Territories.Length;
        var tree = new STRtree<int>();
        var boundaries = new Geometry?[n];
        for (var i = 0; i < n; i++)
        {
            if (map.GeometryAt(i) is { } g)
            {
                boundaries[i] = g.Boundary;
                tree.Insert(g.EnvelopeInternal, i);
            }
        }

        tree.Build();
        var pairs = new List<SharedBoundary>();
        for (var i = 0; i < n; i++)
        {
            if (boundaries[i] is not { } a)
            {
                continue;
            }

            foreach (var j in tree.Query(a.EnvelopeInternal).Where(j => j > i).Order())
            {
                var b = boundaries[j]!;
                if (!a.EnvelopeInternal.Intersects(b.EnvelopeInternal) || !a.Intersects(b))
                {
                    continue;
                }

                var shared = OverlayNGRobust.Overlay(a, b, SpatialFunction.Intersection);
                var length = Spherical.LengthMetres(Lines(shared));
                if (length > o.MinSharedLengthMetres)
                {
                    pairs.Add(new SharedBoundary(map.Territories[i], map.Territories[j], length, false));
                }
                else if (o.IncludeCornerContacts)
                {
                    pairs.Add(new SharedBoundary(map.Territories[i], map.Territories[j], length, true));
                }
            }
        }

        return new AdjacencyGraph([.. pairs]);
    }

    /// <summary>The neighbours of <paramref name="territory"/>, sorted; empty when it has none or is unknown.</summary>
    public ImmutableArray<TerritoryId> NeighboursOf(TerritoryId territory) => _neighbours.GetValueOrDefault(territory, []);

    /// <summary>Whether <paramref name="first"/> and <paramref name="second"/> are neighbours (in either order).</summary>
    public bool AreNeighbours(TerritoryId first, TerritoryId second) => Find(first, second) is not null;

    /// <summary>The shared boundary of two territories (in either order), or null when they are not neighbours.</summary>
    public SharedBoundary? Find(TerritoryId first, TerritoryId second) =>
        _pairs.TryGetValue(first <= second ? (first, second) : (second, first), out var p) ? p : null;

    private static Geometry Lines(Geometry g)
    {
        var lines = new List<Geometry>();
        for (var k = 0; k < g.NumGeometries; k++)
        {
            if (g.GetGeometryN(k) is LineString line)
            {
                lines.Add(line);
            }
            else if (g.GetGeometryN(k) is GeometryCollection c && c != g)
            {
                lines.Add(Lines(c));
            }
        }

        return Geometries.Factory.BuildGeometry(lines);
    }
}
