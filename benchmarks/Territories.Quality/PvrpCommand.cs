using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Territories.IO.Pvrp;
using Territories.Journeys;
using Territories.Journeys.Planning;

namespace Territories.Quality;

/// <summary>
/// <c>pvrp</c>: solves Cordeau-format periodic routing instances through the public journey planner,
/// prints one JSON line per instance and optionally writes each solution as a <c>.res</c> file.
/// </summary>
internal sealed class PvrpCommand : ICommand
{
    public string Name => "pvrp";

    public string Usage => "pvrp --instances DIR [--bks FILE] --seconds S [--seed N] [--threads N] [--out DIR] [--only a,b] [--cancel-after S]";

    public int Run(Options options)
    {
        var dir = options.Required("instances");
        var seconds = options.Double("seconds", 30);
        var seed = options.Int("seed", 1);
        var output = options.Optional("out");
        var only = options.Optional("only")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        var bks = PvrpResults.ReadBestKnown(options.Optional("bks") ?? Path.Combine(dir, "..", "bks.csv"));
        if (!Directory.Exists(dir))
        {
            throw new UsageException($"No directory {dir}.");
        }

        if (output is not null)
        {
            Directory.CreateDirectory(output);
        }

        var files = Directory.GetFiles(dir, "*.txt").OrderBy(f => f, StringComparer.Ordinal)
            .Where(f => only is null || only.Contains(Path.GetFileNameWithoutExtension(f)));
        var tuned = PlannerOptions(seconds, seed);
        tuned.MaxIterations = options.Optional("iterations") is null ? null : options.Int("iterations", 1);

        // One independent search per core by default: the time limit is wall time on this machine.
        tuned.Parallelism = options.Int("threads", Environment.ProcessorCount);
        var planner = new JourneyPlanner(tuned);
        var gaps = new List<double>();
        var allFeasible = true;
        foreach (var file in files)
        {
            if (PvrpResults.Read(file) is not { } instance)
            {
                allFeasible = false;
                continue;
            }

            var request = instance.ToRequest();
            using var cancel = CancelAfter.From(options);
            var watch = Stopwatch.StartNew();
            var result = planner.Plan(request, null, cancel.Token);
            var latency = cancel.LatencyMilliseconds();
            watch.Stop();
            if (result.TryPickT1(out var failure, out var plan))
            {
                Console.Error.WriteLine($"{instance.Name}: {failure}");
                allFeasible = false;
                continue;
            }

            var evaluation = JourneyPlanEvaluator.Evaluate(request, plan, PlannerOptions(seconds, seed));
            var feasible = evaluation.IsFeasible && plan.IsComplete && VehiclesPerDayOk(plan, instance.Vehicles);
            allFeasible &= feasible;
            var line = PvrpResults.Line(instance, evaluation.TotalDistanceMetres, bks, watch.Elapsed, feasible, out var gap);
            if (gap is { } g)
            {
                gaps.Add(g);
            }

            line["iterations"] = plan.Iterations;
            line["threads"] = tuned.Parallelism;
            line["fingerprint_request"] = Fingerprint.Of(request, tuned);
            line["fingerprint_plan"] = Fingerprint.Of(plan);

            // Held-Karp bound of each day's sequence: how much of the distance any reordering could still save.
            line["distance_lower_bound"] = plan.Kpis.DistanceLowerBoundMetres is { } bound ? Math.Round(bound, 2) : null;
            line["routes_gap_to_bound"] = plan.Kpis.BoundGap is { } boundGap ? Math.Round(boundGap, 5) : null;
            line["worst_route_gap_to_bound"] = plan.Routes.Select(r => r.BoundGap ?? 0).DefaultIfEmpty(0).Max() is var worst ? Math.Round(worst, 5) : null;
            if (options.Optional("cancel-after") is not null)
            {
                line["status"] = plan.Status.ToString();
                line["cancel_latency_ms"] = latency;
            }
            Console.WriteLine(JsonSerializer.Serialize(line));
            foreach (var violation in evaluation.Violations.Take(5))
            {
                Console.Error.WriteLine($"{instance.Name}: {violation.Code} {violation.Message}");
            }

            if (output is not null)
            {
                File.WriteAllText(Path.Combine(output, instance.Name + ".res"), CordeauSolutionWriter.Format(plan));
            }
        }

        if (gaps.Count > 0)
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"instances {gaps.Count}, mean gap {gaps.Average():0.00}%, max gap {gaps.Max():0.00}%, all feasible {allFeasible}"));
        }

        return allFeasible ? 0 : 1;
    }

    internal static JourneyPlannerOptions PlannerOptions(double seconds, int seed) => new()
    {
        TimeLimit = TimeSpan.FromSeconds(seconds),
        Seed = seed,
        KeepPositionPerAccount = false,
        Objective = JourneyObjective.Distance,
    };

    private static bool VehiclesPerDayOk(JourneyPlan plan, int vehicles) => plan.Routes.GroupBy(r => r.Day).All(g => g.Count() <= vehicles);
}
