using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.Overlay.Snap;
using NetTopologySuite.Operation.OverlayNG;

namespace Territories.Spatial;

/// <summary>The length of the border two areas share: the one rule behind territory adjacency and the design's unit graph.</summary>
/// <remarks>
/// <para>
/// The shared border of two boundaries (their linework) is the exact intersection of the two (overlay
/// NG), or, when that is not longer than the minimum (vertices not coinciding: one side densified,
/// coordinates off by rounding), the intersection after snapping each boundary's vertices and segments
/// to the other's vertices within the snapping tolerance. It counts only when longer than the minimum,
/// so a contact at a corner point, or a sliver of rounding where two corners overlap, is no border.
/// </para>
/// <para>
/// The caller states the frame: the snapping tolerance is in the coordinates' unit (metres of a
/// <see cref="LocalProjection"/>, or degrees for WGS84 boundaries, see <see cref="SnapToleranceDegrees"/>),
/// and the measure turns the shared linework into a length (planar <see cref="Geometry.Length"/>, or
/// <see cref="Spherical.LengthMetres(Geometry)"/> on WGS84). Stateless and thread-safe; one overlay per pair, two
/// when the exact one falls short.
/// </para>
/// </remarks>
internal static class SharedBorder
{
    /// <summary>The snapping tolerance on the ground in metres: far above reprojection noise (1e-9 degrees), far below any real border.</summary>
    public const double SnapToleranceMetres = 1.0;

    /// <summary><see cref="SnapToleranceMetres"/> as degrees of latitude on the sphere (about 9e-6°).</summary>
    public const double SnapToleranceDegrees = SnapToleranceMetres / Spherical.MetresPerDegree;

    /// <summary>The shared length of boundaries <paramref name="a"/> and <paramref name="b"/>, or 0 when it is not longer than <paramref name="minimumLength"/>.</summary>
    /// <param name="a">The boundary (linework) of the first area.</param>
    /// <param name="b">The boundary (linework) of the second area.</param>
    /// <param name="snapTolerance">How far apart (coordinate units) vertices may lie and still be one point; 0 for no snapping.</param>
    /// <param name="minimumLength">The length (the measure's unit) a shared border must exceed to count.</param>
    /// <param name="measure">The length of the shared linework.</param>
    public static double Length(Geometry a, Geometry b, double snapTolerance, double minimumLength, Func<Geometry, double> measure)
    {
        if (a.IsEmpty || b.IsEmpty || a.EnvelopeInternal.Distance(b.EnvelopeInternal) > snapTolerance)
        {
            return 0;
        }

        var exact = measure(OverlayNGRobust.Overlay(a, b, SpatialFunction.Intersection));
        if (exact > minimumLength || snapTolerance <= 0)
        {
            return exact > minimumLength ? exact : 0;
        }

        double length;
        try
        {
            var snapped = GeometrySnapper.Snap(a, b, snapTolerance);
            length = measure(OverlayNGRobust.Overlay(snapped[0], snapped[1], SpatialFunction.Intersection));
        }
        catch (TopologyException)
        {
            // Snapping can fold a ring onto itself; such a pair keeps its exact shared length.
            length = exact;
        }

        return length > minimumLength ? length : 0;
    }
}
