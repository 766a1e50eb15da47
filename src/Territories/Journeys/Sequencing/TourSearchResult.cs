namespace Territories.Journeys.Sequencing;

/// <summary>The best route a tour search found.</summary>
/// <param name="Order">The stops (node numbers 1 to Count − 1) in visiting order, base excluded.</param>
/// <param name="Distance">Length of base → stops → base.</param>
/// <param name="Lateness">Total lateness in seconds (see <see cref="SequencingProblem.Lateness"/>); zero when feasible.</param>
/// <param name="Iterations">Perturbation rounds done.</param>
/// <param name="StoppedEarly">Whether the time limit or cancellation ended the search before its iteration budget.</param>
internal sealed record TourSearchResult(int[] Order, double Distance, double Lateness, long Iterations, bool StoppedEarly)
{
    /// <summary>Whether every window and the day's end are met.</summary>
    public bool IsFeasible => Lateness <= 0;
}
