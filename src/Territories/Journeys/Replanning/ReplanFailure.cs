using System.Collections.Immutable;

namespace Territories.Journeys.Replanning;

/// <summary>The expected outcome of a re-plan request that cannot be planned: every problem found, not just the first.</summary>
/// <param name="Errors">Every problem, in a stable order (request data, then budget and freeze, then previous plan, then locks by account and day).</param>
public sealed record ReplanFailure(ImmutableArray<ReplanError> Errors)
{
    /// <inheritdoc />
    public override string ToString() => $"{Errors.Length} re-plan error(s): " + string.Join("; ", Errors.Take(5)) + (Errors.Length > 5 ? "; …" : string.Empty);
}
