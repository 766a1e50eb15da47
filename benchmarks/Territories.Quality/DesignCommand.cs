using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.IO.Converters;
using Territories.Design;
using Territories.IO;
using Territories.IO.Design;

namespace Territories.Quality;

/// <summary>
/// Designs territories from polygon or point units and prints one JSON line: the maximum deviation
/// per attribute, contiguous territories, compactness (ours and the balanced k-means baseline) and
/// seconds; optionally writes <c>unit_id,territory_id</c> and the territory polygons.
/// </summary>
/// <remarks>
/// Never ends in an unhandled exception on odd input: unreadable files, missing or non-numeric
/// attribute values, bad geometry, invalid options and domain failures (K larger than the units,
/// islands that cannot hold a territory, a tolerance that cannot be met) all print a JSON object
/// with an <c>errors</c> list (code, ids, field, value, message) and exit with a non-zero code:
/// 1 for a design that failed or missed its tolerance (the best-effort plan is still written),
/// 2 for a bad command line or option.
/// Polygon units in separate pieces (islands, units touching the rest only at a corner) are joined
/// by island links (<see cref="IslandLink"/>): the JSON lists them (<c>islandLinks</c>: both units,
/// their pieces, the gap in km, the territory holding both ends) and the territories contiguous only
/// through them (<c>contiguousOnlyByIslandLinks</c>); that is a success, and
/// benchmarks/tools/check_design.py accepts exactly those links when given the JSON line.
/// Repairs made while reading (collapsed rings dropped, a polygon kept without area) are listed
/// under <c>warnings</c>, each naming the unit.
/// </remarks>
internal sealed class DesignCommand : ICommand
{
    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    public string Name => "design";

    public string Usage => "design --units FILE.geojson|FILE.csv --id-property P --attribute A[,A2] --k K --tolerance T --seconds S [--seed N] [--out FILE.csv] [--boundaries FILE.geojson] [--cancel-after S]  |  design --synthetic N --k K --tolerance T --seconds S [--cancel-after S] (seeded clustered accounts with a workload)";

    public int Run(Options options)
    {
        try
        {
            return Design(options);
        }
        catch (UsageException ex)
        {
            Console.WriteLine(JsonSerializer.Serialize(new { error = ex.Message, errors = new[] { Describe("InvalidOption", null, "options", null, ex.Message) } }));
            Console.Error.WriteLine($"usage: {Usage}");
            return 2;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Console.WriteLine(JsonSerializer.Serialize(new { error = ex.Message, errors = new[] { Describe("UnwritableFile", null, "out", null, ex.Message) } }));
            return 1;
        }
    }

    private static int Design(Options options)
    {
        var synthetic = options.Optional("synthetic");
        var attributes = (synthetic is null ? options.Required("attribute") : "workload").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (attributes.Length == 0 || attributes.Distinct(StringComparer.Ordinal).Count() != attributes.Length)
        {
            throw new UsageException($"--attribute must name one or more different attributes, not '{options.Optional("attribute")}'.");
        }

        var problems = new List<object>();
        var warnings = new List<object>();
        var input = synthetic is not null
            ? SyntheticUnits.Accounts(options.Int("synthetic", 0) is var count and > 0 ? count : throw new UsageException($"--synthetic must be a positive number of accounts, not '{synthetic}'."), options.Int("seed", 0))
            : ReadUnits(options.Required("units"), options.Optional("id-property") ?? "id", attributes, problems, warnings);
        if (input is null)
        {
            Console.WriteLine(JsonSerializer.Serialize(new { error = $"{problems.Count} problem(s) in the units file.", errors = problems.Take(50), errorCount = problems.Count }));
            return 1;
        }

        var boundaries = options.Optional("boundaries");
        foreach (var (option, target) in new[] { ("out", options.Optional("out")), ("boundaries", boundaries) })
        {
            if (target is not null && Path.GetDirectoryName(Path.GetFullPath(target)) is { } folder && !Directory.Exists(folder))
            {
                Console.WriteLine(JsonSerializer.Serialize(new { error = $"--{option}: no folder '{folder}'.", errors = new[] { Describe("UnwritableFile", null, option, target, $"The folder of --{option} '{target}' does not exist.") } }));
                return 2;
            }
        }

        TerritoryDesigner designer;
        DesignOptions designOptions;
        try
        {
            designer = new TerritoryDesigner(designOptions = new DesignOptions
            {
                TerritoryCount = options.Int("k", 10),
                Tolerance = options.Double("tolerance", 0.05),
                TimeLimit = TimeSpan.FromSeconds(options.Double("seconds", 10)),
                Seed = options.Int("seed", 0),
                ComputeBoundaries = boundaries is not null,
            });
        }
        catch (ArgumentException ex)
        {
            Console.WriteLine(JsonSerializer.Serialize(new { error = ex.Message, errors = new[] { Describe("InvalidOption", null, "options", null, ex.Message) } }));
            return 2;
        }

        using var cancel = CancelAfter.From(options);
        var clock = Stopwatch.StartNew();
        var outcome = designer.Design(input, null, cancel.Token);
        var latency = cancel.LatencyMilliseconds();
        var seconds = clock.Elapsed.TotalSeconds;
        var result = outcome.Match<DesignResult?>(r => r, f => f.BestEffort);
        var errors = outcome.Match(_ => [], f => f.Errors.Select(Describe).ToArray());
        if (result is not null && !result.Report.IslandUnits.IsEmpty)
        {
            // Units with no link to the rest (point or linked units only: polygon pieces get island
            // links) cannot join any territory contiguously: the plan is written, but not as a success.
            var islands = result.Report.IslandUnits;
            errors = [.. errors, new
            {
                code = "Islands",
                ids = islands.Take(20),
                idCount = islands.Length,
                field = "Units",
                value = (string?)islands.Length.ToString(CultureInfo.InvariantCulture),
                message = $"{islands.Length} unit(s) share no boundary or link with the main piece of the unit graph; they joined the nearest territory, which is therefore not contiguous.",
            }];
        }

        if (result is null)
        {
            Console.WriteLine(options.Optional("cancel-after") is null
                ? JsonSerializer.Serialize(new { error = outcome.AsT1.ToString(), errors })
                : JsonSerializer.Serialize(new { error = outcome.AsT1.ToString(), errors, seconds = Math.Round(seconds, 3), cancel_latency_ms = latency }));
            return 1;
        }

        if (options.Optional("out") is { } outPath)
        {
            var csv = new StringBuilder("unit_id,territory_id\n");
            foreach (var (unit, territory) in result.Alignment.Entries)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{TerritoryFiles.Csv(unit)},{TerritoryFiles.Csv(territory.Value)}\n");
            }

            File.WriteAllText(outPath, csv.ToString());
        }

