using System.Collections.Immutable;

namespace Territories.Model;

/// <summary>The expected outcome of validating a model that has problems: every problem found, not just the first.</summary>
/// <param name="Errors">Every problem, in a stable order (by kind, then id, then field).</param>
public sealed record ModelValidationFailure(ImmutableArray<ModelError> Errors)
{
    /// <inheritdoc />
    public override string ToString() => $"{Errors.Length} model error(s): " + string.Join("; ", Errors.Take(5)) + (Errors.Length > 5 ? "; …" : string.Empty);
}
