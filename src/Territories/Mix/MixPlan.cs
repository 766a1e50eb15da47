using System.Collections.Immutable;
using OneOf;
using Territories.Internal;
using Territories.Journeys;
using Territories.Model;

namespace Territories.Mix;

/// <summary>The mixes of a set of territories (a model's lowest level, or territories the caller gives), derived and allocated.</summary>
/// <remarks>Immutable. Territories sorted by id. Check <see cref="Warnings"/> before handing the visit requirements to the journey planner.</remarks>
/// <param name="Territories">One entry per territory.</param>
public sealed record MixPlan(ImmutableArray<TerritoryMix> Territories)
{
    /// <summary>The target mix of each territory.</summary>
    public ImmutableSortedDictionary<TerritoryId, SalesMix> Targets => Territories.ToImmutableSortedDictionary(t => t.Territory, t => t.Target);

    /// <summary>The mix each territory's roles can deliver together (<see cref="TerritoryMix.TeamTarget"/>): the target, unless its roles cannot carry it.</summary>
    public ImmutableSortedDictionary<TerritoryId, SalesMix> TeamTargets => Territories.ToImmutableSortedDictionary(t => t.Territory, t => t.TeamTarget);

    /// <summary>The allocations, by territory id.</summary>
    public IEnumerable<MixAllocation> Allocations => Territories.Select(t => t.Allocation);

    /// <summary>
    /// Warnings that do not stop the plan: territories whose visits may leave too little time for
    /// travel (<see cref="MixErrorCode.TravelMayNotFit"/>), sorted by territory; empty by default.
    /// </summary>
    public ImmutableArray<MixError> Warnings { get; init; } = [];

    /// <summary>
    /// The accounts with the visit requirement their territory's allocation gives them: the same
    /// frequency (or patterns), the activity from the mix (so the planner's visits carry it) and the
    /// minutes per visit allocated (the account's own duration by default). Accounts no territory
    /// covers are returned unchanged.
    /// </summary>
    /// <param name="accounts">The accounts to update.</param>
    /// <returns>The accounts, in the order given.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="accounts"/> or one of them is null.</exception>
    public ImmutableArray<Account> ApplyTo(IEnumerable<Account> accounts)
    {
        Guard.NotNull(accounts);
        var visits = Territories.SelectMany(t => t.Allocation.Accounts).GroupBy(a => a.Account).ToDictionary(g => g.Key, g => g.First().Visit);
        return [.. accounts.Select(a => Guard.NotNull(a)).Select(a => visits.TryGetValue(a.Id, out var visit) ? a with { Visit = visit } : a)];
    }

    /// <summary>
    /// The plan with each visit of an account this mix covers carrying the account's activity from the
    /// mix (<see cref="PlannedVisit.Activity"/>), routes and times unchanged: for a plan made before
    /// the mix, so that <see cref="MixDelivery.Effort(JourneyPlan, TerritoryId)"/> can measure the mix it
    /// delivers without planning again. Faithful when the mix keeps the accounts' visit durations (the
    /// default per-visit ceiling); otherwise plan again from <see cref="ApplyTo"/>.
    /// </summary>
    /// <param name="plan">The journey plan.</param>
    /// <returns>The plan with the activities set; visits of other accounts unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="plan"/> is null.</exception>
    public JourneyPlan WithActivities(JourneyPlan plan)
    {
        Guard.NotNull(plan);
        var activities = Territories.SelectMany(t => t.Allocation.Accounts)
            .Where(a => a.Visit?.Activity is not null)
            .GroupBy(a => a.Account)
            .ToDictionary(g => g.Key, g => g.First().Visit!.Activity);
        var routes = plan.Routes.Select(r => r with { Visits = [.. r.Visits.Select(v => activities.TryGetValue(v.Account, out var a) ? v with { Activity = a } : v)] });
        return plan with { Routes = [.. routes] };
    }

    /// <summary>
    /// The model with every allocated account's visit requirement replaced as by <see cref="ApplyTo"/>
    /// (frequency kept, activity from the mix, minutes per visit allocated): the input the journey planner takes.
    /// </summary>
    /// <param name="model">The model the plan was made for.</param>
    /// <returns>The updated model, validated again.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    public OneOf<SalesModel, ModelValidationFailure> WithVisitRequirements(SalesModel model)
    {
        Guard.NotNull(model);
        return model.WithAccounts(ApplyTo(model.Accounts));
    }
}
