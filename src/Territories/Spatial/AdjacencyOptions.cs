using Territories.Internal;

namespace Territories.Spatial;

/// <summary>Which contacts make two territories neighbours in an <see cref="AdjacencyGraph"/>.</summary>
/// <remarks>Mutable until passed to <see cref="AdjacencyGraph.Build"/>, which validates and copies it.</remarks>
public sealed class AdjacencyOptions : IEngineOptions<AdjacencyOptions>
{
    /// <summary>The shared boundary must be longer than this (metres) to count; 1 metre by default.</summary>
    public double MinSharedLengthMetres { get; set; } = 1;

    /// <summary>Whether territories touching only at corners (or along less than the minimum) are neighbours too; false by default.</summary>
    public bool IncludeCornerContacts { get; set; }

    IReadOnlyList<string> IEngineOptions<AdjacencyOptions>.Validate() =>
        double.IsFinite(MinSharedLengthMetres) && MinSharedLengthMetres >= 0 ? [] : [$"{nameof(MinSharedLengthMetres)} must be a finite length of zero or more, not {MinSharedLengthMetres}."];

    AdjacencyOptions IEngineOptions<AdjacencyOptions>.Copy() => new() { MinSharedLengthMetres = MinSharedLengthMetres, IncludeCornerContacts = IncludeCornerContacts };
}
