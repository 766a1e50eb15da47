using System.Collections.Immutable;

namespace Territories.Mix;

/// <summary>The expected outcome of a sales-mix operation whose input has problems: every problem found, not just the first.</summary>
/// <param name="Errors">Every problem, in a stable order.</param>
public sealed record MixFailure(ImmutableArray<MixError> Errors)
{
    /// <inheritdoc />
    public override string ToString() => $"{Errors.Length} mix error(s): " + string.Join("; ", Errors.Take(5)) + (Errors.Length > 5 ? "; …" : string.Empty);
}
