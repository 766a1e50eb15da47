using System.Collections.Immutable;
using OneOf;
using Territories.Internal;
using Territories.Model;

namespace Territories.Mix;

/// <summary>Derives, optionally smooths, and allocates the sales mix of a set of territories in one call: the lowest-level territories of a model, or any territories the caller gives.</summary>
/// <remarks>
/// <para>
/// From a model (<see cref="Plan(SalesModel, IReadOnlyDictionary{AccountId, TerritoryId}?, IEnumerable{NeighbourPair}?)"/>):
/// a territory's accounts are its <see cref="Territory.NamedAccounts"/>, then the accounts the given
/// assignment (for example from a territory map) puts there, else those whose
/// <see cref="Account.Territory"/> names it; its capacity is its positions' working time per cycle
/// (<see cref="MixCapacity.MinutesByTerritory"/>), its travel not stated. From a request
/// (<see cref="Plan(MixPlanningRequest)"/>): each territory as given, with its accounts, positions,
/// market position, travel and capacity (see <see cref="MixTerritoryRequest"/>), none of it needing to
/// be in a model. Either way the market positions and product roles feed the derivation; a strategy
/// not stated is classified against the median potential of the market positions unless the rules
/// set a threshold.
/// </para>
/// <para>
/// The allocation gives each account no more than its needs allow and reports the rest as slack
/// (see <see cref="MixAllocator"/>). When a territory's travel is not stated and its visits leave less
/// than <see cref="MixPlanningOptions.TravelReserve"/> of its working time, the plan carries a
/// <see cref="MixErrorCode.TravelMayNotFit"/> warning in <see cref="MixPlan.Warnings"/>; stated
/// travel that does not fit is a <see cref="MixErrorCode.TravelDoesNotFit"/> failure.
/// </para>
/// <para>Deterministic and independent of collection order. Thread-safe once built.</para>
/// </remarks>
public sealed class SalesMixPlanner
{
    private readonly MixRules _rules;
    private readonly MixAllocator _allocator;
    private readonly MixSmoothingOptions? _smoothing;
    private readonly double _travelReserve;

    /// <summary>Builds a planner, validating and copying <paramref name="options"/>.</summary>
    /// <param name="options">The options; null for the defaults.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public SalesMixPlanner(MixPlanningOptions? options = null)
    {
        var o = options ?? new MixPlanningOptions();
        Guard.That(o.Rules is not null, "Rules must not be null.", nameof(options));
        Guard.That(o.Allocation is not null, "Allocation must not be null.", nameof(options));
        Guard.That(o.TravelReserve is >= 0 and < 1, "TravelReserve must be at least 0 and below 1.", nameof(options));
        _rules = o.Rules!;
        _allocator = new MixAllocator(o.Allocation);
        _smoothing = o.Smoothing is null ? null : EngineOptions.Checked(o.Smoothing);
        _travelReserve = o.TravelReserve;
    }

