using Territories.Internal;

namespace Territories.Journeys;

/// <summary>Settings of the <see cref="Planning.JourneyPlanner"/>.</summary>
/// <remarks>
/// Mutable until a planner is built from it; the planner validates every setting at once (reporting
/// every failure in one <see cref="ArgumentException"/>) and keeps a copy.
/// </remarks>
public sealed class JourneyPlannerOptions : IEngineOptions<JourneyPlannerOptions>
{
    /// <summary>The longest the search may run; 10 seconds by default.</summary>
    public TimeSpan TimeLimit { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The most search iterations; null (no limit, stop on time) by default. A limit makes the result independent of machine speed.</summary>
    public long? MaxIterations { get; set; }

    /// <summary>Stop after this many iterations without a better plan; null (no such rule) by default.</summary>
    public long? MaxIterationsWithoutImprovement { get; set; }

    /// <summary>The seed of the search's random generator; 0 by default.</summary>
    public int Seed { get; set; }

    /// <summary>What is minimised; <see cref="JourneyObjective.Distance"/> by default.</summary>
    public JourneyObjective Objective { get; set; } = JourneyObjective.Distance;

    /// <summary>
    /// Weight of balancing the working days: each route adds this many objective units per squared
    /// working hour (in metres for <see cref="JourneyObjective.Distance"/>, seconds for travel time);
    /// as total work is almost fixed, this evens the days out. 0 (travel only) by default.
    /// </summary>
    public double BalanceWeight { get; set; }

    /// <summary>Whether each account keeps one position for the whole cycle; true by default (beat plans). Set false for interchangeable vehicles.</summary>
    public bool KeepPositionPerAccount { get; set; } = true;

    /// <summary>Whether territory coverage is a hard or a soft rule; <see cref="TerritoryRule.Hard"/> by default.</summary>
    public TerritoryRule TerritoryRule { get; set; } = TerritoryRule.Hard;

    /// <summary>Objective units added per visit across a territory line under the soft rule; 10,000 by default.</summary>
    public double TerritoryPenalty { get; set; } = 10_000;

    /// <summary>What part of a visit must fall inside opening hours; <see cref="OpeningHoursRule.WholeVisit"/> by default.</summary>
    public OpeningHoursRule OpeningHoursRule { get; set; } = OpeningHoursRule.WholeVisit;

    /// <summary>
    /// How many independent searches run in parallel, each on its own thread with its own seed derived
    /// from <see cref="Seed"/>; the cheapest plan wins (ties go to the first search). 1 by default.
    /// With an iteration limit the result stays deterministic for a seed; more searches use more
    /// cores for the same time limit and make a bad run less likely.
    /// </summary>
    public int Parallelism { get; set; } = 1;


    /// <summary>
    /// Start temperature of the acceptance as a multiple of the mean arc cost, for a ruin of 10 customers (larger ruins
    /// start hotter in proportion, see <see cref="Planning.RuinRecreateSearch"/>). Measured 2026-12-05, one thread, seed 1
    /// (benchmarks/README.md, "A hotter start"): Cordeau's 42 instances, mean gap at 10,000 iterations 2.65 % with 0.5,
    /// 1.99 % with 3, 1.80 % with 10, 1.89 % with 30; at 100,000 iterations 1.36 % with 0.5, 0.93 % with 5, 0.99 % with
    /// 10, 1.12 % with 20. With 0.5 the search was close to a descent on plans whose ruins move many visits at once.
    /// </summary>
    internal double InitialTemperatureFactor { get; set; } = 10;

    /// <summary>Final temperature as a multiple of the mean arc cost.</summary>
    internal double FinalTemperatureFactor { get; set; } = 0.002;

    /// <summary>Mean number of customers removed per ruin, capped at a tenth of the customers.</summary>
    internal double AverageRemoved { get; set; } = 10;

    /// <summary>The largest share of the search's work that polishing new best candidates may take.</summary>
    internal double PolishShare { get; set; } = 0.5;

    JourneyPlannerOptions IEngineOptions<JourneyPlannerOptions>.Copy() => (JourneyPlannerOptions)MemberwiseClone();

    IReadOnlyList<string> IEngineOptions<JourneyPlannerOptions>.Validate()
    {
        var failures = new List<string>();
        if (TimeLimit <= TimeSpan.Zero)
        {
            failures.Add($"{nameof(TimeLimit)} must be greater than zero (was {TimeLimit}).");
        }

        if (MaxIterations is <= 0)
        {
            failures.Add($"{nameof(MaxIterations)} must be greater than zero when set (was {MaxIterations}).");
        }

        if (MaxIterationsWithoutImprovement is <= 0)
        {
            failures.Add($"{nameof(MaxIterationsWithoutImprovement)} must be greater than zero when set (was {MaxIterationsWithoutImprovement}).");
        }

        if (Parallelism is < 1 or > 64)
        {
            failures.Add($"{nameof(Parallelism)} must be between 1 and 64 (was {Parallelism}).");
        }

        if (!double.IsFinite(BalanceWeight) || BalanceWeight < 0)
        {
            failures.Add($"{nameof(BalanceWeight)} must be a finite number, zero or more (was {BalanceWeight}).");
        }

        if (!double.IsFinite(TerritoryPenalty) || TerritoryPenalty < 0)
        {
            failures.Add($"{nameof(TerritoryPenalty)} must be a finite number, zero or more (was {TerritoryPenalty}).");
        }

        if (!Enum.IsDefined(Objective))
        {
            failures.Add($"{nameof(Objective)} {Objective} is not defined.");
        }

        if (!Enum.IsDefined(TerritoryRule))
        {
            failures.Add($"{nameof(TerritoryRule)} {TerritoryRule} is not defined.");
        }

        if (!Enum.IsDefined(OpeningHoursRule))
        {
            failures.Add($"{nameof(OpeningHoursRule)} {OpeningHoursRule} is not defined.");
        }


        return failures;
    }
}
