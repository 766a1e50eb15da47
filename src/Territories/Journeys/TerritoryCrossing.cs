using Territories.Model;

namespace Territories.Journeys;

/// <summary>A visit made by a position that does not cover the account's territory.</summary>
/// <param name="Account">The account visited.</param>
/// <param name="Territory">The account's territory.</param>
/// <param name="Position">The position making the visit.</param>
/// <param name="Day">The 0-based cycle day.</param>
public sealed record TerritoryCrossing(AccountId Account, TerritoryId Territory, PositionId Position, int Day);
