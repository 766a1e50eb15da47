using System.Collections.Immutable;

namespace Territories.Model;

/// <summary>What is visited: an outlet, a customer site, a health-care professional.</summary>
/// <remarks>
/// Immutable; change through <c>with</c>. The constructor takes what every account has (id and
/// location); everything else is optional with the defaults documented on each property. Values are
/// not range-checked here so that a whole data set can be loaded and every problem reported at once
/// by <see cref="ModelValidator"/>. Equality is by value (collections by reference).
/// </remarks>
/// <param name="Id">The account's id.</param>
/// <param name="Location">Where the account is (WGS84).</param>
public sealed record Account(AccountId Id, GeoPoint Location)
{
    private readonly ImmutableDictionary<string, double> _activityNeeds = ImmutableDictionary<string, double>.Empty;
    private readonly ImmutableDictionary<string, string> _attributes = ImmutableDictionary<string, string>.Empty;

    /// <summary>A display name; null when unknown.</summary>
    public string? Name { get; init; }

    /// <summary>The account class (A, B, C, …); null when unclassified.</summary>
    public string? Class { get; init; }

    /// <summary>The trade channel (supermarket, pharmacy, hospital, …); null when unknown.</summary>
    public string? Channel { get; init; }

    /// <summary>The account's sales potential per year, in the model's currency; 0 when unknown.</summary>
    public decimal Potential { get; init; }

    /// <summary>Where the account stands in its buying journey.</summary>
    public JourneyStage Stage { get; init; }

    /// <summary>Hours per cycle the account needs of each activity id (see <see cref="ActivityType"/>); empty by default.</summary>
    public ImmutableDictionary<string, double> ActivityNeeds
    {
        get => _activityNeeds;
        init => _activityNeeds = value ?? ImmutableDictionary<string, double>.Empty;
    }

    /// <summary>When the account can be visited; <see cref="OpeningHours.AlwaysOpen"/> by default.</summary>
    public OpeningHours OpeningHours { get; init; } = OpeningHours.AlwaysOpen;

    /// <summary>Time on site per visit when the visit requirement does not say; 15 minutes by default.</summary>
    public TimeSpan ServiceTime { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>The visits the account needs; null when it is not to be visited.</summary>
    public VisitRequirement? Visit { get; init; }

    /// <summary>The territory the source system assigns the account to; null to assign by geography.</summary>
    public TerritoryId? Territory { get; init; }

    /// <summary>
    /// Other facts about the account as the source system names them (for example the extra columns
    /// of an account CSV: segment, key-account flag, sales rep code), as text; empty by default. Read by
    /// nothing in the core: carried through for the caller.
    /// </summary>
    public ImmutableDictionary<string, string> Attributes
    {
        get => _attributes;
        init => _attributes = value ?? ImmutableDictionary<string, string>.Empty;
    }
}
