namespace Territories.Journeys;

/// <summary>When a tour search stops: an iteration cap, a time limit read from a <see cref="TimeProvider"/>, and cancellation.</summary>
/// <remarks>
/// An iteration is one perturbation followed by local search. The search is deterministic for a seed as
/// long as the iteration cap binds first; when the time limit or cancellation stops it, the result is
/// the best tour found so far and <see cref="TourSearchResult.StoppedEarly"/> says so.
/// </remarks>
internal sealed class SearchBudget
{
    private readonly TimeProvider _clock;
    private readonly long _started;
    private readonly TimeSpan _limit;

    /// <summary>A budget that starts now.</summary>
    /// <param name="maxIterations">Most perturbation rounds.</param>
    /// <param name="timeLimit">Wall-clock limit; <see cref="Timeout.InfiniteTimeSpan"/> for none.</param>
    /// <param name="clock">Where time is read.</param>
    /// <param name="cancellation">Stops the search early.</param>
    public SearchBudget(long maxIterations, TimeSpan timeLimit, TimeProvider clock, CancellationToken cancellation = default)
    {
        MaxIterations = maxIterations;
        _limit = timeLimit;
        _clock = clock;
        _started = clock.GetTimestamp();
        Cancellation = cancellation;
    }

    /// <summary>Most perturbation rounds.</summary>
    public long MaxIterations { get; }

    /// <summary>Stops the search early.</summary>
    public CancellationToken Cancellation { get; }

    /// <summary>A budget of <paramref name="maxIterations"/> rounds with no time limit.</summary>
    public static SearchBudget Iterations(long maxIterations) => new(maxIterations, Timeout.InfiniteTimeSpan, TimeProvider.System);

    /// <summary>Whether time is up or the work was cancelled.</summary>
    public bool IsOutOfTime =>
        Cancellation.IsCancellationRequested || (_limit != Timeout.InfiniteTimeSpan && _clock.GetElapsedTime(_started) >= _limit);

    /// <summary>A budget with the same clock, deadline and cancellation, and at most <paramref name="maxIterations"/> rounds.</summary>
    public SearchBudget WithIterations(long maxIterations) => new(this, maxIterations);

    private SearchBudget(SearchBudget other, long maxIterations)
    {
        MaxIterations = maxIterations;
        _limit = other._limit;
        _clock = other._clock;
        _started = other._started;
        Cancellation = other.Cancellation;
    }
}
