using System.Collections.Immutable;
using OneOf;
using Territories.Internal;
using Territories.Model;
using Territories.Travel;

namespace Territories.Journeys.Planning;

/// <summary>The planning problem indexed by integers: customers, positions, days, locations.</summary>
/// <remarks>
/// Built once from a request; immutable afterwards. Locations are the distinct bases first, then one
/// per customer (<see cref="Location"/>). Times are seconds from midnight, distances metres. Route
/// <c>r = p × DayCount + d</c>. Only accounts that can be planned at all become customers; the others
/// are listed in <see cref="PreUnplanned"/> with the reason.
/// </remarks>
internal sealed class JourneyProblem
{
    private JourneyProblem()
    {
    }

    public int CustomerCount { get; private set; }

    public int PositionCount { get; private set; }

    public int DayCount { get; private set; }

    public int DaysPerWeek { get; private set; }

    public JourneyCycle Cycle { get; private set; } = JourneyCycle.Create(1);

    public int LocationCount { get; private set; }

    public int BaseCount { get; private set; }

    /// <summary>The objective's figure of each leg: <see cref="Time"/> or <see cref="Dist"/>.</summary>
    public LegTable Cost { get; private set; }

    /// <summary>Metres of each leg, row-major over the locations (bases, then customers).</summary>
    public LegTable Dist { get; private set; }

    /// <summary>Seconds of each leg, row-major as <see cref="Dist"/>.</summary>
    public LegTable Time { get; private set; }

    public int[] PositionBase { get; private set; } = [];

    public bool[] Works { get; private set; } = [];

    public double[] DayStart { get; private set; } = [];

    public double[] DayEnd { get; private set; } = [];

    public int[] MaxVisits { get; private set; } = [];

    public double[] MaxLoad { get; private set; } = [];

    public double[] Service { get; private set; } = [];

    public double[] Load { get; private set; } = [];

    /// <summary>Per customer, its feasible patterns as sorted day arrays.</summary>
    public int[][][] Patterns { get; private set; } = [];

    /// <summary>Per customer, the union of its patterns' days, sorted.</summary>
    public int[][] PatternDays { get; private set; } = [];

    /// <summary>Per customer × position, whether the position may visit it.</summary>
    public bool[] Eligible { get; private set; } = [];

    /// <summary>Per customer × position, the objective penalty per visit (soft territory rule).</summary>
    public double[] Penalty { get; private set; } = [];

    /// <summary>Per customer × weekday index, the earliest start of each start window (see <see cref="StartWindows"/>); null when always open, empty when no window takes the visit.</summary>
    public double[]?[] WindowStart { get; private set; } = [];

    /// <summary>Per customer × weekday index, the latest start of each start window, as <see cref="WindowStart"/>.</summary>
    public double[]?[] WindowEnd { get; private set; } = [];

    public bool HasTimeWindows { get; private set; }

    /// <summary>Objective units per squared second of working time (the balance weight per squared hour / 3600²).</summary>
    public double BalancePerSecondSquared { get; private set; }

    public bool KeepPosition { get; private set; }

    /// <summary>Per customer, the other customers nearest first (at most 100).</summary>
    public int[][] Neighbours { get; private set; } = [];

    public double UnplannedPenalty { get; private set; }

    public double MeanArcCost { get; private set; }

    /// <summary>The mean travel time (seconds) of the same arcs as <see cref="MeanArcCost"/>.</summary>
    public double MeanArcTime { get; private set; }

    public ImmutableArray<Account> CustomerAccounts { get; private set; } = [];

    public ImmutableArray<SalesPosition> PlannedPositions { get; private set; } = [];

    public ImmutableArray<UnplannedAccount> PreUnplanned { get; private set; } = [];

    public ImmutableArray<PositionCapacity> Capacity { get; private set; } = [];

    /// <summary>Per customer, the territory of its account when the request bounds it; null otherwise.</summary>
    public TerritoryId?[] CustomerTerritory { get; private set; } = [];

    /// <summary>Per customer × position, whether the position covers the customer's territory.</summary>
    public bool[] Covers { get; private set; } = [];

    /// <summary>Per customer × day, the objective price of a visit on that day (re-planning's change price); empty when there is none.</summary>
    public double[] DayPrices { get; private set; } = [];

