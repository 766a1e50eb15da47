using System.Collections.Immutable;
using Territories.Model;

namespace Quickstart;

/// <summary>The territories with the positions that cover them.</summary>
internal sealed record Staffing(ImmutableArray<Territory> Territories, ImmutableArray<SalesPosition> Positions);

/// <summary>
/// Step 1c: one territory representative per territory, not vacant, based at the territory's largest
/// account (highest potential, then lowest id); a territory without accounts gets a position without
/// a base.
/// </summary>
internal static class StaffTerritoriesStep
{
    public static Staffing Run(IReadOnlyList<Territory> territories, IReadOnlyList<Account> accounts)
    {
        var largest = accounts
            .Where(a => a.Territory is not null)
            .GroupBy(a => a.Territory!.Value)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.Potential).ThenBy(a => a.Id).First());

        var positions = new List<SalesPosition>();
        var staffed = new List<Territory>();
        foreach (var territory in territories)
        {
            var position = new SalesPosition(new PositionId($"REP-{territory.Id}"))
            {
                Name = $"{territory.Name ?? territory.Id.Value} representative",
                Role = PositionRole.TerritoryRepresentative,
                IsVacant = false,
                Base = largest.TryGetValue(territory.Id, out var home) ? home.Location : null,
            };
            positions.Add(position);
            staffed.Add(territory with { Positions = [position.Id] });
        }

        return new Staffing([.. staffed], [.. positions]);
    }
}