    /// <summary>Plans the mix of every lowest-level territory of <paramref name="model"/>.</summary>
    /// <param name="model">The sales model.</param>
    /// <param name="assignment">The territory of each account (for example from a territory map); null to use the accounts' own territory.</param>
    /// <param name="neighbours">Neighbouring territories, for smoothing; null or empty for none.</param>
    /// <returns>The plan, or every problem in every territory: no positions, a shortfall, bad needs or rules, unknown territories.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    public OneOf<MixPlan, MixFailure> Plan(SalesModel model, IReadOnlyDictionary<AccountId, TerritoryId>? assignment = null, IEnumerable<NeighbourPair>? neighbours = null)
    {
        Guard.NotNull(model);
        var territories = model.Territories.Where(t => string.Equals(t.Level, SalesModel.TerritoryLevel, StringComparison.Ordinal)).ToList();
        var lowest = territories.Select(t => t.Id).ToHashSet();
        var errors = new List<MixError>();
        var members = territories.ToDictionary(t => t.Id, _ => new List<Account>());
        var named = new HashSet<AccountId>();
        foreach (var territory in territories)
        {
            foreach (var id in territory.NamedAccounts.Order())
            {
                if (model.FindAccount(id) is { } account && named.Add(id))
                {
                    members[territory.Id].Add(account);
                }
            }
        }

        foreach (var account in model.Accounts.Where(a => !named.Contains(a.Id)))
        {
            TerritoryId? home = assignment is null ? account.Territory : assignment.TryGetValue(account.Id, out var t) ? t : (TerritoryId?)null;
            if (home is not { } target)
            {
                continue;
            }

            if (!lowest.Contains(target))
            {
                if (assignment is not null)
                {
                    errors.Add(MixErrors.Error(MixErrorCode.UnknownTerritory, ItemRef.Of(account.Id), "Territory", target.Value, $"Account '{account.Id}' is assigned to '{target}', which is not a territory at the lowest level."));
                }

                continue;
            }

            members[target].Add(account);
        }

        var capacity = MixCapacity.MinutesByTerritory(model);
        foreach (var territory in territories.Where(t => capacity[t.Id] == 0 && !t.Positions.Any(p => model.FindPosition(p) is { IsVacant: false })))
        {
            errors.Add(MixErrors.Error(MixErrorCode.NoPositions, ItemRef.Of(territory.Id), "Positions", MixErrors.Text(territory.Positions.Length), $"Territory '{territory.Id}' has no position that works, so it has no capacity to allocate."));
        }

        var markets = model.MarketPositions.ToDictionary(m => m.Territory);
        var items = territories.Select(t => new Item(t.Id, members[t.Id], markets.GetValueOrDefault(t.Id), TimeSpan.FromMinutes(capacity[t.Id]), TimeSpan.Zero, TimeSpan.FromMinutes(capacity[t.Id]), [])).ToList();
        return PlanItems(items, model.MarketPositions, model.ProductRoles, model.ActivityTypes, model.Cycle, neighbours, null, errors);
    }

