namespace Territories.Workload;

/// <summary>Told after each round of the alignment loop.</summary>
/// <param name="Round">The round just finished.</param>
/// <param name="Best">The best round so far (smallest spread among those with fewest unplanned accounts).</param>
public readonly record struct AlignmentProgress(AlignmentRound Round, AlignmentRound Best);
