using System.Collections.Immutable;
using Territories.Internal;
using Territories.Model;

namespace Territories.Mix;

/// <summary>
/// One line of a coverage model: which role serves the accounts it matches, and how (visits in the
/// field, or calls from the desk).
/// </summary>
/// <remarks>
/// <para>
/// A rule matches an account when every condition it states holds: its <see cref="Channel"/> (the
/// account's trade channel, compared ignoring case), one of its <see cref="Classes"/> (the account's
/// class, ignoring case) and one of its <see cref="Strategies"/> (the market strategy derived for the
/// account's territory). A condition left empty matches every account.
/// </para>
/// <para>
/// <see cref="Mode"/> <see cref="ActivityChannel.Field"/> keeps the account's visits (its visit
/// requirement, unchanged) with the role's positions; <see cref="ActivityChannel.Remote"/> serves it
/// from the desk: no visits, only remote activities (its <see cref="Account.ActivityNeeds"/> for them).
/// An <see cref="PositionRole.InsideSales"/> seat works remotely only, so a rule sending field
/// accounts to it is an error of the model (<see cref="MixErrorCode.RoleCannotVisit"/>).
/// </para>
/// <para>Immutable; collections default to empty.</para>
/// </remarks>
/// <param name="Role">The role whose positions serve the accounts the rule matches.</param>
public sealed record CoverageRule(PositionRole Role)
{
    private readonly ImmutableArray<string> _classes = [];
    private readonly ImmutableArray<MarketStrategy> _strategies = [];

    /// <summary>The trade channel the account must have (ignoring case); null for any.</summary>
    public string? Channel { get; init; }

    /// <summary>The classes the account must have one of (ignoring case); empty (the default) for any.</summary>
    public ImmutableArray<string> Classes
    {
        get => _classes;
        init => _classes = value.IsDefault ? [] : value;
    }

    /// <summary>The market strategies of the account's territory the rule applies to; empty (the default) for any.</summary>
    public ImmutableArray<MarketStrategy> Strategies
    {
        get => _strategies;
        init => _strategies = value.IsDefault ? [] : value;
    }

    /// <summary>How the role serves the accounts: <see cref="ActivityChannel.Field"/> (visits, the default) or <see cref="ActivityChannel.Remote"/> (from the desk, no visits).</summary>
    public ActivityChannel Mode { get; init; }

    /// <summary>Whether the rule applies to <paramref name="account"/> in a territory of <paramref name="strategy"/>.</summary>
    /// <param name="account">The account.</param>
    /// <param name="strategy">The market strategy of the account's territory.</param>
    /// <returns>True when every condition the rule states holds.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="account"/> is null.</exception>
    public bool Matches(Account account, MarketStrategy strategy)
    {
        Guard.NotNull(account);
        return (Channel is null || string.Equals(Channel, account.Channel, StringComparison.OrdinalIgnoreCase))
            && (Classes.IsEmpty || (account.Class is { } c && Classes.Any(x => string.Equals(x, c, StringComparison.OrdinalIgnoreCase))))
            && (Strategies.IsEmpty || Strategies.Contains(strategy));
    }
}
