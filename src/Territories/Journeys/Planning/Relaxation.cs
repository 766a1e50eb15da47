namespace Territories.Journeys.Planning;

/// <summary>
/// Whether the search may break the daily load and working-time limits, and at what price: the
/// penalised objective of hybrid genetic search (Vidal et al. 2012) and of Cordeau, Gendreau and
/// Laporte's tabu search, whose weights adapt so that about a fifth of the candidates stay feasible.
/// </summary>
/// <remarks>
/// One instance is shared by the solutions, reinsertion and local searches of one run. When
/// <see cref="Active"/> is false every limit is hard. Opening hours and visit caps are always hard.
/// Only plans without excess are ever reported: the search keeps its best plan among those.
/// </remarks>
internal sealed class Relaxation
{
    private const double TargetFeasible = 0.2;
    private readonly JourneyProblem _problem;
    private readonly double _minimum;
    private readonly double _maximum;
    private int _seen;
    private int _feasible;

    public Relaxation(JourneyProblem problem)
    {
        _problem = problem;
        var meanLoad = problem.Load.Length == 0 ? 1 : Math.Max(problem.Load.Average(), 1e-9);
        LoadWeight = problem.MeanArcCost / meanLoad;
        TimeWeight = problem.MeanArcCost / Math.Max(problem.MeanArcTime, 1e-9);
        _minimum = 1e-3;
        _maximum = problem.UnplannedPenalty;
    }

    /// <summary>Whether excess load and working time are allowed (at a price).</summary>
    public bool Active { get; set; }

    /// <summary>Objective units per unit of load above a position's daily limit.</summary>
    public double LoadWeight { get; private set; }

    /// <summary>Objective units per second of working time beyond a position's day.</summary>
    public double TimeWeight { get; private set; }

    /// <summary>The price of a route of position <paramref name="p"/> with <paramref name="load"/> ending at <paramref name="end"/>: 0 within the limits, +∞ beyond them when not <see cref="Active"/>.</summary>
    public double Penalty(int p, double load, double end)
    {
        var overLoad = load - _problem.MaxLoad[p];
        var overTime = end - _problem.DayEnd[p];
        if (overLoad <= 1e-9 && overTime <= 1e-9)
        {
            return 0;
        }

        if (!Active)
        {
            return double.PositiveInfinity;
        }

        return (overLoad > 1e-9 ? LoadWeight * overLoad : 0) + (overTime > 1e-9 ? TimeWeight * overTime : 0);
    }

    /// <summary>Counts one candidate; every 100 candidates the weights move toward the target share of feasible ones. Returns whether they changed.</summary>
    public bool Observe(bool feasible)
    {
        _seen++;
        _feasible += feasible ? 1 : 0;
        if (_seen < 100)
        {
            return false;
        }

        var share = (double)_feasible / _seen;
        _seen = _feasible = 0;
        var factor = share < TargetFeasible - 0.05 ? 1.2 : share > TargetFeasible + 0.05 ? 0.85 : 1;
        if (factor == 1)
        {
            return false;
        }

        LoadWeight = Math.Clamp(LoadWeight * factor, _minimum, _maximum);
        TimeWeight = Math.Clamp(TimeWeight * factor, _minimum, _maximum);
        return true;
    }
}
