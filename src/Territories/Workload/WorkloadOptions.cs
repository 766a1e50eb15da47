using Territories.Internal;

namespace Territories.Workload;

/// <summary>The constants of the workload estimate: how travel grows with the visits and the area a position covers.</summary>
/// <remarks>
/// <para>
/// The estimate of a territory's travel has two parts (see <see cref="WorkloadEstimator"/>):
/// <b>travel between visits</b>, <see cref="TourFactor"/> × Σ visits × the account's local leg (its
/// mean distance to its two nearest neighbours, stretched by √(accounts ÷ visits per week) because a
/// week's route meets only that week's visits), and the <b>stem</b>, <see cref="StemFactor"/> × days
/// used × twice the visit-weighted mean distance from the base. This is the continuous
/// approximation of routing costs (Beardwood–Halton–Hammersley for the tour, Daganzo's line-haul term
/// for the stem), measured on the accounts themselves rather than on an area, so clustered outlets
/// (towns) are not priced as if they were spread evenly.
/// </para>
/// <para>
/// The defaults were fitted by least squares to plans of the <see cref="Journeys.Planning.JourneyPlanner"/> on
/// generated territories (benchmarks/README.md, "Workload estimate", gives the command and the
/// measured error). Mutable until an engine is built from it; the engine validates and copies it.
/// </para>
/// </remarks>
public sealed class WorkloadOptions : IEngineOptions<WorkloadOptions>
{
    /// <summary>Travel between visits per unit of local leg. Default 0.69 (fitted, see the remarks).</summary>
    public double TourFactor { get; set; } = 0.69;

    /// <summary>Stem travel per unit of (days used × 2 × mean distance from the base). Default 1.26 (fitted, see the remarks).</summary>
    public double StemFactor { get; set; } = 1.26;

    /// <summary>
    /// The share of a working day a packed day fills, used to count the days a plan uses (and so its
    /// stems). Default 0.9.
    /// </summary>
    public double DayFill { get; set; } = 0.9;

    /// <summary>Every failure of these options, empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var failures = new List<string>();
        if (!double.IsFinite(TourFactor) || TourFactor < 0)
        {
            failures.Add($"TourFactor must be a finite number of at least 0 (was {TourFactor}).");
        }

        if (!double.IsFinite(StemFactor) || StemFactor < 0)
        {
            failures.Add($"StemFactor must be a finite number of at least 0 (was {StemFactor}).");
        }

        if (!double.IsFinite(DayFill) || DayFill <= 0 || DayFill > 1)
        {
            failures.Add($"DayFill must be in (0, 1] (was {DayFill}).");
        }

        return failures;
    }

    WorkloadOptions IEngineOptions<WorkloadOptions>.Copy() => new() { TourFactor = TourFactor, StemFactor = StemFactor, DayFill = DayFill };

}
