using Territories.Internal;
using Territories.Model;

namespace Territories.Journeys;

/// <summary>An account whose visits are not in the plan, with the reason and what it would have needed.</summary>
/// <remarks>Either all of an account's visits are planned or none are. Immutable.</remarks>
/// <param name="Account">The account.</param>
/// <param name="Reason">Why it is not planned.</param>
/// <param name="Visits">Visits per cycle it needs (on its shortest allowed pattern; 0 when it has none).</param>
/// <param name="ShortfallHours">Service hours per cycle that are missing for it (visits × service time).</param>
/// <param name="Message">A sentence a person can act on.</param>
public sealed record UnplannedAccount(AccountId Account, UnplannedReason Reason, int Visits, double ShortfallHours, string Message)
{
    /// <summary>A sentence a person can act on.</summary>
    public string Message { get; init; } = Guard.NotNull(Message);
}
