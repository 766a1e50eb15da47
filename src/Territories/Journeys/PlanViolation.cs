using Territories.Internal;
using Territories.Model;

namespace Territories.Journeys;

/// <summary>One rule a journey plan breaks, with where.</summary>
/// <param name="Code">The rule.</param>
/// <param name="Account">The account involved; null when the violation is about a route as a whole.</param>
/// <param name="Position">The position involved; null when none.</param>
/// <param name="Day">The cycle day involved; null when none.</param>
/// <param name="Message">A sentence a person can act on.</param>
public sealed record PlanViolation(PlanViolationCode Code, AccountId? Account, PositionId? Position, int? Day, string Message)
{
    /// <summary>A sentence a person can act on.</summary>
    public string Message { get; init; } = Guard.NotNull(Message);
}
