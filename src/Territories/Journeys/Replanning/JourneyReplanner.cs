using OneOf;
using Territories.Internal;
using Territories.Journeys.Planning;
using Territories.Model;

namespace Territories.Journeys.Replanning;

/// <summary>Re-plans a living journey plan: the new request planned from the previous plan, under a freeze window, locks and a change budget, with the diff and the figures.</summary>
/// <remarks>
/// <para>
/// The previous plan seeds the search (its routes, in their order, wherever the new request still
/// allows them), and the same ruin-and-recreate search as <see cref="JourneyPlanner"/> then minimises
/// travel plus the change price (<see cref="ReplanRequest.PricePerMovedVisit"/>). The freeze and the
/// locks are hard: they narrow each account's allowed patterns and positions before the search, so no
/// move can break them; frozen routes keep their previous order (new accounts inserted where cheapest)
/// when that order is still feasible. With <see cref="ReplanRequest.MaxMovedAccounts"/>, the search keeps
/// the budget as it goes: it starts from the previous plan (no kept account moved), ruin and recreate may
/// move any kept account the freeze and locks leave free, and a candidate that moves more kept accounts than
/// the budget (or than the current plan, while that is over it) is never accepted; a small steering price on
/// a kept account's new days (not part of the cost) makes the recreate prefer its previous days. Ruins leave in
/// place every account the freeze and locks leave one place only (one pattern, one position per day), and keep the
/// planner's smaller ruin of large plans, so the iterations go to the accounts that can move. The whole
/// time limit goes to this one search. Should its best plan still move too many (a previous plan the new
/// request no longer admits), the moves that saved most are kept, every other kept account is pinned to its
/// previous days, and the search runs again from the previous plan. Accounts that then no longer fit are
/// reported as <see cref="UnplannedReason.ChangeBudget"/>; accounts the freeze or locks leave no pattern
/// for, as <see cref="UnplannedReason.Frozen"/>.
/// </para>
/// <para>
/// The freeze and locks hold per visit: a frozen visit keeps its day and position, a locked visit its
/// day and locked position. With <see cref="JourneyPlannerOptions.KeepPositionPerAccount"/> (the default)
/// that pins the account's one position; without it, only the frozen and locked days are pinned, and the
/// account's other visits may go to any eligible position. Deterministic for a seed and an iteration limit,
/// as <see cref="JourneyPlanner"/>. Bad input never throws: it comes back as a <see cref="ReplanFailure"/>.
/// Thread-safe: the re-planner holds only its copied options.
/// </para>
/// </remarks>
public sealed class JourneyReplanner
{
    private readonly JourneyPlannerOptions _options;
    private readonly TimeProvider _time;

    /// <summary>A re-planner with the given planner options (copied), or the defaults.</summary>
    /// <param name="options">The search options, as for <see cref="JourneyPlanner"/>.</param>
    /// <param name="timeProvider">The clock the time limit reads; null for <see cref="TimeProvider.System"/>.</param>
    /// <exception cref="ArgumentException">An option is out of range; the message lists every failure.</exception>
    public JourneyReplanner(JourneyPlannerOptions? options = null, TimeProvider? timeProvider = null)
    {
        _time = timeProvider ?? TimeProvider.System;
        _options = EngineOptions.Checked(options);
    }

    /// <summary>Re-plans the request from its previous plan.</summary>
    /// <param name="request">The previous plan, the new request, the freeze, locks and budget.</param>
    /// <param name="progress">Receives progress reports as better plans are found; null for none.</param>
    /// <param name="cancellationToken">Stops the search early; the best plan so far is returned, marked <see cref="JourneyPlanStatus.Cancelled"/>.</param>
    /// <returns>The new plan with its diff and figures, or every problem with the request.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    public OneOf<ReplanResult, ReplanFailure> Replan(ReplanRequest request, IProgress<JourneyPlanProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(request);
        var errors = ReplanCheck.Check(request, _options.KeepPositionPerAccount);
        if (!errors.IsEmpty)
        {
            return new ReplanFailure(errors);
        }

