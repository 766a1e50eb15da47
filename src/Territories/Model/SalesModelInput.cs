namespace Territories.Model;

/// <summary>The parts of a sales model before validation; hand it to <see cref="SalesModel.Create"/> or <see cref="ModelValidator.Validate"/>.</summary>
/// <remarks>Every collection defaults to empty; <see cref="Cycle"/> defaults to 4 weeks, Monday–Friday.</remarks>
public sealed record SalesModelInput
{
    /// <summary>The accounts.</summary>
    public IReadOnlyList<Account> Accounts { get; init; } = [];

    /// <summary>The sales positions.</summary>
    public IReadOnlyList<SalesPosition> Positions { get; init; } = [];

    /// <summary>The territories at every level.</summary>
    public IReadOnlyList<Territory> Territories { get; init; } = [];

    /// <summary>The activity types; <see cref="ActivityType.Defaults"/> by default.</summary>
    public IReadOnlyList<ActivityType> ActivityTypes { get; init; } = ActivityType.Defaults;

    /// <summary>The market position of each territory that has one.</summary>
    public IReadOnlyList<MarketPosition> MarketPositions { get; init; } = [];

    /// <summary>The product roles.</summary>
    public IReadOnlyList<ProductRole> ProductRoles { get; init; } = [];

    /// <summary>The hierarchy levels from the top down; <c>region</c>, <c>area</c>, <c>territory</c> by default.</summary>
    public IReadOnlyList<string> Levels { get; init; } = SalesModel.DefaultLevels;

    /// <summary>The journey cycle; 4 weeks, Monday–Friday by default.</summary>
    public JourneyCycle Cycle { get; init; } = JourneyCycle.Create(4);
}
