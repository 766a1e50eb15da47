using Territories.Internal;

namespace Territories.Journeys.Planning;

/// <summary>
/// Granular local search between the routes of one day, as in hybrid genetic search (Vidal et al.
/// 2012): for each visit u and each of u's nearest customers v that another position visits the
/// same day, relocate u before or after v, swap u and v, and exchange the route tails after u and v
/// (2-opt*, both orientations); relocate u into an unused route. First improvement, until no move
/// improves the day.
/// </summary>
/// <remarks>
/// Only when positions are interchangeable per visit (<c>KeepPositionPerAccount</c> off): otherwise
/// moving one visit to another position would break the account's single position. Moves are
/// screened by their arc-cost change (exact for symmetric costs and one base), then confirmed by
/// <see cref="RouteEvaluation"/> on both new routes, so opening hours, working hours, loads, visit
/// caps, eligibility and balance are always respected. O(visits × granularity) screens per pass.
/// </remarks>
internal sealed class InterRouteSearch
{
    private const int Granularity = 30;
    private const double Epsilon = 1e-9;
    private readonly JourneyProblem _pb;
    private readonly LegTable _cost;
    private readonly int _locations;
    private readonly Relaxation _relaxation;
    private readonly int[] _routeOf;
    private readonly int[] _indexOf;
    private readonly int[] _stampOf;
    private readonly int[] _a;
    private readonly int[] _b;
    private readonly List<int> _visits = [];
    private int _stamp;

    public InterRouteSearch(JourneyProblem problem, Relaxation relaxation)
    {
        _pb = problem;
        _cost = problem.Cost;
        _locations = problem.LocationCount;
        _relaxation = relaxation;
        var n = problem.CustomerCount;
        _routeOf = new int[n];
        _indexOf = new int[n];
        _stampOf = new int[n];
        _a = new int[n + 1];
        _b = new int[n + 1];
    }

    /// <summary>Moves screened so far: a deterministic measure of work.</summary>
    public long Work { get; private set; }

    /// <summary>Improves the routes of day <paramref name="d"/> in place; returns whether any changed.</summary>
    public bool ImproveDay(Solution s, int d, Random random, StopCondition stop)
    {
        var pb = _pb;
        if (pb.KeepPosition || pb.PositionCount < 2)
        {
            return false;
        }

        var changed = false;
        var improved = true;
        var passes = 0;
        while (improved && passes++ < 100)
        {
            improved = false;
            Index(s, d);
            for (var k = _visits.Count - 1; k > 0; k--)
            {
                var j = random.Next(k + 1);
                (_visits[k], _visits[j]) = (_visits[j], _visits[k]);
            }

            for (var k = 0; k < _visits.Count; k++)
            {
                if ((k & 63) == 63 && stop.ShouldInterrupt())
                {
                    return changed;
                }

                if (TryMoves(s, d, _visits[k]))
                {
                    improved = changed = true;
                }
            }
        }

        return changed;
    }

    private void Index(Solution s, int d)
    {
        _stamp++;
        _visits.Clear();
        var D = _pb.DayCount;
        for (var p = 0; p < _pb.PositionCount; p++)
        {
            var r = (p * D) + d;
            Reindex(s, r);
            for (var i = 0; i < s.Count[r]; i++)
            {
                _visits.Add(s.Nodes[r][i]);
            }
        }
    }

    private void Reindex(Solution s, int r)
    {
        var nodes = s.Nodes[r];
        for (var i = 0; i < s.Count[r]; i++)
        {
            var c = nodes[i];
            _routeOf[c] = r;
            _indexOf[c] = i;
            _stampOf[c] = _stamp;
        }
    }

    private double C(int from, int to) => _cost[(from * _locations) + to];

    private bool TryMoves(Solution s, int d, int u)
    {
        var pb = _pb;
        int D = pb.DayCount, P = pb.PositionCount;
        var r1 = _routeOf[u];
        var i = _indexOf[u];
        var p1 = r1 / D;
        var n1 = s.Count[r1];
        var nodes1 = s.Nodes[r1];
        var b1 = pb.BaseOf(p1);
        var lu = pb.Location(u);
        var pu = i > 0 ? pb.Location(nodes1[i - 1]) : b1;
        var x = i + 1 < n1 ? pb.Location(nodes1[i + 1]) : b1;
        var removeGain = C(pu, lu) + C(lu, x) - C(pu, x);
        var neighbours = pb.Neighbours[u];
        var tried = 0;
        for (var k = 0; k < neighbours.Length && tried < Granularity; k++)
        {
            var v = neighbours[k];
            if (_stampOf[v] != _stamp)
            {
                continue;
            }

            tried++;
            Work += 5;
            var r2 = _routeOf[v];
            if (r2 == r1)
            {
                continue;
            }

            var j = _indexOf[v];
            var p2 = r2 / D;
            var n2 = s.Count[r2];
            var nodes2 = s.Nodes[r2];
            var b2 = pb.BaseOf(p2);
            var lv = pb.Location(v);
            var pv = j > 0 ? pb.Location(nodes2[j - 1]) : b2;
            var y = j + 1 < n2 ? pb.Location(nodes2[j + 1]) : b2;
            if (pb.MayVisit(u, p2, d))
            {
                if (C(lv, lu) + C(lu, y) - C(lv, y) - removeGain < -Epsilon && Relocate(s, d, r1, i, r2, j + 1))
                {
                    return true;
                }

                if (C(pv, lu) + C(lu, lv) - C(pv, lv) - removeGain < -Epsilon && Relocate(s, d, r1, i, r2, j))
                {
                    return true;
                }

                if (pb.MayVisit(v, p1, d))
                {
                    var swap = C(pu, lv) + C(lv, x) - C(pu, lu) - C(lu, x) + C(pv, lu) + C(lu, y) - C(pv, lv) - C(lv, y);
                    if (swap < -Epsilon && Swap(s, d, r1, i, r2, j))
                    {
                        return true;
                    }
                }
            }

            // Tails after u and v exchanged: u continues with v's successors and v with u's.
            var tails = C(lu, y == b2 ? b1 : y) + C(lv, x == b1 ? b2 : x) - C(lu, x) - C(lv, y);
            if (tails < -Epsilon && TailExchange(s, d, r1, i, r2, j))
            {
                return true;
            }

            // Heads crossed: u is followed by v and v's predecessors reversed; u's successors reversed lead into v's.
            var crossed = C(lu, lv) + C(x, y) - C(lu, x) - C(lv, y);
            if (crossed < -Epsilon && CrossExchange(s, d, r1, i, r2, j))
            {
                return true;
            }
        }

        return TryEmptyRoute(s, d, u, r1, i, lu, removeGain);
    }

