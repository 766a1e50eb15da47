using System.Collections.Immutable;
using Territories.Journeys.Planning;
using Territories.Model;

namespace Territories.Journeys.Replanning;

/// <summary>
/// The previous plan mapped onto a <see cref="JourneyProblem"/>: per customer its previous visits,
/// pattern and positions; the freeze, locks and budget pins turned into narrowed patterns and
/// positions; the change price; seeding from the previous plan; the figures.
/// </summary>
internal sealed class ReplanState
{
    private readonly JourneyProblem _pb;
    private readonly ReplanRequest _request;
    private readonly bool _keepPosition;
    private readonly int[][][] _patterns;
    private readonly bool[] _eligible;
    private readonly double[] _penalty;
    private readonly Dictionary<AccountId, int> _customerOf;

    /// <summary>Per customer, its previous visits (position index or −1, day, sequence, still workable).</summary>
    private readonly List<(int Position, int Day, int Sequence, bool Valid)>[] _previous;

    /// <summary>Per customer, the index of its previous days in its original patterns, or −1 (new, or forced to change).</summary>
    private readonly int[] _previousPattern;

    /// <summary>Per customer, the index of its previous days in its current (narrowed) patterns, or −1.</summary>
    private readonly int[] _currentPrevious;

    private readonly double[] _positionPrice;

    /// <summary>
    /// The steering price of a kept account's visit on a day it did not have, in mean arcs, while the change
    /// budget is searched for: it makes the search prefer an account's previous days unless moving it saves
    /// this much, so that fewer candidates break the budget. Measured on beat-1000-20 (10 % out and in, first
    /// week frozen, budget 90, 10,000 iterations): 0 gave +0.93 % against scratch, 0.02 +0.80 %, 0.05 +0.58 %,
    /// 0.1 +0.72 %, 0.3 +1.72 %. It is not part of the plan's cost nor of the change price.
    /// </summary>
    private const double SteerFactor = 0.05;

    /// <summary>Sets the problem's prices back to the request's own (no steering); null when nothing was steered.</summary>
    private Action? _unsteered;

    public ReplanState(JourneyProblem pb, ReplanRequest request, bool keepPosition)
    {
        _pb = pb;
        _request = request;
        _keepPosition = keepPosition;
        _patterns = pb.Patterns;
        _eligible = pb.Eligible;
        _penalty = pb.Penalty;
        int N = pb.CustomerCount, P = pb.PositionCount, D = pb.DayCount;
        _customerOf = [];
        for (var c = 0; c < N; c++)
        {
            _customerOf[pb.CustomerAccounts[c].Id] = c;
        }

        var positionOf = new Dictionary<PositionId, int>();
        for (var p = 0; p < P; p++)
        {
            positionOf[pb.PlannedPositions[p].Id] = p;
        }

        _previous = new List<(int, int, int, bool)>[N];
        for (var c = 0; c < N; c++)
        {
            _previous[c] = [];
        }

        foreach (var route in request.Previous.Routes)
        {
            for (var i = 0; i < route.Visits.Length; i++)
            {
                if (!_customerOf.TryGetValue(route.Visits[i].Account, out var c))
                {
                    continue;
                }

                var p = positionOf.TryGetValue(route.Position, out var q) ? q : -1;
                var valid = p >= 0 && route.Day < D && pb.Works[(p * D) + route.Day] && pb.Eligible[(c * P) + p];
                _previous[c].Add((p, route.Day, i, valid));
            }
        }

        _previousPattern = new int[N];
        _currentPrevious = new int[N];
        var forced = new HashSet<AccountId>();
        for (var c = 0; c < N; c++)
        {
            var visits = _previous[c];
            visits.Sort((a, b) => a.Day != b.Day ? a.Day.CompareTo(b.Day) : a.Position.CompareTo(b.Position));
            _previousPattern[c] = -1;
            if (visits.Count == 0)
            {
                continue;
            }

            if (visits.All(v => v.Valid) && (!keepPosition || visits.Select(v => v.Position).Distinct().Count() == 1))
            {
                var days = visits.Select(v => v.Day).ToArray();
                _previousPattern[c] = Array.FindIndex(_patterns[c], pt => pt.AsSpan().SequenceEqual(days));
            }

            if (_previousPattern[c] < 0)
            {
                forced.Add(pb.CustomerAccounts[c].Id);
            }
        }

        Forced = forced;
        _positionPrice = new double[N * P];
    }

