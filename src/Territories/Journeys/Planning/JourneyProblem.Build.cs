using System.Collections.Immutable;
using OneOf;
using Territories.Internal;
using Territories.Model;
using Territories.Travel;

namespace Territories.Journeys.Planning;

/// <summary>Building a <see cref="JourneyProblem"/> from a request: which accounts become customers, the travel tables, windows, patterns and the objective's scales.</summary>
internal sealed partial class JourneyProblem
{
    private static OneOf<JourneyProblem, ModelValidationFailure, StopReason> CreateCore(JourneyPlanRequest request, JourneyPlannerOptions options, PreparationPoller poll)
    {
        var errors = request.Validate();
        if (!errors.IsEmpty)
        {
            return new ModelValidationFailure(errors);
        }

        var cycle = request.Cycle;
        var positions = request.Positions.Where(p => !p.IsVacant && p.Base is not null).OrderBy(p => p.Id).ToImmutableArray();
        var accounts = request.Accounts.Where(a => a.Visit is not null).OrderBy(a => a.Id).ToList();
        var territories = request.Territories.ToDictionary(t => t.Id);

        // Named accounts belong to the territory that names them, wherever they lie (as in
        // TerritoryMap.Assign); an account named twice goes to the first territory by id.
        var named = new Dictionary<AccountId, TerritoryId>();
        foreach (var t in request.Territories.OrderBy(t => t.Id.Value, StringComparer.Ordinal))
        {
            foreach (var id in t.NamedAccounts)
            {
                named.TryAdd(id, t.Id);
            }
        }
        var problem = new JourneyProblem
        {
            PositionCount = positions.Length,
            DayCount = cycle.DayCount,
            DaysPerWeek = cycle.DaysPerWeek,
            PlannedPositions = positions,
            Cycle = cycle,
            BalancePerSecondSquared = options.BalanceWeight / (3600.0 * 3600.0),
            KeepPosition = options.KeepPositionPerAccount,
        };
        int P = positions.Length, D = cycle.DayCount, W = cycle.DaysPerWeek;

        var bases = positions.Select(p => p.Base!.Value).Distinct().ToList();
        problem.BaseCount = bases.Count;
        problem.PositionBase = [.. positions.Select(p => bases.IndexOf(p.Base!.Value))];
        problem.Works = new bool[P * D];
        problem.DayStart = new double[P];
        problem.DayEnd = new double[P];
        problem.MaxVisits = new int[P];
        problem.MaxLoad = new double[P];
        for (var p = 0; p < P; p++)
        {
            var pos = positions[p];
            problem.DayStart[p] = pos.DailyHours.Start.TotalSeconds;
            problem.DayEnd[p] = (pos.DailyHours.End - pos.Break).TotalSeconds;
            problem.MaxVisits[p] = pos.MaxVisitsPerDay ?? int.MaxValue;
            problem.MaxLoad[p] = pos.MaxLoadPerDay ?? double.PositiveInfinity;
            for (var d = 0; d < D; d++)
            {
                problem.Works[(p * D) + d] = pos.WorksOn(cycle, d);
            }
        }

        // Eligibility first: it decides which accounts can become customers.
        var positionIndex = positions.Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var unplanned = new List<UnplannedAccount>();
        var kept = new List<(Account Account, int[][] Patterns, bool[] Eligible, bool[] Covers, TerritoryId? Territory)>();
        var hard = options.TerritoryRule == TerritoryRule.Hard;
        foreach (var a in accounts)
        {
            poll.Tick();
            var req = a.Visit!;
            var service = (req.Duration ?? a.ServiceTime).TotalSeconds;
            var patterns = req.AllowedPatterns(cycle).Where(pt => pt.Days.All(d => d < D)).ToList();
            var minVisits = patterns.Count == 0 ? MinVisits(req, cycle) : patterns.Min(pt => pt.VisitCount);
            if (patterns.Count == 0)
            {
                unplanned.Add(new UnplannedAccount(a.Id, UnplannedReason.NoAllowedPattern, minVisits, minVisits * service / 3600,
                    $"Account {a.Id}: its visit requirement allows no day pattern in a cycle of {cycle}."));
                continue;
            }

            var eligible = new bool[P];
            var covers = new bool[P];
            TerritoryId? territory = null;
            if (named.TryGetValue(a.Id, out var namedBy))
            {
                territory = namedBy;
            }
            else if (a.Territory is { } tid && territories.ContainsKey(tid))
            {
                territory = tid;
            }

            var coverSet = territory is not null ? territories[territory.Value].Positions.ToHashSet() : null;
            for (var p = 0; p < P; p++)
            {
                covers[p] = coverSet is null || coverSet.Contains(positions[p].Id);
                eligible[p] = req.FixedPosition is { } fixedId ? positions[p].Id == fixedId : (!hard || covers[p]);
            }

            if (!eligible.Contains(true))
            {
                unplanned.Add(new UnplannedAccount(a.Id, UnplannedReason.NoEligiblePosition, minVisits, minVisits * service / 3600,
                    req.FixedPosition is { } f
                        ? $"Account {a.Id}: its fixed position {f} is not planned (unknown, vacant or without a base)."
                        : $"Account {a.Id}: no planned position covers its territory {territory}."));
                continue;
            }

            kept.Add((a, [.. patterns.Select(pt => pt.Days.ToArray())], eligible, covers, territory));
        }

        var N = kept.Count;
        var L = bases.Count + N;
        if (SizeError(L) is { } tooLarge)
        {
            return new ModelValidationFailure([tooLarge]);
        }

        poll.Now();
        var locations = new List<GeoPoint>(L);
        locations.AddRange(bases);
        locations.AddRange(kept.Select(k => k.Account.Location));
        // The built-in models let the stop condition interrupt the matrix build between rows.
        var matrix = request.TravelModel is IRowPolledTravelModel polled
            ? polled.Matrix(locations, poll.Tick)
            : request.TravelModel.Matrix(locations);
        poll.Now();
        LegTable dist, time;
        if (matrix.Count != L)
        {
            // A custom model broke its contract (one row and column per location asked for): a programming error.
            throw new InvalidOperationException($"The travel model {request.TravelModel.GetType().Name} answered a matrix of {matrix.Count} locations for {L} locations.");
        }

        if (matrix.Legs is { } legs)
        {
            // Too many locations to store every pair: each leg is computed when asked (same values).
            dist = LegTable.Computed(legs, seconds: false);
            time = LegTable.Computed(legs, seconds: true);
        }
        else
        {
            // The matrix is immutable and so are these arrays: share them rather than hold a second copy.
            dist = LegTable.Stored(matrix.Distances!, seconds: false);
            time = LegTable.Stored(matrix.Seconds!, seconds: true);
        }

        problem.LocationCount = L;
        problem.Dist = dist;
        problem.Time = time;
        problem.Cost = options.Objective == JourneyObjective.TravelTime ? time : dist;
        problem.CustomerCount = N;
        problem.Service = [.. kept.Select(k => (k.Account.Visit!.Duration ?? k.Account.ServiceTime).TotalSeconds)];
        problem.Load = [.. kept.Select(k => k.Account.Visit!.Load)];
        problem.Eligible = [.. kept.SelectMany(k => k.Eligible)];
        problem.Covers = [.. kept.SelectMany(k => k.Covers)];
        problem.CustomerTerritory = [.. kept.Select(k => k.Territory)];
        problem.Penalty = new double[N * P];
        for (var c = 0; c < N; c++)
        {
            for (var p = 0; p < P; p++)
            {
                problem.Penalty[(c * P) + p] = problem.Covers[(c * P) + p] ? 0 : options.TerritoryPenalty;
            }
        }

        problem.WindowStart = new double[]?[N * W];
        problem.WindowEnd = new double[]?[N * W];
        for (var c = 0; c < N; c++)
        {
            var hours = kept[c].Account.OpeningHours;
            if (hours.IsAlwaysOpen)
            {
                continue;
            }

            problem.HasTimeWindows = true;
            for (var k = 0; k < W; k++)
            {
                var windows = StartWindows.FromOpening(hours.On(cycle.WorkingDays[k]), problem.Service[c], options.OpeningHoursRule, out _);
                problem.WindowStart[(c * W) + k] = [.. windows.Select(w => w.Start)];
                problem.WindowEnd[(c * W) + k] = [.. windows.Select(w => w.End)];
            }
        }

        // Keep only the patterns whose every day can take a lone visit from some eligible position.
        var finalPatterns = new List<int[][]>();
        var keepIndex = new List<int>();
        for (var c = 0; c < N; c++)
        {
            poll.Tick();
            var a = kept[c].Account;
            var lone = new bool[P * D];
            var loneNoWindows = new bool[P * D];
            for (var p = 0; p < P; p++)
            {
                if (!problem.Eligible[(c * P) + p])
                {
                    continue;
                }

                for (var d = 0; d < D; d++)
                {
                    if (problem.Works[(p * D) + d])
                    {
                        (lone[(p * D) + d], loneNoWindows[(p * D) + d]) = problem.LoneVisit(c, p, d);
                    }
                }
            }

            var ok = kept[c].Patterns.Where(pt => problem.PatternFits(pt, lone)).ToArray();
            if (ok.Length > 0)
            {
                finalPatterns.Add(ok);
                keepIndex.Add(c);
                continue;
            }

            var visits = kept[c].Patterns.Min(pt => pt.Length);
            var hoursNeeded = visits * problem.Service[c] / 3600;
            var anyWorked = Enumerable.Range(0, P).Any(p => problem.Eligible[(c * P) + p] && kept[c].Patterns.Any(pt => pt.All(d => problem.Works[(p * D) + d])));
            if (kept[c].Patterns.Any(pt => problem.PatternFits(pt, loneNoWindows)))
            {
                unplanned.Add(new UnplannedAccount(a.Id, UnplannedReason.OpeningHoursUnreachable, visits, hoursNeeded,
                    $"Account {a.Id}: its opening hours cannot be met from the base within the working hours on its allowed days."));
            }
            else if (anyWorked)
            {
                unplanned.Add(new UnplannedAccount(a.Id, UnplannedReason.ExceedsDailyLimits, visits, hoursNeeded,
                    $"Account {a.Id}: one visit alone exceeds the working hours, visit cap or load cap of the positions that may visit it."));
            }
            else
            {
                unplanned.Add(new UnplannedAccount(a.Id, UnplannedReason.NoCapacity, visits, hoursNeeded,
                    $"Account {a.Id}: no position that may visit it works on all days of any of its allowed patterns."));
            }
        }

        if (keepIndex.Count < N)
        {
            problem.Restrict(keepIndex, kept.Select(k => k.Account).ToList(), poll);
        }
        else
        {
            problem.CustomerAccounts = [.. kept.Select(k => k.Account)];
        }

        problem.Patterns = [.. finalPatterns];
        problem.PatternDays = [.. finalPatterns.Select(ps => ps.SelectMany(x => x).Distinct().Order().ToArray())];
        problem.PreUnplanned = [.. unplanned.OrderBy(u => u.Account)];
        problem.Finish(poll);
        problem.Capacity = CapacityEstimate.Of(problem);
        return problem;
    }

