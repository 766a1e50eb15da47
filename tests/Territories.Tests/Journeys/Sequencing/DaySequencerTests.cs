using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Territories.Journeys;
using Territories.Journeys.Sequencing;
using Territories.Model;
using Territories.Travel;

namespace Territories.Tests.Journeys.Sequencing;

public class DaySequencerTests
{
    // One planar unit is one metre, driven at 10 m/s (36 km/h).
    private static readonly EuclideanTravelModel Plane = new(1, 10);

    private static readonly SalesPosition Rep = new(new PositionId("rep")) { Base = new GeoPoint(0, 0) };

    private static DaySequencer Sequencer(Action<DaySequencerOptions>? configure = null)
    {
        var options = new DaySequencerOptions { TimeLimit = Timeout.InfiniteTimeSpan, MaxIterations = 300, MaxIterationsWithoutImprovement = 300 };
        configure?.Invoke(options);
        return new DaySequencer(Plane, options);
    }

    // Laws hold whatever the search effort: properties run a short search to stay fast.
    private static void Quick(DaySequencerOptions options) => options.MaxIterations = 50;

    private static DaySequence Day(OneOf.OneOf<DaySequence, DaySequencingFailure> result) =>
        result.Match(day => day, failure => throw new Xunit.Sdk.XunitException(failure.ToString()));

    private static Account At(string id, double x, double y, int serviceMinutes = 15) =>
        new(new AccountId(id), new GeoPoint(x, y)) { ServiceTime = TimeSpan.FromMinutes(serviceMinutes) };

    [Theory]
    [InlineData(3, 1)]
    [InlineData(5, 2)]
    [InlineData(6, 3)]
    [InlineData(7, 4)]
    [InlineData(8, 5)]
    [InlineData(8, 6)]
    public void Sequence_SmallDay_ShortestRouteByExhaustiveSearch(int count, int seed)
    {
        var random = new Random(seed);
        var accounts = Enumerable.Range(0, count).Select(i => At($"a{i}", random.Next(-5000, 5000), random.Next(-5000, 5000), 5)).ToList();

        var day = Day(Sequencer().Sequence(Rep, DayOfWeek.Monday, accounts, TestContext.Current.CancellationToken));

        // Reference: every permutation, distances computed here from the coordinates.
        var points = accounts.Select(a => a.Location).ToArray();
        var best = double.PositiveInfinity;
        foreach (var order in Permutations(Enumerable.Range(0, count).ToArray()))
        {
            var previous = new GeoPoint(0, 0);
            var total = 0.0;
            foreach (var i in order)
            {
                total += Math.Sqrt(Math.Pow(points[i].Longitude - previous.Longitude, 2) + Math.Pow(points[i].Latitude - previous.Latitude, 2));
                previous = points[i];
            }

            best = Math.Min(best, total + Math.Sqrt(Math.Pow(previous.Longitude, 2) + Math.Pow(previous.Latitude, 2)));
        }

        Assert.Equal(count, day.Visits.Length);
        Assert.Equal(best, day.TotalDistanceMetres, 1e-6);
        Assert.Equal(day.TotalDistanceMetres, day.Visits.Sum(v => v.LegDistanceMetres) + day.ReturnDistanceMetres, 1e-6);
    }

    [Fact]
    public void Sequence_AccountOpensLater_WaitsAndNeverStartsAfterClose()
    {
        var early = At("early", 1000, 0) with { OpeningHours = OpeningHours.Weekly([DayOfWeek.Monday], TimeWindow.FromHours(8, 0, 9, 0)) };
        var late = At("late", 2000, 0) with { OpeningHours = OpeningHours.Weekly([DayOfWeek.Monday], TimeWindow.FromHours(11, 0, 12, 0)) };
        var anytime = At("anytime", 0, 1000);

        var day = Day(Sequencer().Sequence(Rep, DayOfWeek.Monday, [late, anytime, early], TestContext.Current.CancellationToken));

        Assert.Empty(day.Unfitted);
        var visit = day.Visits.Single(v => v.Account == late.Id);
        Assert.Equal(TimeSpan.FromHours(11), visit.Start);
        Assert.True(visit.Arrival < visit.Start, "The position arrives before 11:00 and waits.");
        Assert.True(day.TotalWaitingTime > TimeSpan.Zero);
        var first = day.Visits.Single(v => v.Account == early.Id);
        Assert.True(first.Departure <= TimeSpan.FromHours(9));
    }

