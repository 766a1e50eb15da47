using System.Collections.Immutable;
using Territories.Model;

namespace Territories.Mix;

/// <summary>The rules that turn a territory's accounts, market position and products into a target mix: data the user supplies.</summary>
/// <remarks>
/// <para>
/// The target mix is a weighted blend of up to five parts, each itself a mix (weights normalised to
/// one): the <see cref="DefaultMix"/>; the accounts' stated <see cref="Account.ActivityNeeds"/>
/// summed over the territory; the average over its accounts of the <see cref="StageMixes"/> entry of
/// each account's <see cref="JourneyStage"/> (<see cref="JourneyStage.Unknown"/> counts as
/// <see cref="JourneyStage.Established"/>); the <see cref="StrategyMixes"/> entry of the territory's
/// strategy; and the <see cref="ProductRoleMixes"/> entry of each product's role (or the role's own
/// <see cref="ProductRole.ActivityEmphasis"/>) weighted by the market position's
/// <see cref="MarketPosition.ProductWeights"/>. A part takes part only when it has data and a
/// positive weight: <c>share(a) = Σ weight(part) · part(a) / Σ weight(part)</c>. The blend is
/// linear, so every share splits exactly into the contribution of each rule.
/// </para>
/// <para>
/// The strategy is the market position's <see cref="MarketPosition.Strategy"/> when stated;
/// otherwise it follows from potential and share: high potential and high share
/// <see cref="MarketStrategy.Defend"/>, high potential and low share <see cref="MarketStrategy.Develop"/>,
/// low potential and high share <see cref="MarketStrategy.Maintain"/>, low and low
/// <see cref="MarketStrategy.Harvest"/>. Potential is high at or above
/// <see cref="HighPotentialThreshold"/> (or, when that is null, the threshold the caller supplies,
/// the median of the model's market positions in <see cref="SalesMixPlanner"/>); share is high at
/// or above <see cref="HighShareThreshold"/>.
/// </para>
/// <para>
/// <see cref="Default"/> holds the documented defaults; <see cref="None"/> has no rules, so
/// derivation gives the default mix unless accounts state needs. Immutable; change with <c>with</c>.
/// Activity ids in the rules are checked against the activity types at derivation time.
/// </para>
/// </remarks>
public sealed record MixRules
{
    private static readonly ImmutableDictionary<string, double> BuiltInDefaultMix = Table(
        ("order-taking", 0.30), ("merchandising", 0.15), ("collection", 0.05), ("audit", 0.05), ("demo", 0.05),
        ("inbound", 0.10), ("outbound", 0.15), ("lead-generation", 0.05), ("enablement", 0.10));

    private ImmutableDictionary<string, double> _defaultMix = BuiltInDefaultMix;
    private ImmutableDictionary<JourneyStage, ImmutableDictionary<string, double>> _stageMixes = ImmutableDictionary<JourneyStage, ImmutableDictionary<string, double>>.Empty;
    private ImmutableDictionary<MarketStrategy, ImmutableDictionary<string, double>> _strategyMixes = ImmutableDictionary<MarketStrategy, ImmutableDictionary<string, double>>.Empty;
    private ImmutableDictionary<ProductRoleKind, ImmutableDictionary<string, double>> _productRoleMixes = ImmutableDictionary<ProductRoleKind, ImmutableDictionary<string, double>>.Empty;

    /// <summary>No rules: only the <see cref="DefaultMix"/> (and the accounts' stated needs, when there are any).</summary>
    public static MixRules None { get; } = new();

