namespace Territories.Internal;

/// <summary>
/// When a search stops: the one stop rule of the planner, the day sequencer and the territory designer,
/// composed from a time limit, an iteration limit, a limit on iterations without improvement, a target
/// value and cancellation (<see cref="Any"/>).
/// </summary>
/// <remarks>
/// <para>
/// A search asks <see cref="ShouldStop"/> between iterations, with its <see cref="SearchStatus"/>, and
/// <see cref="ShouldInterrupt"/> inside a long pass, where only the time limit and cancellation may cut
/// the work short (an iteration limit is only ever met between iterations, so it never truncates one and
/// runs stay deterministic). Both are O(number of conditions), read the clock at most once and allocate
/// nothing; <see cref="Progress"/> reuses the time read by the last check, and follows an iteration
/// limit alone when there is one, so that a schedule built on it does not depend on the clock.
/// </para>
/// <para>
/// <see cref="Reason"/> records which condition said yes, so an instance belongs to one search at a time
/// (not thread-safe); build one per search.
/// </para>
/// </remarks>
internal abstract class StopCondition
{
    /// <summary>A condition that never stops (for passes that must run to their end).</summary>
    public static StopCondition Never { get; } = new NeverStop();

    /// <summary>Why the last positive answer was given; <see cref="StopReason.None"/> before any.</summary>
    public StopReason Reason { get; protected set; }

    /// <summary>Stops once <paramref name="limit"/> has elapsed on <paramref name="clock"/> since <paramref name="started"/> (a timestamp of that clock); <see cref="Timeout.InfiniteTimeSpan"/> never stops.</summary>
    public static StopCondition TimeLimit(TimeProvider clock, long started, TimeSpan limit) =>
        limit == Timeout.InfiniteTimeSpan ? Never : new TimeLimitStop(clock, started, limit);

    /// <summary>Stops when <paramref name="token"/> is cancelled; <see cref="Never"/> for a token that cannot be.</summary>
    public static StopCondition Cancellation(CancellationToken token) => token.CanBeCanceled ? new CancellationStop(token) : Never;

    /// <summary>Stops once <see cref="SearchStatus.Iteration"/> reaches <paramref name="iterations"/>.</summary>
    public static StopCondition Iterations(long iterations) => new IterationLimitStop(iterations);

    /// <summary>Stops once <see cref="SearchStatus.SinceImprovement"/> reaches <paramref name="iterations"/>.</summary>
    public static StopCondition NoImprovement(long iterations) => new NoImprovementStop(iterations);

    /// <summary>Stops once <see cref="SearchStatus.Best"/> is at or below <paramref name="value"/>.</summary>
    public static StopCondition Target(double value) => new TargetStop(value);

    /// <summary>Stops as soon as any of <paramref name="conditions"/> does; its progress is the furthest of theirs.</summary>
    public static StopCondition Any(params StopCondition[] conditions)
    {
        var kept = conditions.Where(c => c is not NeverStop).ToArray();
        return kept.Length switch
        {
            0 => Never,
            1 => kept[0],
            _ => new AnyStop(kept),
        };
    }

    /// <summary>Whether the search must stop now (asked between iterations).</summary>
    public abstract bool ShouldStop(in SearchStatus status);

    /// <summary>Whether a pass in progress must be cut short: only the time limit or cancellation say yes.</summary>
    public virtual bool ShouldInterrupt() => false;

    /// <summary>How far the search is towards this condition, 0 to 1 (drives a cooling schedule); 0 when it cannot say.</summary>
    public virtual double Progress(in SearchStatus status) => 0;

    /// <summary>Records <paramref name="reason"/> when <paramref name="stop"/> is true; returns <paramref name="stop"/>.</summary>
    protected bool Stop(bool stop, StopReason reason)
    {
        if (stop)
        {
            Reason = reason;
        }

        return stop;
    }

    private sealed class NeverStop : StopCondition
    {
        public override bool ShouldStop(in SearchStatus status) => false;
    }

    /// <remarks>Progress uses the time read by the last check, so a check followed by progress reads the clock once.</remarks>
    private sealed class TimeLimitStop(TimeProvider clock, long started, TimeSpan limit) : StopCondition
    {
        private TimeSpan _elapsed;

        public override bool ShouldStop(in SearchStatus status) => ShouldInterrupt();

        public override bool ShouldInterrupt()
        {
            _elapsed = clock.GetElapsedTime(started);
            return Stop(_elapsed >= limit, StopReason.TimeLimit);
        }

        public override double Progress(in SearchStatus status) => Math.Clamp(_elapsed / limit, 0, 1);
    }

    private sealed class CancellationStop(CancellationToken token) : StopCondition
    {
        public override bool ShouldStop(in SearchStatus status) => ShouldInterrupt();

        public override bool ShouldInterrupt() => Stop(token.IsCancellationRequested, StopReason.Cancelled);
    }

    private sealed class IterationLimitStop(long iterations) : StopCondition
    {
        public override bool ShouldStop(in SearchStatus status) => Stop(status.Iteration >= iterations, StopReason.Completed);

        public override double Progress(in SearchStatus status) => iterations <= 0 ? 1 : Math.Clamp((double)status.Iteration / iterations, 0, 1);
    }

    private sealed class NoImprovementStop(long iterations) : StopCondition
    {
        public override bool ShouldStop(in SearchStatus status) => Stop(status.SinceImprovement >= iterations, StopReason.Completed);
    }

    private sealed class TargetStop(double value) : StopCondition
    {
        public override bool ShouldStop(in SearchStatus status) => Stop(status.Best <= value, StopReason.Completed);
    }

    private sealed class AnyStop(StopCondition[] conditions) : StopCondition
    {
        public override bool ShouldStop(in SearchStatus status)
        {
            foreach (var c in conditions)
            {
                if (c.ShouldStop(status))
                {
                    return Stop(true, c.Reason);
                }
            }

            return false;
        }

        public override bool ShouldInterrupt()
        {
            foreach (var c in conditions)
            {
                if (c.ShouldInterrupt())
                {
                    return Stop(true, c.Reason);
                }
            }

            return false;
        }

        // With an iteration limit, progress (and so any schedule built on it, such as an annealing
        // temperature) follows the iterations alone: the same seed then gives the same search however
        // busy the machine. Without one, the furthest condition (the clock) drives it.
        public override double Progress(in SearchStatus status)
        {
            var p = 0.0;
            var counted = false;
            foreach (var c in conditions)
            {
                if (c is IterationLimitStop)
                {
                    p = counted ? Math.Max(p, c.Progress(status)) : c.Progress(status);
                    counted = true;
                }
                else if (!counted)
                {
                    p = Math.Max(p, c.Progress(status));
                }
            }

            return p;
        }
    }
}
