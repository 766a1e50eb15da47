using Territories.Internal;

namespace Territories.Workload;

/// <summary>How the design ↔ plan alignment loop runs: its goal, its limits and the effort of each plan.</summary>
/// <remarks>
/// Mutable until a <see cref="TerritoryAligner"/> is built from it; the aligner validates it once
/// (reporting every failure in one <see cref="ArgumentException"/>) and keeps a copy.
/// </remarks>
public sealed class AlignmentOptions : IEngineOptions<AlignmentOptions>
{
    /// <summary>The goal: the highest position utilisation ÷ the lowest. Default 1.15.</summary>
    public double Band { get; set; } = 1.15;

    /// <summary>The utilisation to size the sales force for when the request gives no number of positions. Default 0.85.</summary>
    public double TargetUtilisation { get; set; } = 0.85;

    /// <summary>The balance tolerance of each design and realignment on estimated workload. Default 0.04 (±4 %).</summary>
    public double DesignTolerance { get; set; } = 0.04;

    /// <summary>
    /// The most search rounds of each design and realignment (see <see cref="Design.DesignOptions.MaxRounds"/>); a
    /// round bound rather than the time limit keeps the result the same on every run. Default 30.
    /// </summary>
    public int DesignRounds { get; set; } = 30;

    /// <summary>The most design ↔ plan rounds. Default 8.</summary>
    public int MaxRounds { get; set; } = 8;

    /// <summary>The time limit of the whole loop; the best round so far is returned when it runs out. Default 4 minutes.</summary>
    public TimeSpan TimeLimit { get; set; } = TimeSpan.FromMinutes(4);

    /// <summary>The iteration limit of each position's plan in each round. Default 2,000.</summary>
    public long PlanIterations { get; set; } = 2_000;

    /// <summary>The time limit of each position's plan in each round. Default 15 seconds.</summary>
    public TimeSpan PlanTimeLimit { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How many positions are planned at once. Default: the number of processors.</summary>
    public int Parallelism { get; set; } = Environment.ProcessorCount;

    /// <summary>The seed of the designs and plans. Default 0.</summary>
    public int Seed { get; set; }

    /// <summary>The constants of the workload estimate. Default: <see cref="WorkloadOptions"/>' defaults.</summary>
    public WorkloadOptions Workload { get; set; } = new();

    /// <summary>Every failure of these options, empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var failures = new List<string>();
        if (!double.IsFinite(Band) || Band < 1)
        {
            failures.Add($"Band must be a finite number of at least 1 (was {Band}).");
        }

        if (!double.IsFinite(TargetUtilisation) || TargetUtilisation <= 0 || TargetUtilisation > 1)
        {
            failures.Add($"TargetUtilisation must be in (0, 1] (was {TargetUtilisation}).");
        }

        if (!double.IsFinite(DesignTolerance) || DesignTolerance <= 0 || DesignTolerance >= 1)
        {
            failures.Add($"DesignTolerance must be in (0, 1) (was {DesignTolerance}).");
        }

        if (DesignRounds < 1)
        {
            failures.Add($"DesignRounds must be at least 1 (was {DesignRounds}).");
        }

        if (MaxRounds < 1)
        {
            failures.Add($"MaxRounds must be at least 1 (was {MaxRounds}).");
        }

        if (TimeLimit <= TimeSpan.Zero)
        {
            failures.Add($"TimeLimit must be positive (was {TimeLimit}).");
        }

        if (PlanIterations < 1)
        {
            failures.Add($"PlanIterations must be at least 1 (was {PlanIterations}).");
        }

        if (PlanTimeLimit <= TimeSpan.Zero)
        {
            failures.Add($"PlanTimeLimit must be positive (was {PlanTimeLimit}).");
        }

        if (Parallelism < 1)
        {
            failures.Add($"Parallelism must be at least 1 (was {Parallelism}).");
        }

        if (Workload is null)
        {
            failures.Add("Workload must not be null.");
        }
        else
        {
            failures.AddRange(Workload.Validate());
        }

        return failures;
    }

    AlignmentOptions IEngineOptions<AlignmentOptions>.Copy() => new()
    {
        Band = Band,
        TargetUtilisation = TargetUtilisation,
        DesignTolerance = DesignTolerance,
        MaxRounds = MaxRounds,
        DesignRounds = DesignRounds,
        TimeLimit = TimeLimit,
        PlanIterations = PlanIterations,
        PlanTimeLimit = PlanTimeLimit,
        Parallelism = Parallelism,
        Seed = Seed,
        Workload = EngineOptions.CopyOf(Workload),
    };
}