        var clock = _time;
        var started = clock.GetTimestamp();
        var excluded = new SortedDictionary<AccountId, UnplannedAccount>();
        while (true)
        {
            var newRequest = excluded.Count == 0 ? request.Request
                : request.Request with { Accounts = [.. request.Request.Accounts.Where(a => !excluded.ContainsKey(a.Id))] };
            var created = JourneyProblem.Create(newRequest, _options, StopCondition.Any(
                StopCondition.TimeLimit(clock, started, _options.TimeLimit),
                StopCondition.Cancellation(cancellationToken)));
            if (created.TryPickT1(out var failure, out var rest))
            {
                return new ReplanFailure([.. failure.Errors.Select(e => new ReplanError(ReplanErrorCode.InvalidRequest, e.Items, e.Field, e.Value, e.Message))]);
            }

            if (rest.TryPickT1(out var stopped, out var problem))
            {
                var positions = request.Request.Positions.Where(p => !p.IsVacant && p.Base is not null).OrderBy(p => p.Id);
                var empty = new JourneyPlan
                {
                    Routes = [],
                    Unplanned = [.. request.Request.Accounts.Where(a => a.Visit is not null).OrderBy(a => a.Id) .Select(a => new UnplannedAccount(a.Id, UnplannedReason.NotReached, 0, 0, $"Account {a.Id}: the re-planner stopped while preparing the problem."))],
                    Kpis = JourneyPlanKpis.FromRoutes([], positions, request.Request.Cycle),
                    Capacity = [],
                    Crossings = [],
                    Status = stopped == StopReason.Cancelled ? JourneyPlanStatus.Cancelled : JourneyPlanStatus.TimeLimitReached,
                    Cost = 0,
                    Iterations = 0,
                };
                return Finish(request, empty, 0, null, null);
            }

            var state = new ReplanState(problem, request, _options.KeepPositionPerAccount);
            var blocked = state.Constrain(movers: null);
            if (blocked.Count == 0)
            {
                return Run(request, problem, state, excluded, started, progress, cancellationToken);
            }

            foreach (var c in blocked)
            {
                var account = problem.CustomerAccounts[c];
                var visits = problem.Patterns[c].Min(p => p.Length);
                excluded[account.Id] = new UnplannedAccount(account.Id, UnplannedReason.Frozen, visits, visits * problem.Service[c] / 3600,
                    $"Account {account.Id}: its visits on the {request.FreezeDays} frozen days, or its locks, leave none of its allowed day patterns and positions; release the freeze or a lock for it.");
            }
        }
    }

    private ReplanResult Run(ReplanRequest request, JourneyProblem problem, ReplanState state, SortedDictionary<AccountId, UnplannedAccount> excluded, long started, IProgress<JourneyPlanProgress>? progress, CancellationToken token)
    {
        var budget = request.MaxMovedAccounts;
        Func<Solution, int>? excess = budget is { } limit ? s => Math.Max(0, state.MovedCount(s) - limit) : null;
        var (best, status, iterations) = Search(problem, state.SeedFromPrevious, started, _options.TimeLimit, excess, progress, token);
        var budgetHeld = new HashSet<int>();
        if (budget is { } max && state.Moved(best).Count > max)
        {
            var planned = Enumerable.Range(0, problem.CustomerCount).Where(c => best.Pattern[c] >= 0).ToHashSet();
            var movers = state.RankMoves(best).Take(max).ToHashSet();
            state.Constrain(movers: movers);
            var second = Search(problem, state.SeedFromPrevious, started, _options.TimeLimit, null, progress, token);
            (best, status, iterations) = (second.Best, second.Status, iterations + second.Iterations);
            budgetHeld.UnionWith(planned.Where(c => best.Pattern[c] < 0));
        }

        state.DropSteering(best);
        state.KeepFrozenOrder(best);
        var plan = PlanBuilder.Build(problem, best, status, iterations);
        var unplanned = plan.Unplanned.Select(u =>
        {
            var c = state.CustomerOf(u.Account);
            return c >= 0 && budgetHeld.Contains(c)
                ? u with { Reason = UnplannedReason.ChangeBudget, Message = $"Account {u.Account}: it fits only by moving more kept accounts than the change budget of {budget} allows; raise the budget or its capacity." }
                : u;
        }).Concat(excluded.Values).OrderBy(u => u.Account);
        plan = plan with { Unplanned = [.. unplanned] };
        var scratch = request.CompareWithScratch ? new JourneyPlanner(_options).Plan(request.Request, null, token).Match<JourneyPlan?>(p => p, _ => null) : null;
        return Finish(request, plan, state.ChangePrice(best), scratch, state.Forced);
    }

    private (Solution Best, JourneyPlanStatus Status, long Iterations) Search(JourneyProblem problem, Action<Solution> seed, long started, TimeSpan limit, Func<Solution, int>? excess, IProgress<JourneyPlanProgress>? progress, CancellationToken token)
    {
        var count = _options.Parallelism;
        var shared = progress is null ? null : new BestProgress(progress);
        var searches = new RuinRecreateSearch[count];
        for (var k = 0; k < count; k++)
        {
            // The planner's fixed seed mixing: the same across processes.
            var seedValue = k == 0 ? _options.Seed : unchecked(_options.Seed + (k * -1640531527));
            var stop = StopCondition.Any(
                StopCondition.TimeLimit(_time, started, limit),
                StopCondition.Cancellation(token),
                _options.MaxIterations is { } max ? StopCondition.Iterations(max) : StopCondition.Never,
                _options.MaxIterationsWithoutImprovement is { } stale ? StopCondition.NoImprovement(stale) : StopCondition.Never);
            searches[k] = new RuinRecreateSearch(problem, _options, _time, new Random(seedValue), stop, shared, excess, RuinSize(problem));
        }

        var results = new Solution[count];
        if (count == 1)
        {
            results[0] = searches[0].Run(started, seed);
        }
        else
        {
            Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = count }, k => results[k] = searches[k].Run(started, seed));
        }

        var winner = 0;
        for (var k = 1; k < count; k++)
        {
            var (ek, ew) = (excess?.Invoke(results[k]) ?? 0, excess?.Invoke(results[winner]) ?? 0);
            if (ek < ew || (ek == ew && Improvement.IsLower(results[k].Total, results[winner].Total)))
            {
                winner = k;
            }
        }

        return (results[winner], searches[winner].Status, searches.Sum(s => s.Iterations));
    }

    /// <summary>
    /// The re-planner's mean ruin size: the option's (10; at most a tenth of the customers), not the planner's larger
    /// ruin on large plans. Ruins leave pinned customers (fully frozen accounts) in place, so a ruin's customers are all
    /// ones that can move; and the search starts from a plan whose structure the freeze keeps, where a larger ruin
    /// buys no better plan at equal iterations but costs iterations under a time limit (see benchmarks/README.md,
    /// re-planning).
    /// </summary>
    private double RuinSize(JourneyProblem problem) => Math.Max(1, Math.Min(problem.CustomerCount / 10.0, _options.AverageRemoved));

    private static ReplanResult Finish(ReplanRequest request, JourneyPlan plan, double changePrice, JourneyPlan? scratch, IReadOnlySet<AccountId>? forced)
    {
        var diff = PlanDiff.Between(request.Previous, plan);
        var figures = ReplanState.Figures(request, plan, diff, changePrice, scratch, forced);
        return new ReplanResult(plan, diff, figures, scratch);
    }
}
