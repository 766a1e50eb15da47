using System.Collections.Immutable;
using System.Globalization;
using Territories.Model;
using Territories.Spatial;

namespace Quickstart;

/// <summary>
/// Step 5: every outlet to the designed territory whose polygon contains it. An outlet scattered
/// across the state line (outside every polygon) goes to the nearest territory; one on a shared border
/// to the first candidate by id.
/// </summary>
internal static class AssignOutletsStep
{
    public static ImmutableArray<Account>? Run(DesignedTerritories design, IReadOnlyList<Account> outlets, TextWriter output)
    {
        var created = TerritoryMap.Create(design.Territories);
        if (created.TryPickT1(out var failure, out var map))
        {
            output.WriteLine($"  the designed territories do not form a map: {failure}");
            return null;
        }

        // The outlets still name their county; cleared so that geography decides.
        var result = map.Assign(outlets.Select(o => o with { Territory = null }));
        var byId = outlets.ToDictionary(o => o.Id);
        var assigned = ImmutableArray.CreateBuilder<Account>(outlets.Count);
        var lost = 0;
        foreach (var assignment in result.Assignments)
        {
            TerritoryId? territory = assignment.Territory
                ?? (assignment.Candidates.IsEmpty ? assignment.NearestTerritory : assignment.Candidates[0]);
            if (territory is null)
            {
                lost++;
                continue;
            }

            assigned.Add(byId[assignment.Account] with { Territory = territory });
        }

        output.WriteLine(Invariant($"  {result.AssignedCount} inside a territory, {result.UnassignedCount} outside every polygon (given to the nearest), {result.AmbiguousCount} on a border, {result.InvalidLocationCount} invalid{(lost > 0 ? $", {lost} left out" : string.Empty)}"));
        var counts = assigned.GroupBy(a => a.Territory!.Value).ToDictionary(g => g.Key, g => g.Count());
        output.WriteLine("  " + string.Join("  ", design.Territories.Select(t => Invariant($"{t.Id.Value} {counts.GetValueOrDefault(t.Id)}"))));
        return assigned.ToImmutable();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
