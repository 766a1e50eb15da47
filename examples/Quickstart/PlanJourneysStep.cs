using System.Collections.Immutable;
using System.Globalization;
using Territories.Journeys;
using Territories.Model;
using Territories.Travel;

namespace Quickstart;

/// <summary>One position's journey plan with the request it answers and its independent check.</summary>
internal sealed record PositionPlan(Territory Territory, SalesPosition Position, JourneyPlanRequest Request, JourneyPlan Plan, JourneyPlanEvaluation Evaluation);

/// <summary>
/// Step 6: a 4-week journey plan per position over its territory's outlets (great-circle travel at
/// 60 km/h with a circuity of 1.25), the positions planned in parallel, one request each. Every plan
/// has a time limit and an iteration limit and a fixed seed: while the iteration limit is reached
/// first, the output is the same on every run. Each plan is then checked by
/// <see cref="JourneyPlanEvaluator"/>; violations are printed.
/// </summary>
internal static class PlanJourneysStep
{
    public static ImmutableArray<PositionPlan>? Run(DesignedTerritories design, IReadOnlyList<Account> outlets, JourneyCycle cycle, QuickstartArguments arguments, TextWriter output)
    {
        var options = new JourneyPlannerOptions { TimeLimit = arguments.TimeLimit, MaxIterations = arguments.Iterations, Seed = arguments.Seed };
        var planner = new JourneyPlanner(options);
        var travel = new GreatCircleTravelModel(60, 1.25);
        var byTerritory = outlets.ToLookup(o => o.Territory);
        var count = design.Territories.Length;
        var plans = new PositionPlan?[count];
        var failures = new string?[count];
        var latest = new JourneyPlanProgress?[count];
        var gate = new Lock();
        var done = 0;
        output.WriteLine(Invariant($"  {count} positions, {Environment.ProcessorCount} at a time, each at most {arguments.TimeLimit.TotalSeconds:0.#} s or {arguments.Iterations:N0} iterations"));
        using var ticker = new Timer(_ => Tick(), null, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2));
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var territory = design.Territories[i];
            var position = design.Positions[i];
            var request = new JourneyPlanRequest([position], cycle, [.. byTerritory[territory.Id]], travel);
            var planned = planner.Plan(request, new Reporter<JourneyPlanProgress>(p => { lock (gate) { latest[i] = p; } }));
            lock (gate)
            {
                done++;
                if (planned.TryPickT1(out var invalid, out var plan))
                {
                    failures[i] = invalid.ToString();
                    output.WriteLine($"  {position.Id}: the request is invalid: {invalid}");
                    return;
                }

                var evaluation = JourneyPlanEvaluator.Evaluate(request, plan, options);
                plans[i] = new PositionPlan(territory, position, request, plan, evaluation);
                output.WriteLine(Invariant(
                    $"  [{done,2}/{count}] {position.Id.Value,-8} {plan.Kpis.Visits,5} visits on {plan.Kpis.Routes,2} days, {plan.Unplanned.Length} outlet(s) unplanned, {plan.Iterations,6:N0} iterations, {plan.Status}{(evaluation.IsFeasible ? ", checked: feasible" : $", checked: {evaluation.Violations.Length} violation(s)")}"));
                foreach (var violation in evaluation.Violations.Take(5))
                {
                    output.WriteLine(Invariant($"      {violation.Code} {violation.Account} day {violation.Day}: {violation.Message}"));
                }
            }
        });

        if (failures.Any(f => f is not null))
        {
            return null;
        }

        var timedOut = plans.Count(p => p!.Plan.Status == JourneyPlanStatus.TimeLimitReached);
        if (timedOut > 0)
        {
            output.WriteLine(Invariant($"  {timedOut} plan(s) stopped at the time limit before the iteration limit: on a faster or quieter machine they may differ"));
        }

        return [.. plans.Select(p => p!)];

        void Tick()
        {
            lock (gate)
            {
                var running = latest.Select((p, i) => (p, i)).Where(e => e.p is not null && plans[e.i] is null).ToList();
                if (running.Count > 0 && done < count)
                {
                    output.WriteLine(Invariant($"  … {done}/{count} done; running: ") + string.Join(", ", running.Select(e => Invariant($"{design.Positions[e.i].Id.Value} iteration {e.p!.Value.Iteration:N0}, {e.p!.Value.UnplannedVisits} visits unplanned"))));
                }
            }
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
