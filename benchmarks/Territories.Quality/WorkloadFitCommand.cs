using System.Globalization;
using System.Text.Json;
using Territories.Model;
using Territories.Travel;
using Territories.Workload;

namespace Territories.Quality;

/// <summary>
/// <c>workload</c>: measures the workload estimate against real plans. Generates outlet sets around a
/// region's places (<see cref="OutletsCommand"/>), designs and plans them once with
/// <see cref="TerritoryAligner"/>, and compares each position's estimate with its plan's working
/// time. With <c>--fit</c>, the estimate's raw terms (factors 1) are fitted to the planned travel by
/// least squares and the fitted factors printed; otherwise the given (or default) factors are scored.
/// </summary>
internal sealed class WorkloadFitCommand : ICommand
{
    public string Name => "workload";

    public string Usage => "workload --places FILE.csv [--counts 1500,2500] [--positions 6,10] [--seeds 1,2] [--iterations 2000] [--tour F --stem F] [--fit]";

    public int Run(Options options)
    {
        var places = options.Required("places");
        var counts = List(options.Optional("counts") ?? "1500,2500");
        var positions = List(options.Optional("positions") ?? "6,10");
        var seeds = List(options.Optional("seeds") ?? "1,2");
        var fit = options.Flag("fit");
        var defaults = new WorkloadOptions();
        var workload = fit
            ? new WorkloadOptions { TourFactor = 1, StemFactor = 1 }
            : new WorkloadOptions { TourFactor = options.Double("tour", defaults.TourFactor), StemFactor = options.Double("stem", defaults.StemFactor) };
        var cycle = JourneyCycle.Create(4);
        var travel = new GreatCircleTravelModel(60, 1.25);
        var template = new SalesPosition(new PositionId("template")) { DailyHours = TimeWindow.FromHours(8, 0, 16, 0) };
        var rows = new List<(double Tour, double Stem, double Service, double Planned, double Estimate)>();
        foreach (var count in counts)
        {
            foreach (var seed in seeds)
            {
                var file = Path.Combine(Path.GetTempPath(), $"territories-outlets-{count}-{seed}.csv");
                File.WriteAllText(file, OutletsCommand.Generate(places, count, seed));
                var (accounts, errors) = AlignAccountsFile.Read(file, cycle);
                File.Delete(file);
                if (errors.Count > 0)
                {
                    throw new InvalidOperationException(string.Join(Environment.NewLine, errors));
                }

                foreach (var k in positions)
                {
                    var request = new AlignmentRequest(accounts, cycle, travel) { Position = template, Positions = k };
                    var options1 = new AlignmentOptions { MaxRounds = 1, Seed = seed, PlanIterations = options.Int("iterations", 2000), Workload = workload };
                    var result = new TerritoryAligner(options1).Align(request).AsT0;
                    foreach (var p in result.Positions)
                    {
                        var working = p.Plan.Routes.Sum(r => r.WorkingTime.TotalMinutes);
                        var unplannedService = p.Plan.Unplanned.Sum(u => u.ShortfallHours * 60);
                        rows.Add((p.Estimate.Travel.TotalMinutes, p.Estimate.Stem.TotalMinutes, p.Estimate.Service.TotalMinutes,
                            working + unplannedService - p.Estimate.Service.TotalMinutes, p.Estimate.Total.TotalMinutes));
                    }

                    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count} outlets, seed {seed}, {k} positions: {result.Positions.Length} plans"));
                }
            }
        }

        var report = new Dictionary<string, object>
        {
            ["territories"] = rows.Count,
            ["tour_factor"] = workload.TourFactor,
            ["stem_factor"] = workload.StemFactor,
        };
        if (fit)
        {
            // Least squares without intercept: planned travel ≈ a·tour + b·stem.
            double tt = rows.Sum(r => r.Tour * r.Tour), ss = rows.Sum(r => r.Stem * r.Stem), ts = rows.Sum(r => r.Tour * r.Stem);
            double ty = rows.Sum(r => r.Tour * r.Planned), sy = rows.Sum(r => r.Stem * r.Planned);
            var det = (tt * ss) - (ts * ts);
            var a = ((ty * ss) - (sy * ts)) / det;
            var b = ((sy * tt) - (ty * ts)) / det;
            report["fitted_tour_factor"] = Math.Round(a, 3);
            report["fitted_stem_factor"] = Math.Round(b, 3);
            rows = [.. rows.Select(r => (r.Tour, r.Stem, r.Service, r.Planned, r.Service + (a * r.Tour) + (b * r.Stem)))];
        }

        var relative = rows.Select(r => Math.Abs(r.Estimate - (r.Service + r.Planned)) / (r.Service + r.Planned)).Order().ToArray();
        report["error_median"] = Math.Round(relative[relative.Length / 2], 4);
        report["error_p90"] = Math.Round(relative[(int)(relative.Length * 0.9)], 4);
        report["error_worst"] = Math.Round(relative[^1], 4);
        report["bias"] = Math.Round(rows.Sum(r => r.Estimate - (r.Service + r.Planned)) / rows.Sum(r => r.Service + r.Planned), 4);
        Console.WriteLine(JsonSerializer.Serialize(report));
        return 0;
    }

    private static List<int> List(string text) => [.. text.Split(',').Select(t => int.Parse(t, NumberStyles.Integer, CultureInfo.InvariantCulture))];
}
