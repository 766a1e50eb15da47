using System.Collections.Immutable;
using System.Globalization;
using OneOf;
using Territories.Design;
using Territories.Internal;
using Territories.Journeys;
using Territories.Journeys.Planning;
using Territories.Model;

namespace Territories.Workload;

/// <summary>
/// Shapes territories, bases and journey plans together: designs territories on estimated workload,
/// plans every position, measures the work each plan really takes, and designs again on the
/// measured work until every position's utilisation is within a band.
/// </summary>
/// <remarks>
/// <para>
/// The units are the accounts' places (accounts at the same coordinates form one unit). Round 0
/// designs <c>k</c> contiguous territories balancing each place's estimated workload
/// (<see cref="WorkloadEstimator"/>: service, travel between visits, and a stem share for a territory
/// of a k-th of the region). Each round then: chooses each territory's base (<see cref="BaseLocator"/>,
/// unless bases are fixed), plans every position with the <see cref="JourneyPlanner"/> (in parallel, each
/// with the same seed and an iteration limit), and measures each account's real work in its plan: its
/// service, half of each leg between it and the visits beside it, and an equal share of its day's stems
/// and waiting (so the accounts' figures add up to the plans' working time exactly; an unplanned account
/// is priced at its service plus its plan's mean travel per visit); the next round's figures are half
/// way between the last ones and these, since plans vary by a few percent. The next round designs
/// afresh on those figures (<see cref="TerritoryDesigner.Design"/>, compact under the balance) rather
/// than realigning the last territories: <see cref="TerritoryDesigner.Realign"/> has no compactness
/// term, and round after round of least-volume moves drew 350 km ribbons on the Ohio sample that no
/// base could serve. Bases stay where they were unless a new place saves more than 5 % of the stems.
/// When the request leaves the number of positions to the aligner, it is first sized from the
/// estimate (<see cref="WorkloadEstimator.Size"/>) and, once, after the first plans, grown to the
/// work they really take at <see cref="AlignmentOptions.TargetUtilisation"/> when that needs more
/// positions (then designed afresh); it is never shrunk.
/// </para>
/// <para>
/// The loop stops when the highest utilisation is at most <see cref="AlignmentOptions.Band"/> times the
/// lowest and nothing is unplanned for lack of capacity or reach, or at the round or time limit, or on
/// cancellation; it returns the best round either way, with findings that say why the band was missed.
/// The time limit is checked between rounds (a round under way finishes, its designs and plans bounded
/// by their own limits), so that the clock never changes what a round produces.
/// </para>
/// <para>
/// Determinism: the same request, options and seed give the same result while no design or plan is cut
/// short by a time limit. Thread-safe: the aligner holds only its copied options.
/// </para>
/// </remarks>
public sealed class TerritoryAligner
{
    private const string Attribute = "workload-minutes";
    private readonly AlignmentOptions _options;
    private readonly TimeProvider _time;

