using System.Collections.Immutable;

namespace Territories.Spatial;

/// <summary>The expected outcome of building a map from territories that cannot be indexed: every problem found.</summary>
/// <param name="Problems">Every problem (duplicate ids, non-WGS84 vertices), in a stable order.</param>
public sealed record TerritoryLayerFailure(ImmutableArray<TerritoryProblem> Problems)
{
    /// <inheritdoc />
    public override string ToString() => $"{Problems.Length} territory problem(s): " + string.Join("; ", Problems.Take(5)) + (Problems.Length > 5 ? "; …" : string.Empty);
}
