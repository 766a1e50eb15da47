using System.Diagnostics;
using System.Text.Json;
using Territories.Journeys;
using Territories.Journeys.Planning;
using Territories.Journeys.Replanning;
using Territories.Model;

namespace Territories.Quality;

/// <summary><c>fit</c>: plans a Cordeau-format instance (or the generated beat scenario, <see cref="BeatScenario"/>), then times <see cref="VisitFitter.Fit"/> for urgent calls (the location and service time of a random outlet) and reports the median and maximum milliseconds.</summary>
/// <remarks>
/// The first call (warm-up: it prepares the plan's routes and compiles the code) is reported apart, as
/// <c>first_ms</c>; the median and maximum are over the calls after it. <c>prepare_ms</c> times one more call
/// on a copy of the plan, which the fitter prepares again with the code compiled: the first call on a new plan.
/// </remarks>
internal sealed class FitCommand : ICommand
{
    public string Name => "fit";

    public string Usage => "fit (--instance FILE.txt | --accounts 1500) [--seed N] [--seconds S] [--calls 50]";

    public int Run(Options options)
    {
        var accounts = options.Int("accounts", 1500);
        var seed = options.Int("seed", 1);
        var calls = options.Int("calls", 50);
        var seconds = options.Double("seconds", 5);
        JourneyPlanRequest request;
        JourneyPlannerOptions plannerOptions;
        if (options.Optional("instance") is { } file)
        {
            if (PvrpResults.Read(file) is not { } instance)
            {
                return 1;
            }

            request = instance.ToRequest();
            plannerOptions = PvrpCommand.PlannerOptions(seconds, seed);
        }
        else
        {
            request = BeatScenario.Create(accounts, seed);
            plannerOptions = new JourneyPlannerOptions { TimeLimit = TimeSpan.FromSeconds(seconds), Seed = seed, Objective = JourneyObjective.TravelTime };
        }

        var plan = new JourneyPlanner(plannerOptions).Plan(request).AsT0;
        var fitter = new VisitFitter(plannerOptions);
        var random = new Random(seed);
        var times = new List<double>();
        var placed = 0;
        var best = new List<double>();
        var first = 0.0;
        for (var k = 0; k < calls + 1; k++)
        {
            var near = request.Accounts[random.Next(request.Accounts.Length)];
            var urgent = near with { Id = new AccountId("urgent-" + k), Visit = null, ServiceTime = near.Visit?.Duration ?? near.ServiceTime };
            var watch = Stopwatch.StartNew();
            var fits = fitter.Fit(request, plan, urgent).AsT0;
            watch.Stop();
            if (k == 0)
            {
                first = watch.Elapsed.TotalMilliseconds;
                continue; // warm-up
            }

            times.Add(watch.Elapsed.TotalMilliseconds);
            if (!fits.IsEmpty)
            {
                placed++;
                best.Add(fits[0].AddedWorkingTime.TotalSeconds);
            }
        }

        var copy = plan with { };
        var again = Stopwatch.StartNew();
        _ = fitter.Fit(request, copy, request.Accounts[0] with { Id = new AccountId("urgent-copy"), Visit = null }).AsT0;
        again.Stop();
        times.Sort();
        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["accounts"] = request.Accounts.Length,
            ["visits"] = plan.Kpis.Visits,
            ["routes"] = plan.Routes.Length,
            ["calls"] = calls,
            ["placed"] = placed,
            ["median_added_seconds"] = best.Count == 0 ? null : Math.Round(best.Order().ElementAt(best.Count / 2), 1),
            ["first_ms"] = Math.Round(first, 2),
            ["prepare_ms"] = Math.Round(again.Elapsed.TotalMilliseconds, 2),
            ["median_ms"] = Math.Round(times[times.Count / 2], 2),
            ["max_ms"] = Math.Round(times[^1], 2),
        }));
        return 0;
    }
}
