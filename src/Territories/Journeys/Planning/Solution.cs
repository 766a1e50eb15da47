namespace Territories.Journeys.Planning;

/// <summary>A mutable plan of a <see cref="JourneyProblem"/>: per route the customers in order, per customer its pattern and positions.</summary>
/// <remarks>
/// Route data (cost, load, return time, service starts) is kept up to date by every change, so
/// that insertions are evaluated against it directly. Changes record the routes and customers they
/// touch, so that a candidate can be synchronised with another solution in time proportional to
/// the change rather than the plan.
/// </remarks>
internal sealed class Solution
{
    private readonly JourneyProblem _problem;
    private readonly Relaxation _relaxation;
    private readonly bool[] _routeTouched;
    private readonly bool[] _customerTouched;

    /// <summary>The problem this plan solves.</summary>
    public JourneyProblem Problem => _problem;

    public Solution(JourneyProblem problem, Relaxation relaxation)
    {
        _problem = problem;
        _relaxation = relaxation;
        var routes = problem.PositionCount * problem.DayCount;
        var capacity = problem.CustomerCount + 1;
        Nodes = new int[routes][];
        Starts = new double[routes][];
        LegCostInto = new double[routes][];
        LegTimeInto = new double[routes][];
        for (var r = 0; r < routes; r++)
        {
            Nodes[r] = new int[capacity];
            Starts[r] = new double[capacity];
            LegCostInto[r] = new double[capacity];
            LegTimeInto[r] = new double[capacity];
        }

        Count = new int[routes];
        RouteCost = new double[routes];
        RouteLoad = new double[routes];
        RouteEnd = new double[routes];
        RouteExcess = new bool[routes];
        for (var r = 0; r < routes; r++)
        {
            Recompute(r);
        }

        Pattern = new int[problem.CustomerCount];
        Array.Fill(Pattern, -1);
        VisitPosition = new int[problem.CustomerCount][];
        for (var c = 0; c < problem.CustomerCount; c++)
        {
            VisitPosition[c] = new int[problem.Patterns[c].Max(p => p.Length)];
        }

        _routeTouched = new bool[routes];
        _customerTouched = new bool[problem.CustomerCount];
        UnplannedVisits = problem.Patterns.Sum(ps => ps.Min(p => p.Length));
        Total = UnplannedVisits * problem.UnplannedPenalty;
    }

    public int[][] Nodes { get; }

    public double[][] Starts { get; }

    /// <summary>
    /// Per route, the objective's figure of the leg into stop i (i &lt; n) and of the leg back to the base (i = n):
    /// the legs an insertion replaces, read in route order instead of from scattered rows of the table.
    /// </summary>
    public double[][] LegCostInto { get; }

    /// <summary>Per route, the seconds of the same legs as <see cref="LegCostInto"/>.</summary>
    public double[][] LegTimeInto { get; }

    public int[] Count { get; }

    public double[] RouteCost { get; }

    public double[] RouteLoad { get; }

    public double[] RouteEnd { get; }

    /// <summary>Per route, whether it breaks its load or working-time limit (possible only under an active <see cref="Relaxation"/>).</summary>
    public bool[] RouteExcess { get; }

    /// <summary>How many routes break a limit; the plan is feasible when none does.</summary>
    public int ExcessRoutes { get; private set; }

    public bool Feasible => ExcessRoutes == 0;

    public int[] Pattern { get; }

    public int[][] VisitPosition { get; }

    public double Total { get; private set; }

    public int UnplannedVisits { get; private set; }

    public List<int> TouchedRoutes { get; } = [];

    public List<int> TouchedCustomers { get; } = [];

    public double PlannedCost => Total - (UnplannedVisits * _problem.UnplannedPenalty);

    public void ClearTouched()
    {
        foreach (var r in TouchedRoutes)
        {
            _routeTouched[r] = false;
        }

        foreach (var c in TouchedCustomers)
        {
            _customerTouched[c] = false;
        }

        TouchedRoutes.Clear();
        TouchedCustomers.Clear();
    }

    private void TouchRoute(int r)
    {
        if (!_routeTouched[r])
        {
            _routeTouched[r] = true;
            TouchedRoutes.Add(r);
        }
    }

    private void TouchCustomer(int c)
    {
        if (!_customerTouched[c])
        {
            _customerTouched[c] = true;
            TouchedCustomers.Add(c);
        }
    }

