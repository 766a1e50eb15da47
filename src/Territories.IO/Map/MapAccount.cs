using Territories.Model;

namespace Territories.IO.Map;

/// <summary>An account as the sales map and the GeoJSON export show it.</summary>
/// <remarks>
/// Immutable; change through <c>with</c>. The texts (<see cref="Frequency"/>, <see cref="Weekday"/>)
/// are shown as given, so the caller formats them in the user's vocabulary ("A4 per 28 days", "Tue
/// weeks 1+3"). The location must be finite; <see cref="SalesMapData"/> checks it.
/// </remarks>
/// <param name="Id">The account's id.</param>
/// <param name="Location">Where the account is (WGS84 degrees).</param>
public sealed record MapAccount(AccountId Id, GeoPoint Location)
{
    /// <summary>A display name; null when unknown.</summary>
    public string? Name { get; init; }

    /// <summary>The account class (A, B, C, …) that colours its marker; null when unclassified.</summary>
    public string? Class { get; init; }

    /// <summary>The territory the account belongs to; null when unassigned.</summary>
    public TerritoryId? Territory { get; init; }

    /// <summary>The visit frequency as display text; null when not visited.</summary>
    public string? Frequency { get; init; }

    /// <summary>The position that visits the account; null when unplanned.</summary>
    public PositionId? Position { get; init; }

    /// <summary>The day or days of the visits as display text (for example "Tue"); null when unplanned.</summary>
    public string? Weekday { get; init; }

    /// <summary>Builds the map view of a model account (id, location, name, class, territory).</summary>
    public static MapAccount FromAccount(Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return new MapAccount(account.Id, account.Location)
        {
            Name = account.Name,
            Class = account.Class,
            Territory = account.Territory,
        };
    }
}