    /// <summary>Kept accounts whose previous visits the new request makes change (vacancy, day off, new requirement).</summary>
    public IReadOnlySet<AccountId> Forced { get; }

    public int CustomerOf(AccountId id) => _customerOf.TryGetValue(id, out var c) ? c : -1;

    /// <summary>
    /// Narrows the problem to the freeze, the locks and, when <paramref name="movers"/> is given, pins every kept
    /// customer not in it to its previous days. Returns the customers left with no pattern or position.
    /// </summary>
    public List<int> Constrain(HashSet<int>? movers)
    {
        var pb = _pb;
        int N = pb.CustomerCount, P = pb.PositionCount, D = pb.DayCount, F = _request.FreezeDays;
        var price = _request.PricePerMovedVisit;
        var locks = _request.Locks.GroupBy(l => l.Account).ToDictionary(g => g.Key, g => g.ToList());
        var patterns = new int[N][][];
        var eligible = (bool[])_eligible.Clone();
        var penalty = (double[])_penalty.Clone();
        var steer = movers is null && _request.MaxMovedAccounts is not null ? SteerFactor * pb.MeanArcCost : 0;
        var dayPrices = price > 0 || steer > 0 ? new double[N * D] : [];
        var userPrices = price > 0 ? new double[N * D] : [];
        var dayPositions = F > 0 || locks.Count > 0 ? new int[N * D] : [];
        Array.Fill(dayPositions, -1);
        var blocked = new List<int>();
        for (var c = 0; c < N; c++)
        {
            var all = _patterns[c];
            var allowed = Enumerable.Range(0, all.Length).ToList();
            var visits = _previous[c];
            var positions = new HashSet<int>();
            if (visits.Count > 0)
            {
                var frozen = visits.Where(v => v.Valid && v.Day < F).ToList();
                var frozenDays = frozen.Select(v => v.Day).ToHashSet();
                var exact = allowed.Where(k => all[k].Where(d => d < F).ToHashSet().SetEquals(frozenDays)).ToList();
                allowed = exact.Count > 0 || _previousPattern[c] >= 0 ? exact : [.. allowed.Where(k => frozenDays.IsSubsetOf(all[k]))];
                // A frozen visit keeps its position on its day. With one position per account that pins every
                // visit; with positions per visit, only the frozen days are pinned and other days stay free.
                foreach (var v in frozen)
                {
                    dayPositions[(c * D) + v.Day] = v.Position;
                }

                if (_keepPosition)
                {
                    positions.UnionWith(frozen.Select(v => v.Position));
                }
            }

            if (locks.TryGetValue(pb.CustomerAccounts[c].Id, out var pins))
            {
                var days = pins.Select(l => l.Day).ToHashSet();
                allowed = [.. allowed.Where(k => days.IsSubsetOf(all[k]))];
                var lockPositions = pins.Select(l => pb.PlannedPositions.IndexOf(pb.PlannedPositions.First(x => x.Id == l.Position))).ToHashSet();
                positions = positions.Count == 0 ? lockPositions : [.. positions.Intersect(lockPositions)];
                foreach (var l in pins)
                {
                    var p = pb.PlannedPositions.IndexOf(pb.PlannedPositions.First(x => x.Id == l.Position));
                    var pinned = dayPositions[(c * D) + l.Day];
                    dayPositions[(c * D) + l.Day] = pinned < 0 || pinned == p ? p : -2;
                }

                if (positions.Count == 0 || pins.Any(l => dayPositions[(c * D) + l.Day] == -2))
                {
                    allowed.Clear();
                }
            }

            // Budget pins come last and only narrow: an account whose locks leave out its previous days stays free.
            if (movers is not null && _previousPattern[c] >= 0 && !movers.Contains(c) && allowed.Contains(_previousPattern[c]))
            {
                allowed = [_previousPattern[c]];
            }

            if (positions.Count > 0)
            {
                for (var p = 0; p < P; p++)
                {
                    eligible[(c * P) + p] &= positions.Contains(p);
                }
            }

            if (allowed.Count == 0 || !Enumerable.Range(0, P).Any(p => eligible[(c * P) + p]))
            {
                blocked.Add(c);
                patterns[c] = all;
                continue;
            }

            patterns[c] = [.. allowed.Select(k => all[k])];
            _currentPrevious[c] = _previousPattern[c] >= 0 ? allowed.IndexOf(_previousPattern[c]) : -1;
            if (steer > 0 && _previousPattern[c] >= 0)
            {
                var had = visits.Select(v => v.Day).ToHashSet();
                for (var d = 0; d < D; d++)
                {
                    dayPrices[(c * D) + d] = had.Contains(d) ? 0 : steer;
                }
            }

            if (price > 0 && visits.Count > 0)
            {
                var had = visits.Select(v => v.Day).ToHashSet();
                var by = visits.Select(v => v.Position).ToHashSet();
                for (var d = 0; d < D; d++)
                {
                    dayPrices[(c * D) + d] += had.Contains(d) ? 0 : price;
                    userPrices[(c * D) + d] = had.Contains(d) ? 0 : price;
                }

                for (var p = 0; p < P; p++)
                {
                    _positionPrice[(c * P) + p] = by.Contains(p) ? 0 : price;
                    penalty[(c * P) + p] += _positionPrice[(c * P) + p];
                }
            }
        }

        if (blocked.Count == 0)
        {
            pb.Constrain(patterns, eligible, penalty, dayPrices, dayPositions);
            _unsteered = steer > 0 ? () => pb.Constrain(patterns, eligible, penalty, userPrices, dayPositions) : null;
        }

        return blocked;
    }