    private bool TryEmptyRoute(Solution s, int d, int u, int r1, int i, int lu, double removeGain)
    {
        var pb = _pb;
        int D = pb.DayCount, P = pb.PositionCount;
        for (var p = 0; p < P; p++)
        {
            var r2 = (p * D) + d;
            if (r2 == r1 || s.Count[r2] > 0 || !pb.Works[r2] || !pb.MayVisit(u, p, d))
            {
                continue;
            }

            var b = pb.BaseOf(p);
            if (C(b, lu) + C(lu, b) - removeGain < -Epsilon && Relocate(s, d, r1, i, r2, 0))
            {
                return true;
            }
        }

        return false;
    }

    private bool Relocate(Solution s, int d, int r1, int i, int r2, int at)
    {
        var n1 = s.Count[r1];
        var n2 = s.Count[r2];
        var nodes1 = s.Nodes[r1];
        var nodes2 = s.Nodes[r2];
        Array.Copy(nodes1, 0, _a, 0, i);
        Array.Copy(nodes1, i + 1, _a, i, n1 - i - 1);
        Array.Copy(nodes2, 0, _b, 0, at);
        _b[at] = nodes1[i];
        Array.Copy(nodes2, at, _b, at + 1, n2 - at);
        return TryApply(s, d, r1, n1 - 1, r2, n2 + 1);
    }

    private bool Swap(Solution s, int d, int r1, int i, int r2, int j)
    {
        var n1 = s.Count[r1];
        var n2 = s.Count[r2];
        Array.Copy(s.Nodes[r1], _a, n1);
        Array.Copy(s.Nodes[r2], _b, n2);
        (_a[i], _b[j]) = (_b[j], _a[i]);
        return TryApply(s, d, r1, n1, r2, n2);
    }

    private bool TailExchange(Solution s, int d, int r1, int i, int r2, int j)
    {
        var n1 = s.Count[r1];
        var n2 = s.Count[r2];
        var nodes1 = s.Nodes[r1];
        var nodes2 = s.Nodes[r2];
        Array.Copy(nodes1, 0, _a, 0, i + 1);
        Array.Copy(nodes2, j + 1, _a, i + 1, n2 - j - 1);
        Array.Copy(nodes2, 0, _b, 0, j + 1);
        Array.Copy(nodes1, i + 1, _b, j + 1, n1 - i - 1);
        return TryApply(s, d, r1, i + 1 + (n2 - j - 1), r2, j + 1 + (n1 - i - 1));
    }

    private bool CrossExchange(Solution s, int d, int r1, int i, int r2, int j)
    {
        var n1 = s.Count[r1];
        var n2 = s.Count[r2];
        var nodes1 = s.Nodes[r1];
        var nodes2 = s.Nodes[r2];
        var len1 = 0;
        for (var k = 0; k <= i; k++)
        {
            _a[len1++] = nodes1[k];
        }

        for (var k = j; k >= 0; k--)
        {
            _a[len1++] = nodes2[k];
        }

        var len2 = 0;
        for (var k = n1 - 1; k > i; k--)
        {
            _b[len2++] = nodes1[k];
        }

        for (var k = j + 1; k < n2; k++)
        {
            _b[len2++] = nodes2[k];
        }

        return TryApply(s, d, r1, len1, r2, len2);
    }

    private bool TryApply(Solution s, int d, int r1, int len1, int r2, int len2)
    {
        var pb = _pb;
        var before = s.RouteCost[r1] + s.RouteCost[r2];
        var cost1 = RouteEvaluation.Cost(pb, _relaxation, r1, _a.AsSpan(0, len1));
        if (cost1 >= before - 1e-7)
        {
            return false;
        }

        var cost2 = RouteEvaluation.Cost(pb, _relaxation, r2, _b.AsSpan(0, len2));
        if (cost1 + cost2 >= before - 1e-7)
        {
            return false;
        }

        s.SetRoute(r1, _a.AsSpan(0, len1));
        s.SetRoute(r2, _b.AsSpan(0, len2));
        FixPositions(s, d, r1);
        FixPositions(s, d, r2);
        Reindex(s, r1);
        Reindex(s, r2);
        return true;
    }

    private void FixPositions(Solution s, int d, int r)
    {
        var p = r / _pb.DayCount;
        var nodes = s.Nodes[r];
        for (var i = 0; i < s.Count[r]; i++)
        {
            var c = nodes[i];
            var visit = Array.BinarySearch(_pb.Patterns[c][s.Pattern[c]], d);
            s.SetVisitPosition(c, visit, p);
        }
    }
}
