using System.Collections.Immutable;
using OneOf;
using Territories.Internal;
using Territories.Model;

namespace Territories.Journeys.Planning;

/// <summary>Plans permanent journeys: for every position and cycle day, which accounts it visits, in what order and when.</summary>
/// <remarks>
/// <para>
/// Solves the periodic vehicle routing problem with time windows, duration limits and capacities:
/// it chooses one allowed day pattern per account, the position (one for the whole cycle by
/// default) and the order of every day, minimising travel (distance or time) plus an optional
/// balance term and territory penalties. The search is ruin and recreate over whole accounts
/// (adjacent string removal, proximity and random removal; greedy reinsertion with pattern choice and
/// blinks) under simulated-annealing acceptance. Promising candidates are polished: 2-opt and Or-opt
/// within routes, relocate, swap and 2-opt* between the routes of a day (when positions are
/// interchangeable), and whole-account relocation with pattern change. Daily load and working-time
/// limits may be broken during the search at a price that adapts (the penalised objective of
/// Cordeau et al. 1997 and Vidal et al. 2012); only plans that keep every limit are returned.
/// <see cref="JourneyPlannerOptions.Parallelism"/> runs independent searches on several cores.
/// </para>
/// <para>
/// Anytime: it stops on the time limit, the iteration limits or cancellation and returns the best plan
/// found, with <see cref="JourneyPlan.Status"/> saying why it stopped. Deterministic for a seed and an
/// iteration limit, whatever the order of the input collections; under a time limit alone the result
/// depends on the machine's speed. Thread-safe: the planner holds only its copied options.
/// </para>
/// <para>
/// An expected domain problem never throws: accounts that cannot be planned come back in
/// <see cref="JourneyPlan.Unplanned"/> with the reason; data that cannot be planned at all (a NaN
/// coordinate, duplicate ids, a negative service time, inverted opening hours, impossible working
/// hours) comes back as a <see cref="ModelValidationFailure"/> listing every problem. The break is
/// taken off the end of the working day; visits never start before the day's start.
/// </para>
/// </remarks>
public sealed class JourneyPlanner
{
    private readonly JourneyPlannerOptions _options;
    private readonly TimeProvider _time;

    /// <summary>A planner with the given options (copied), or the defaults.</summary>
    /// <param name="options">The options; null for the defaults.</param>
    /// <param name="timeProvider">The clock the time limit reads; null for <see cref="TimeProvider.System"/>.</param>
    /// <exception cref="ArgumentException">An option is out of range; the message lists every failure.</exception>
    public JourneyPlanner(JourneyPlannerOptions? options = null, TimeProvider? timeProvider = null)
    {
        _options = EngineOptions.Checked(options);
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Plans the request.</summary>
    /// <param name="request">What to plan.</param>
    /// <param name="progress">Receives progress reports as better plans are found; null for none.</param>
    /// <param name="cancellationToken">Stops the search early; the best plan so far is returned, marked <see cref="JourneyPlanStatus.Cancelled"/>. Cancelled (or out of time) while the problem is still being prepared, the plan is empty and every account is <see cref="UnplannedReason.NotReached"/>; while the first plan is being built, the accounts it had not tried yet are.</param>
    /// <returns>The plan, or every problem with the request's data.</returns>
    public OneOf<JourneyPlan, ModelValidationFailure> Plan(JourneyPlanRequest request, IProgress<JourneyPlanProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(request);
        var started = _time.GetTimestamp();
        // The time limit and the token also stop the preparation (matrix, patterns, neighbours), which on
        // thousands of accounts takes seconds; the plan is then empty and every account NotReached.
        var created = JourneyProblem.Create(request, _options, StopCondition.Any(
            StopCondition.TimeLimit(_time, started, _options.TimeLimit),
            StopCondition.Cancellation(cancellationToken)));
        if (created.TryPickT1(out var failure, out var rest))
        {
            return failure;
        }

        if (rest.TryPickT1(out var stopped, out var problem))
        {
            return NotReached(request, stopped);
        }

        if (problem.CustomerCount == 0)
        {
            return PlanBuilder.Build(problem, new Solution(problem, new Relaxation(problem)), JourneyPlanStatus.Completed, 0);
        }

        var count = _options.Parallelism;
        var shared = progress is null ? null : new BestProgress(progress);
        var searches = new RuinRecreateSearch[count];
        for (var k = 0; k < count; k++)
        {
            // A fixed odd multiplier spreads the derived seeds; HashCode is randomised per process and would
            // make parallel plans differ between runs.
            var seed = k == 0 ? _options.Seed : unchecked(_options.Seed + (k * -1640531527));
            searches[k] = new RuinRecreateSearch(problem, _options, _time, new Random(seed), Stops(started, cancellationToken), shared);
        }

        var results = new Solution[count];
        if (count == 1)
        {
            results[0] = searches[0].Run(started);
        }
        else
        {
            Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = count }, k => results[k] = searches[k].Run(started));
        }

