using System.Collections.Immutable;
using System.Globalization;
using Territories.Design;
using Territories.Model;

namespace Quickstart;

/// <summary>The designed territories, each covered by one position based at its largest place.</summary>
internal sealed record DesignedTerritories(ImmutableArray<Territory> Territories, ImmutableArray<SalesPosition> Positions, DesignReport Report, bool Balanced, bool StoppedEarly);

/// <summary>
/// Step 4: new territories for <c>positions</c> representatives, built from the county polygons with
/// the outlets' field hours per cycle as the attribute to balance (contiguous, compact, within 10 %
/// where the counties allow it). A county is not split, so a county heavier than a territory's share
/// (Cuyahoga, around Cleveland, in the sample) bounds the balance: the best design found is then used
/// and the deviation and the designer's lower bound printed. Each territory gets one position based at its most
/// populous place and is named after it.
/// </summary>
internal static class DesignTerritoriesStep
{
    private const double Tolerance = 0.10;

    // A round bound rather than the time limit ends the search, so the design is the same on every run.
    private const int DesignRounds = 3;

    public static DesignedTerritories? Run(IReadOnlyList<Territory> units, IReadOnlyList<Account> places, IReadOnlyList<Account> outlets, JourneyCycle cycle, int positions, int seed, TextWriter output)
    {
        var hours = outlets
            .Where(o => o.Territory is not null)
            .GroupBy(o => o.Territory!.Value)
            .ToDictionary(g => g.Key, g => g.Sum(o => GenerateOutletsStep.HoursPerCycle(o, cycle)));
        var designUnits = units
            .Where(u => u.Boundary is not null)
            .Select(u => DesignUnit.FromPolygon(u.Id.Value, u.Boundary!, [hours.GetValueOrDefault(u.Id)]));
        var input = DesignInput.Create(["field-hours"], designUnits);
        var designer = new TerritoryDesigner(new DesignOptions { TerritoryCount = positions, Tolerance = Tolerance, Seed = seed, MaxRounds = DesignRounds, ComputeBaseline = false, TimeLimit = TimeSpan.FromSeconds(30) });
        // Before searching: can any contiguous plan of these units meet the tolerance at all?
        if (designer.CheckTolerance(input).TryPickT0(out var check, out _) && check.IsProvablyInfeasible)
        {
            output.WriteLine(Invariant($"  ±{Tolerance:P0} is out of reach for any contiguous plan of these units; none beats {check.DeviationLowerBounds[0]:P1}. {check.Proof}"));
        }

        var designed = designer.Design(input, new Reporter<DesignProgress>(p =>
            output.WriteLine(Invariant($"  round {p.Round}: balance violation {p.Violation:0.000}{(p.Balanced ? " (balanced)" : string.Empty)}"))));

        DesignResult result;
        if (designed.TryPickT0(out var balanced, out var failure))
        {
            result = balanced;
        }
        else if (failure.BestEffort is { } best)
        {
            output.WriteLine(Invariant($"  not balanced within {Tolerance:P0}: {failure}; using the best design found"));
            result = best;
        }
        else
        {
            output.WriteLine(Invariant($"  design failed: {failure}"));
            return null;
        }

        var largest = places
            .Where(p => p.Territory is not null && result.Alignment.TryGetTerritory(p.Territory.Value.Value, out _))
            .GroupBy(p => { result.Alignment.TryGetTerritory(p.Territory!.Value.Value, out var t); return t; })
            .ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.Potential).ThenBy(p => p.Id.Value, StringComparer.Ordinal).First());
        var territories = ImmutableArray.CreateBuilder<Territory>();
        var staff = ImmutableArray.CreateBuilder<SalesPosition>();
        foreach (var territory in result.Territories.OrderBy(t => t.Id.Value, StringComparer.Ordinal))
        {
            var home = largest.GetValueOrDefault(territory.Id);
            var position = new SalesPosition(new PositionId($"REP-{territory.Id.Value}"))
            {
                Name = $"{home?.Name ?? territory.Id.Value} representative",
                Role = PositionRole.TerritoryRepresentative,
                Base = home?.Location,
                Break = TimeSpan.FromMinutes(30),
            };
            staff.Add(position);
            territories.Add(territory with { Name = home?.Name ?? territory.Name, Positions = [position.Id] });
        }

        var report = result.Report;
        output.WriteLine(Invariant($"  {territories.Count} territories from {input.Units.Length} units: largest deviation {report.MaxRelativeDeviation:P1}, {report.ContiguousTerritories} contiguous{(result.StoppedEarly ? ", stopped at the time limit" : string.Empty)}"));
        return new DesignedTerritories(territories.ToImmutable(), staff.ToImmutable(), report, report.IsBalanced, result.StoppedEarly);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
