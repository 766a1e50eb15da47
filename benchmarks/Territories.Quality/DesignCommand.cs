using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Territories.Design;

namespace Territories.Quality;

/// <summary>
/// Designs territories from polygon or point units and prints one JSON line: the maximum deviation
/// per attribute, contiguous territories, compactness (ours and the balanced k-means baseline) and
/// seconds; optionally writes <c>unit_id,territory_id</c>.
/// </summary>
internal sealed class DesignCommand : ICommand
{
    public string Name => "design";

    public string Usage => "design --units FILE.geojson|FILE.csv --id-property P --attribute A[,A2] --k K --tolerance T --seconds S [--seed N] [--out FILE.csv]  |  design --synthetic N --k K --tolerance T --seconds S (seeded clustered accounts with a workload)";

    public int Run(Options options)
    {
        var attributes = (options.Optional("synthetic") is null ? options.Required("attribute") : "workload").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var input = options.Optional("synthetic") is { } synthetic
            ? SyntheticUnits.Accounts(int.Parse(synthetic, CultureInfo.InvariantCulture), options.Int("seed", 0))
            : DesignUnitsFile.Read(options.Required("units"), options.Optional("id-property") ?? "id", attributes);
        var designer = new TerritoryDesigner(new DesignOptions
        {
            TerritoryCount = options.Int("k", 10),
            Tolerance = options.Double("tolerance", 0.05),
            TimeLimit = TimeSpan.FromSeconds(options.Double("seconds", 10)),
            Seed = options.Int("seed", 0),
            ComputeBoundaries = false,
        });
        var clock = Stopwatch.StartNew();
        var outcome = designer.Design(input);
        var seconds = clock.Elapsed.TotalSeconds;
        var result = outcome.Match<DesignResult?>(r => r, f => f.BestEffort);
        var error = outcome.Match<string?>(_ => null, f => f.ToString());
        if (result is null)
        {
            Console.WriteLine(JsonSerializer.Serialize(new { error }));
            return 1;
        }

        if (options.Optional("out") is { } outPath)
        {
            var csv = new StringBuilder("unit_id,territory_id\n");
            foreach (var (unit, territory) in result.Alignment.Entries)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{unit},{territory}\n");
            }

            File.WriteAllText(outPath, csv.ToString());
        }

        Console.WriteLine(JsonSerializer.Serialize(Summary(input.Units.Length, result.Report, result.Baseline, seconds, result.StoppedEarly, error)));
        return 0;
    }

    internal static object Summary(int units, DesignReport report, DesignReport? baseline, double seconds, bool stoppedEarly, string? error) => new
    {
        units,
        k = report.Territories.Length,
        balanced = report.IsBalanced,
        maxDeviation = report.Balance.ToDictionary(b => b.Attribute, b => Math.Round(b.MaxRelativeDeviation, 5)),
        deviationLowerBound = report.Balance.ToDictionary(b => b.Attribute, b => Math.Round(b.DeviationLowerBound, 5)),
        contiguous = report.ContiguousTerritories,
        islands = report.IslandUnits.Length,
        momentOfInertia = Math.Round(report.MomentOfInertia, 3),
        polsbyPopper = report.MeanPolsbyPopper is { } pp ? Math.Round(pp, 4) : (double?)null,
        baseline = baseline is null ? null : new
        {
            maxDeviation = baseline.Balance.ToDictionary(b => b.Attribute, b => Math.Round(b.MaxRelativeDeviation, 5)),
            contiguous = baseline.ContiguousTerritories,
            momentOfInertia = Math.Round(baseline.MomentOfInertia, 3),
            polsbyPopper = baseline.MeanPolsbyPopper is { } bp ? Math.Round(bp, 4) : (double?)null,
        },
        seconds = Math.Round(seconds, 3),
        stoppedEarly,
        error,
    };
}