    /// <summary>
    /// Plans the mix of the territories in <paramref name="request"/>, as given: their accounts,
    /// positions, market positions, travel and capacity (for example the designed territories of an
    /// alignment, with the travel of their plans).
    /// </summary>
    /// <param name="request">The territories and what they share.</param>
    /// <returns>
    /// The plan, or every problem in every territory: a territory or account given twice, no positions
    /// and no capacity, travel that does not fit, a shortfall, bad needs or rules.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> or one of its territories is null.</exception>
    /// <exception cref="ArgumentException">A travel or capacity is negative.</exception>
    public OneOf<MixPlan, MixFailure> Plan(MixPlanningRequest request)
    {
        Guard.NotNull(request);
        Guard.NotNull(request.Cycle);
        var errors = new List<MixError>();
        var territories = request.Territories.Select(t => Guard.NotNull(t)).OrderBy(t => t.Territory.Id).ToList();
        foreach (var territory in territories)
        {
            Guard.That(territory.Travel >= TimeSpan.Zero, $"Travel of territory '{territory.Territory.Id}' must be zero or more.", nameof(request));
            Guard.That(territory.Capacity is not { } c || c >= TimeSpan.Zero, $"Capacity of territory '{territory.Territory.Id}' must be zero or more.", nameof(request));
        }

        foreach (var duplicate in territories.GroupBy(t => t.Territory.Id).Where(g => g.Count() > 1))
        {
            errors.Add(MixErrors.Error(MixErrorCode.DuplicateTerritory, ItemRef.Of(duplicate.Key), "Territories", MixErrors.Text(duplicate.Count()), $"Territory '{duplicate.Key}' is given {duplicate.Count()} times."));
        }

        var homes = territories.SelectMany(t => t.Accounts.Select(a => (Account: Guard.NotNull(a).Id, Territory: t.Territory.Id))).GroupBy(x => x.Account);
        foreach (var shared in homes.Where(g => g.Select(x => x.Territory).Distinct().Count() > 1).OrderBy(g => g.Key))
        {
            var where = shared.Select(x => x.Territory).Distinct().Order().ToList();
            errors.Add(MixErrors.Error(MixErrorCode.DuplicateAccount, [ItemRef.Of(shared.Key), .. where.Select(w => ItemRef.Of(w))], "Accounts", MixErrors.Text(where.Count), $"Account '{shared.Key}' is in {where.Count} territories ({string.Join(", ", where)}); each account belongs to one."));
        }

        var items = new List<Item>();
        var distinct = territories.DistinctBy(t => t.Territory.Id).ToList();
        var shares = SharedTime(distinct, request.Cycle);
        foreach (var territory in distinct)
        {
            var id = territory.Territory.Id;
            var positions = territory.Positions.Select(p => Guard.NotNull(p)).DistinctBy(p => p.Id).OrderBy(p => p.Id)
                .Select(p => (Position: p, Ticks: shares[(p.Id, id)])).ToList();
            var working = TimeSpan.FromTicks(positions.Sum(p => p.Ticks));
            if (territory.Capacity is null && working == TimeSpan.Zero)
            {
                errors.Add(MixErrors.Error(MixErrorCode.NoPositions, ItemRef.Of(id), "Positions", MixErrors.Text(territory.Positions.Length), $"Territory '{id}' has no position that works and no capacity given, so it has nothing to allocate."));
                continue;
            }

            var asked = territory.Capacity ?? TimeSpan.Zero;
            if (working > TimeSpan.Zero && territory.Travel + asked > working)
            {
                errors.Add(MixErrors.Error(MixErrorCode.TravelDoesNotFit, ItemRef.Of(id), "Travel", MixErrors.Hours(territory.Travel), $"Territory '{id}' needs {MixErrors.Hours(territory.Travel)} h of travel{(territory.Capacity is null ? string.Empty : $" and asks {MixErrors.Hours(asked)} h of capacity")}, but its positions work {MixErrors.Hours(working)} h per cycle.") with { Units = (long)Math.Ceiling((territory.Travel + asked - working).TotalMinutes) });
                continue;
            }

            var capacity = territory.Capacity ?? working - territory.Travel;
            items.Add(new Item(id, [.. territory.Accounts], territory.Market, working, territory.Travel, capacity, positions));
        }

        var markets = territories.Select(t => t.Market).OfType<MarketPosition>().ToList();
        return PlanItems(items, markets, request.ProductRoles, request.ActivityTypes, request.Cycle, request.Neighbours, request.Coverage, errors);
    }

    /// <summary>One territory to derive and allocate, with the working time per cycle each of its positions gives it.</summary>
    private sealed record Item(TerritoryId Id, List<Account> Accounts, MarketPosition? Market, TimeSpan WorkingTime, TimeSpan Travel, TimeSpan Capacity, List<(SalesPosition Position, long Ticks)> Positions);

    /// <summary>
    /// The working time (ticks per cycle) each position gives each territory that lists it: all of it
    /// to one territory, an equal share to each of several (the ticks left over one each to the
    /// territories in id order), so that a position shared by neighbouring territories (an
    /// inside-sales desk, a key-account manager) is counted once in all.
    /// </summary>
    private static Dictionary<(PositionId, TerritoryId), long> SharedTime(List<MixTerritoryRequest> territories, JourneyCycle cycle)
    {
        var shares = new Dictionary<(PositionId, TerritoryId), long>();
        var listings = territories
            .SelectMany(t => t.Positions.Select(p => Guard.NotNull(p)).DistinctBy(p => p.Id).Select(p => (Position: p, Territory: t.Territory.Id)))
            .GroupBy(x => x.Position.Id);
        foreach (var listing in listings)
        {
            var covered = listing.Select(x => x.Territory).Order().ToList();
            var total = MixCapacity.PerCycle(listing.First().Position, cycle).Ticks;
            for (var i = 0; i < covered.Count; i++)
            {
                shares[(listing.Key, covered[i])] = MixCapacity.EqualShare(total, covered.Count, i);
            }
        }

        return shares;
    }