    /// <summary>The price of a visit of customer <paramref name="customer"/> on <paramref name="day"/> (see <see cref="DayPrices"/>).</summary>
    public double DayPrice(int customer, int day) => DayPrices.Length == 0 ? 0 : DayPrices[(customer * DayCount) + day];

    /// <summary>Per customer × day, the one position that may visit the customer that day (re-planning's frozen visits and locks), or −1 for any eligible one; empty when nothing is pinned.</summary>
    public int[] DayPositions { get; private set; } = [];

    /// <summary>Whether <paramref name="position"/> may visit <paramref name="customer"/> on <paramref name="day"/>: it is eligible, and the day pins no other position (see <see cref="DayPositions"/>).</summary>
    public bool MayVisit(int customer, int position, int day)
    {
        if (!Eligible[(customer * PositionCount) + position])
        {
            return false;
        }

        if (DayPositions.Length == 0)
        {
            return true;
        }

        var pinned = DayPositions[(customer * DayCount) + day];
        return pinned < 0 || pinned == position;
    }

    /// <summary>
    /// Narrows the problem before a search (re-planning): per customer a non-empty subset of its patterns,
    /// the positions that may visit it, the per-visit penalty per position, the price per visit per day and
    /// the position pinned per day (<see cref="DayPositions"/>; empty for none).
    /// The unplanned penalty grows with the new prices so that planning a visit stays cheaper than leaving it out.
    /// </summary>
    public void Constrain(int[][][] patterns, bool[] eligible, double[] penalty, double[] dayPrices, int[] dayPositions)
    {
        DayPositions = dayPositions;
        Patterns = patterns;
        PatternDays = [.. patterns.Select(ps => ps.SelectMany(x => x).Distinct().Order().ToArray())];
        Eligible = eligible;
        Penalty = penalty;
        DayPrices = dayPrices;
        UnplannedPenalty += 10 * ((penalty.Length > 0 ? penalty.Max() : 0) + (dayPrices.Length > 0 ? dayPrices.Max() : 0));
    }

    public int Location(int customer) => BaseCount + customer;

    public int WeekdayIndex(int day) => day % DaysPerWeek;

    /// <summary>The earliest service start at or after <paramref name="arrival"/> inside a start window, or −1 when there is none.</summary>
    public double ServiceStart(int customer, int day, double arrival)
    {
        var k = (customer * DaysPerWeek) + WeekdayIndex(day);
        if (WindowStart[k] is not { } starts)
        {
            return arrival;
        }

        var start = StartWindows.StartAt(starts, WindowEnd[k], arrival, out var lateness);
        return lateness > 0 ? -1 : start;
    }

    /// <summary>Builds the problem, or says why the request cannot be planned, or why preparation stopped early.</summary>
    /// <param name="request">What to plan.</param>
    /// <param name="options">The planner's options.</param>
    /// <param name="stop">Polled (<see cref="StopCondition.ShouldInterrupt"/>) in every loop over accounts or locations; null for none.</param>
    public static OneOf<JourneyProblem, ModelValidationFailure, StopReason> Create(JourneyPlanRequest request, JourneyPlannerOptions options, StopCondition? stop = null)
    {
        try
        {
            return CreateCore(request, options, new Poller(stop ?? StopCondition.Never));
        }
        catch (PreparationStopped stopped)
        {
            return stopped.Reason;
        }
    }

    /// <summary>
    /// The error when <paramref name="locations"/> (distinct bases plus plannable accounts) are more than
    /// one travel matrix holds, or null; checked before the matrix is asked for.
    /// </summary>
    internal static ModelError? SizeError(long locations) => TravelMatrix.Fits(locations)
        ? null
        : new ModelError(ModelErrorCode.TooLarge, [], "Accounts", locations.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"The request needs {locations} locations (distinct bases plus plannable accounts), more than the {TravelMatrix.MaxCount} a travel matrix holds. Plan per territory or per group of positions.");