    /// <summary>Removes every visit of customer <paramref name="c"/>.</summary>
    public void Remove(int c)
    {
        var pattern = Pattern[c];
        if (pattern < 0)
        {
            return;
        }

        TouchCustomer(c);
        var days = _problem.Patterns[c][pattern];
        for (var i = 0; i < days.Length; i++)
        {
            var r = (VisitPosition[c][i] * _problem.DayCount) + days[i];
            var nodes = Nodes[r];
            var n = Count[r];
            var k = Array.IndexOf(nodes, c, 0, n);
            Array.Copy(nodes, k + 1, nodes, k, n - k - 1);
            Count[r] = n - 1;
            Update(r);
        }

        Pattern[c] = -1;
        UnplannedVisits += days.Length;
        Total += days.Length * _problem.UnplannedPenalty;
    }

    /// <summary>Puts customer <paramref name="c"/> on <paramref name="pattern"/>, visit i at <paramref name="positions"/>[i] before node index <paramref name="at"/>[i].</summary>
    public void Insert(int c, int pattern, ReadOnlySpan<int> positions, ReadOnlySpan<int> at)
    {
        TouchCustomer(c);
        var days = _problem.Patterns[c][pattern];
        for (var i = 0; i < days.Length; i++)
        {
            var r = (positions[i] * _problem.DayCount) + days[i];
            var nodes = Nodes[r];
            var n = Count[r];
            Array.Copy(nodes, at[i], nodes, at[i] + 1, n - at[i]);
            nodes[at[i]] = c;
            Count[r] = n + 1;
            VisitPosition[c][i] = positions[i];
            Update(r);
        }

        Pattern[c] = pattern;
        UnplannedVisits -= days.Length;
        Total -= days.Length * _problem.UnplannedPenalty;
    }

    /// <summary>Replaces the order of route <paramref name="r"/> (same customers) and refreshes its data.</summary>
    public void Reorder(int r, ReadOnlySpan<int> order)
    {
        order.CopyTo(Nodes[r]);
        Update(r);
    }

    /// <summary>Replaces route <paramref name="r"/> by <paramref name="order"/> (customers may come from other routes of the same day); the caller keeps <see cref="VisitPosition"/> in step through <see cref="SetVisitPosition"/>.</summary>
    public void SetRoute(int r, ReadOnlySpan<int> order)
    {
        order.CopyTo(Nodes[r]);
        Count[r] = order.Length;
        Update(r);
    }

    /// <summary>Records that visit <paramref name="visit"/> of customer <paramref name="c"/> is made by <paramref name="position"/>.</summary>
    public void SetVisitPosition(int c, int visit, int position)
    {
        if (VisitPosition[c][visit] != position)
        {
            TouchCustomer(c);
            VisitPosition[c][visit] = position;
        }
    }

    /// <summary>Recomputes route <paramref name="r"/> and folds its cost change into the total.</summary>
    public void Update(int r)
    {
        TouchRoute(r);
        var before = RouteCost[r];
        var wasExcess = RouteExcess[r];
        Recompute(r);
        Total += RouteCost[r] - before;
        ExcessRoutes += (RouteExcess[r] ? 1 : 0) - (wasExcess ? 1 : 0);
    }

    private void Recompute(int r)
    {
        var pb = _problem;
        var D = pb.DayCount;
        var p = r / D;
        var d = r % D;
        var n = Count[r];
        var start = pb.DayStart[p];
        if (n == 0)
        {
            // An empty route's one leg, base to base, is what an insertion there replaces.
            var home = (pb.BaseOf(p) * pb.LocationCount) + pb.BaseOf(p);
            LegCostInto[r][0] = pb.Cost[home];
            LegTimeInto[r][0] = pb.Time[home];
            RouteCost[r] = 0;
            RouteLoad[r] = 0;
            RouteEnd[r] = start;
            RouteExcess[r] = false;
            return;
        }

        if (pb.Time.StoredValues is { } times && pb.Cost.StoredValues is { } costs)
        {
            Recompute(r, p, d, n, start, new StoredLegs(times), new StoredLegs(costs));
        }
        else
        {
            Recompute(r, p, d, n, start, new TableLegs(pb.Time), new TableLegs(pb.Cost));
        }
    }

