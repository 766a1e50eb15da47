using Territories.Internal;

namespace Territories.Design;

/// <summary>
/// A link the unit graph adds between two units that share no boundary, because the polygons fall
/// into separate pieces (islands, exclaves, a unit touching the rest only at a corner): it joins a
/// unit of one piece to the nearest unit of another, so that a territory may hold both.
/// </summary>
/// <remarks>
/// Pieces are the connected components of the shared-boundary adjacency, numbered 0 for the piece
/// with the most units (ties: the piece holding the smallest unit id), then by their smallest unit
/// id. The links form a minimum spanning tree over the pieces (distance between two pieces = the
/// least distance between their polygons), so there are exactly pieces − 1 of them. A territory that
/// is contiguous only through such links is reported contiguous; the links are listed in
/// <see cref="DesignReport.IslandLinks"/> so that a check can tell them from real borders. Immutable;
/// equality by value.
/// </remarks>
/// <param name="From">The unit at one end (ordinally smaller id).</param>
/// <param name="FromPiece">The piece of <paramref name="From"/>.</param>
/// <param name="To">The unit at the other end.</param>
/// <param name="ToPiece">The piece of <paramref name="To"/>.</param>
/// <param name="DistanceMetres">
/// The gap between the two polygons (0 when they touch at a corner only), in metres in the design's
/// local projection; for planar input in the input's unit.
/// </param>
public sealed record IslandLink(string From, int FromPiece, string To, int ToPiece, double DistanceMetres)
{
    /// <summary>The unit at one end (ordinally smaller id).</summary>
    public string From { get; init; } = Guard.NotNull(From);

    /// <summary>The unit at the other end.</summary>
    public string To { get; init; } = Guard.NotNull(To);
}
