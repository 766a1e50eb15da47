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
/// An account one of them lists in <see cref="Territory.NamedAccounts"/> belongs to that territory
/// instead, whatever its own territory (the first by id when several name it), as in
/// <see cref="Spatial.TerritoryMap"/>'s assignment.
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

    /// <summary>Checks the request with the rules of <see cref="ModelValidator"/> that planning relies on.</summary>
    /// <remarks>
    /// Account, position and territory ids must be unique; every account's location, service time
    /// (zero to one day), opening hours, visit duration and load, and every position's base, working days
    /// and hours, break, days off and daily caps must be sound. Coordinates must be WGS84 positions with
    /// a <see cref="GreatCircleTravelModel"/> (latitude 91 is no place), and need only be finite with
    /// another model (a planar one plans benchmark coordinates). What the planner resolves itself is no error here: a
    /// fixed position that is not planned, a territory not in the request, a frequency that fits no day
    /// pattern make the account unplanned, with the reason. <see cref="Planning.JourneyPlanner"/> returns these
    /// errors as a <see cref="ModelValidationFailure"/>; <see cref="JourneyPlanEvaluator"/> as violations.
    /// </remarks>
    /// <returns>Every problem, in the order of <see cref="ModelValidator.Validate"/>; empty when the request can be planned.</returns>
    /// <exception cref="ArgumentNullException">A position, account or territory is null.</exception>
    public ImmutableArray<ModelError> Validate() => ModelValidator.ValidateForPlanning(Accounts, Positions, Territories, Cycle, TravelModel is GreatCircleTravelModel);
}