    private void Recompute<TLegs>(int r, int p, int d, int n, double start, TLegs times, TLegs costs)
        where TLegs : struct, ILegReader
    {
        var pb = _problem;
        var L = pb.LocationCount;
        var P = pb.PositionCount;
        var b = pb.BaseOf(p);
        var nodes = Nodes[r];
        var starts = Starts[r];
        var legCost = LegCostInto[r];
        var legTime = LegTimeInto[r];
        double t = start, cost = 0, load = 0, penalty = 0;
        var prev = b;
        for (var i = 0; i < n; i++)
        {
            var c = nodes[i];
            var l = pb.Location(c);
            var legT = times[(prev * L) + l];
            var legC = costs[(prev * L) + l];
            legTime[i] = legT;
            legCost[i] = legC;
            t += legT;
            var s = pb.ServiceStart(c, d, t);
            t = s < 0 ? t : s;
            starts[i] = t;
            t += pb.Service[c];
            cost += legC;
            load += pb.Load[c];
            penalty += pb.Penalty[(c * P) + p] + pb.DayPrice(c, d);
            prev = l;
        }

        legTime[n] = times[(prev * L) + b];
        legCost[n] = costs[(prev * L) + b];
        t += legTime[n];
        cost += legCost[n];
        RouteEnd[r] = t;
        RouteLoad[r] = load;
        var work = t - start;
        var excess = _relaxation.Penalty(p, load, t);
        RouteExcess[r] = excess > 0;
        RouteCost[r] = cost + penalty + (RouteExcess[r] ? excess : 0) + (pb.BalancePerSecondSquared * work * work);
    }

    /// <summary>Makes the routes and customers touched in <paramref name="source"/> (or here) equal to <paramref name="source"/>'s.</summary>
    public void SyncFrom(Solution source, List<int> routes, List<int> customers)
    {
        foreach (var r in routes)
        {
            var n = source.Count[r];
            Array.Copy(source.Nodes[r], Nodes[r], n);
            Array.Copy(source.Starts[r], Starts[r], n);
            Array.Copy(source.LegCostInto[r], LegCostInto[r], n + 1);
            Array.Copy(source.LegTimeInto[r], LegTimeInto[r], n + 1);
            Count[r] = n;
            RouteCost[r] = source.RouteCost[r];
            RouteLoad[r] = source.RouteLoad[r];
            RouteEnd[r] = source.RouteEnd[r];
            RouteExcess[r] = source.RouteExcess[r];
        }

        foreach (var c in customers)
        {
            Pattern[c] = source.Pattern[c];
            Array.Copy(source.VisitPosition[c], VisitPosition[c], VisitPosition[c].Length);
        }

        Total = source.Total;
        UnplannedVisits = source.UnplannedVisits;
        ExcessRoutes = source.ExcessRoutes;
    }

    public void CopyFrom(Solution source)
    {
        for (var r = 0; r < Count.Length; r++)
        {
            var n = source.Count[r];
            Array.Copy(source.Nodes[r], Nodes[r], n);
            Array.Copy(source.Starts[r], Starts[r], n);
            Array.Copy(source.LegCostInto[r], LegCostInto[r], n + 1);
            Array.Copy(source.LegTimeInto[r], LegTimeInto[r], n + 1);
        }

        Array.Copy(source.Count, Count, Count.Length);
        Array.Copy(source.RouteCost, RouteCost, RouteCost.Length);
        Array.Copy(source.RouteLoad, RouteLoad, RouteLoad.Length);
        Array.Copy(source.RouteEnd, RouteEnd, RouteEnd.Length);
        Array.Copy(source.RouteExcess, RouteExcess, RouteExcess.Length);
        Array.Copy(source.Pattern, Pattern, Pattern.Length);
        for (var c = 0; c < Pattern.Length; c++)
        {
            Array.Copy(source.VisitPosition[c], VisitPosition[c], VisitPosition[c].Length);
        }

        Total = source.Total;
        UnplannedVisits = source.UnplannedVisits;
        ExcessRoutes = source.ExcessRoutes;
    }

    /// <summary>Recomputes every route under the relaxation's current weights, then the total.</summary>
    public void Reprice()
    {
        ExcessRoutes = 0;
        for (var r = 0; r < RouteCost.Length; r++)
        {
            Recompute(r);
            ExcessRoutes += RouteExcess[r] ? 1 : 0;
        }

        Refresh();
    }

    /// <summary>Recomputes the total from the routes, removing floating-point drift.</summary>
    public void Refresh()
    {
        var total = 0.0;
        for (var r = 0; r < RouteCost.Length; r++)
        {
            total += RouteCost[r];
        }

        Total = total + (UnplannedVisits * _problem.UnplannedPenalty);
    }
}