    [Fact]
    public void Sequence_StartOnlyRule_AcceptsVisitThatRunsPastClosing()
    {
        var shortWindow = At("short", 1000, 0, 90) with { OpeningHours = OpeningHours.Weekly([DayOfWeek.Monday], TimeWindow.FromHours(9, 0, 10, 0)) };

        var whole = Day(Sequencer().Sequence(Rep, DayOfWeek.Monday, [shortWindow], TestContext.Current.CancellationToken));
        var startOnly = Day(Sequencer(o => o.OpeningHoursRule = OpeningHoursRule.StartOnly).Sequence(Rep, DayOfWeek.Monday, [shortWindow], TestContext.Current.CancellationToken));

        Assert.Equal(UnfittedReason.VisitLongerThanOpening, Assert.Single(whole.Unfitted).Reason);
        var visit = Assert.Single(startOnly.Visits);
        Assert.Equal(TimeSpan.FromHours(9), visit.Start);
        Assert.Equal(TimeSpan.FromHours(10.5), visit.Departure);
    }

    [Fact]
    public void Sequence_UnfittableAccounts_ListedWithReason()
    {
        var closed = At("closed", 100, 0) with { OpeningHours = OpeningHours.Weekly([DayOfWeek.Tuesday], TimeWindow.FromHours(8, 0, 17, 0)) };
        var far = At("far", 400_000, 0);
        var hours = Enumerable.Range(0, 6).Select(i => At($"long{i}", 100 * (i + 1), 100, 120)).ToList();

        var day = Day(Sequencer().Sequence(Rep, DayOfWeek.Monday, [closed, far, .. hours], TestContext.Current.CancellationToken));

        Assert.Equal(UnfittedReason.ClosedOnDay, day.Unfitted.Single(u => u.Account == closed.Id).Reason);
        Assert.Equal(UnfittedReason.UnreachableInWorkingHours, day.Unfitted.Single(u => u.Account == far.Id).Reason);
        Assert.Equal(4, day.Visits.Length);
        Assert.Equal(2, day.Unfitted.Count(u => u.Reason == UnfittedReason.DayFull));
        Assert.True(day.ReturnToBase <= TimeSpan.FromHours(17));
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 60)]
    public void Sequence_AnyDay_EveryAccountOnceAndEveryWindowMet(SequencingDay input)
    {
        var day = Day(Sequencer(Quick).Sequence(input.Position, DayOfWeek.Monday, input.Accounts, TestContext.Current.CancellationToken));

        var seen = day.Visits.Select(v => v.Account).Concat(day.Unfitted.Select(u => u.Account)).ToList();
        Assert.Equal(input.Accounts.Select(a => a.Id).Order(), seen.Order());
        var byId = input.Accounts.ToDictionary(a => a.Id);
        var hours = input.Position.DailyHours;
        Assert.True(day.LeaveBase >= hours.Start);
        Assert.True(day.ReturnToBase <= hours.End - input.Position.Break + TimeSpan.FromMilliseconds(1), $"Back at {day.ReturnToBase}.");
        var clock = day.LeaveBase;
        var previous = new GeoPoint(0, 0);
        foreach (var visit in day.Visits)
        {
            var account = byId[visit.Account];
            var leg = Plane.Duration(previous, account.Location);
            Assert.Equal((clock + leg).TotalSeconds, visit.Arrival.TotalSeconds, 1e-3);
            Assert.True(visit.Start >= visit.Arrival);
            Assert.Equal((visit.Start + account.ServiceTime).TotalSeconds, visit.Departure.TotalSeconds, 1e-3);
            if (!account.OpeningHours.IsAlwaysOpen)
            {
                Assert.Contains(account.OpeningHours.On(DayOfWeek.Monday), w =>
                    w.Start <= visit.Start + TimeSpan.FromMilliseconds(1) && visit.Departure <= w.End + TimeSpan.FromMilliseconds(1));
            }

            clock = visit.Departure;
            previous = account.Location;
        }
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 25)]
    public Property Sequence_ShuffledInput_SameResult(SequencingDay input, int shuffleSeed)
    {
        var shuffled = input.Accounts.ToArray();
        new Random(shuffleSeed).Shuffle(shuffled);

        var a = Day(Sequencer(Quick).Sequence(input.Position, DayOfWeek.Monday, input.Accounts, TestContext.Current.CancellationToken));
        var b = Day(Sequencer(Quick).Sequence(input.Position, DayOfWeek.Monday, shuffled, TestContext.Current.CancellationToken));

        return (a.Visits.SequenceEqual(b.Visits) && a.Unfitted.SequenceEqual(b.Unfitted)).ToProperty();
    }

    [Fact]
    public void Sequence_SameSeed_SameOrder()
    {
        var random = new Random(11);
        var accounts = Enumerable.Range(0, 40).Select(i => At($"a{i:D2}", random.Next(-20000, 20000), random.Next(-20000, 20000), 5)).ToList();

        var first = Day(Sequencer(o => o.Seed = 7).Sequence(Rep, DayOfWeek.Monday, accounts, TestContext.Current.CancellationToken));
        var second = Day(Sequencer(o => o.Seed = 7).Sequence(Rep, DayOfWeek.Monday, accounts, TestContext.Current.CancellationToken));

        Assert.Equal(first.Visits.Select(v => v.Account), second.Visits.Select(v => v.Account));
        Assert.False(first.StoppedEarly);
    }

    [Fact]
    public void Sequence_NoBaseAndVacant_ReturnsFailureNamingThePosition()
    {
        var position = new SalesPosition(new PositionId("nobody")) { IsVacant = true };

        var result = new DaySequencer(Plane).Sequence(position, DayOfWeek.Monday, [At("a", 1, 1)], TestContext.Current.CancellationToken);

        Assert.True(result.IsT1);
        Assert.Equal([DaySequencingErrorCode.PositionHasNoBase, DaySequencingErrorCode.PositionIsVacant], result.AsT1.Errors.Select(e => e.Code));
        Assert.All(result.AsT1.Errors, e => Assert.Equal(new ItemRef(ItemKind.Position, "nobody"), Assert.Single(e.Items)));
        Assert.Equal("Base", result.AsT1.Errors[0].Field);
    }

    [Fact]
    public void Sequence_BadArguments_Throw()
    {
        var sequencer = new DaySequencer(Plane);
        var ok = At("ok", 1, 1);

        Assert.Equal("travel", Assert.Throws<ArgumentNullException>(() => new DaySequencer(null!)).ParamName);
        Assert.Equal("position", Assert.Throws<ArgumentNullException>(() => sequencer.Sequence(null!, DayOfWeek.Monday, [ok], TestContext.Current.CancellationToken)).ParamName);
        Assert.Equal("accounts", Assert.Throws<ArgumentNullException>(() => sequencer.Sequence(Rep, DayOfWeek.Monday, null!, TestContext.Current.CancellationToken)).ParamName);
        Assert.Equal("accounts", Assert.Throws<ArgumentException>(() => sequencer.Sequence(Rep, DayOfWeek.Monday, [ok, null!], TestContext.Current.CancellationToken)).ParamName);
        var nan = Assert.Throws<ArgumentException>(() => sequencer.Sequence(Rep, DayOfWeek.Monday, [ok, At("bad", double.NaN, 0)], TestContext.Current.CancellationToken));
        Assert.Contains("'bad'", nan.Message, StringComparison.Ordinal);
        var twice = Assert.Throws<ArgumentException>(() => sequencer.Sequence(Rep, DayOfWeek.Monday, [ok, At("ok", 2, 2)], TestContext.Current.CancellationToken));
        Assert.Contains("'ok'", twice.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => sequencer.Sequence(Rep with { Base = new GeoPoint(double.PositiveInfinity, 0) }, DayOfWeek.Monday, [ok], TestContext.Current.CancellationToken));
        Assert.Throws<ArgumentOutOfRangeException>(() => sequencer.Sequence(Rep, (DayOfWeek)9, [ok], TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Records_NullText_ThrowNamingTheParameter()
    {
        Assert.Equal("Message", Assert.Throws<ArgumentNullException>(() => new UnfittedAccount(new AccountId("a"), UnfittedReason.DayFull, null!)).ParamName);
        Assert.Equal("Message", Assert.Throws<ArgumentNullException>(() => new DaySequencingError(DaySequencingErrorCode.PositionHasNoBase, [], "Base", null, null!)).ParamName);
        Assert.Equal("Field", Assert.Throws<ArgumentNullException>(() => new DaySequencingError(DaySequencingErrorCode.PositionHasNoBase, [], null!, null, "m")).ParamName);
    }

    [Fact]
    public void Constructor_InvalidOptions_ListsEveryProblem()
    {
        var options = new DaySequencerOptions { TimeLimit = TimeSpan.FromSeconds(-1), MaxIterations = -1, MaxIterationsWithoutImprovement = 0 };

        var ex = Assert.Throws<ArgumentException>(() => new DaySequencer(Plane, options));

        Assert.Contains("TimeLimit", ex.Message, StringComparison.Ordinal);
        Assert.Contains("MaxIterations ", ex.Message, StringComparison.Ordinal);
        Assert.Contains("MaxIterationsWithoutImprovement", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sequence_NoAccounts_EmptyDayAtBase()
    {
        var day = Day(new DaySequencer(Plane).Sequence(Rep, DayOfWeek.Monday, [], TestContext.Current.CancellationToken));

        Assert.Empty(day.Visits);
        Assert.Empty(day.Unfitted);
        Assert.Equal(0, day.TotalDistanceMetres);
    }

    private static IEnumerable<int[]> Permutations(int[] items)
    {
        if (items.Length <= 1)
        {
            yield return items;
            yield break;
        }

        for (var i = 0; i < items.Length; i++)
        {
            var rest = items.Where((_, k) => k != i).ToArray();
            foreach (var tail in Permutations(rest))
            {
                yield return [items[i], .. tail];
            }
        }
    }
}