    private OneOf<MixPlan, MixFailure> PlanItems(
        List<Item> items,
        IEnumerable<MarketPosition> markets,
        ImmutableArray<ProductRole> productRoles,
        ImmutableArray<ActivityType> activityTypes,
        JourneyCycle cycle,
        IEnumerable<NeighbourPair>? neighbours,
        CoverageModel? coverage,
        List<MixError> errors)
    {
        var threshold = Median(markets.Select(m => m.Potential));
        var derivations = new Dictionary<TerritoryId, MixDerivation>();
        foreach (var item in items)
        {
            var input = new MixDerivationInput(item.Id)
            {
                Accounts = [.. item.Accounts],
                Market = item.Market,
                ProductRoles = productRoles,
                ActivityTypes = activityTypes,
                PotentialThreshold = threshold,
            };
            SalesMix.Derive(input, _rules).Switch(d => derivations[item.Id] = d, f => errors.AddRange(f.Errors));
        }

        if (errors.Count > 0)
        {
            return new MixFailure([.. errors]);
        }

        IReadOnlyDictionary<TerritoryId, SalesMix> targets = derivations.ToDictionary(d => d.Key, d => d.Value.Target);
        var pairs = (neighbours ?? []).ToList();
        if (_smoothing is not null && pairs.Count > 0)
        {
            var smoothed = MixCoherence.Smooth(targets, pairs, _smoothing);
            if (smoothed.TryPickT1(out var failure, out var result))
            {
                return failure;
            }

            targets = result.Mixes;
        }

        var plans = ImmutableArray.CreateBuilder<TerritoryMix>();
        var warnings = ImmutableArray.CreateBuilder<MixError>();
        foreach (var item in items.OrderBy(t => t.Id))
        {
            var allocated = coverage is null
                ? _allocator.Allocate(new MixAllocationRequest(item.Id, targets[item.Id], item.Capacity)
                {
                    Accounts = [.. item.Accounts],
                    ActivityTypes = activityTypes,
                    Cycle = cycle,
                }).MapT0(a => (Allocation: a, Roles: ImmutableArray<RoleMix>.Empty, TeamTarget: targets[item.Id]))
                : TeamAllocation.Allocate(_allocator, coverage, item.Id, targets[item.Id], derivations[item.Id].Strategy, item.Accounts, item.Positions, item.Travel, item.Capacity, activityTypes, cycle);
            allocated.Switch(
                a =>
                {
                    var mix = new TerritoryMix(item.Id, derivations[item.Id], targets[item.Id], a.Allocation) { WorkingTime = item.WorkingTime, Travel = item.Travel, Roles = a.Roles, TeamTarget = a.TeamTarget };
                    plans.Add(mix);
                    if (item.Travel == TimeSpan.Zero && item.WorkingTime > TimeSpan.Zero && mix.TimeLeft < item.WorkingTime * _travelReserve)
                    {
                        warnings.Add(MixErrors.Error(MixErrorCode.TravelMayNotFit, ItemRef.Of(item.Id), "Travel", MixErrors.Hours(mix.TimeLeft), $"Territory '{item.Id}': the visits ask {MixErrors.Hours(mix.Service)} h of {MixErrors.Hours(item.WorkingTime)} h working time, leaving {MixErrors.Hours(mix.TimeLeft)} h ({mix.TimeLeft / item.WorkingTime:P0}) for travel, below the {_travelReserve:P0} reserve; state its travel to check that the plan fits."));
                    }
                },
                f => errors.AddRange(f.Errors));
        }

        return errors.Count > 0 ? new MixFailure([.. errors]) : new MixPlan(plans.ToImmutable()) { Warnings = warnings.ToImmutable() };
    }

    private static decimal? Median(IEnumerable<decimal> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return null;
        }

        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
