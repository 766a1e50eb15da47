using System.Collections.Immutable;

namespace Territories.Model;

/// <summary>The one shape of an engine's expected failure: every error found, not just the first.</summary>
/// <remarks>Immutable; equality by value, the errors compared in order. Each engine's failure (<see cref="ModelValidationFailure"/>, <c>MixFailure</c>, …) is this shape with its own error type.</remarks>
/// <typeparam name="TError">The engine's error type.</typeparam>
/// <param name="Errors">Every error, in a stable order; default is taken as empty.</param>
public abstract record ErrorList<TError>(ImmutableArray<TError> Errors)
{
    /// <summary>Every error, in a stable order.</summary>
    public ImmutableArray<TError> Errors { get; init; } = Errors.IsDefault ? [] : Errors;

    /// <inheritdoc />
    public virtual bool Equals(ErrorList<TError>? other) =>
        other is not null && EqualityContract == other.EqualityContract && Errors.SequenceEqual(other.Errors);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(EqualityContract);
        foreach (var error in Errors)
        {
            hash.Add(error);
        }

        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public sealed override string ToString() =>
        $"{Errors.Length} error(s): " + string.Join("; ", Errors.Take(5)) + (Errors.Length > 5 ? "; …" : string.Empty);
}
