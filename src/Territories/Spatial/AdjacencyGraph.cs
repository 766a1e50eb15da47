using System.Collections.Frozen;
using System.Collections.Immutable;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using Territories.Internal;
using Territories.Model;

namespace Territories.Spatial;

/// <summary>Which territories are neighbours, and how long a boundary each pair shares.</summary>
/// <remarks>
/// <para>
/// Undirected and symmetric: <c>B ∈ NeighboursOf(A)</c> exactly when <c>A ∈ NeighboursOf(B)</c>, with
/// the same shared length both ways. Two territories are neighbours when their shared border (the
/// rule of <see cref="SharedBorder"/>: the intersection of their boundaries, or of the boundaries
/// snapped within 1 m where vertices do not coincide) has a great-circle length above
/// <see cref="AdjacencyOptions.MinSharedLengthMetres"/>, or (optionally) when they touch at all.
/// Candidate pairs come from an STR-tree of envelopes; each is measured with an overlay of the two
/// boundaries (NetTopologySuite overlay NG), so territories whose vertices do not match exactly still
/// share their common stretch.
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
        var o = EngineOptions.Checked(options);
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

            var near = a.EnvelopeInternal.Copy();
            near.ExpandBy(SharedBorder.SnapToleranceDegrees);
            foreach (var j in tree.Query(near).Where(j => j > i).Order())
            {
                var b = boundaries[j]!;
                var length = SharedBorder.Length(a, b, SharedBorder.SnapToleranceDegrees, o.MinSharedLengthMetres, Spherical.LengthMetres);
                if (length > 0)
                {
                    pairs.Add(new SharedBoundary(map.Territories[i], map.Territories[j], length, false));
                }
                else if (o.IncludeCornerContacts && a.Intersects(b))
                {
                    pairs.Add(new SharedBoundary(map.Territories[i], map.Territories[j], 0, true));
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
}
