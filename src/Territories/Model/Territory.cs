using System.Collections.Immutable;

namespace Territories.Model;

/// <summary>A named area at one level of the territory hierarchy (region ⊃ area ⊃ territory).</summary>
/// <remarks>
/// Immutable; change through <c>with</c>. <see cref="NamedAccounts"/> are assigned to this territory
/// whatever their location (overrides beat geography). Level names are checked against the model's
/// levels by <see cref="ModelValidator"/>.
/// </remarks>
/// <param name="Id">The territory's id.</param>
public sealed record Territory(TerritoryId Id)
{
    private readonly ImmutableArray<PositionId> _positions = [];
    private readonly ImmutableArray<AccountId> _namedAccounts = [];
    private readonly ImmutableDictionary<string, string> _attributes = ImmutableDictionary<string, string>.Empty;

    /// <summary>A display name; null to show the id.</summary>
    public string? Name { get; init; }

    /// <summary>The boundary; null for a territory defined by named accounts only, or by its children.</summary>
    public TerritoryBoundary? Boundary { get; init; }

    /// <summary>The hierarchy level, one of the model's levels; <c>territory</c> by default.</summary>
    public string Level { get; init; } = SalesModel.TerritoryLevel;

    /// <summary>The territory this one belongs to; null at the top.</summary>
    public TerritoryId? Parent { get; init; }

    /// <summary>The positions that cover this territory; empty by default.</summary>
    public ImmutableArray<PositionId> Positions
    {
        get => _positions;
        init => _positions = value.IsDefault ? [] : value;
    }

    /// <summary>Accounts assigned to this territory whatever their location; empty by default.</summary>
    public ImmutableArray<AccountId> NamedAccounts
    {
        get => _namedAccounts;
        init => _namedAccounts = value.IsDefault ? [] : value;
    }

    /// <summary>
    /// Other facts about the territory as the source system names them (for example a GeoJSON
    /// feature's other properties: population, sales, region code), as text; empty by default. Read
    /// by nothing in the core: carried through for the caller, for design attributes and for display.
    /// </summary>
    public ImmutableDictionary<string, string> Attributes
    {
        get => _attributes;
        init => _attributes = value ?? ImmutableDictionary<string, string>.Empty;
    }
}
