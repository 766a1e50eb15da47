using Territories.Internal;

namespace Territories.Journeys.Sequencing;

/// <summary>How a <see cref="DaySequencer"/> searches. Mutable until a sequencer is built from it; the sequencer keeps a copy.</summary>
/// <remarks>
/// The search stops at whichever limit comes first: <see cref="MaxIterations"/>,
/// <see cref="MaxIterationsWithoutImprovement"/>, <see cref="TimeLimit"/> or cancellation. The result is
/// the same for the same input and <see cref="Seed"/> whenever an iteration limit ends the search,
/// which the defaults make the usual case for a day of up to a few dozen visits.
/// </remarks>
public sealed class DaySequencerOptions : IEngineOptions<DaySequencerOptions>
{
    /// <summary>Wall-clock limit of one <see cref="DaySequencer.Sequence"/> call; 1 second by default. <see cref="Timeout.InfiniteTimeSpan"/> for none.</summary>
    public TimeSpan TimeLimit { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Most perturbation rounds of the iterated local search; 100,000 by default. Zero runs local search only.</summary>
    public long MaxIterations { get; set; } = 100_000;

    /// <summary>Stop after this many rounds in a row that find no better route; 300 by default.</summary>
    public long MaxIterationsWithoutImprovement { get; set; } = 300;

    /// <summary>Seed of the random generator that chooses perturbations; 0 by default.</summary>
    public int Seed { get; set; }

    /// <summary>Whether the whole visit or only its start must be inside opening hours; <see cref="OpeningHoursRule.WholeVisit"/> by default.</summary>
    public OpeningHoursRule OpeningHoursRule { get; set; } = OpeningHoursRule.WholeVisit;


    IReadOnlyList<string> IEngineOptions<DaySequencerOptions>.Validate()
    {
        var problems = new List<string>();
        if (TimeLimit <= TimeSpan.Zero && TimeLimit != Timeout.InfiniteTimeSpan)
        {
            problems.Add($"{nameof(TimeLimit)} must be positive or Timeout.InfiniteTimeSpan, not {TimeLimit}.");
        }

        if (MaxIterations < 0)
        {
            problems.Add($"{nameof(MaxIterations)} must be zero or more, not {MaxIterations}.");
        }

        if (MaxIterationsWithoutImprovement < 1)
        {
            problems.Add($"{nameof(MaxIterationsWithoutImprovement)} must be 1 or more, not {MaxIterationsWithoutImprovement}.");
        }

        if (!Enum.IsDefined(OpeningHoursRule))
        {
            problems.Add($"{nameof(OpeningHoursRule)} {(int)OpeningHoursRule} is not a defined value.");
        }


        return problems;
    }

    DaySequencerOptions IEngineOptions<DaySequencerOptions>.Copy() =>
        new()
        {
            TimeLimit = TimeLimit,
            MaxIterations = MaxIterations,
            MaxIterationsWithoutImprovement = MaxIterationsWithoutImprovement,
            Seed = Seed,
            OpeningHoursRule = OpeningHoursRule,
        };
}