        var winner = 0;
        for (var k = 1; k < count; k++)
        {
            if (Improvement.IsLower(results[k].Total, results[winner].Total))
            {
                winner = k;
            }
        }

        return PlanBuilder.Build(problem, results[winner], searches[winner].Status, searches.Sum(s => s.Iterations), searches[winner].NotReached);
    }

    /// <summary>The plan when preparation stopped: no routes, every account to visit listed as <see cref="UnplannedReason.NotReached"/>.</summary>
    private static JourneyPlan NotReached(JourneyPlanRequest request, StopReason reason)
    {
        var unplanned = request.Accounts.Where(a => a.Visit is not null).OrderBy(a => a.Id)
            .Select(a => new UnplannedAccount(a.Id, UnplannedReason.NotReached, 0, 0,
                $"Account {a.Id}: the planner stopped ({(reason == StopReason.Cancelled ? "cancelled" : "time limit")}) while preparing the problem, before it could try the account."))
            .ToImmutableArray();
        var positions = request.Positions.Where(p => !p.IsVacant && p.Base is not null).OrderBy(p => p.Id);
        return new JourneyPlan
        {
            Routes = [],
            Unplanned = unplanned,
            Kpis = JourneyPlanKpis.FromRoutes([], positions, request.Cycle),
            Capacity = [],
            Crossings = [],
            Status = reason == StopReason.Cancelled ? JourneyPlanStatus.Cancelled : JourneyPlanStatus.TimeLimitReached,
            Cost = 0,
            Iterations = 0,
        };
    }

    private StopCondition Stops(long started, CancellationToken cancellationToken) => StopCondition.Any(
        StopCondition.TimeLimit(_time, started, _options.TimeLimit),
        StopCondition.Cancellation(cancellationToken),
        _options.MaxIterations is { } max ? StopCondition.Iterations(max) : StopCondition.Never,
        _options.MaxIterationsWithoutImprovement is { } stale ? StopCondition.NoImprovement(stale) : StopCondition.Never);

    /// <summary>
    /// Checks, before any search, how many hours each position's share of the requested visits needs
    /// against the hours it has (see <see cref="PositionCapacity"/>).
    /// </summary>
    /// <param name="request">What would be planned.</param>
    /// <returns>One entry per planned position, sorted by id, or every problem with the request's data.</returns>
    public OneOf<ImmutableArray<PositionCapacity>, ModelValidationFailure> CheckCapacity(JourneyPlanRequest request)
    {
        Guard.NotNull(request);
        var created = JourneyProblem.Create(request, _options);
        // No stop condition is given, so preparation runs to the end and the third case cannot arise.
        return created.Match<OneOf<ImmutableArray<PositionCapacity>, ModelValidationFailure>>(p => p.Capacity, f => f, _ => throw new InvalidOperationException("Preparation stopped without a stop condition."));
    }
}