    /// <summary>
    /// The documented defaults. Default mix: order taking 30 %, merchandising 15 %, outbound 15 %,
    /// inbound 10 %, enablement 10 %, collection, audit, demo and lead generation 5 % each.
    /// Stages: prospect (lead generation 35, outbound 30, demo 25, enablement 10); onboarding
    /// (enablement 35, order taking 20, demo 15, outbound 15, merchandising 15); growing (order taking
    /// 30, merchandising 20, outbound 20, demo 15, enablement 15); established (order taking 45,
    /// merchandising 25, collection 10, inbound 10, audit 10); at risk (order taking 25, outbound 25,
    /// merchandising 20, audit 15, enablement 15); lapsed (outbound 50, lead generation 20, demo 15,
    /// order taking 15). Strategies: develop (lead generation 30, demo 25, outbound 25, enablement 20);
    /// defend (order taking 30, merchandising 25, audit 15, inbound 15, collection 15); maintain
    /// (order taking 40, inbound 25, outbound 20, collection 15); harvest (inbound 40, outbound 40,
    /// order taking 20). Product roles: core (order taking 55, merchandising 45); launch (demo 55,
    /// enablement 45); growth (outbound 50, demo 50); mature (order taking 70, inbound 30).
    /// Weights: needs 2, every other part 1. Thresholds: share 0.25, potential from the caller.
    /// </summary>
    public static MixRules Default { get; } = new()
    {
        StageMixes = new Dictionary<JourneyStage, ImmutableDictionary<string, double>>
        {
            [JourneyStage.Prospect] = Table(("lead-generation", 0.35), ("outbound", 0.30), ("demo", 0.25), ("enablement", 0.10)),
            [JourneyStage.Onboarding] = Table(("enablement", 0.35), ("order-taking", 0.20), ("demo", 0.15), ("outbound", 0.15), ("merchandising", 0.15)),
            [JourneyStage.Growing] = Table(("order-taking", 0.30), ("merchandising", 0.20), ("outbound", 0.20), ("demo", 0.15), ("enablement", 0.15)),
            [JourneyStage.Established] = Table(("order-taking", 0.45), ("merchandising", 0.25), ("collection", 0.10), ("inbound", 0.10), ("audit", 0.10)),
            [JourneyStage.AtRisk] = Table(("order-taking", 0.25), ("outbound", 0.25), ("merchandising", 0.20), ("audit", 0.15), ("enablement", 0.15)),
            [JourneyStage.Lapsed] = Table(("outbound", 0.50), ("lead-generation", 0.20), ("demo", 0.15), ("order-taking", 0.15)),
        }.ToImmutableDictionary(),
        StrategyMixes = new Dictionary<MarketStrategy, ImmutableDictionary<string, double>>
        {
            [MarketStrategy.Develop] = Table(("lead-generation", 0.30), ("demo", 0.25), ("outbound", 0.25), ("enablement", 0.20)),
            [MarketStrategy.Defend] = Table(("order-taking", 0.30), ("merchandising", 0.25), ("audit", 0.15), ("inbound", 0.15), ("collection", 0.15)),
            [MarketStrategy.Maintain] = Table(("order-taking", 0.40), ("inbound", 0.25), ("outbound", 0.20), ("collection", 0.15)),
            [MarketStrategy.Harvest] = Table(("inbound", 0.40), ("outbound", 0.40), ("order-taking", 0.20)),
        }.ToImmutableDictionary(),
        ProductRoleMixes = new Dictionary<ProductRoleKind, ImmutableDictionary<string, double>>
        {
            [ProductRoleKind.Core] = Table(("order-taking", 0.55), ("merchandising", 0.45)),
            [ProductRoleKind.Launch] = Table(("demo", 0.55), ("enablement", 0.45)),
            [ProductRoleKind.Growth] = Table(("outbound", 0.50), ("demo", 0.50)),
            [ProductRoleKind.Mature] = Table(("order-taking", 0.70), ("inbound", 0.30)),
        }.ToImmutableDictionary(),
    };

    /// <summary>The mix when nothing more specific is known, as relative weights per activity id; the default is listed on <see cref="Default"/>.</summary>
    public ImmutableDictionary<string, double> DefaultMix
    {
        get => _defaultMix;
        init => _defaultMix = value ?? ImmutableDictionary<string, double>.Empty;
    }

