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
/// This file holds the indexed data and its queries; <c>JourneyProblem.Build.cs</c> builds it from a
/// request (the properties stay settable only inside the type).
/// </remarks>
internal sealed partial class JourneyProblem
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

    /// <summary>
    /// Whether <see cref="Cost"/> and <see cref="Time"/> are stored and symmetric (each leg equal to its reverse, to the
    /// bit): the leg from a to c may then be read as the leg from c to a, in c's row, which the search's insertion loops
    /// do to read along one row of the table rather than down a column (a cache miss per place on large plans).
    /// </summary>
    public bool SymmetricLegs { get; private set; }

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
    /// Per customer, whether the narrowed problem leaves it one place only (one pattern, and on each of its days one
    /// position): ruins then leave it where it is, since removing it could only re-sequence its routes (re-planning's
    /// fully frozen accounts); empty when nothing is pinned, as in planning from scratch.
    /// </summary>
    public bool[] Pinned { get; private set; } = [];

    /// <summary>Whether <paramref name="customer"/> is pinned (see <see cref="Pinned"/>).</summary>
    public bool IsPinned(int customer) => Pinned.Length > 0 && Pinned[customer];

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
        Pinned = new bool[CustomerCount];
        for (var c = 0; c < CustomerCount; c++)
        {
            if (patterns[c].Length != 1)
            {
                continue;
            }

            var pinned = true;
            foreach (var d in patterns[c][0])
            {
                var one = dayPositions.Length > 0 && dayPositions[(c * DayCount) + d] >= 0;
                var eligibleCount = 0;
                for (var p = 0; !one && p < PositionCount && eligibleCount < 2; p++)
                {
                    eligibleCount += eligible[(c * PositionCount) + p] && Works[(p * DayCount) + d] ? 1 : 0;
                }

                pinned &= one || eligibleCount == 1;
            }

            Pinned[c] = pinned;
        }

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
            return CreateCore(request, options, new PreparationPoller(stop ?? StopCondition.Never));
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
    private void Restrict(List<int> keep, List<Account> accounts, PreparationPoller poll)
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
}
