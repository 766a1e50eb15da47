using System.Collections.Immutable;
using Territories.Internal;
using Territories.Model;

namespace Territories.Mix;

/// <summary>
/// Who serves which accounts of a territory, and how: the coverage model of a sales organisation
/// (for example key accounts by a key-account manager, small accounts by calls from an inside-sales
/// desk, the rest by the territory representative's visits).
/// </summary>
/// <remarks>
/// <para>
/// The first of <see cref="Rules"/> that matches an account decides (see
/// <see cref="CoverageRule.Matches"/>); an account no rule matches gets <see cref="Default"/>, by
/// default the territory representative's visits. Given to <see cref="MixPlanningRequest.Coverage"/>,
/// it makes <see cref="SalesMixPlanner"/> allocate each territory per role: every role with a position
/// in the territory gets its own share of the territory's target mix, its own accounts and its own
/// capacity (see <see cref="RoleMix"/>), and the team's allocation is their sum.
/// </para>
/// <para>Immutable. Deterministic: the same account and strategy always give the same rule.</para>
/// </remarks>
public sealed record CoverageModel
{
    private readonly ImmutableArray<CoverageRule> _rules = [];

    /// <summary>Every account visited by the territory representative: the model when none is given.</summary>
    public static CoverageModel FieldOnly { get; } = new();

    /// <summary>The rules, in order: the first that matches an account decides; empty by default.</summary>
    public ImmutableArray<CoverageRule> Rules
    {
        get => _rules;
        init => _rules = value.IsDefault ? [] : value;
    }

    /// <summary>What serves an account no rule matches: the territory representative's visits by default.</summary>
    public CoverageRule Default { get; init; } = new(PositionRole.TerritoryRepresentative);

    /// <summary>The rule that covers <paramref name="account"/> in a territory of <paramref name="strategy"/>.</summary>
    /// <param name="account">The account.</param>
    /// <param name="strategy">The market strategy of its territory.</param>
    /// <returns>The first rule that matches, else <see cref="Default"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="account"/> or a rule is null.</exception>
    public CoverageRule Cover(Account account, MarketStrategy strategy)
    {
        Guard.NotNull(account);
        foreach (var rule in Rules)
        {
            if (Guard.NotNull(rule, nameof(Rules)).Matches(account, strategy))
            {
                return rule;
            }
        }

        return Guard.NotNull(Default, nameof(Default));
    }

    /// <summary>Whether positions of <paramref name="role"/> make visits: every role but <see cref="PositionRole.InsideSales"/>.</summary>
    /// <param name="role">The role.</param>
    /// <returns>False for an inside-sales seat, true otherwise.</returns>
    public static bool Visits(PositionRole role) => role != PositionRole.InsideSales;
}
