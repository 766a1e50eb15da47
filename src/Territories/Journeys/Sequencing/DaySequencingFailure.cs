using System.Collections.Immutable;

namespace Territories.Journeys.Sequencing;

/// <summary>The expected outcome when a day cannot be sequenced at all: every reason found, not just the first.</summary>
/// <param name="Errors">Every reason, in code order.</param>
public sealed record DaySequencingFailure(ImmutableArray<DaySequencingError> Errors)
{
    /// <inheritdoc />
    public override string ToString() => $"{Errors.Length} day sequencing error(s): " + string.Join("; ", Errors);
}