    /// <summary>Takes the steering price out of the problem and re-prices <paramref name="solution"/> (see <see cref="SteerFactor"/>).</summary>
    public void DropSteering(Solution solution)
    {
        if (_unsteered is { } unsteer)
        {
            unsteer();
            _unsteered = null;
            solution.Reprice();
        }
    }

    /// <summary>Seeds a solution with every customer whose previous days and position the narrowed problem still allows, in the previous order.</summary>
    public void SeedFromPrevious(Solution solution)
    {
        var pb = _pb;
        var N = pb.CustomerCount;
        var pattern = new int[N];
        var positions = new int[N][];
        var rank = new double[N][];
        for (var c = 0; c < N; c++)
        {
            pattern[c] = _currentPrevious[c];
            if (pattern[c] < 0)
            {
                positions[c] = [];
                rank[c] = [];
                continue;
            }

            // The previous visits are sorted by day, as the pattern's days are.
            positions[c] = [.. _previous[c].Select(v => v.Position)];
            rank[c] = [.. _previous[c].Select(v => (double)v.Sequence)];
            for (var i = 0; i < positions[c].Length; i++)
            {
                if (!pb.Eligible[(c * pb.PositionCount) + positions[c][i]])
                {
                    pattern[c] = -1;
                }
            }
        }

        SolutionSeed.Apply(pb, solution, pattern, positions, rank);
    }

    /// <summary>How many kept customers (not forced) are planned on other days than before: <see cref="Moved"/>'s count, without allocating.</summary>
    public int MovedCount(Solution solution)
    {
        var moved = 0;
        for (var c = 0; c < _pb.CustomerCount; c++)
        {
            if (_previousPattern[c] >= 0 && solution.Pattern[c] >= 0 && solution.Pattern[c] != _currentPrevious[c])
            {
                moved++;
            }
        }

        return moved;
    }

    /// <summary>The kept customers (not forced) planned on other days than before (what the change budget bounds).</summary>
    public List<int> Moved(Solution solution)
    {
        var moved = new List<int>();
        for (var c = 0; c < _pb.CustomerCount; c++)
        {
            if (_previousPattern[c] < 0 || solution.Pattern[c] < 0)
            {
                continue;
            }

            var days = _pb.Patterns[c][solution.Pattern[c]];
            var visits = _previous[c];
            var same = days.Length == visits.Count;
            for (var i = 0; same && i < days.Length; i++)
            {
                same = days[i] == visits[i].Day;
            }

            if (!same)
            {
                moved.Add(c);
            }
        }

        return moved;
    }

