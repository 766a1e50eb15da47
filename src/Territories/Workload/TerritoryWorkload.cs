using Territories.Model;

namespace Territories.Workload;

/// <summary>
/// The estimated work of one position over one cycle: service at the accounts, travel between
/// visits and the stem from the base, against the working time the position has.
/// </summary>
/// <remarks>Immutable. Times are totals over the cycle. See <see cref="WorkloadEstimator"/> for how each part is estimated.</remarks>
public sealed record TerritoryWorkload
{
    /// <summary>The accounts counted.</summary>
    public int Accounts { get; init; }

    /// <summary>Visits per cycle.</summary>
    public int Visits { get; init; }

    /// <summary>Time at the accounts: visits × minutes per visit.</summary>
    public TimeSpan Service { get; init; }

    /// <summary>Estimated travel between visits of the same day.</summary>
    public TimeSpan Travel { get; init; }

    /// <summary>Estimated travel from the base to each day's first visit and back from its last.</summary>
    public TimeSpan Stem { get; init; }

    /// <summary>Service, travel and stem together.</summary>
    public TimeSpan Total => Service + Travel + Stem;

    /// <summary>The base the stem is measured from.</summary>
    public GeoPoint Base { get; init; }

    /// <summary>The position's working days in the cycle.</summary>
    public int WorkingDays { get; init; }

    /// <summary>The days a plan of this work is estimated to use (at most <see cref="WorkingDays"/>).</summary>
    public int DaysUsed { get; init; }

    /// <summary>Working time available in the cycle: working days × (daily hours − break).</summary>
    public TimeSpan Available { get; init; }

    /// <summary><see cref="Total"/> ÷ <see cref="Available"/>; above 1 when the work does not fit.</summary>
    public double Utilisation => Available > TimeSpan.Zero ? Total / Available : double.PositiveInfinity;

    /// <inheritdoc />
    public override string ToString() =>
        $"{Visits} visits: service {Service.TotalHours:0.0} h + travel {Travel.TotalHours:0.0} h + stem {Stem.TotalHours:0.0} h = {Total.TotalHours:0.0} h of {Available.TotalHours:0.0} h ({Utilisation:P0})";
}
