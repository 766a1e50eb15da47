using System.Collections.Immutable;
using Territories.Internal;
using Territories.Model;
using Territories.Travel;

namespace Territories.Journeys;

/// <summary>What a journey plan is asked for: positions, the cycle, the accounts to visit, the travel model and the territories that bound the plan.</summary>
/// <remarks>
/// Immutable; change through <c>with</c>. Only accounts with a <see cref="Account.Visit"/> requirement are
/// planned. Positions that are vacant or have no base plan nothing. When <see cref="Territories"/> is
/// not empty, an account whose <see cref="Account.Territory"/> names one of them may be visited only by
/// the positions covering it (hard by default, see <see cref="JourneyPlannerOptions.TerritoryRule"/>).
/// The order of every collection is irrelevant: the planner sorts by id.
/// </remarks>
/// <param name="Positions">The positions that make visits.</param>
/// <param name="Cycle">The repeating calendar.</param>
/// <param name="Accounts">The accounts, each with its visit requirement.</param>
/// <param name="TravelModel">Distances and durations between bases and accounts.</param>
public sealed record JourneyPlanRequest(
    ImmutableArray<SalesPosition> Positions,
    JourneyCycle Cycle,
    ImmutableArray<Account> Accounts,
    ITravelModel TravelModel)
{
    private readonly ImmutableArray<Territory> _territories = [];

    /// <summary>The positions that make visits.</summary>
    public ImmutableArray<SalesPosition> Positions { get; init; } = Positions.IsDefault ? [] : Positions;

    /// <summary>The repeating calendar.</summary>
    public JourneyCycle Cycle { get; init; } = Guard.NotNull(Cycle);

    /// <summary>The accounts, each with its visit requirement.</summary>
    public ImmutableArray<Account> Accounts { get; init; } = Accounts.IsDefault ? [] : Accounts;

    /// <summary>Distances and durations between bases and accounts.</summary>
    public ITravelModel TravelModel { get; init; } = Guard.NotNull(TravelModel);

    /// <summary>The territories that bound who may visit whom; empty (no bound) by default.</summary>
    public ImmutableArray<Territory> Territories
    {
        get => _territories;
        init => _territories = value.IsDefault ? [] : value;
    }
}
