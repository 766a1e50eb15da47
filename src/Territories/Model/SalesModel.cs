using System.Collections.Frozen;
using System.Collections.Immutable;
using OneOf;
using Territories.Internal;

namespace Territories.Model;

/// <summary>A validated sales model: accounts, positions, territories, activities, market positions, product roles and the journey cycle.</summary>
/// <remarks>
/// Built only through <see cref="Create"/>, which validates everything at once, so a
/// <see cref="SalesModel"/> in hand is known to be consistent: ids unique, references resolved,
/// hierarchies acyclic, coordinates and durations sound. Collections are sorted by id (ordinal), so
/// two models built from the same items in any order are identical. Immutable and thread-safe.
/// </remarks>
public sealed class SalesModel
{
    /// <summary>The name of the lowest hierarchy level.</summary>
    public const string TerritoryLevel = "territory";

    private readonly FrozenDictionary<AccountId, Account> _accounts;
    private readonly FrozenDictionary<PositionId, SalesPosition> _positions;
    private readonly FrozenDictionary<TerritoryId, Territory> _territories;

    private SalesModel(SalesModelInput input)
    {
        Accounts = [.. input.Accounts.OrderBy(a => a.Id)];
        Positions = [.. input.Positions.OrderBy(p => p.Id)];
        Territories = [.. input.Territories.OrderBy(t => t.Id)];
        ActivityTypes = [.. input.ActivityTypes.OrderBy(a => a.Id, StringComparer.Ordinal)];
        MarketPositions = [.. input.MarketPositions.OrderBy(m => m.Territory)];
        ProductRoles = [.. input.ProductRoles.OrderBy(p => p.ProductId, StringComparer.Ordinal)];
        Levels = [.. input.Levels];
        Cycle = input.Cycle;
        _accounts = Accounts.ToFrozenDictionary(a => a.Id);
        _positions = Positions.ToFrozenDictionary(p => p.Id);
        _territories = Territories.ToFrozenDictionary(t => t.Id);
    }

    /// <summary>The default hierarchy levels, top down.</summary>
    public static IReadOnlyList<string> DefaultLevels { get; } = ["region", "area", TerritoryLevel];

    /// <summary>The accounts, sorted by id.</summary>
    public ImmutableArray<Account> Accounts { get; }

    /// <summary>The positions, sorted by id.</summary>
    public ImmutableArray<SalesPosition> Positions { get; }

    /// <summary>The territories at every level, sorted by id.</summary>
    public ImmutableArray<Territory> Territories { get; }

    /// <summary>The activity types, sorted by id.</summary>
    public ImmutableArray<ActivityType> ActivityTypes { get; }

    /// <summary>The market positions, sorted by territory id.</summary>
    public ImmutableArray<MarketPosition> MarketPositions { get; }

    /// <summary>The product roles, sorted by product id.</summary>
    public ImmutableArray<ProductRole> ProductRoles { get; }

    /// <summary>The hierarchy levels, top down.</summary>
    public ImmutableArray<string> Levels { get; }

    /// <summary>The journey cycle.</summary>
    public JourneyCycle Cycle { get; }

    /// <summary>Validates <paramref name="input"/> and builds the model, or returns every problem found.</summary>
    /// <param name="input">The model's parts.</param>
    /// <returns>The model, or a <see cref="ModelValidationFailure"/> listing every error.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> or one of its collections or items is null.</exception>
    public static OneOf<SalesModel, ModelValidationFailure> Create(SalesModelInput input)
    {
        var errors = ModelValidator.Validate(input);
        return errors.IsEmpty ? new SalesModel(input) : new ModelValidationFailure(errors);
    }

    /// <summary>The account with id <paramref name="id"/>, or null.</summary>
    public Account? FindAccount(AccountId id) => _accounts.GetValueOrDefault(id);

    /// <summary>The position with id <paramref name="id"/>, or null.</summary>
    public SalesPosition? FindPosition(PositionId id) => _positions.GetValueOrDefault(id);

    /// <summary>The territory with id <paramref name="id"/>, or null.</summary>
    public Territory? FindTerritory(TerritoryId id) => _territories.GetValueOrDefault(id);

    /// <summary>Returns a model with <paramref name="accounts"/> instead of the current accounts, validated again.</summary>
    public OneOf<SalesModel, ModelValidationFailure> WithAccounts(IEnumerable<Account> accounts) =>
        Create(ToInput() with { Accounts = [.. Guard.NotNull(accounts)] });

    /// <summary>Returns a model with <paramref name="territories"/> instead of the current territories, validated again.</summary>
    public OneOf<SalesModel, ModelValidationFailure> WithTerritories(IEnumerable<Territory> territories) =>
        Create(ToInput() with { Territories = [.. Guard.NotNull(territories)] });

    /// <summary>The model's parts, for building a changed model.</summary>
    public SalesModelInput ToInput() => new()
    {
        Accounts = Accounts,
        Positions = Positions,
        Territories = Territories,
        ActivityTypes = ActivityTypes,
        MarketPositions = MarketPositions,
        ProductRoles = ProductRoles,
        Levels = Levels,
        Cycle = Cycle,
    };
}