    /// <summary>The moved customers, the move that saves most first: the cost of putting it back on its previous routes minus what it costs where it is.</summary>
    public IEnumerable<int> RankMoves(Solution solution)
    {
        var pb = _pb;
        int D = pb.DayCount, L = pb.LocationCount;
        var gains = new List<(double Gain, int Customer)>();
        foreach (var c in Moved(solution))
        {
            var lc = pb.Location(c);
            double here = 0, back = 0;
            var days = pb.Patterns[c][solution.Pattern[c]];
            for (var i = 0; i < days.Length; i++)
            {
                var p = solution.VisitPosition[c][i];
                var r = (p * D) + days[i];
                var nodes = solution.Nodes[r];
                var k = Array.IndexOf(nodes, c, 0, solution.Count[r]);
                var a = k == 0 ? pb.BaseOf(p) : pb.Location(nodes[k - 1]);
                var b = k == solution.Count[r] - 1 ? pb.BaseOf(p) : pb.Location(nodes[k + 1]);
                here += pb.Cost[(a * L) + lc] + pb.Cost[(lc * L) + b] - pb.Cost[(a * L) + b];
            }

            foreach (var v in _previous[c])
            {
                var r = (v.Position * D) + v.Day;
                var best = double.PositiveInfinity;
                var prev = pb.BaseOf(v.Position);
                for (var k = 0; k <= solution.Count[r]; k++)
                {
                    var next = k < solution.Count[r] ? pb.Location(solution.Nodes[r][k]) : pb.BaseOf(v.Position);
                    if (next != lc && prev != lc)
                    {
                        best = Math.Min(best, pb.Cost[(prev * L) + lc] + pb.Cost[(lc * L) + next] - pb.Cost[(prev * L) + next]);
                    }

                    prev = next;
                }

                back += double.IsPositiveInfinity(best) ? 0 : best;
            }

            gains.Add((back - here, c));
        }

        return gains.OrderByDescending(g => g.Gain).ThenBy(g => g.Customer).Select(g => g.Customer);
    }

    /// <summary>Gives every frozen route the previous relative order of its kept visits, where still feasible.</summary>
    public void KeepFrozenOrder(Solution solution)
    {
        var pb = _pb;
        var D = pb.DayCount;
        var F = _request.FreezeDays;
        if (F == 0)
        {
            return;
        }

        var orders = new Dictionary<int, List<(int Sequence, int Customer)>>();
        for (var c = 0; c < pb.CustomerCount; c++)
        {
            foreach (var v in _previous[c].Where(v => v.Valid && v.Day < F))
            {
                var r = (v.Position * D) + v.Day;
                if (!orders.TryGetValue(r, out var list))
                {
                    orders[r] = list = [];
                }

                list.Add((v.Sequence, c));
            }
        }

        // A kept account with frozen visits comes first: when the search left it out (new accounts took its
        // room), the accounts that are new on its previous routes make way and are reinserted after it.
        var recreate = new Recreate(pb, new Relaxation(pb));
        var random = new Random(0);
        for (var c = 0; c < pb.CustomerCount; c++)
        {
            if (solution.Pattern[c] >= 0 || !_previous[c].Any(v => v.Valid && v.Day < F) || recreate.InsertBest(solution, c, random, blinks: false))
            {
                continue;
            }

            var freed = new List<int>();
            foreach (var v in _previous[c].Where(v => v.Valid))
            {
                var r = (v.Position * D) + v.Day;
                freed.AddRange(solution.Nodes[r].Take(solution.Count[r]).Where(o => _previous[o].Count == 0));
            }

            foreach (var o in freed.Distinct().Order())
            {
                solution.Remove(o);
            }

            recreate.InsertBest(solution, c, random, blinks: false);
            foreach (var o in freed.Distinct().Order())
            {
                recreate.InsertBest(solution, o, random, blinks: false);
            }
        }

        var taken = new List<int>();
        foreach (var (r, list) in orders.OrderBy(kv => kv.Key))
        {
            taken.AddRange(SolutionSeed.KeepOrder(pb, solution, r, [.. list.OrderBy(x => x.Sequence).Select(x => x.Customer)]));
        }

        // Reinserted with the hard limits; an insertion never reorders the visits already in a route.
        foreach (var c in taken.Distinct().Order())
        {
            recreate.InsertBest(solution, c, random, blinks: false);
        }

        solution.Refresh();
    }

