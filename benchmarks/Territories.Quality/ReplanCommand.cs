using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using Territories.IO.Csv;
using Territories.IO.Pvrp;
using Territories.Journeys;
using Territories.Journeys.Planning;
using Territories.Journeys.Replanning;
using Territories.Model;

namespace Territories.Quality;

/// <summary>
/// <c>replan</c>: changes a Cordeau-format instance (a share of the customers out, as many new ones in,
/// drawn from a change seed), re-plans it from the previous plan under a freeze window and a change
/// budget, plans it from scratch with the same time, and prints one JSON line comparing them.
/// </summary>
/// <remarks>
/// New customers lie near a random existing one (Gaussian offset of 2 % of the instance's extent) and take
/// the service time, demand and allowed patterns of another random customer. Without <c>--previous</c>
/// the original instance is planned first (same seed, with the reference plans' limits) and written as <c>previous.res</c>.
/// <c>--reference-seconds</c> and <c>--reference-iterations</c> set the limits of the reference plans (that previous
/// plan and the scratch plans); by default they are <c>--seconds</c> and <c>--iterations</c>, the re-plan's.
/// Vehicles of a <c>.res</c> file become positions <c>v01</c>, <c>v02</c>, … in their order within each day, which is
/// not always the position that drove the route (the format numbers a day's vehicles from 1, so a position without a
/// route that day shifts the others): a re-plan from <c>previous.res</c> may see visits of one account on several
/// positions as changes. <c>previous.csv</c>, the same plan in the plan CSV format with its positions, re-plans exactly
/// as in-process (<c>--previous DIR/previous.csv</c>).
/// </remarks>
internal sealed class ReplanCommand : ICommand
{
    public string Name => "replan";

    public string Usage => "replan --instance FILE.txt [--previous FILE.res] --remove P --add P --change-seed N --freeze-days D --seconds S [--seed N] [--max-moved N] [--price X] [--threads N] [--iterations N] [--scratch-seeds N] [--reference-seconds S] [--reference-iterations N] --out DIR";