    /// <summary>Creates an aligner from validated, copied options.</summary>
    /// <param name="options">The options; null for the defaults.</param>
    /// <param name="timeProvider">The clock for the time limits; null for the system clock.</param>
    /// <exception cref="ArgumentException">The options are not valid (every failure is listed).</exception>
    public TerritoryAligner(AlignmentOptions? options = null, TimeProvider? timeProvider = null)
    {
        _options = EngineOptions.Checked(options);
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Aligns territories, bases and plans for <paramref name="request"/>.</summary>
    /// <param name="request">The accounts, cycle, positions and travel model.</param>
    /// <param name="progress">Told after each round.</param>
    /// <param name="cancellationToken">
    /// Stops the loop, inside a round too (its design and plans get the token, and the options' time
    /// limit as a deadline): the best complete round so far is returned, or round 0 as far as it got.
    /// </param>
    /// <returns>The best round's territories and plans with the history; or every problem of the request.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    public OneOf<AlignmentResult, AlignmentFailure> Align(AlignmentRequest request, IProgress<AlignmentProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(request);
        var started = _time.GetTimestamp();
        var errors = new List<AlignmentError>();
        var cycle = request.Cycle;
        var travel = request.TravelModel;
        var capacity = Capacity.Of(request.Position, cycle);
        var accounts = request.Accounts;
        var demands = CheckAccounts(request, capacity, errors);
        var units = errors.Count == 0 ? AlignmentUnits.Create(accounts, demands, capacity, errors) : null;
        var estimator = new WorkloadEstimator(_options.Workload);
        SizingResult? sizing = null;
        var k = request.Bases.Length;
        if (units is not null && k == 0)
        {
            if (request.Positions is { } given)
            {
                k = given;
            }
            else
            {
                sizing = estimator.Size(accounts, request.Position, cycle, travel, _options.TargetUtilisation);
                k = sizing?.Positions ?? 0;
            }
        }

        if (units is not null && (k < 1 || k > units.Count))
        {
            errors.Add(new AlignmentError(AlignmentErrorCode.PositionCount, [], "Positions", Text(k),
                $"{k} position(s) for {units.Count} distinct account location(s): a territory needs at least one place."));
        }

        if (units is not null)
        {
            CheckBases(request, capacity, errors);
        }

        if (errors.Count > 0 || units is null)
        {
            return new AlignmentFailure([.. errors]);
        }

        var ids = TerritoryIds(k);
        var resized = false;
        var designOptions = new DesignOptions
        {
            TerritoryIds = ids,
            Tolerance = _options.DesignTolerance,
            Seed = _options.Seed,
            ComputeBaseline = false,
            MaxRounds = _options.DesignRounds,
            TimeLimit = _options.TimeLimit,
        };
        for (var b = 0; b < request.Bases.Length; b++)
        {
            designOptions.LockedUnits[units.Nearest(request.Bases[b])] = ids[b];
        }

        // Round 0: each place's estimated work, its stems priced for a territory of a k-th of the region.
        var all = estimator.Parts([.. accounts.Select(a => a.Location)], demands, BaseLocator.Choose(accounts, cycle, travel), capacity, travel);
        var stemPerVisit = all.Visits > 0 ? estimator.AtPositions(all, capacity, k).Stem / all.Visits : 0;
        var work = new double[accounts.Length];
        for (var i = 0; i < work.Length; i++)
        {
            work[i] = demands[i].Service.TotalSeconds + all.TourShares[i] + (demands[i].Visits * stemPerVisit);
        }

        // The caller's token or the loop's deadline stops the design and the plans inside a round, not
        // only between rounds; a round so stopped is dropped (round 0 excepted: it is all there is).
        using var deadline = new CancellationTokenSource(Remaining(started) > TimeSpan.Zero ? Remaining(started) : TimeSpan.Zero, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var token = linked.Token;
        AlignmentStop Stopped() => cancellationToken.IsCancellationRequested ? AlignmentStop.Cancelled : AlignmentStop.TimeLimit;

        // A design that misses its tolerance still serves (the loop measures and corrects it); only a
        // design with no plan at all stops the loop.
        OneOf<DesignResult, DesignFailure> Design(double[] seconds, bool first = false)
        {
            var designed = new TerritoryDesigner(designOptions, _time).Design(units.Input(Attribute, seconds), cancellationToken: token);

            // Round 0 must have a plan: stopped before the designer had one (while it built the unit
            // graph), it designs again without the token, with one search round only.
            if (first && designed.TryPickT1(out var stopped, out _) && stopped.BestEffort is null
                && stopped.Errors.All(e => e.Code is DesignErrorCode.Cancelled or DesignErrorCode.TimeLimitReached))
            {
                var once = EngineOptions.CopyOf(designOptions);
                once.MaxRounds = 1;
                designed = new TerritoryDesigner(once, _time).Design(units.Input(Attribute, seconds), cancellationToken: CancellationToken.None);
            }

            return designed.TryPickT1(out var failure, out _) && failure.BestEffort is { } best ? best : designed;
        }

        if (Design(work, first: true).TryPickT1(out var refusal, out var design))
        {
            return new AlignmentFailure([.. refusal.Errors.Select(e => new AlignmentError(AlignmentErrorCode.Design, e.Items, e.Field, e.Value, e.Message))]);
        }

        var rounds = ImmutableArray.CreateBuilder<AlignmentRound>();
        var homes = new Dictionary<TerritoryId, GeoPoint>();
        double[]? weights = null;
        Snapshot? best = null;
        var moved = 0;
        var stop = AlignmentStop.MaxRounds;
        for (var round = 0; ; round++)
        {
            var members = units.AccountsByTerritory(design.Alignment, ids);
            var shares = new double[accounts.Length];
            var planned = PlanRound(request, demands, members, design, ids, capacity, estimator, shares, homes, token);
            if (planned.TryPickT1(out var refused, out var positions))
            {
                return refused;
            }

            if (best is not null && token.IsCancellationRequested)
            {
                stop = Stopped();
                break;
            }

            // Half way from the work the last design balanced to the work the plans measured: plans of
            // a few thousand iterations vary by a few percent, and full steps overshoot.
            var corrected = Corrected(demands, positions, members, shares);
            var measured = weights is null ? corrected : [.. corrected.Select((c, i) => (c + weights[i]) / 2)];
            weights = measured;
            var utilisation = positions.Select(p => p.Utilisation).ToArray();
            var unplanned = positions.Sum(p => p.Plan.Unplanned.Count(u => u.Reason is UnplannedReason.NoCapacity or UnplannedReason.ExceedsDailyLimits));
            var record = new AlignmentRound(round, k, utilisation.Min(), utilisation.Max(), unplanned, moved, design.Report.ContiguousTerritories, _time.GetElapsedTime(started));
            rounds.Add(record);
            var snapshot = new Snapshot(record, design, positions, measured);
            if (best is null || snapshot.IsBetterThan(best))
            {
                best = snapshot;
            }

            progress?.Report(new AlignmentProgress(record, best.Round));
            if (record.Unplanned == 0 && record.Spread <= _options.Band)
            {
                stop = AlignmentStop.WithinBand;
                break;
            }

            if (token.IsCancellationRequested)
            {
                stop = Stopped();
                break;
            }

            if (round + 1 >= _options.MaxRounds)
            {
                stop = AlignmentStop.MaxRounds;
                break;
            }

            if (Remaining(started) <= TimeSpan.Zero)
            {
                stop = AlignmentStop.TimeLimit;
                break;
            }

            // Sized from the estimate: once, after the first plans, the sales force grows to the work the
            // plans really take (the estimate knows nothing of opening hours and waiting). It never
            // shrinks: at the target's mean utilisation, the busiest position of a band is already near full.
            var needed = Math.Clamp((int)Math.Ceiling(measured.Sum() / (capacity.Seconds * _options.TargetUtilisation)), 1, units.Count);
            if (sizing is not null && !resized && needed > k)
            {
                resized = true;
                k = needed;
                ids = TerritoryIds(k);
                designOptions.TerritoryIds = ids;
            }

            if (Design(measured).TryPickT1(out _, out var next))
            {
                stop = token.IsCancellationRequested ? Stopped() : AlignmentStop.MaxRounds;
                break;
            }

            if (token.IsCancellationRequested)
            {
                stop = Stopped();
                break;
            }

            moved = design.Alignment.Territories.Length == next.Alignment.Territories.Length ? units.AccountsMoved(design.Alignment, next.Alignment) : accounts.Length;
            if (moved == 0)
            {
                stop = AlignmentStop.Stalled;
                break;
            }

            design = next;
        }

        var findings = stop == AlignmentStop.WithinBand ? [] : Findings(units, best, capacity, best.Positions.Length);
        var whole = new JourneyPlanRequest([.. best.Positions.Select(p => p.Position)], cycle, [.. best.Positions.SelectMany(p => p.Request.Accounts)], travel)
        {
            Territories = [.. best.Positions.Select(p => p.Territory)],
        };
        return new AlignmentResult
        {
            Request = whole,
            Plan = Combined(best.Positions, whole),
            Positions = best.Positions,
            Design = best.Design,
            Rounds = rounds.ToImmutable(),
            Best = best.Round,
            Sizing = sizing,
            Stop = stop,
            Findings = findings,
        };
    }

    private OneOf<ImmutableArray<AlignedPosition>, AlignmentFailure> PlanRound(
        AlignmentRequest request, AccountDemand[] demands, List<int>[] members, DesignResult design, TerritoryId[] ids, Capacity capacity,
        WorkloadEstimator estimator, double[] shares, Dictionary<TerritoryId, GeoPoint> homes, CancellationToken cancellationToken)
    {
        var accounts = request.Accounts;
        var territories = design.Territories.ToDictionary(t => t.Id);
        var results = new AlignedPosition?[ids.Length];
        var refusals = new AlignmentError?[ids.Length];
        var planner = new JourneyPlanner(new JourneyPlannerOptions
        {
            MaxIterations = _options.PlanIterations,
            TimeLimit = _options.PlanTimeLimit,
            Seed = _options.Seed,
        }, _time);
        var patient = new JourneyPlanner(new JourneyPlannerOptions
        {
            MaxIterations = 3 * _options.PlanIterations,
            TimeLimit = 3 * _options.PlanTimeLimit,
            Seed = _options.Seed,
        }, _time);
        Parallel.For(0, ids.Length, new ParallelOptions { MaxDegreeOfParallelism = _options.Parallelism }, t =>
        {
            var mine = members[t].Select(i => accounts[i] with { Territory = ids[t] }).ToArray();
            var needs = members[t].Select(i => demands[i]).ToArray();
            var home = request.Bases.Length > 0
                ? request.Bases[t]
                : ChooseBase(mine, needs, request, capacity, homes.TryGetValue(ids[t], out var previous) ? previous : null);
            var position = request.Position with { Id = new PositionId("P" + ids[t].Value[1..]), Base = home, Name = null };
            var territory = (territories.TryGetValue(ids[t], out var designed) ? designed : new Territory(ids[t])) with { Positions = [position.Id] };
            var planRequest = new JourneyPlanRequest([position], request.Cycle, [.. mine], request.TravelModel) { Territories = [territory] };
            var parts = estimator.Parts([.. mine.Select(a => a.Location)], needs, home, capacity, request.TravelModel);
            var estimate = parts.Workload(mine.Length, home, capacity);
            for (var j = 0; j < mine.Length; j++)
            {
                shares[members[t][j]] = parts.Shares[j];
            }

            var planned = planner.Plan(planRequest, cancellationToken: cancellationToken);
            if (planned.TryPickT1(out var invalid, out var plan))
            {
                refusals[t] = new AlignmentError(AlignmentErrorCode.Planning, [ItemRef.Of(ids[t])], "Accounts", null, $"The planner refused territory {ids[t]}: {invalid}");
                return;
            }

            // A plan of a few thousand iterations sometimes leaves an account out with time to spare;
            // one longer search (three times the iterations) settles whether the territory is short.
            if (plan.Unplanned.Any(u => u.Reason == UnplannedReason.NoCapacity) && !cancellationToken.IsCancellationRequested)
            {
                var longer = patient.Plan(planRequest, cancellationToken: cancellationToken);
                if (longer.TryPickT0(out var retry, out _) && (retry.Unplanned.Length, retry.Cost).CompareTo((plan.Unplanned.Length, plan.Cost)) < 0)
                {
                    plan = retry;
                }
            }

            results[t] = new AlignedPosition { Position = position, Territory = territory, Request = planRequest, Plan = plan, Estimate = estimate };
        });

        foreach (var result in results.Where(r => r is not null))
        {
            homes[result!.Territory.Id] = result.Position.Base!.Value;
        }

        if (refusals.Any(r => r is not null))
        {
            return new AlignmentFailure([.. refusals.Where(r => r is not null).Select(r => r!)]);
        }

        return ImmutableArray.Create(results.Select(r => r!).ToArray());
    }

    // The base that minimises the visits' stems among those from which every account can be reached,
    // visited and left again within a working day; the previous round's base unless a place does better.
    private static GeoPoint ChooseBase(Account[] accounts, AccountDemand[] demands, AlignmentRequest request, Capacity capacity, GeoPoint? previous)
    {
        var points = accounts.Select(a => a.Location).ToArray();
        var weights = demands.Select(d => (double)d.Visits).ToArray();
        if (weights.Sum() <= 0)
        {
            Array.Fill(weights, 1.0);
        }

        var reach = demands.Select(d => (capacity.DaySeconds - d.VisitTime.TotalSeconds) / 2).ToArray();
        return BaseLocator.Choose(points, weights, request.TravelModel, request.BaseCandidates.IsEmpty ? points : request.BaseCandidates, reach, previous);
    }

    private static JourneyPlan Combined(ImmutableArray<AlignedPosition> positions, JourneyPlanRequest whole)
    {
        var plans = positions.Select(p => p.Plan).ToArray();
        var routes = plans.SelectMany(p => p.Routes).OrderBy(r => r.Position.Value, StringComparer.Ordinal).ThenBy(r => r.Day).ToImmutableArray();
        return new JourneyPlan
        {
            Routes = routes,
            Unplanned = [.. plans.SelectMany(p => p.Unplanned).OrderBy(u => u.Account.Value, StringComparer.Ordinal)],
            Kpis = JourneyPlanKpis.FromRoutes(routes, whole.Positions, whole.Cycle),
            Capacity = [.. plans.SelectMany(p => p.Capacity)],
            Crossings = [.. plans.SelectMany(p => p.Crossings)],
            Status = plans.Max(p => p.Status),
            Cost = plans.Sum(p => p.Cost),
            Iterations = plans.Sum(p => p.Iterations),
        };
    }

    // Each account's work (seconds): its estimated share in its territory (service, legs, stem share
    // from the territory's base), scaled so that the territory's accounts add up to the work its plan
    // takes (working time, plus service and the plan's mean travel per visit for unplanned accounts).
    private static double[] Corrected(AccountDemand[] demands, ImmutableArray<AlignedPosition> positions, List<int>[] members, double[] shares)
    {
        var work = new double[shares.Length];
        for (var t = 0; t < positions.Length; t++)
        {
            var plan = positions[t].Plan;
            var visits = plan.Routes.Sum(r => r.Visits.Length);
            var travel = plan.Routes.Sum(r => r.WorkingTime.TotalSeconds - r.ServiceTime.TotalSeconds);
            var perVisit = visits > 0 ? travel / visits : 0;
            // The request holds the territory's accounts in the order of its members.
            var index = members[t].Select((i, j) => KeyValuePair.Create(positions[t].Request.Accounts[j].Id, i)).ToDictionary();
            var actual = plan.Routes.Sum(r => r.WorkingTime.TotalSeconds)
                + plan.Unplanned.Sum(u => index.TryGetValue(u.Account, out var i) ? demands[i].Service.TotalSeconds + (demands[i].Visits * perVisit) : 0);
            var estimated = members[t].Sum(i => shares[i]);
            var factor = estimated > 0 ? actual / estimated : 1;
            foreach (var i in members[t])
            {
                work[i] = shares[i] * factor;
            }
        }

        return work;
    }

    private ImmutableArray<string> Findings(AlignmentUnits units, Snapshot best, Capacity capacity, int k)
    {
        var findings = ImmutableArray.CreateBuilder<string>();
        var total = best.Measured.Sum();
        var needed = total / (capacity.Seconds * _options.TargetUtilisation);
        if (total > k * capacity.Seconds)
        {
            findings.Add(Text($"Too few positions: the plans need {total / 3600:N0} h of work per cycle and {k} position(s) have {k * capacity.Seconds / 3600:N0} h; about {Math.Ceiling(needed):0} are needed at {_options.TargetUtilisation:P0}."));
        }
        else if (best.Round.Unplanned > 0 && total > k * capacity.Seconds * _options.TargetUtilisation)
        {
            findings.Add(Text($"{best.Round.Unplanned} account(s) stay unplanned at a mean utilisation of {total / (k * capacity.Seconds):P0}: the plans need {total / 3600:N0} h per cycle, about {Math.Ceiling(needed):0} position(s) at {_options.TargetUtilisation:P0} rather than {k}."));
        }

        var mean = total / k;
        var ceiling = mean * 2 * _options.Band / (1 + _options.Band);
        var (heaviest, load) = units.Heaviest(best.Measured);
        if (load > ceiling)
        {
            findings.Add(Text($"The place of account '{heaviest}' alone needs {load / 3600:0.0} h per cycle, above the {ceiling / 3600:0.0} h a territory may carry within the band ({mean / 3600:0.0} h is the mean)."));
        }

        findings.Add(Text($"Best round {best.Round.Round}: utilisation {best.Round.MinUtilisation:P1} to {best.Round.MaxUtilisation:P1} (spread {best.Round.Spread:0.000} against {_options.Band:0.00}), {best.Round.Unplanned} account(s) unplanned for lack of capacity or reach."));
        return findings.ToImmutable();
    }

    private static AccountDemand[] CheckAccounts(AlignmentRequest request, Capacity capacity, List<AlignmentError> errors)
    {
        var accounts = request.Accounts;
        if (capacity.Seconds <= 0)
        {
            errors.Add(new AlignmentError(AlignmentErrorCode.NoWorkingTime, [], "Position", request.Position.DailyHours.ToString(),
                "The position has no working time in the cycle (no working day, or a break as long as the day)."));
        }

        if (accounts.IsEmpty)
        {
            errors.Add(new AlignmentError(AlignmentErrorCode.NoAccounts, [], "Accounts", null, "The request has no accounts."));
            return [];
        }

        var demands = new AccountDemand[accounts.Length];
        var seen = new HashSet<AccountId>();
        for (var i = 0; i < accounts.Length; i++)
        {
            var account = accounts[i];
            if (!seen.Add(account.Id))
            {
                errors.Add(new AlignmentError(AlignmentErrorCode.DuplicateAccount, [ItemRef.Of(account.Id)], "Id", account.Id.Value, $"Account '{account.Id}' appears more than once."));
            }

            if (!account.Location.IsValid)
            {
                errors.Add(new AlignmentError(AlignmentErrorCode.InvalidLocation, [ItemRef.Of(account.Id)], "Location", account.Location.ToString(),
                    $"Account '{account.Id}' is at {account.Location}, which is not a WGS84 position."));
            }

            demands[i] = AccountDemand.Of(account, request.Cycle);
            if (account.Visit is not null && demands[i].Visits == 0)
            {
                errors.Add(new AlignmentError(AlignmentErrorCode.ImpossibleVisits, [ItemRef.Of(account.Id)], "Visit", account.Visit.Frequency?.ToString(),
                    $"Account '{account.Id}' asks for visits that fit no day pattern of the {request.Cycle} cycle."));
            }

            if (demands[i].Visits > 0 && capacity.Seconds > 0 && demands[i].VisitTime.TotalSeconds > capacity.DaySeconds)
            {
                errors.Add(new AlignmentError(AlignmentErrorCode.VisitLongerThanDay, [ItemRef.Of(account.Id)], "Duration", demands[i].VisitTime.ToString(),
                    Text($"Account '{account.Id}' needs {demands[i].VisitTime.TotalHours:0.##} h a visit, longer than a working day of {capacity.DaySeconds / 3600:0.##} h.")));
            }
        }

        return demands;
    }

    private static void CheckBases(AlignmentRequest request, Capacity capacity, List<AlignmentError> errors)
    {
        for (var b = 0; b < request.Bases.Length; b++)
        {
            var home = request.Bases[b];
            var field = Text($"Bases[{b}]");
            if (!home.IsValid)
            {
                errors.Add(new AlignmentError(AlignmentErrorCode.BaseOutOfReach, [], field, home.ToString(), $"Base {b + 1} is at {home}, which is not a WGS84 position."));
                continue;
            }

            var nearest = request.Accounts.Min(a => request.TravelModel.Duration(home, a.Location).TotalSeconds);
            if (2 * nearest > capacity.DaySeconds)
            {
                errors.Add(new AlignmentError(AlignmentErrorCode.BaseOutOfReach, [], field, home.ToString(),
                    Text($"Base {b + 1} at {home} is {nearest / 3600:0.0} h from the nearest account: no account can be visited and the base reached again within a {capacity.DaySeconds / 3600:0.#} h day.")));
            }
        }
    }

    private TimeSpan Remaining(long started) => _options.TimeLimit - _time.GetElapsedTime(started);

    private static TerritoryId[] TerritoryIds(int k) =>
        [.. Enumerable.Range(1, k).Select(i => new TerritoryId("T" + i.ToString(Pad(k), CultureInfo.InvariantCulture)))];

    private static string Pad(int k) => new('0', Math.Max(2, k.ToString(CultureInfo.InvariantCulture).Length));

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private sealed record Snapshot(AlignmentRound Round, DesignResult Design, ImmutableArray<AlignedPosition> Positions, double[] Measured)
    {
        public bool IsBetterThan(Snapshot other) =>
            Round.Unplanned != other.Round.Unplanned ? Round.Unplanned < other.Round.Unplanned : Round.Spread < other.Round.Spread;
    }
}
