using Territories.Internal;

namespace Territories.Tests.Internal;

public class StopConditionTests
{
    [Fact]
    public void Any_IterationLimitReached_StopsAsCompletedButNeverInterruptsAPass()
    {
        var stop = StopCondition.Any(StopCondition.Iterations(10), StopCondition.Cancellation(TestContext.Current.CancellationToken));
        Assert.False(stop.ShouldStop(new SearchStatus(9, 0, 1)));
        Assert.True(stop.ShouldStop(new SearchStatus(10, 0, 1)));
        Assert.Equal(StopReason.Completed, stop.Reason);
        Assert.False(stop.ShouldInterrupt());
        Assert.Equal(0.5, stop.Progress(new SearchStatus(5, 0, 1)), 12);
    }

    [Fact]
    public void TimeLimit_InjectedClockPastTheLimit_StopsAndInterruptsWithTimeLimit()
    {
        var clock = new ManualClock();
        var stop = StopCondition.Any(StopCondition.TimeLimit(clock, clock.GetTimestamp(), TimeSpan.FromSeconds(10)), StopCondition.NoImprovement(100));
        clock.Advance(TimeSpan.FromSeconds(4));
        Assert.False(stop.ShouldInterrupt());
        Assert.Equal(0.4, stop.Progress(new SearchStatus(0, 0, 1)), 12);
        clock.Advance(TimeSpan.FromSeconds(6));
        Assert.True(stop.ShouldInterrupt());
        Assert.Equal(StopReason.TimeLimit, stop.Reason);
    }

    [Fact]
    public void NoImprovementAndTarget_Met_StopBetweenIterations()
    {
        var stale = StopCondition.NoImprovement(50);
        Assert.False(stale.ShouldStop(new SearchStatus(1_000, 49, 7)));
        Assert.True(stale.ShouldStop(new SearchStatus(1_000, 50, 7)));
        var target = StopCondition.Target(100);
        Assert.False(target.ShouldStop(new SearchStatus(3, 0, 100.5)));
        Assert.True(target.ShouldStop(new SearchStatus(3, 0, 100)));
    }

    [Fact]
    public void Cancellation_TokenCancelled_InterruptsWithCancelled()
    {
        using var source = new CancellationTokenSource();
        var stop = StopCondition.Any(StopCondition.Iterations(1_000), StopCondition.Cancellation(source.Token));
        Assert.False(stop.ShouldInterrupt());
        source.Cancel();
        Assert.True(stop.ShouldInterrupt());
        Assert.Equal(StopReason.Cancelled, stop.Reason);
    }

    [Fact]
    public void Never_AnyStatus_NeverStops()
    {
        Assert.Same(StopCondition.Never, StopCondition.Any(StopCondition.Never, StopCondition.TimeLimit(TimeProvider.System, 0, Timeout.InfiniteTimeSpan)));
        Assert.False(StopCondition.Never.ShouldStop(new SearchStatus(long.MaxValue, long.MaxValue, double.NegativeInfinity)));
    }

    [Theory]
    [InlineData(1.25e6, 1.25e6 - 2e-7, false)]
    [InlineData(1.25e6, 1.25e6 - 1e-2, true)]
    [InlineData(0, -1e-10, false)]
    [InlineData(0, -1e-8, true)]
    public void Improvement_IsLower_NoiseIsNoImprovement(double reference, double candidate, bool expected) =>
        Assert.Equal(expected, Improvement.IsLower(candidate, reference));

    private sealed class ManualClock : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }
}
