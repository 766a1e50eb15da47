using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Territories.Design;

namespace Territories.Quality;

/// <summary>
/// Designs a balanced plan, drifts the first attribute by up to ±D (by default a west-to-east gradient:
/// the west loses D, the east gains D; or each unit by its own random factor in [1 − D, 1 + D]), realigns, and prints one JSON line: balance restored,
/// units and volume moved, the lower bound on the volume that had to move, and their ratio; and, as a
/// reference, the volume a realignment needs when units only cross existing borders (<see cref="NeighbourFlowBound"/>).
/// </summary>
internal sealed class RealignCommand : ICommand
{
    public string Name => "realign";

    public string Usage => "realign --units FILE --id-property P --attribute A | --synthetic N  --k K --tolerance T --drift D [--drift-mode gradient|random] --seconds S [--seed N] [--export DIR]";

    public int Run(Options options)
    {
        var seed = options.Int("seed", 0);
        var problems = new List<object>();
        var input = options.Optional("synthetic") is { } synthetic
            ? SyntheticUnits.Accounts(int.Parse(synthetic, CultureInfo.InvariantCulture), seed)
            : DesignCommand.ReadUnits(options.Required("units"), options.Optional("id-property") ?? "id", options.Required("attribute").Split(','), problems);
        if (input is null)
        {
            Console.WriteLine(JsonSerializer.Serialize(new { error = $"{problems.Count} problem(s) in the units file.", errors = problems.Take(50) }));
            return 1;
        }

        var designer = new TerritoryDesigner(new DesignOptions
        {
            TerritoryCount = options.Int("k", 10),
            Tolerance = options.Double("tolerance", 0.05),
            TimeLimit = TimeSpan.FromSeconds(options.Double("seconds", 10)),
            Seed = seed,
            ComputeBoundaries = false,
            ComputeBaseline = false,
        });
        var designed = designer.Design(input);
        if (!designed.IsT0)
        {
            Console.WriteLine(JsonSerializer.Serialize(new { error = "initial design not balanced: " + designed.AsT1 }));
            return 1;
        }

        var drift = options.Double("drift", 0.2);
        var longitudes = input.Units.Select(Longitude).ToList();
        double west = longitudes.Min(), east = longitudes.Max();
        var gradient = options.Optional("drift-mode") != "random";
        var random = new Random(seed + 1);
        var drifted = input.WithUnits(input.Units.Select(u =>
        {
            var position = gradient ? (Longitude(u) - west) / Math.Max(east - west, 1e-12) : random.NextDouble();
            var factor = 1 + (drift * ((2 * position) - 1));
            return u.WithAttributes(u.Attributes.Select((v, k) => k == 0 ? v * factor : v));
        }));
        var before = designer.Evaluate(drifted, designed.AsT0.Alignment).Match(r => r.MaxRelativeDeviation, _ => double.NaN);
        var clock = Stopwatch.StartNew();
        var outcome = designer.Realign(drifted, designed.AsT0.Alignment);
        var seconds = clock.Elapsed.TotalSeconds;
        var result = outcome.Match(r => r, f => f.BestRealignment);
        if (result is null)
        {
            Console.WriteLine(JsonSerializer.Serialize(new { error = outcome.AsT1.ToString() }));
            return 1;
        }

        var flow = NeighbourFlowBound.Compute(drifted, designed.AsT0.Alignment, options.Double("tolerance", 0.05));
        if (options.Optional("export") is { } export)
        {
            Export(export, drifted, designed.AsT0.Alignment, result, options.Double("tolerance", 0.05));
        }

        Console.WriteLine(JsonSerializer.Serialize(new
        {
            units = input.Units.Length,
            k = result.Design.Report.Territories.Length,
            driftedMaxDeviation = Math.Round(before, 5),
            balanced = result.Design.Report.IsBalanced,
            maxDeviation = Math.Round(result.Design.Report.MaxRelativeDeviation, 5),
            contiguous = result.Design.Report.ContiguousTerritories,
            movedUnits = result.MovedUnits.Length,
            volumeMoved = Math.Round(result.VolumeMoved[0], 3),
            volumeLowerBound = Math.Round(result.VolumeLowerBound[0], 3),
            ratio = result.VolumeLowerBound[0] > 0 ? Math.Round(result.VolumeMoved[0] / result.VolumeLowerBound[0], 3) : (double?)null,
            neighbourFlow = Math.Round(flow, 3),
            ratioToNeighbourFlow = flow > 0 ? Math.Round(result.VolumeMoved[0] / flow, 3) : (double?)null,
            seconds = Math.Round(seconds, 3),
        }));
        return 0;
    }

    /// <summary>
    /// Writes the realignment instance for an exact solver (benchmarks/Territories.OrTools
    /// <c>realign-exact</c>): units.csv (index, id, original and realigned territory index, attribute
    /// values as drifted), links.csv (the unit graph the designer used, by index) and meta.json (k,
    /// tolerance, our volume moved and proven bound).
    /// </summary>
    private static void Export(string dir, DesignInput drifted, Alignment original, RealignmentResult result, double tolerance)
    {
        Directory.CreateDirectory(dir);
        var links = new TerritoryDesigner().Neighbours(drifted).Match(l => l, f => throw new InvalidOperationException(f.ToString()));
        var territories = original.Territories.ToList();
        var index = territories.Select((id, t) => (id, t)).ToDictionary(e => e.id, e => e.t);
        var position = new Dictionary<string, int>(StringComparer.Ordinal);
        var units = new System.Text.StringBuilder("index,id,original,realigned," + string.Join(",", drifted.AttributeNames) + "\n");
        for (var i = 0; i < drifted.Units.Length; i++)
        {
            var unit = drifted.Units[i];
            position[unit.Id] = i;
            var before = original.TryGetTerritory(unit.Id, out var o) ? index[o] : -1;
            var after = result.Design.Alignment.TryGetTerritory(unit.Id, out var r) ? index[r] : -1;
            units.Append(CultureInfo.InvariantCulture, $"{i},{unit.Id},{before},{after}");
            foreach (var value in unit.Attributes)
            {
                units.Append(CultureInfo.InvariantCulture, $",{value:R}");
            }

            units.Append('\n');
        }

        var edges = new System.Text.StringBuilder("a,b\n");
        foreach (var (a, b) in links.Select(l => (position[l.From], position[l.To])).Select(e => e.Item1 < e.Item2 ? e : (e.Item2, e.Item1)).Order())
        {
            edges.Append(CultureInfo.InvariantCulture, $"{a},{b}\n");
        }

        File.WriteAllText(Path.Combine(dir, "units.csv"), units.ToString());
        File.WriteAllText(Path.Combine(dir, "links.csv"), edges.ToString());
        File.WriteAllText(Path.Combine(dir, "meta.json"), JsonSerializer.Serialize(new
        {
            k = territories.Count,
            tolerance,
            volumeMoved = result.VolumeMoved[0],
            volumeLowerBound = result.VolumeLowerBound[0],
        }));
    }

    private static double Longitude(DesignUnit unit)
    {
        if (unit.Location is { } p)
        {
            return p.Longitude;
        }

        var b = unit.Boundary?.Bounds ?? default;
        return (b.West + b.East) / 2;
    }
}
