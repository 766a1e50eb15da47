using System.Collections.Immutable;
using OneOf;
using Territories.Internal;
using Territories.Model;

namespace Territories.Mix;

/// <summary>The mixes of every lowest-level territory of a model, derived and allocated.</summary>
/// <remarks>Immutable. Territories sorted by id.</remarks>
/// <param name="Territories">One entry per territory.</param>
public sealed record MixPlan(ImmutableArray<TerritoryMix> Territories)
{
    /// <summary>The target mix of each territory.</summary>
    public ImmutableSortedDictionary<TerritoryId, SalesMix> Targets => Territories.ToImmutableSortedDictionary(t => t.Territory, t => t.Target);

    /// <summary>The allocations, by territory id.</summary>
    public IEnumerable<MixAllocation> Allocations => Territories.Select(t => t.Allocation);

    /// <summary>
    /// The model with every allocated account's visit requirement replaced by the one its allocation
    /// gives it (frequency, visit duration, activity per visit): the input the journey planner takes.
    /// </summary>
    /// <param name="model">The model the plan was made for.</param>
    /// <returns>The updated model, validated again.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    public OneOf<SalesModel, ModelValidationFailure> WithVisitRequirements(SalesModel model)
    {
        Guard.NotNull(model);
        var accounts = model.Accounts.AsEnumerable();
        foreach (var territory in Territories)
        {
            accounts = territory.Allocation.ApplyTo(accounts);
        }

        return model.WithAccounts(accounts);
    }
}