    private static OneOf<JourneyProblem, ModelValidationFailure, StopReason> CreateCore(JourneyPlanRequest request, JourneyPlannerOptions options, Poller poll)
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
        problem.Capacity = problem.CheckCapacity();
        return problem;
    }

    /// <summary>Polls a stop condition every few steps of the preparation loops and throws <see cref="PreparationStopped"/> when it fires.</summary>
    private sealed class Poller(StopCondition stop)
    {
        private int _ticks;

        public void Tick()
        {
            if ((++_ticks & 15) == 0)
            {
                Now();
            }
        }

        public void Now()
        {
            if (stop.ShouldInterrupt())
            {
                throw new PreparationStopped(stop.Reason);
            }
        }
    }

    /// <summary>Unwinds the preparation to <see cref="Create"/>, which turns it into the stop reason; never escapes.</summary>
    private sealed class PreparationStopped(StopReason reason) : Exception
    {
        public StopReason Reason { get; } = reason;
    }

    private static int MinVisits(VisitRequirement requirement, JourneyCycle cycle) =>
        requirement.Frequency is { } f ? f.VisitsPerCycle(cycle) ?? f.Visits : 0;

    private bool PatternFits(int[] pattern, bool[] lone)
    {
        var P = PositionCount;
        var D = DayCount;
        if (KeepPosition)
        {
            for (var p = 0; p < P; p++)
            {
                if (pattern.All(d => lone[(p * D) + d]))
                {
                    return true;
                }
            }

            return false;
        }

        return pattern.All(d => Enumerable.Range(0, P).Any(p => lone[(p * D) + d]));
    }

    /// <summary>Whether a route with this visit alone is feasible, and whether it would be without opening hours.</summary>
    private (bool Feasible, bool WithoutWindows) LoneVisit(int c, int p, int d)
    {
        if (MaxVisits[p] < 1 || Load[c] > MaxLoad[p])
        {
            return (false, false);
        }

        var b = BaseOf(p);
        var l = Location(c);
        var arrival = DayStart[p] + Time[(b * LocationCount) + l];
        var back = Time[(l * LocationCount) + b];
        var withoutWindows = arrival + Service[c] + back <= DayEnd[p];
        var start = ServiceStart(c, d, arrival);
        return (start >= 0 && start + Service[c] + back <= DayEnd[p], withoutWindows);
    }

    public int BaseOf(int position) => PositionBase[position];

    /// <summary>Drops the customers not in <paramref name="keep"/> (they are unplannable), renumbering locations.</summary>
    private void Restrict(List<int> keep, List<Account> accounts, Poller poll)
    {
        int P = PositionCount, W = DaysPerWeek, B = BaseCount;
        var newL = B + keep.Count;
        var map = Enumerable.Range(0, B).Concat(keep.Select(c => B + c)).ToArray();
        LegTable Pick(LegTable m)
        {
            if (m.Legs is { } legs)
            {
                return LegTable.Computed(legs.Subset(map), m.IsSeconds);
            }

            var r = new double[newL * newL];
            for (var i = 0; i < newL; i++)
            {
                poll.Tick();
                for (var j = 0; j < newL; j++)
                {
                    r[(i * newL) + j] = m[(map[i] * LocationCount) + map[j]];
                }
            }

            return LegTable.Stored(r, m.IsSeconds);
        }

        var costIsTime = Cost.IsSeconds;
        Dist = Pick(Dist);
        Time = Pick(Time);
        Cost = costIsTime ? Time : Dist;
        Service = [.. keep.Select(c => Service[c])];
        Load = [.. keep.Select(c => Load[c])];
        Eligible = [.. keep.SelectMany(c => Eligible.AsSpan(c * P, P).ToArray())];
        Covers = [.. keep.SelectMany(c => Covers.AsSpan(c * P, P).ToArray())];
        Penalty = [.. keep.SelectMany(c => Penalty.AsSpan(c * P, P).ToArray())];
        WindowStart = [.. keep.SelectMany(c => WindowStart.AsSpan(c * W, W).ToArray())];
        WindowEnd = [.. keep.SelectMany(c => WindowEnd.AsSpan(c * W, W).ToArray())];
        CustomerTerritory = [.. keep.Select(c => CustomerTerritory[c])];
        CustomerAccounts = [.. keep.Select(c => accounts[c])];
        CustomerCount = keep.Count;
        LocationCount = newL;
    }

    private void Finish(Poller poll)
    {
        var N = CustomerCount;
        var L = LocationCount;
        Neighbours = Dist.Legs is { } legs ? RankedNeighbours(legs, poll) : SortedNeighbours(poll);
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

        MeanArcCost = count > 0 ? Math.Max(sum / count, 1e-9) : 1;
        MeanArcTime = count > 0 ? Math.Max(time / count, 1e-9) : 1;
        UnplannedPenalty = (1000 * (max + 1)) + (Penalty.Length > 0 ? Penalty.Max() * 10 : 0) + (BalancePerSecondSquared * 86400.0 * 86400.0);
    }

    /// <summary>Per customer, the others nearest first (at most <see cref="NeighbourCount"/>), from a stored table: every distance sorted.</summary>
    private int[][] SortedNeighbours(Poller poll)
    {
        int N = CustomerCount, L = LocationCount;
        var neighbours = new int[N][];
        var keys = new double[N];
        var items = new int[N];
        for (var c = 0; c < N; c++)
        {
            poll.Tick();
            var lc = Location(c);
            for (var o = 0; o < N; o++)
            {
                // Ties broken by index (the key's tiny offset keeps the sort deterministic and stable).
                keys[o] = o == c ? double.PositiveInfinity : Dist[(lc * L) + Location(o)] + (o * 1e-12);
                items[o] = o;
            }

            Array.Sort(keys, items);
            neighbours[c] = items.AsSpan(0, Math.Min(NeighbourCount, N - 1)).ToArray();
        }

        return neighbours;
    }

    /// <summary>
    /// As <see cref="SortedNeighbours"/> for computed legs, in time linear per customer: the nearest by
    /// the legs' cheap rank key (with a margin for rounding) are selected, and only those get their
    /// distance computed and sorted.
    /// </summary>
    private int[][] RankedNeighbours(Travel.TravelLegs legs, Poller poll)
    {
        int N = CustomerCount, B = BaseCount;
        var take = Math.Min(NeighbourCount, N - 1);
        var candidates = Math.Min(NeighbourCount + 16, N - 1);
        var neighbours = new int[N][];
        var keys = new double[N];
        var items = new int[N];
        var exact = new double[candidates];
        for (var c = 0; c < N; c++)
        {
            poll.Tick();
            var lc = B + c;
            var count = 0;
            for (var o = 0; o < N; o++)
            {
                if (o != c)
                {
                    keys[count] = legs.RankKey(lc, B + o);
                    items[count++] = o;
                }
            }

            Selection.Smallest(keys.AsSpan(0, count), items.AsSpan(0, count), candidates);
            var chosen = items.AsSpan(0, candidates).ToArray();
            for (var k = 0; k < candidates; k++)
            {
                exact[k] = legs.Metres(lc, B + chosen[k]) + (chosen[k] * 1e-12);
            }

            Array.Sort(exact, chosen);
            neighbours[c] = chosen.AsSpan(0, take).ToArray();
        }

        return neighbours;
    }

    private const int NeighbourCount = 100;

    private ImmutableArray<PositionCapacity> CheckCapacity()
    {
        int P = PositionCount, N = CustomerCount, D = DayCount, L = LocationCount;
        var needed = new double[P];
        var visits = new double[P];
        for (var c = 0; c < N; c++)
        {
            var eligible = Enumerable.Range(0, P).Where(p => Eligible[(c * P) + p]).ToList();
            var lc = Location(c);
            var nearest = Neighbours[c].Length > 0 ? Time[(lc * L) + Location(Neighbours[c][0])] : double.PositiveInfinity;
            for (var b = 0; b < BaseCount; b++)
            {
                nearest = Math.Min(nearest, Time[(b * L) + lc]);
            }

            var count = Patterns[c].Min(pt => pt.Length);
            var hours = count * (Service[c] + nearest) / 3600;
            foreach (var p in eligible)
            {
                needed[p] += hours / eligible.Count;
                visits[p] += (double)count / eligible.Count;
            }
        }

        var result = ImmutableArray.CreateBuilder<PositionCapacity>(P);
        for (var p = 0; p < P; p++)
        {
            var days = Enumerable.Range(0, D).Count(d => Works[(p * D) + d]);
            var available = days * Math.Max(0, DayEnd[p] - DayStart[p]) / 3600;
            result.Add(new PositionCapacity(PlannedPositions[p].Id, visits[p], needed[p], available));
        }

        return result.MoveToImmutable();
    }
}
