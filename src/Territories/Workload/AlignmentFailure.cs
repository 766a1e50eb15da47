using System.Collections.Immutable;

namespace Territories.Workload;

/// <summary>An alignment request that cannot be run, with every problem found.</summary>
/// <param name="Errors">The problems, each naming the items involved.</param>
public sealed record AlignmentFailure(ImmutableArray<AlignmentError> Errors)
{
    /// <inheritdoc />
    public override string ToString() => $"{Errors.Length} alignment error(s): " + string.Join("; ", Errors.Take(5)) + (Errors.Length > 5 ? "; …" : string.Empty);
}