    /// <summary>The change price the solution pays (day and position prices of its visits).</summary>
    public double ChangePrice(Solution solution)
    {
        var pb = _pb;
        var total = 0.0;
        for (var c = 0; c < pb.CustomerCount; c++)
        {
            if (solution.Pattern[c] < 0)
            {
                continue;
            }

            var days = pb.Patterns[c][solution.Pattern[c]];
            for (var i = 0; i < days.Length; i++)
            {
                total += pb.DayPrice(c, days[i]) + _positionPrice[(c * pb.PositionCount) + solution.VisitPosition[c][i]];
            }
        }

        return total;
    }

    /// <summary>The figures of a re-plan, from the request, the new plan and its diff (see <see cref="ReplanFigures"/>).</summary>
    public static ReplanFigures Figures(ReplanRequest request, JourneyPlan plan, PlanDiff diff, double changePrice, JourneyPlan? scratch, IReadOnlySet<AccountId>? forcedByProblem)
    {
        var cycle = request.Request.Cycle;
        var accounts = new Dictionary<AccountId, Account>();
        foreach (var a in request.Request.Accounts.Where(a => a.Visit is not null))
        {
            accounts.TryAdd(a.Id, a);
        }

        var positions = new Dictionary<PositionId, SalesPosition>();
        foreach (var p in request.Request.Positions)
        {
            positions.TryAdd(p.Id, p);
        }

        var before = Visits(request.Previous);
        var after = Visits(plan);
        var shown = before.Keys.Concat(request.Previous.Unplanned.Select(u => u.Account)).ToHashSet();
        int kept = 0, removed = 0, added = 0, removedVisits = 0, newVisits = 0, nonWorking = 0, changed = 0;
        var forced = new HashSet<AccountId>(forcedByProblem ?? ImmutableHashSet<AccountId>.Empty);
        foreach (var (id, visits) in before)
        {
            if (!accounts.TryGetValue(id, out var account))
            {
                removed++;
                removedVisits += visits.Count;
                continue;
            }

            kept++;
            var invalid = visits.Count(v => !positions.TryGetValue(v.Position, out var p) || p.IsVacant || p.Base is null || v.Day >= cycle.DayCount || !p.WorksOn(cycle, v.Day));
            if (invalid > 0)
            {
                nonWorking += invalid;
                forced.Add(id);
                continue;
            }

            var days = visits.Select(v => v.Day).Order().ToList();
            if (forced.Contains(id) || !account.Visit!.AllowedPatterns(cycle).Any(p => p.Days.SequenceEqual(days)))
            {
                changed += visits.Count;
                forced.Add(id);
            }
        }

        foreach (var id in accounts.Keys.Where(id => !shown.Contains(id)))
        {
            added++;
            newVisits += after.TryGetValue(id, out var v) ? v.Count : 0;
        }

        var moved = diff.Accounts.Count(a => a.MovedDay > 0 && before.ContainsKey(a.Account) && accounts.ContainsKey(a.Account) && !forced.Contains(a.Account));
        var frozenChanged = 0;
        foreach (var (id, visits) in before)
        {
            if (!accounts.ContainsKey(id) || forced.Contains(id))
            {
                continue;
            }

            var now = after.TryGetValue(id, out var v) ? v : [];
            frozenChanged += visits.Count(x => x.Day < request.FreezeDays && !now.Any(y => y.Position == x.Position && y.Day == x.Day));
        }

        frozenChanged += diff.Changes.Count(c => c.Kind == PlanChangeKind.Resequenced && c.FromDay < request.FreezeDays && accounts.ContainsKey(c.Account) && !forced.Contains(c.Account));
        return new ReplanFigures { KeptAccounts = kept, RemovedAccounts = removed, AddedAccounts = added, MovedKeptAccounts = moved, RemovedAccountVisits = removedVisits, NewAccountVisits = newVisits, NonWorkingDayVisits = nonWorking, ChangedRequirementVisits = changed, FrozenVisitsChanged = frozenChanged, Cost = plan.Cost - changePrice, ChangePrice = changePrice, ScratchCost = scratch?.Cost };
    }

    private static Dictionary<AccountId, List<(PositionId Position, int Day)>> Visits(JourneyPlan plan)
    {
        var visits = new Dictionary<AccountId, List<(PositionId, int)>>();
        foreach (var route in plan.Routes)
        {
            foreach (var v in route.Visits)
            {
                if (!visits.TryGetValue(v.Account, out var list))
                {
                    visits[v.Account] = list = [];
                }

                list.Add((route.Position, route.Day));
            }
        }

        return visits;
    }
}