    /// <summary>Weight of <see cref="DefaultMix"/> in the blend; 1 by default.</summary>
    public double DefaultMixWeight { get; init; } = 1;

    /// <summary>Weight of the accounts' summed <see cref="Account.ActivityNeeds"/> in the blend; 2 by default.</summary>
    public double NeedsWeight { get; init; } = 2;

    /// <summary>Relative weights per activity id for an account at each journey stage; empty in <see cref="None"/>, listed on <see cref="Default"/>.</summary>
    public ImmutableDictionary<JourneyStage, ImmutableDictionary<string, double>> StageMixes
    {
        get => _stageMixes;
        init => _stageMixes = value ?? ImmutableDictionary<JourneyStage, ImmutableDictionary<string, double>>.Empty;
    }

    /// <summary>Weight of the stage part in the blend; 1 by default.</summary>
    public double StageWeight { get; init; } = 1;

    /// <summary>Relative weights per activity id for each market strategy; empty in <see cref="None"/>, listed on <see cref="Default"/>.</summary>
    public ImmutableDictionary<MarketStrategy, ImmutableDictionary<string, double>> StrategyMixes
    {
        get => _strategyMixes;
        init => _strategyMixes = value ?? ImmutableDictionary<MarketStrategy, ImmutableDictionary<string, double>>.Empty;
    }

    /// <summary>Weight of the strategy part in the blend; 1 by default.</summary>
    public double StrategyWeight { get; init; } = 1;

    /// <summary>Relative weights per activity id for each product role (a product's own emphasis wins); empty in <see cref="None"/>, listed on <see cref="Default"/>.</summary>
    public ImmutableDictionary<ProductRoleKind, ImmutableDictionary<string, double>> ProductRoleMixes
    {
        get => _productRoleMixes;
        init => _productRoleMixes = value ?? ImmutableDictionary<ProductRoleKind, ImmutableDictionary<string, double>>.Empty;
    }

    /// <summary>Weight of the product part in the blend; 1 by default.</summary>
    public double ProductWeight { get; init; } = 1;

    /// <summary>The share of potential at or above which a territory's share is high; 0.25 by default.</summary>
    public double HighShareThreshold { get; init; } = 0.25;

    /// <summary>The potential at or above which a territory's potential is high; null by default (the caller's threshold is used).</summary>
    public decimal? HighPotentialThreshold { get; init; }

    /// <summary>The strategy of <paramref name="market"/>: its stated one, else classified by potential and share (see the remarks on the type).</summary>
    /// <param name="market">The market position.</param>
    /// <param name="potentialThreshold">The high-potential threshold when <see cref="HighPotentialThreshold"/> is null; null when none is known.</param>
    /// <returns>The strategy, or <see cref="MarketStrategy.Unspecified"/> when none is stated and no potential threshold is known.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="market"/> is null.</exception>
    public MarketStrategy StrategyOf(MarketPosition market, decimal? potentialThreshold = null)
    {
        ArgumentNullException.ThrowIfNull(market);
        if (market.Strategy != MarketStrategy.Unspecified)
        {
            return market.Strategy;
        }

        if ((HighPotentialThreshold ?? potentialThreshold) is not { } threshold)
        {
            return MarketStrategy.Unspecified;
        }

        var highPotential = market.Potential >= threshold;
        var highShare = market.Share >= HighShareThreshold;
        return (highPotential, highShare) switch
        {
            (true, true) => MarketStrategy.Defend,
            (true, false) => MarketStrategy.Develop,
            (false, true) => MarketStrategy.Maintain,
            _ => MarketStrategy.Harvest,
        };
    }

    private static ImmutableDictionary<string, double> Table(params (string Activity, double Weight)[] entries) =>
        entries.ToImmutableDictionary(e => e.Activity, e => e.Weight, StringComparer.Ordinal);
}
