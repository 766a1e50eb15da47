namespace Territories.Journeys.Planning;

/// <summary>Intra-route local search: 2-opt and Or-opt (segments of 1 to 3 visits), first improvement, until a local optimum.</summary>
/// <remarks>
/// Moves are screened by their arc-cost change, then checked exactly by simulating the new order
/// (opening hours, working hours, balance) through <see cref="RouteEvaluation"/>. O(n²) screens per pass, O(n) per exact check.
/// </remarks>
internal sealed class RouteImprover
{
    private readonly JourneyProblem _problem;
    private readonly Relaxation _relaxation;
    private readonly int[] _order;

    public RouteImprover(JourneyProblem problem, Relaxation relaxation)
    {
        _problem = problem;
        _relaxation = relaxation;
        _order = new int[problem.CustomerCount + 1];
    }

    /// <summary>Moves screened so far: a deterministic measure of work.</summary>
    public long Work { get; private set; }

    /// <summary>Improves route <paramref name="r"/> of <paramref name="solution"/> in place; returns whether it changed.</summary>
    public bool Improve(Solution solution, int r)
    {
        var n = solution.Count[r];
        if (n < 2)
        {
            return false;
        }

        var changed = false;
        var improved = true;
        var guard = 0;
        while (improved && guard++ < 1000)
        {
            Work += 4L * n * n;
            improved = TwoOpt(solution, r) | OrOpt(solution, r);
            changed |= improved;
        }

        return changed;
    }

    private int Loc(int[] nodes, int n, int i, int b) => i < 0 || i >= n ? b : _problem.Location(nodes[i]);

    private bool TwoOpt(Solution solution, int r)
    {
        var pb = _problem;
        var L = pb.LocationCount;
        var n = solution.Count[r];
        var nodes = solution.Nodes[r];
        var b = pb.BaseOf(r / pb.DayCount);
        var improved = false;
        for (var i = 0; i < n - 1; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                var a = Loc(nodes, n, i - 1, b);
                var a1 = Loc(nodes, n, i, b);
                var c = Loc(nodes, n, j, b);
                var c1 = Loc(nodes, n, j + 1, b);
                var delta = pb.Cost[(a * L) + c] + pb.Cost[(a1 * L) + c1] - pb.Cost[(a * L) + a1] - pb.Cost[(c * L) + c1];
                if (delta < -1e-9)
                {
                    Array.Copy(nodes, _order, n);
                    Array.Reverse(_order, i, j - i + 1);
                    improved |= TryApply(solution, r, n);
                }
            }
        }

        return improved;
    }

    private bool OrOpt(Solution solution, int r)
    {
        var pb = _problem;
        var L = pb.LocationCount;
        var n = solution.Count[r];
        var nodes = solution.Nodes[r];
        var b = pb.BaseOf(r / pb.DayCount);
        var improved = false;
        for (var len = 1; len <= 3 && len < n; len++)
        {
            for (var i = 0; i + len <= n; i++)
            {
                var prev = Loc(nodes, n, i - 1, b);
                var first = Loc(nodes, n, i, b);
                var last = Loc(nodes, n, i + len - 1, b);
                var next = Loc(nodes, n, i + len, b);
                var removeGain = pb.Cost[(prev * L) + first] + pb.Cost[(last * L) + next] - pb.Cost[(prev * L) + next];

                // Insert between positions j-1 and j of the route without the segment.
                for (var j = 0; j <= n - len; j++)
                {
                    if (j == i)
                    {
                        continue;
                    }

                    var u = j == 0 ? b : Loc(nodes, n, j - 1 < i ? j - 1 : j - 1 + len, b);
                    var v = j == n - len ? b : Loc(nodes, n, j < i ? j : j + len, b);
                    var add = pb.Cost[(u * L) + first] + pb.Cost[(last * L) + v] - pb.Cost[(u * L) + v];
                    if (add - removeGain < -1e-9)
                    {
                        Build(nodes, n, i, len, j);
                        if (TryApply(solution, r, n))
                        {
                            improved = true;
                            break;
                        }
                    }
                }
            }
        }

        return improved;
    }

    private void Build(int[] nodes, int n, int i, int len, int j)
    {
        var k = 0;
        for (var x = 0; x < n; x++)
        {
            if (x >= i && x < i + len)
            {
                continue;
            }

            if (k == j)
            {
                for (var y = 0; y < len; y++)
                {
                    _order[k++] = nodes[i + y];
                }
            }

            _order[k++] = nodes[x];
        }

        if (k < n)
        {
            for (var y = 0; y < len; y++)
            {
                _order[k++] = nodes[i + y];
            }
        }
    }

    private bool TryApply(Solution solution, int r, int n)
    {
        var cost = RouteEvaluation.Cost(_problem, _relaxation, r, _order.AsSpan(0, n));
        if (cost < solution.RouteCost[r] - 1e-7)
        {
            solution.Reorder(r, _order.AsSpan(0, n));
            return true;
        }

        return false;
    }
}
