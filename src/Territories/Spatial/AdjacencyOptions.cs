using Territories.Internal;

namespace Territories.Spatial;

/// <summary>Which contacts make two territories neighbours in an <see cref="AdjacencyGraph"/>.</summary>
/// <remarks>Mutable until passed to <see cref="AdjacencyGraph.Build"/>, which validates and copies it.</remarks>
public sealed class AdjacencyOptions
{
    /// <summary>The shared boundary must be longer than this (metres) to count; 1 metre by default.</summary>
    public double MinSharedLengthMetres { get; set; } = 1;

    /// <summary>Whether territories touching only at corners (or along less than the minimum) are neighbours too; false by default.</summary>
    public bool IncludeCornerContacts { get; set; }

    internal AdjacencyOptions Validated()
    {
        Guard.NonNegative(MinSharedLengthMetres, nameof(MinSharedLengthMetres));
        return new AdjacencyOptions { MinSharedLengthMetres = MinSharedLengthMetres, IncludeCornerContacts = IncludeCornerContacts };
    }
}
