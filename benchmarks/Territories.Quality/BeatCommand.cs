using System.Diagnostics;
using System.Text.Json;
using Territories.Journeys;
using Territories.Journeys.Planning;

namespace Territories.Quality;

/// <summary><c>beat</c>: plans the generated realistic beat plan (<see cref="BeatScenario"/>) and reports time, frequencies met, travel and KPIs.</summary>
internal sealed class BeatCommand : ICommand
{
    public string Name => "beat";

    public string Usage => "beat [--accounts 600] [--seed N] [--seconds S] [--balance W]";

    public int Run(Options options)
    {
        var accounts = options.Int("accounts", 600);
        var seed = options.Int("seed", 1);
        var seconds = options.Double("seconds", 5);
        var request = BeatScenario.Create(accounts, seed);
        var plannerOptions = new JourneyPlannerOptions
        {
            TimeLimit = TimeSpan.FromSeconds(seconds),
            Seed = seed,
            Objective = JourneyObjective.TravelTime,
            BalanceWeight = options.Double("balance", 0),
        };
        var planner = new JourneyPlanner(plannerOptions);
        var watch = Stopwatch.StartNew();
        var capacity = planner.CheckCapacity(request).AsT0;
        var plan = planner.Plan(request).AsT0;
        watch.Stop();
        var evaluation = JourneyPlanEvaluator.Evaluate(request, plan, plannerOptions);
        var k = plan.Kpis;
        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["accounts"] = accounts,
            ["visits_required"] = request.Accounts.Sum(a => a.Visit!.Frequency!.Value.VisitsPerCycle(request.Cycle)),
            ["visits_planned"] = k.Visits,
            ["unplanned_accounts"] = plan.Unplanned.Length,
            ["frequencies_met"] = plan.IsComplete && evaluation.IsFeasible,
            ["violations"] = evaluation.Violations.Length,
            ["seconds"] = Math.Round(watch.Elapsed.TotalSeconds, 2),
            ["iterations"] = plan.Iterations,
            ["travel_km"] = Math.Round(k.TotalDistanceMetres / 1000, 1),
            ["travel_hours"] = Math.Round(k.TotalTravelTime.TotalHours, 2),
            ["service_hours"] = Math.Round(k.TotalServiceTime.TotalHours, 2),
            ["routes"] = k.Routes,
            ["visits_per_day"] = Math.Round(k.VisitsPerDay, 1),
            ["working_hours_min"] = Math.Round(k.MinWorkingHours, 2),
            ["working_hours_max"] = Math.Round(k.MaxWorkingHours, 2),
            ["working_hours_sd"] = Math.Round(k.StdDevWorkingHours, 2),
            ["utilisation"] = Math.Round(k.Utilisation, 3),
            ["capacity_needed_hours"] = Math.Round(capacity[0].HoursNeeded, 1),
            ["capacity_available_hours"] = Math.Round(capacity[0].HoursAvailable, 1),
        }));
        foreach (var v in evaluation.Violations.Take(5))
        {
            Console.Error.WriteLine($"{v.Code} {v.Account} {v.Day}: {v.Message}");
        }

        return plan.IsComplete && evaluation.IsFeasible ? 0 : 1;
    }
}
