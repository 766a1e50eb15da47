using System.Collections.Immutable;
using OneOf;
using Territories.Internal;
using Territories.Model;

namespace Territories.Mix;

/// <summary>Derives, optionally smooths, and allocates the sales mix of every lowest-level territory of a model in one call.</summary>
/// <remarks>
/// <para>
/// A territory's accounts are its <see cref="Territory.NamedAccounts"/>, then the accounts the
/// given assignment (for example from a territory map) puts there, else those whose
/// <see cref="Account.Territory"/> names it. Its capacity is its positions' working time per cycle
/// (<see cref="MixCapacity.MinutesByTerritory"/>). Its market position and the model's product
/// roles feed the derivation; a strategy not stated is classified against the median potential of
/// the model's market positions unless the rules set a threshold.
/// </para>
/// <para>Deterministic and independent of collection order. Thread-safe once built.</para>
/// </remarks>
public sealed class SalesMixPlanner
{
    private readonly MixRules _rules;
    private readonly MixAllocator _allocator;
    private readonly MixSmoothingOptions? _smoothing;

    /// <summary>Builds a planner, validating and copying <paramref name="options"/>.</summary>
    /// <param name="options">The options; null for the defaults.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public SalesMixPlanner(MixPlanningOptions? options = null)
    {
        var o = options ?? new MixPlanningOptions();
        Guard.That(o.Rules is not null, "Rules must not be null.", nameof(options));
        Guard.That(o.Allocation is not null, "Allocation must not be null.", nameof(options));
        _rules = o.Rules!;
        _allocator = new MixAllocator(o.Allocation);
        _smoothing = o.Smoothing?.Validated();
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
                    errors.Add(MixErrors.Error(MixErrorCode.UnknownTerritory, "account", account.Id.Value, "Territory", target.Value, $"Account '{account.Id}' is assigned to '{target}', which is not a territory at the lowest level."));
                }

                continue;
            }

            members[target].Add(account);
        }

        var capacity = MixCapacity.MinutesByTerritory(model);
        foreach (var territory in territories.Where(t => capacity[t.Id] == 0 && !t.Positions.Any(p => model.FindPosition(p) is { IsVacant: false })))
        {
            errors.Add(MixErrors.Error(MixErrorCode.NoPositions, "territory", territory.Id.Value, "Positions", MixErrors.Text(territory.Positions.Length), $"Territory '{territory.Id}' has no position that works, so it has no capacity to allocate."));
        }

        var markets = model.MarketPositions.ToDictionary(m => m.Territory);
        var threshold = Median(model.MarketPositions.Select(m => m.Potential));
        var derivations = new Dictionary<TerritoryId, MixDerivation>();
        foreach (var territory in territories)
        {
            var input = new MixDerivationInput(territory.Id)
            {
                Accounts = [.. members[territory.Id]],
                Market = markets.GetValueOrDefault(territory.Id),
                ProductRoles = model.ProductRoles,
                ActivityTypes = model.ActivityTypes,
                PotentialThreshold = threshold,
            };
            SalesMix.Derive(input, _rules).Switch(d => derivations[territory.Id] = d, f => errors.AddRange(f.Errors));
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
        foreach (var territory in territories.OrderBy(t => t.Id))
        {
            var request = new MixAllocationRequest(territory.Id, targets[territory.Id], TimeSpan.FromMinutes(capacity[territory.Id]))
            {
                Accounts = [.. members[territory.Id]],
                ActivityTypes = model.ActivityTypes,
                Cycle = model.Cycle,
            };
            _allocator.Allocate(request).Switch(
                a => plans.Add(new TerritoryMix(territory.Id, derivations[territory.Id], targets[territory.Id], a)),
                f => errors.AddRange(f.Errors));
        }

        return errors.Count > 0 ? new MixFailure([.. errors]) : new MixPlan(plans.ToImmutable());
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
