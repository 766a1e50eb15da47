using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace Territories.IO.Map;

/// <summary>The colours of the sales map: territory fills (neighbours differ), account classes and positions.</summary>
/// <remarks>Deterministic: colours depend only on the sorted order of the ids and on the geometry.</remarks>
internal static class MapPalette
{
    /// <summary>Light qualitative fills (ColorBrewer Set3), shown half transparent.</summary>
    private static readonly string[] TerritoryColors =
    [
        "#8dd3c7", "#ffffb3", "#bebada", "#fb8072", "#80b1d3", "#fdb462",
        "#b3de69", "#fccde5", "#d9d9d9", "#bc80bd", "#ccebc5", "#ffed6f",
    ];

    /// <summary>Account classes in order A, B, C, …: hot to cold, so the important accounts stand out.</summary>
    private static readonly string[] ClassColors = ["#d7191c", "#f28e2b", "#2c7bb6", "#1a9641", "#7b3294", "#8c510a"];

    /// <summary>Dark, saturated colours for routes and bases, one per position, away from the class colours (no red, orange or mid blue).</summary>
    private static readonly string[] PositionColors =
    [
        "#6a3d9a", "#1b7837", "#e7298a", "#01665e", "#8c2d04", "#3f007d",
        "#66a61e", "#c51b7d", "#4d4d4d", "#b8860b", "#0b3d91", "#7f0000",
    ];

    /// <summary>The colour of accounts without a class.</summary>
    public const string UnclassifiedColor = "#777777";

    /// <summary>Whether two territories count as neighbours: within this many degrees (about 100 m).</summary>
    private const double NeighbourDistanceDegrees = 1e-3;

    /// <summary>
    /// A fill per territory (null geometry gets a colour too, for the legend) such that neighbours
    /// differ whenever the palette allows: greedy colouring in id order, taking the least used colour
    /// that no coloured neighbour has. O(n log n + neighbour pairs).
    /// </summary>
    public static string[] TerritoryFills(IReadOnlyList<Geometry?> geometries)
    {
        var tree = new STRtree<int>();
        for (var i = 0; i < geometries.Count; i++)
        {
            if (geometries[i] is { IsEmpty: false } g)
            {
                var envelope = g.EnvelopeInternal.Copy();
                envelope.ExpandBy(NeighbourDistanceDegrees);
                tree.Insert(envelope, i);
            }
        }

        var colours = new int[geometries.Count];
        var uses = new int[TerritoryColors.Length];
        for (var i = 0; i < geometries.Count; i++)
        {
            var taken = new bool[TerritoryColors.Length];
            if (geometries[i] is { IsEmpty: false } g && geometries.Count > 1)
            {
                var envelope = g.EnvelopeInternal.Copy();
                envelope.ExpandBy(NeighbourDistanceDegrees);
                foreach (var j in tree.Query(envelope))
                {
                    if (j < i && geometries[j]!.IsWithinDistance(g, NeighbourDistanceDegrees))
                    {
                        taken[colours[j]] = true;
                    }
                }
            }

            var best = -1;
            for (var c = 0; c < TerritoryColors.Length; c++)
            {
                if (!taken[c] && (best < 0 || uses[c] < uses[best]))
                {
                    best = c;
                }
            }

            // Every colour taken by neighbours: reuse the least used one.
            if (best < 0)
            {
                best = Array.IndexOf(uses, uses.Min());
            }

            colours[i] = best;
            uses[best]++;
        }

        return [.. colours.Select(c => TerritoryColors[c])];
    }

    /// <summary>The colour of the n-th account class in sorted order.</summary>
    public static string ClassColor(int index) => ClassColors[index % ClassColors.Length];

    /// <summary>The colour of the n-th position in sorted order.</summary>
    public static string PositionColor(int index) => PositionColors[index % PositionColors.Length];
}
