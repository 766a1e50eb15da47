using Territories.Internal;

namespace Territories.Journeys.Sequencing;

/// <summary>One reason a day cannot be sequenced: what, where, and a readable message.</summary>
/// <remarks>Immutable; equality by value.</remarks>
/// <param name="Code">What is wrong.</param>
/// <param name="Position">The id of the position at fault.</param>
/// <param name="Field">The field at fault, as named in the API (e.g. <c>Base</c>, <c>DailyHours</c>).</param>
/// <param name="Value">The offending value as text; null when there is none to show.</param>
/// <param name="Message">A sentence a person can act on.</param>
public sealed record DaySequencingError(DaySequencingErrorCode Code, string Position, string Field, string? Value, string Message)
{
    /// <summary>The id of the position at fault.</summary>
    public string Position { get; init; } = Guard.NotNull(Position);

    /// <summary>The field at fault, as named in the API.</summary>
    public string Field { get; init; } = Guard.NotNull(Field);

    /// <summary>A sentence a person can act on.</summary>
    public string Message { get; init; } = Guard.NotNull(Message);

    /// <inheritdoc />
    public override string ToString() => $"{Code} position [{Position}] {Field}: {Message}";
}
