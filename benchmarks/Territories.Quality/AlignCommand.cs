using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Territories.Model;
using Territories.Travel;
using Territories.Workload;

namespace Territories.Quality;

/// <summary>
/// <c>align</c>: territories, bases and journey plans shaped together by <see cref="TerritoryAligner"/>
/// from an accounts file; writes territories.csv, bases.csv, plan.csv and summary.json. With
/// <c>--compare</c>, first the same accounts designed on service time only (the usual approach) and
/// planned once, for a side-by-side line.
/// </summary>
internal sealed class AlignCommand : ICommand
{
    private const double SpeedKmh = 60;
    private const double Circuity = 1.25;
    // A round cut short by --cancel-after may have no routes: its ratios are then NaN or infinite.
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    private static readonly JsonSerializerOptions Line = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public string Name => "align";

    public string Usage => "align --accounts FILE.csv --positions N|auto --seconds S [--seed N] [--weeks 4] [--days-per-week 5] [--day-hours 8] [--bases FILE.csv] [--iterations 2000] [--compare] [--cancel-after S] --out DIR";

    public int Run(Options options)
    {
        var weeks = options.Int("weeks", 4);
        var daysPerWeek = options.Int("days-per-week", 5);
        var dayHours = options.Double("day-hours", 8);
        if (weeks is < 1 or > 52 || daysPerWeek is < 1 or > 7 || dayHours is <= 0 or > 24)
        {
            throw new UsageException("--weeks must be 1-52, --days-per-week 1-7 and --day-hours in (0, 24].");
        }

        var cycle = JourneyCycle.Create(weeks, Enum.GetValues<DayOfWeek>().OrderBy(JourneyCycle.MondayOffset).Take(daysPerWeek));
        var (accounts, errors) = AlignAccountsFile.Read(options.Required("accounts"), cycle);
        var bases = new List<GeoPoint>();
        if (options.Optional("bases") is { } basesPath)
        {
            bases.AddRange(ReadBases(basesPath, errors));
        }

        if (errors.Count > 0)
        {
            foreach (var error in errors.Take(50))
            {
                Console.Error.WriteLine(error);
            }

            Console.Error.WriteLine($"{errors.Count} error(s) in the input; nothing was aligned.");
            return 1;
        }

        var positions = options.Required("positions");
        int? count = positions == "auto" ? null
            : int.TryParse(positions, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n
            : throw new UsageException($"--positions must be a positive integer or 'auto', not '{positions}'.");
        var start = TimeSpan.FromHours(8);
        var template = new SalesPosition(new PositionId("template"))
        {
            WorkingDays = [.. cycle.WorkingDays],
            DailyHours = new TimeWindow(start, start + TimeSpan.FromHours(dayHours)),
        };
        var travel = new GreatCircleTravelModel(SpeedKmh, Circuity);
        var request = new AlignmentRequest(accounts, cycle, travel) { Position = template, Positions = count, Bases = [.. bases] };
        var seed = options.Int("seed", 1);
        var seconds = options.Double("seconds", 240);
        var alignOptions = new AlignmentOptions
        {
            Seed = seed,
            TimeLimit = TimeSpan.FromSeconds(seconds),
            PlanIterations = options.Int("iterations", 2000),
            MaxRounds = options.Int("rounds", 8),
        };
        var output = options.Required("out");
        Directory.CreateDirectory(output);

        Dictionary<string, object?>? baseline = null;
        if (options.Flag("compare"))
        {
            baseline = ServiceOnly(request, alignOptions);
            Console.WriteLine("service-only " + JsonSerializer.Serialize(baseline));
        }

        using var cancel = CancelAfter.From(options);
        var watch = Stopwatch.StartNew();
        var aligned = new TerritoryAligner(alignOptions).Align(request, new Progress(r =>
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round {r.Round.Round}: utilisation {r.Round.MinUtilisation:P1}-{r.Round.MaxUtilisation:P1} spread {r.Round.Spread:0.000}, unplanned {r.Round.Unplanned}, moved {r.Round.MovedAccounts}, {r.Round.Elapsed.TotalSeconds:0.0} s"))), cancel.Token);
        var latency = cancel.LatencyMilliseconds();
        watch.Stop();
        if (aligned.TryPickT1(out var failure, out var result))
        {
            foreach (var error in failure.Errors)
            {
                Console.Error.WriteLine(error);
            }

            return 1;
        }

        Write(output, result, watch.Elapsed, travel, cycle, dayHours, baseline, options.Optional("cancel-after") is not null, latency);
        foreach (var finding in result.Findings)
        {
            Console.Error.WriteLine(finding);
        }

        return 0;
    }

    private static Dictionary<string, object?> ServiceOnly(AlignmentRequest request, AlignmentOptions options)
    {
        // Today's approach: balance service time only, one design, one plan per territory.
        var serviceOnly = new AlignmentOptions
        {
            Seed = options.Seed,
            TimeLimit = options.TimeLimit,
            PlanIterations = options.PlanIterations,
            MaxRounds = 1,
            Workload = new WorkloadOptions { TourFactor = 0, StemFactor = 0 },
        };
        var result = new TerritoryAligner(serviceOnly).Align(request with { Positions = request.Positions ?? new WorkloadEstimator().Size(request.Accounts, request.Position, request.Cycle, request.TravelModel)!.Positions }).AsT0;
        return Figures(result);
    }

    private static Dictionary<string, object?> Figures(AlignmentResult result) => new()
    {
        ["positions"] = result.Positions.Length,
        ["spread"] = Math.Round(result.Best.Spread, 3),
        ["utilisation_min"] = Math.Round(result.Best.MinUtilisation, 3),
        ["utilisation_max"] = Math.Round(result.Best.MaxUtilisation, 3),
        ["unplanned"] = result.Positions.Sum(p => p.Unplanned),
        ["travel_km"] = Math.Round(result.Positions.Sum(p => p.Plan.Kpis.TotalDistanceMetres) / 1000, 1),
        ["contiguous"] = result.Design.Report.ContiguousTerritories,
    };

    private static void Write(string output, AlignmentResult result, TimeSpan elapsed, GreatCircleTravelModel travel, JourneyCycle cycle, double dayHours, Dictionary<string, object?>? baseline, bool cancelRequested, double? latency)
    {
        var territories = new StringBuilder("account_id,territory_id\n");
        foreach (var (account, territory) in result.Assignment.OrderBy(e => e.Key.Value, StringComparer.Ordinal))
        {
            territories.Append(Csv(account.Value)).Append(',').Append(Csv(territory.Value)).Append('\n');
        }

        File.WriteAllText(Path.Combine(output, "territories.csv"), territories.ToString());
        var bases = new StringBuilder("territory_id,position_id,lat,lon\n");
        var plan = new StringBuilder("position_id,cycle_day,sequence,account_id,planned_arrival,planned_departure,activity\n");
        foreach (var position in result.Positions)
        {
            var home = position.Position.Base!.Value;
            bases.Append(CultureInfo.InvariantCulture, $"{Csv(position.Territory.Id.Value)},{Csv(position.Position.Id.Value)},{home.Latitude:0.######},{home.Longitude:0.######}\n");
            foreach (var route in position.Plan.Routes.OrderBy(r => r.Day))
            {
                for (var i = 0; i < route.Visits.Length; i++)
                {
                    var visit = route.Visits[i];
                    plan.Append(CultureInfo.InvariantCulture, $"{Csv(position.Position.Id.Value)},{route.Day},{i + 1},{Csv(visit.Account.Value)},{visit.Arrival:hh\\:mm\\:ss},{visit.Departure:hh\\:mm\\:ss},{Csv(visit.Activity ?? string.Empty)}\n");
                }
            }
        }

        File.WriteAllText(Path.Combine(output, "bases.csv"), bases.ToString());
        File.WriteAllText(Path.Combine(output, "plan.csv"), plan.ToString());
        var summary = new Dictionary<string, object?>
        {
            ["travel"] = new Dictionary<string, object> { ["model"] = "great-circle", ["speed_kmh"] = travel.SpeedKmh, ["circuity"] = travel.CircuityFactor },
            ["day_minutes"] = dayHours * 60,
            ["days_per_week"] = cycle.DaysPerWeek,
            ["cycle_days"] = cycle.DayCount,
            ["rounds"] = result.Rounds.Length,
            ["best_round"] = result.Best.Round,
            ["seconds"] = Math.Round(elapsed.TotalSeconds, 1),
            ["stop"] = result.Stop.ToString(),
            ["within_band"] = result.IsWithinBand,
            ["spread"] = Math.Round(result.Best.Spread, 3),
            ["unplanned"] = result.Positions.Sum(p => p.Unplanned),
            ["travel_km"] = Math.Round(result.Positions.Sum(p => p.Plan.Kpis.TotalDistanceMetres) / 1000, 1),
            ["contiguous_territories"] = result.Design.Report.ContiguousTerritories,
            ["unplanned_accounts"] = result.Positions.SelectMany(p => p.Plan.Unplanned.Select(u => new Dictionary<string, object>
            {
                ["position"] = p.Position.Id.Value,
                ["account"] = u.Account.Value,
                ["reason"] = u.Reason.ToString(),
                ["message"] = u.Message,
            })),
            ["sizing"] = result.Sizing?.ToString(),
            ["findings"] = result.Findings,
            ["history"] = result.Rounds.Select(r => new Dictionary<string, object>
            {
                ["round"] = r.Round,
                ["spread"] = Math.Round(r.Spread, 3),
                ["utilisation_min"] = Math.Round(r.MinUtilisation, 3),
                ["utilisation_max"] = Math.Round(r.MaxUtilisation, 3),
                ["unplanned"] = r.Unplanned,
                ["moved_accounts"] = r.MovedAccounts,
                ["seconds"] = Math.Round(r.Elapsed.TotalSeconds, 1),
            }),
            ["service_only"] = baseline,
            ["positions"] = result.Positions.Select(p => new Dictionary<string, object>
            {
                ["id"] = p.Position.Id.Value,
                ["territory"] = p.Territory.Id.Value,
                ["utilisation"] = Math.Round(p.Utilisation, 3),
                ["working_minutes"] = Math.Round(p.Plan.Routes.Sum(r => r.WorkingTime.TotalMinutes), 1),
                ["travel_minutes"] = Math.Round(p.Plan.Kpis.TotalTravelTime.TotalMinutes, 1),
                ["service_minutes"] = Math.Round(p.Plan.Kpis.TotalServiceTime.TotalMinutes, 1),
                ["km"] = Math.Round(p.Plan.Kpis.TotalDistanceMetres / 1000, 1),
                ["visits"] = p.Plan.Kpis.Visits,
                ["unplanned"] = p.Unplanned,
                ["estimated_minutes"] = Math.Round(p.Estimate.Total.TotalMinutes, 1),
                ["estimated_service_minutes"] = Math.Round(p.Estimate.Service.TotalMinutes, 1),
                ["estimated_travel_minutes"] = Math.Round(p.Estimate.Travel.TotalMinutes, 1),
                ["estimated_stem_minutes"] = Math.Round(p.Estimate.Stem.TotalMinutes, 1),
            }),
        };
        File.WriteAllText(Path.Combine(output, "summary.json"), JsonSerializer.Serialize(summary, Indented));
        var errors = result.Positions.Select(p => (p.Estimate.Total.TotalMinutes - p.Plan.Routes.Sum(r => r.WorkingTime.TotalMinutes)) / Math.Max(1, p.Plan.Routes.Sum(r => r.WorkingTime.TotalMinutes))).Select(Math.Abs).Order().ToArray();
        var line = new Dictionary<string, object?>
        {
            ["positions"] = result.Positions.Length,
            ["rounds"] = result.Rounds.Length,
            ["within_band"] = result.IsWithinBand,
            ["spread"] = Math.Round(result.Best.Spread, 3),
            ["unplanned"] = result.Positions.Sum(p => p.Unplanned),
            ["travel_km"] = Math.Round(result.Positions.Sum(p => p.Plan.Kpis.TotalDistanceMetres) / 1000, 1),
            ["contiguous"] = result.Design.Report.ContiguousTerritories,
            ["estimate_error_median"] = Math.Round(errors[errors.Length / 2], 3),
            ["estimate_error_worst"] = Math.Round(errors[^1], 3),
            ["seconds"] = Math.Round(elapsed.TotalSeconds, 1),
        };
        if (cancelRequested)
        {
            line["stop"] = result.Stop.ToString();
            line["cancel_latency_ms"] = latency;
        }

        Console.WriteLine(JsonSerializer.Serialize(line, Line));
    }

    private static IEnumerable<GeoPoint> ReadBases(string path, List<string> errors)
    {
        var lines = File.ReadAllLines(path);
        var header = lines.Length > 0 ? lines[0].Split(',').Select(h => h.Trim().ToLowerInvariant()).ToList() : [];
        int lat = header.IndexOf("lat"), lon = header.IndexOf("lon");
        if (lat < 0 || lon < 0)
        {
            errors.Add($"{path}: line 1 must name the columns lat and lon.");
            yield break;
        }

        for (var i = 1; i < lines.Length; i++)
        {
            var fields = lines[i].Split(',');
            if (lines[i].Length == 0)
            {
                continue;
            }

            if (fields.Length != header.Count
                || !double.TryParse(fields[lat], NumberStyles.Float, CultureInfo.InvariantCulture, out var y) || y is < -90 or > 90
                || !double.TryParse(fields[lon], NumberStyles.Float, CultureInfo.InvariantCulture, out var x) || x is < -180 or > 180)
            {
                errors.Add($"{path}: line {i + 1}: lat and lon must be numbers within -90..90 and -180..180 ('{lines[i]}').");
                continue;
            }

            yield return new GeoPoint(x, y);
        }
    }

    private static string Csv(string value) =>
        value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    private sealed class Progress(Action<AlignmentProgress> report) : IProgress<AlignmentProgress>
    {
        public void Report(AlignmentProgress value) => report(value);
    }
}