    public int Run(Options options)
    {
        var file = options.Required("instance");
        var output = options.Required("out");
        var seconds = options.Double("seconds", 20);
        var seed = options.Int("seed", 1);
        var changeSeed = options.Int("change-seed", 1);
        var removeShare = options.Double("remove", 0.1);
        var addShare = options.Double("add", 0.1);
        var freeze = options.Int("freeze-days", 0);
        var maxMoved = options.Optional("max-moved") is null ? (int?)null : options.Int("max-moved", 0);
        if (PvrpResults.Read(file) is not { } instance)
        {
            return 1;
        }

        Directory.CreateDirectory(output);
        // The re-plan gets --seconds and --iterations; the reference plans (the previous plan when none is given, and
        // the scratch plans) get --reference-seconds and --reference-iterations, by default the same: a living plan is
        // made once with time to spare, and its re-plan is then compared with a fresh plan given that same time.
        var iterations = options.Optional("iterations") is null ? (int?)null : options.Int("iterations", 1);
        var referenceSeconds = options.Double("reference-seconds", seconds);
        var referenceIterations = options.Optional("reference-iterations") is null ? iterations : options.Int("reference-iterations", 1);
        JourneyPlannerOptions PlannerOptions(int plannerSeed, double limit, int? maxIterations)
        {
            var o = PvrpCommand.PlannerOptions(limit, plannerSeed);
            // As pvrp: one search per core by default, so --seconds is wall time on the machine (before 2026-12-05: one).
            o.Parallelism = options.Int("threads", Environment.ProcessorCount);
            o.MaxIterations = maxIterations;
            return o;
        }

        var plannerOptions = PlannerOptions(seed, seconds, iterations);
        var referenceOptions = PlannerOptions(seed, referenceSeconds, referenceIterations);

        JourneyPlan previous;
        if (options.Optional("previous") is { } previousFile)
        {
            if (previousFile.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            {
                var read = JourneyPlanCsvReader.ReadFile(previousFile, instance.ToRequest());
                if (read.HasErrors)
                {
                    Console.Error.WriteLine(string.Join(Environment.NewLine, read.Errors));
                    return 1;
                }

                previous = read.Plan;
            }
            else
            {
                previous = ReadSolution(File.ReadAllText(previousFile));
            }
        }
        else
        {
            var original = instance.ToRequest();
            previous = new JourneyPlanner(referenceOptions).Plan(original).AsT0;
            File.WriteAllText(Path.Combine(output, "previous.res"), CordeauSolutionWriter.Format(previous));
            using var csv = File.CreateText(Path.Combine(output, "previous.csv"));
            JourneyPlanCsvWriter.Write(csv, previous, original);
        }

        // The change: drop a share of the customers, add as many new ones drawn like the others.
        var random = new Random(changeSeed);
        var customers = instance.Nodes.Skip(1).ToList();
        var removeCount = (int)Math.Round(removeShare * customers.Count);
        var removed = customers.OrderBy(_ => random.Next()).Take(removeCount).Select(c => c.Id).ToHashSet();
        var kept = customers.Where(c => !removed.Contains(c.Id)).ToList();
        var extent = Math.Max(customers.Max(c => c.X) - customers.Min(c => c.X), customers.Max(c => c.Y) - customers.Min(c => c.Y));
        var added = Enumerable.Range(0, (int)Math.Round(addShare * customers.Count)).Select(_ =>
        {
            var near = kept[random.Next(kept.Count)];
            var like = customers[random.Next(customers.Count)];
            return (X: near.X + (Gaussian(random) * 0.02 * extent), Y: near.Y + (Gaussian(random) * 0.02 * extent), like.Service, like.Demand, like.Codes);
        }).ToList();

        var inv = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.Append(inv, $"1 {instance.Vehicles} {kept.Count + added.Count} {instance.Days}\n");
        for (var d = 0; d < instance.Days; d++)
        {
            text.Append(inv, $"{instance.MaxDuration:R} {instance.Capacity:R}\n");
        }

        var depot = instance.Nodes[0];
        text.Append(inv, $"0 {depot.X:R} {depot.Y:R} 0 0 0 0\n");
        var ids = new StringBuilder("number,original\n");
        var number = 0;
        var renumber = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var c in kept)
        {
            number++;
            text.Append(inv, $"{number} {c.X:R} {c.Y:R} {c.Service:R} {c.Demand:R} {BitOperations.PopCount((uint)c.Codes[0])} {c.Codes.Length} {string.Join(' ', c.Codes)}\n");
            ids.Append(inv, $"{number},{c.Id}\n");
            renumber[c.Id.ToString(inv)] = number.ToString(inv);
        }

        foreach (var c in added)
        {
            number++;
            text.Append(inv, $"{number} {c.X:0.00} {c.Y:0.00} {c.Service:R} {c.Demand:R} {BitOperations.PopCount((uint)c.Codes[0])} {c.Codes.Length} {string.Join(' ', c.Codes)}\n");
            ids.Append(inv, $"{number},\n");
        }

        File.WriteAllText(Path.Combine(output, "changed.txt"), text.ToString());
        File.WriteAllText(Path.Combine(output, "ids.csv"), ids.ToString());
        var changed = CordeauReader.Parse(text.ToString(), instance.Name + "-changed").Items[0];
        var request = changed.ToRequest();

        // The previous plan in the changed instance's numbering; removed customers keep a name no new one has.
        var mapped = previous with
        {
            Routes = [.. previous.Routes.Select(r => r with
            {
                Visits = [.. r.Visits.Select(v => v with { Account = new AccountId(renumber.TryGetValue(v.Account.Value, out var n) ? n : "x" + v.Account.Value) })],
            })],
        };

        var replanner = new JourneyReplanner(plannerOptions);
        var watch = Stopwatch.StartNew();
        var result = replanner.Replan(new ReplanRequest(mapped, request) { FreezeDays = freeze, MaxMovedAccounts = maxMoved, PricePerMovedVisit = options.Double("price", 0) });
        watch.Stop();
        if (result.TryPickT1(out var failure, out var replan))
        {
            Console.Error.WriteLine(failure);
            return 1;
        }

        var scratchWatch = Stopwatch.StartNew();
        var scratch = new JourneyPlanner(referenceOptions).Plan(request).AsT0;
        scratchWatch.Stop();

        // One scratch run is a draw from the planner's spread: --scratch-seeds N also plans the changed
        // instance with the next N - 1 seeds, same limits, and reports every cost and their mean.
        var scratchCosts = new List<double> { scratch.Kpis.TotalDistanceMetres };
        for (var extra = 1; extra < options.Int("scratch-seeds", 1); extra++)
        {
            scratchCosts.Add(new JourneyPlanner(PlannerOptions(seed + extra, referenceSeconds, referenceIterations)).Plan(request).AsT0.Kpis.TotalDistanceMetres);
        }

        File.WriteAllText(Path.Combine(output, "replan.res"), CordeauSolutionWriter.Format(replan.Plan));
        File.WriteAllText(Path.Combine(output, "scratch.res"), CordeauSolutionWriter.Format(scratch));
        PlanDiffCsvWriter.WriteFile(Path.Combine(output, "diff.csv"), replan.Diff);

        var evaluation = JourneyPlanEvaluator.Evaluate(request, replan.Plan, plannerOptions);
        var scratchEvaluation = JourneyPlanEvaluator.Evaluate(request, scratch, plannerOptions);
        var f = replan.Figures;
        var costReplan = replan.Plan.Kpis.TotalDistanceMetres;
        var costScratch = scratch.Kpis.TotalDistanceMetres;
        var movedDays = replan.Diff.Accounts.Count(a => a.MovedDay > 0 && renumber.ContainsValue(a.Account.Value));
        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["instance"] = instance.Name,
            ["kept"] = f.KeptAccounts,
            ["removed"] = f.RemovedAccounts,
            ["added"] = f.AddedAccounts,
            ["moved_kept"] = f.MovedKeptAccounts,
            ["moved_kept_days"] = movedDays,
            ["moved_kept_share"] = f.KeptAccounts == 0 ? 0 : Math.Round((double)f.MovedKeptAccounts / f.KeptAccounts, 4),
            ["forced"] = f.ForcedChanges,
            ["frozen_changed"] = f.FrozenVisitsChanged,
            ["unplanned"] = replan.Plan.Unplanned.Length,
            ["feasible"] = evaluation.IsFeasible && replan.Plan.IsComplete,
            ["cost_previous"] = Math.Round(previous.Kpis.TotalDistanceMetres, 2),
            ["cost_replan"] = Math.Round(costReplan, 2),
            ["cost_scratch"] = Math.Round(costScratch, 2),
            ["scratch_feasible"] = scratchEvaluation.IsFeasible && scratch.IsComplete,
            ["gap_to_scratch_percent"] = costScratch > 0 ? Math.Round(((costReplan / costScratch) - 1) * 100, 2) : null,
            ["cost_scratch_seeds"] = scratchCosts.Select(c => Math.Round(c, 2)).ToArray(),
            ["gap_to_scratch_mean_percent"] = scratchCosts.Average() > 0 ? Math.Round(((costReplan / scratchCosts.Average()) - 1) * 100, 2) : null,
            ["fingerprint_request"] = Fingerprint.Of(request, plannerOptions),
            ["fingerprint_plan"] = Fingerprint.Of(replan.Plan),
            ["seconds"] = Math.Round(watch.Elapsed.TotalSeconds, 2),
            ["seconds_scratch"] = Math.Round(scratchWatch.Elapsed.TotalSeconds, 2),
            ["iterations"] = replan.Plan.Iterations,
            ["iterations_scratch"] = scratch.Iterations,
            ["threads"] = plannerOptions.Parallelism,
        }));
        return evaluation.IsFeasible ? 0 : 1;
    }

    /// <summary>A Cordeau <c>.res</c> solution as a plan of routes (places and order only: times and legs are zero).</summary>
    private static JourneyPlan ReadSolution(string text)
    {
        var routes = new List<JourneyRoute>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1))
        {
            var tokens = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (tokens.Length < 6)
            {
                continue;
            }

            var day = int.Parse(tokens[0], CultureInfo.InvariantCulture) - 1;
            var vehicle = int.Parse(tokens[1], CultureInfo.InvariantCulture);
            var visits = tokens.Skip(4).Where(t => t != "0")
                .Select(t => new PlannedVisit(new AccountId(t), TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, 0, TimeSpan.Zero, null)).ToImmutableArray();
            routes.Add(new JourneyRoute
            {
                Position = new PositionId(string.Create(CultureInfo.InvariantCulture, $"v{vehicle:00}")),
                Day = day,
                Visits = visits,
                Start = TimeSpan.Zero,
                End = TimeSpan.Zero,
                DistanceMetres = 0,
                TravelTime = TimeSpan.Zero,
                ServiceTime = TimeSpan.Zero,
                Load = 0,
            });
        }

        var built = routes.OrderBy(r => r.Position).ThenBy(r => r.Day).ToImmutableArray();
        return new JourneyPlan
        {
            Routes = built,
            Unplanned = [],
            Kpis = JourneyPlanKpis.FromRoutes(built, [], JourneyCycle.FromDayCount(built.Max(r => r.Day) + 1)),
            Capacity = [],
            Crossings = [],
            Status = JourneyPlanStatus.Completed,
            Cost = 0,
            Iterations = 0,
        };
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