    private static int MinVisits(VisitRequirement requirement, JourneyCycle cycle) =>
        requirement.Frequency is { } f ? f.VisitsPerCycle(cycle) ?? f.Visits : 0;

    private void Finish(PreparationPoller poll)
    {
        var N = CustomerCount;
        var L = LocationCount;
        Neighbours = Dist.Legs is { } legs ? CustomerNeighbours.Ranked(this, legs, poll) : CustomerNeighbours.Sorted(this, poll);
        double sum = 0, max = 0, time = 0;
        var count = 0;
        for (var c = 0; c < N; c++)
        {
            var lc = Location(c);
            for (var b = 0; b < BaseCount; b++)
            {
                sum += Cost[(b * L) + lc];
                time += Time[(b * L) + lc];
                count++;
            }

            foreach (var o in Neighbours[c].Take(5))
            {
                sum += Cost[(lc * L) + Location(o)];
                time += Time[(lc * L) + Location(o)];
                count++;
            }
        }

        if (Cost.Legs is { } computed)
        {
            // Too many pairs to scan: a bound not far above the longest leg prices an unplanned visit as well.
            var bound = computed.UpperBound();
            max = Cost.IsSeconds ? bound.Seconds : bound.Metres;
        }
        else
        {
            for (var k = 0; k < L * L; k++)
            {
                max = Math.Max(max, Cost[k]);
            }
        }

        SymmetricLegs = Cost.StoredValues is { } costs && Time.StoredValues is { } times
            && IsSymmetric(costs, L, poll) && (ReferenceEquals(costs, times) || IsSymmetric(times, L, poll));
        MeanArcCost = count > 0 ? Math.Max(sum / count, 1e-9) : 1;
        MeanArcTime = count > 0 ? Math.Max(time / count, 1e-9) : 1;
        UnplannedPenalty = (1000 * (max + 1)) + (Penalty.Length > 0 ? Penalty.Max() * 10 : 0) + (BalancePerSecondSquared * 86400.0 * 86400.0);
    }

    /// <summary>Whether the row-major <paramref name="L"/> × <paramref name="L"/> table equals its transpose, to the bit.</summary>
    private static bool IsSymmetric(double[] table, int L, PreparationPoller poll)
    {
        for (var i = 0; i < L; i++)
        {
            poll.Tick();
            for (var j = i + 1; j < L; j++)
            {
                if (BitConverter.DoubleToInt64Bits(table[(i * L) + j]) != BitConverter.DoubleToInt64Bits(table[(j * L) + i]))
                {
                    return false;
                }
            }
        }

        return true;
    }
}
