using System.Collections.Immutable;
using Territories.Model;

namespace Territories.Spatial;

/// <summary>What <see cref="TerritoryValidator.Validate"/> found, and what it repaired.</summary>
/// <remarks>Immutable. Problems are in a stable order: by code, then territory ids, then location.</remarks>
/// <param name="Problems">Every problem found in the layer as given; empty when it is a clean coverage.</param>
/// <param name="Repairs">Every change made when repair was asked for; empty otherwise.</param>
/// <param name="Territories">The layer sorted by id, with repaired boundaries when repair was asked for.</param>
public sealed record TerritoryValidationResult(
    ImmutableArray<TerritoryProblem> Problems,
    ImmutableArray<TerritoryRepair> Repairs,
    ImmutableArray<Territory> Territories)
{
    /// <summary>Whether no problem was found.</summary>
    public bool IsValid => Problems.IsEmpty;

    /// <summary>The problems with code <paramref name="code"/>.</summary>
    public IEnumerable<TerritoryProblem> ProblemsOf(TerritoryProblemCode code) => Problems.Where(p => p.Code == code);
}
