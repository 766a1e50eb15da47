using System.Diagnostics;

namespace Territories.Quality;

/// <summary>
/// <c>--cancel-after S</c>: a token cancelled S seconds after it is made, and the time from that
/// cancellation to the moment the caller has its result (<see cref="LatencyMilliseconds"/>).
/// </summary>
internal sealed class CancelAfter : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly Timer? _timer;
    private long _cancelledAt;

    private CancelAfter(double? seconds)
    {
        if (seconds is { } s)
        {
            _timer = new Timer(_ => Cancel(), null, TimeSpan.FromSeconds(s), Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>The token to pass to the engine; never cancelled without <c>--cancel-after</c>.</summary>
    public CancellationToken Token => _source.Token;

    /// <summary>Reads <c>--cancel-after S</c> (seconds, at least 0); none when absent.</summary>
    public static CancelAfter From(Options options) =>
        new(options.Optional("cancel-after") is null ? null : options.Double("cancel-after", 0) is var s and >= 0 ? s : throw new UsageException("--cancel-after must be a number of seconds, at least 0."));

    /// <summary>
    /// Milliseconds from the cancellation to now (call it as soon as the result is in hand), rounded
    /// to 0.1; null when the token was not cancelled before the work ended.
    /// </summary>
    public double? LatencyMilliseconds()
    {
        var now = Stopwatch.GetTimestamp();
        _timer?.Dispose();
        var at = Interlocked.Read(ref _cancelledAt);
        return at == 0 ? null : Math.Round(Stopwatch.GetElapsedTime(at, now).TotalMilliseconds, 1);
    }

    public void Dispose()
    {
        _timer?.Dispose();
        _source.Dispose();
    }

    private void Cancel()
    {
        Interlocked.Exchange(ref _cancelledAt, Stopwatch.GetTimestamp());
        _source.Cancel();
    }
}
