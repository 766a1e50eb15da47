using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using NationalPlan;

// A national journey plan: generate accounts around towns, design one territory per position with
// the library, then plan every territory as one grain call on a local Orleans cluster (or, with
// --silos 0, in this process), gather, retry a territory whose silo died, and write the whole plan.
// Run: dotnet run -c Release --project examples/NationalPlan [-- --help]
if (!NationalArguments.TryParse(args, out var arguments, out var problem))
{
    Console.Error.WriteLine(problem);
    Console.Error.WriteLine(NationalArguments.Usage);
    return 2;
}

if (arguments.ShowHelp)
{
    Console.WriteLine(NationalArguments.Usage);
    return 0;
}

var total = Stopwatch.StartNew();
var stage = Stopwatch.StartNew();
var stages = new Dictionary<string, double>(StringComparer.Ordinal);
void EndStage(string name)
{
    stages[name] = Math.Round(stage.Elapsed.TotalSeconds, 2);
    Console.WriteLine(Invariant($"  {name}: {stage.Elapsed.TotalSeconds:0.0} s"));
    stage.Restart();
}

Console.WriteLine(Invariant($"== generate {arguments.Accounts:N0} accounts (seed {arguments.Seed})"));
var instance = NationalInstance.Generate(arguments.Accounts, arguments.Seed);
var hours = instance.Accounts.Sum(a => NationalInstance.HoursPerCycle(a, NationalSetup.Cycle));
Console.WriteLine(Invariant($"  {instance.Towns.Length:N0} towns, {instance.Accounts.Length:N0} accounts, {hours:N0} visit hours per cycle ({hours / arguments.Positions:N1} per position; {NationalSetup.Cycle.DayCount} days of 8.5 h = {NationalSetup.Cycle.DayCount * 8.5:N0} h available)"));
EndStage("generate");

Console.WriteLine(Invariant($"== design {arguments.Positions} territories on visit hours, ±5 %, {(arguments.CellKm > 0 ? $"units: cells of {arguments.CellKm} km" : "units: the accounts")}"));
var design = DesignStep.Run(instance.Accounts, arguments.Positions, arguments.Seed, arguments.DesignTimeLimit, arguments.CellKm);
if (design.Error is not null)
{
    Console.Error.WriteLine($"  the territories cannot be designed: {design.Error}");
    return 1;
}

Console.WriteLine(Invariant($"  {design.Units:N0} units; max deviation {design.MaxDeviation:P2}, {(design.WithinTolerance ? "within" : "NOT within")} ±5 %{(design.StoppedEarly ? ", stopped by the time limit" : string.Empty)}; {design.Territories.Min(t => t.Accounts.Count)}–{design.Territories.Max(t => t.Accounts.Count)} accounts per territory"));
EndStage("design");

var jobs = NationalJobs.Build(design, arguments.Seed, arguments.Iterations);
Console.WriteLine(Invariant($"== plan {jobs.Length} territories, {arguments.Iterations} iterations each, {arguments.Parallel} at a time, {(arguments.Silos == 0 ? "in this process" : $"on {arguments.Silos} silo(s)")}"));
LocalCluster? cluster = arguments.Silos > 0 ? await LocalCluster.StartAsync(arguments.Silos) : null;
CoordinatorResult gathered;
try
{
    if (cluster is not null)
    {
        EndStage("cluster_start");
    }

    var coordinator = new PlanCoordinator(
        cluster is null ? (job, _) => Task.Run(() => TerritoryPlanning.Plan(job)) : cluster.PlanAsync,
        arguments.Parallel);
    var step = Math.Max(1, jobs.Length / 10);
    var killed = 0;
    coordinator.Planned += (done, all, result) =>
    {
        if (done % step == 0 || done == all)
        {
            Console.WriteLine(Invariant($"  {done}/{all} territories planned ({total.Elapsed.TotalSeconds:0} s)"));
        }

        if (cluster is not null && done == arguments.KillSiloAfter && Interlocked.Exchange(ref killed, 1) == 0)
        {
            Console.WriteLine(Invariant($"  killing silo {cluster.Silos} of {cluster.Silos}"));
            _ = cluster.KillSiloAsync(cluster.Silos - 1);
        }
    };
    coordinator.Retrying += (territory, attempt, error) => Console.WriteLine($"  {territory}: attempt {attempt} failed ({error.GetType().Name}), sending it again");
    gathered = await coordinator.RunAsync(jobs);
}
finally
{
    if (cluster is not null)
    {
        await cluster.DisposeAsync();
    }
}

EndStage("plan");

OutputWriter.Write(arguments.OutputFolder, design.Accounts, gathered.Plans);
EndStage("write");

var plans = gathered.Plans;
var planned = plans.Sum(p => p.PlannedVisits);
var required = plans.Sum(p => p.RequiredVisits);
var unplanned = plans.Sum(p => p.Unplanned.Length);
var summary = new Dictionary<string, object>(StringComparer.Ordinal)
{
    ["accounts"] = instance.Accounts.Length,
    ["positions"] = jobs.Length,
    ["silos"] = arguments.Silos,
    ["planned_visits"] = planned,
    ["required_visits"] = required,
    ["unplanned"] = unplanned,
    ["unplanned_pct"] = Math.Round(100.0 * unplanned / instance.Accounts.Length, 3),
    ["retries"] = gathered.Retries.Length,
    ["iterations_per_territory"] = arguments.Iterations,
    ["design_units"] = design.Units,
    ["design_max_deviation_pct"] = Math.Round(100 * design.MaxDeviation, 2),
    ["design_stopped_early"] = design.StoppedEarly,
    ["utilisation_min"] = Math.Round(plans.Min(p => p.Utilisation), 3),
    ["utilisation_max"] = Math.Round(plans.Max(p => p.Utilisation), 3),
    ["km_per_day"] = Math.Round(plans.Sum(p => p.TravelKm) / (jobs.Length * NationalSetup.Cycle.DayCount), 1),
    ["seconds"] = Math.Round(total.Elapsed.TotalSeconds, 1),
    ["peak_memory_mb"] = Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024),
    ["stages"] = stages,
};
var json = JsonSerializer.Serialize(summary);
File.WriteAllText(Path.Combine(arguments.OutputFolder, "summary.json"), json + "\n");
Console.WriteLine(Invariant($"== wrote {arguments.OutputFolder}/accounts.csv, plan.csv, unplanned.csv, summary.json"));
Console.WriteLine(json);
return plans.Length == jobs.Length ? 0 : 1;

static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
