using System.Collections.Immutable;
using Territories.Internal;
using Territories.Model;

namespace Territories.Mix;

/// <summary>
/// The territories whose mixes <see cref="SalesMixPlanner"/> derives and allocates, with what they
/// share: the cycle, the activity types, the product roles and the neighbour pairs for smoothing.
/// </summary>
/// <remarks>
/// Any set of territories, in a model or not (for example the designed territories of
/// <c>Territories.Workload.TerritoryAligner</c>). Immutable; collections default to empty, activity types
/// to <see cref="ActivityType.Defaults"/>. The result does not depend on the order of the collections.
/// </remarks>
public sealed record MixPlanningRequest
{
    private readonly ImmutableArray<MixTerritoryRequest> _territories;
    private readonly ImmutableArray<ActivityType> _activityTypes = ActivityType.Defaults;
    private readonly ImmutableArray<ProductRole> _productRoles = [];
    private readonly ImmutableArray<NeighbourPair> _neighbours = [];

    /// <summary>Creates a request.</summary>
    /// <param name="territories">The territories, each with its accounts, positions and travel.</param>
    /// <param name="cycle">The journey cycle the capacity and visits are counted in.</param>
    /// <exception cref="ArgumentNullException">An argument or a territory is null.</exception>
    public MixPlanningRequest(IEnumerable<MixTerritoryRequest> territories, JourneyCycle cycle)
    {
        _territories = [.. Guard.NotNull(territories).Select(t => Guard.NotNull(t))];
        Cycle = Guard.NotNull(cycle);
    }

    /// <summary>The territories.</summary>
    public ImmutableArray<MixTerritoryRequest> Territories
    {
        get => _territories;
        init => _territories = value.IsDefault ? [] : value;
    }

    /// <summary>The journey cycle the capacity and visits are counted in.</summary>
    public JourneyCycle Cycle { get; init; }

    /// <summary>The known activity types; <see cref="ActivityType.Defaults"/> by default.</summary>
    public ImmutableArray<ActivityType> ActivityTypes
    {
        get => _activityTypes;
        init => _activityTypes = value.IsDefault ? [] : value;
    }

    /// <summary>The roles of the products named in the market positions' product weights; empty by default.</summary>
    public ImmutableArray<ProductRole> ProductRoles
    {
        get => _productRoles;
        init => _productRoles = value.IsDefault ? [] : value;
    }

    /// <summary>
    /// Who serves which accounts and how (see <see cref="CoverageModel"/>); null (the default) for one
    /// mix per territory over all its positions and accounts, every account visited. With a model, each
    /// territory is allocated per role (<see cref="TerritoryMix.Roles"/>).
    /// </summary>
    public CoverageModel? Coverage { get; init; }

    /// <summary>Neighbouring territories, for smoothing when the planner's options ask for it; empty by default.</summary>
    public ImmutableArray<NeighbourPair> Neighbours
    {
        get => _neighbours;
        init => _neighbours = value.IsDefault ? [] : value;
    }
}
