using Territories.Internal;
using Territories.Model;

namespace Territories.Journeys.Sequencing;

/// <summary>An account that could not be fitted into a day's sequence, and why.</summary>
/// <remarks>Immutable; equality by value.</remarks>
/// <param name="Account">The account.</param>
/// <param name="Reason">Why it is not in the sequence.</param>
/// <param name="Message">A sentence a person can act on.</param>
public sealed record UnfittedAccount(AccountId Account, UnfittedReason Reason, string Message)
{
    /// <summary>A sentence a person can act on.</summary>
    public string Message { get; init; } = Guard.NotNull(Message);
}