        if (boundaries is not null)
        {
            var collection = new FeatureCollection();
            foreach (var t in result.Territories.Where(t => t.Boundary is not null))
            {
                collection.Add(new Feature(t.Boundary!.ToGeometry(), new AttributesTable { { "territory_id", t.Id.Value } }));
            }

            File.WriteAllText(boundaries, JsonSerializer.Serialize(collection, GeoJson));
        }

        var error = outcome.Match<string?>(_ => null, f => f.ToString());
        var summary = Summary(input.Units.Length, result.Report, result.Baseline, seconds, result.StoppedEarly, error, errors, result.Alignment, [.. warnings]);
        if (options.Optional("cancel-after") is not null)
        {
            Console.WriteLine(JsonSerializer.Serialize(new { design = summary, cancel_latency_ms = latency }));
            return errors.Length == 0 ? 0 : 1;
        }

        Console.WriteLine(JsonSerializer.Serialize(summary));
        return errors.Length == 0 ? 0 : 1;
    }

    /// <summary>The units of a file read by the public reader, or null with every problem described in <paramref name="problems"/>.</summary>
    internal static DesignInput? ReadUnits(string path, string idProperty, string[] attributes, List<object> problems, List<object>? warnings = null)
    {
        ReadResult<DesignUnit> read;
        try
        {
            read = new DesignUnitReader(new DesignUnitReaderOptions { IdProperty = idProperty, Attributes = attributes }).ReadFile(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problems.Add(Describe(ex is FileNotFoundException ? "FileNotFound" : "UnreadableFile", null, "units", path, $"'{path}' could not be read: {ex.Message}"));
            return null;
        }

        problems.AddRange(read.Errors.Select(e => Describe(e.Code.ToString(), e.Id, e.Field, e.Value, e.Message)));
        warnings?.AddRange(read.Warnings.Select(w => Describe(w.Code.ToString(), w.Id, w.Field, w.Value, w.Message)));
        return read.HasErrors ? null : DesignInput.Create(attributes, read.Items);
    }

    internal static object Describe(string code, string? id, string? field, string? value, string message) => new
    {
        code,
        ids = id is null ? [] : new[] { id },
        idCount = id is null ? 0 : 1,
        field,
        value,
        message,
    };

    internal static object Describe(DesignError e) => new
    {
        code = e.Code.ToString(),
        ids = e.Ids.Take(20),
        idCount = e.Ids.Length,
        field = e.Field,
        value = e.Value,
        message = e.Message,
    };

    internal static object Summary(int units, DesignReport report, DesignReport? baseline, double seconds, bool stoppedEarly, string? error, object[]? errors = null, Alignment? alignment = null, object[]? warnings = null) => new
    {
        units,
        k = report.Territories.Length,
        balanced = report.IsBalanced,
        maxDeviation = report.Balance.ToDictionary(b => b.Attribute, b => Math.Round(b.MaxRelativeDeviation, 5)),
        deviationLowerBound = report.Balance.ToDictionary(b => b.Attribute, b => Math.Round(b.DeviationLowerBound, 5)),
        contiguous = report.ContiguousTerritories,
        islands = report.IslandUnits.Length,
        pieces = report.Pieces.Length,
        islandPieces = report.Pieces.Skip(1).Select((units, i) => new { piece = i + 1, units = units.Take(50), unitCount = units.Length }),
        islandLinks = report.IslandLinks.Select(l => new
        {
            from = l.From,
            fromPiece = l.FromPiece,
            to = l.To,
            toPiece = l.ToPiece,
            distanceKm = Math.Round(l.DistanceMetres / 1000, 3),
            territory = alignment is not null && alignment.TryGetTerritory(l.From, out var a) && alignment.TryGetTerritory(l.To, out var b) && a == b ? a.Value : null,
        }),
        contiguousOnlyByIslandLinks = alignment is null ? [] : report.IslandLinks
            .Select(l => alignment.TryGetTerritory(l.From, out var a) && alignment.TryGetTerritory(l.To, out var b) && a == b ? a.Value : null)
            .OfType<string>().Distinct().Order(StringComparer.Ordinal).ToArray(),
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
        errors,
        warnings = warnings ?? [],
    };
}
