using System.Collections.Immutable;
using Territories.Model;

namespace Territories.Spatial;

/// <summary>The expected outcome of building a map from territories that cannot be indexed: every problem found.</summary>
/// <remarks>The SDK's one failure shape (<see cref="ErrorList{TError}"/>): immutable, equality by value.</remarks>
/// <param name="Errors">Every problem (duplicate ids, non-WGS84 vertices), in a stable order.</param>
public sealed record TerritoryLayerFailure(ImmutableArray<TerritoryProblem> Errors) : ErrorList<TerritoryProblem>(Errors);
