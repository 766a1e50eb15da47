using System.Collections.Immutable;
using FsCheck.Xunit;
using Territories.Model;
using Territories.Travel;
using Territories.Workload;

namespace Territories.Tests.Workload;

public class TerritoryAlignerTests
{
    private static AlignmentOptions Quick(int seed = 3, int rounds = 2) => new()
    {
        Seed = seed,
        MaxRounds = rounds,
        PlanIterations = 150,
        Parallelism = 1,
        TimeLimit = TimeSpan.FromMinutes(5),
    };

    private static AlignmentResult Align(AlignmentRequest request, AlignmentOptions? options = null) =>
        new TerritoryAligner(options ?? Quick()).Align(request, null, TestContext.Current.CancellationToken).AsT0;

    private static AlignmentFailure Refuse(AlignmentRequest request) =>
        new TerritoryAligner(Quick()).Align(request, null, TestContext.Current.CancellationToken).AsT1;

    // Two identical towns 80 km apart, 24 outlets each, weekly and fortnightly.
    private static ImmutableArray<Account> TwoTowns()
    {
        var accounts = ImmutableArray.CreateBuilder<Account>();
        foreach (var (town, x) in new[] { ("w", 0.0), ("e", 1.12) })
        {
            for (var i = 0; i < 24; i++)
            {
                accounts.Add(new Account(new AccountId($"{town}{i:00}"), new GeoPoint(x + (0.01 * (i % 6)), 50 + (0.01 * (i / 6))))
                {
                    ServiceTime = TimeSpan.FromMinutes(15),
                    Visit = VisitRequirement.Of(i % 2 == 0 ? VisitFrequency.PerWeek(1) : VisitFrequency.EveryWeeks(2)),
                });
            }
        }

        return accounts.ToImmutable();
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 8)]
    public void Align_GeneratedCase_EveryAccountInExactlyOneTerritory(AlignmentCase c)
    {
        var result = Align(c.Request);

        var planned = result.Positions.SelectMany(p => p.Request.Accounts.Select(a => a.Id)).ToList();
        Assert.Equal(c.Accounts.Length, planned.Count);
        Assert.Equal(c.Accounts.Select(a => a.Id).Order(), planned.Order());
        Assert.Equal(c.Positions, result.Positions.Length);
        Assert.Equal(c.Accounts.Length, result.Assignment.Count);
        Assert.All(result.Positions, p => Assert.Equal([p.Position], p.Request.Positions));
        Assert.All(result.Positions, p => Assert.Equal([p.Position.Id], p.Territory.Positions));
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 8)]
    public void Align_GeneratedCase_BestIsTheRoundWithFewestUnplannedThenSmallestSpread(AlignmentCase c)
    {
        var result = Align(c.Request, Quick(rounds: 3));

        Assert.Contains(result.Best, result.Rounds);
        Assert.DoesNotContain(result.Rounds, r => r.Unplanned < result.Best.Unplanned || (r.Unplanned == result.Best.Unplanned && r.Spread < result.Best.Spread));
        Assert.Equal(result.Best.MaxUtilisation, result.Positions.Max(p => p.Utilisation), 1e-9);
        Assert.Equal(result.Best.MinUtilisation, result.Positions.Min(p => p.Utilisation), 1e-9);
        Assert.Equal(result.IsWithinBand, result.Findings.IsEmpty);
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 4)]
    public void Align_SameSeed_SamePlan(AlignmentCase c)
    {
        var first = Align(c.Request);
        var second = Align(c.Request with { Accounts = [.. c.Accounts.Reverse()] });

        Assert.Equal(first.Assignment.OrderBy(e => e.Key), second.Assignment.OrderBy(e => e.Key));
        Assert.Equal(first.Positions.Select(p => p.Plan.Cost), second.Positions.Select(p => p.Plan.Cost));
        Assert.Equal(first.Positions.Select(p => p.Position.Base), second.Positions.Select(p => p.Position.Base));
    }

    [Fact]
    public void Align_TwoIdenticalTowns_OneTerritoryEachWithinTheBand()
    {
        var request = new AlignmentRequest(TwoTowns(), JourneyCycle.Create(2), new GreatCircleTravelModel(50, 1.3)) { Positions = 2 };

        var result = Align(request, Quick(rounds: 4));

        Assert.True(result.IsWithinBand, string.Join(" ", result.Findings));
        Assert.Equal(AlignmentStop.WithinBand, result.Stop);
        Assert.All(result.Positions, p => Assert.Empty(p.Plan.Unplanned));
        Assert.All(result.Positions, p => Assert.Single(p.Accounts.Select(a => a.Value[0]).Distinct()));
        Assert.True(result.Best.Spread <= 1.15);
    }

    [Fact]
    public void Align_FixedBases_EachPositionKeepsItsBaseAndTheAccountsBesideIt()
    {
        var bases = ImmutableArray.Create(new GeoPoint(1.12, 50), new GeoPoint(0, 50));
        var request = new AlignmentRequest(TwoTowns(), JourneyCycle.Create(2), new GreatCircleTravelModel(50, 1.3)) { Bases = bases };

        var result = Align(request);

        Assert.Equal(2, result.Positions.Length);
        Assert.Equal(bases, result.Positions.Select(p => p.Position.Base!.Value));
        Assert.Contains(new AccountId("e00"), result.Positions[0].Accounts);
        Assert.Contains(new AccountId("w00"), result.Positions[1].Accounts);
    }

    [Fact]
    public void Align_NoPositionCount_SizesTheSalesForce()
    {
        var request = new AlignmentRequest(TwoTowns(), JourneyCycle.Create(2), new GreatCircleTravelModel(50, 1.3)) { Position = new SalesPosition(new PositionId("t")) { DailyHours = TimeWindow.FromHours(8, 0, 11, 0) } };

        var result = Align(request);

        Assert.NotNull(result.Sizing);
        Assert.Equal(result.Sizing.Positions, result.Positions.Length);
        Assert.True(result.Positions.Length >= 2, result.Sizing.ToString());
    }

    [Fact]
    public void Align_TooFewPositions_SaysSoWithFigures()
    {
        var heavy = TwoTowns().Select(a => a with { ServiceTime = TimeSpan.FromMinutes(90) }).ToImmutableArray();
        var request = new AlignmentRequest(heavy, JourneyCycle.Create(2), new GreatCircleTravelModel(50, 1.3)) { Positions = 1 };

        var result = Align(request);

        Assert.False(result.IsWithinBand);
        Assert.True(result.Best.Unplanned > 0);
        Assert.StartsWith("Too few positions", result.Findings[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Align_Cancelled_ReturnsTheFirstRound()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var request = new AlignmentRequest(TwoTowns(), JourneyCycle.Create(2), new GreatCircleTravelModel(50, 1.3)) { Positions = 3 };

        var result = new TerritoryAligner(Quick(rounds: 5)).Align(request, null, cancelled.Token).AsT0;

        Assert.Single(result.Rounds);
        Assert.True(result.Stop is AlignmentStop.Cancelled or AlignmentStop.WithinBand);
        Assert.Equal(48, result.Assignment.Count);
    }

    [Fact]
    public void Align_Progress_ToldEveryRound()
    {
        var request = new AlignmentRequest(TwoTowns(), JourneyCycle.Create(2), new GreatCircleTravelModel(50, 1.3)) { Positions = 3 };
        var told = new List<AlignmentProgress>();

        var result = new TerritoryAligner(Quick(rounds: 3)).Align(request, new SyncProgress<AlignmentProgress>(told.Add), TestContext.Current.CancellationToken).AsT0;

        Assert.Equal(result.Rounds, told.Select(t => t.Round));
        Assert.Equal(result.Best, told[^1].Best);
    }

    [Fact]
    public void Align_BadAccounts_EveryProblemNamedWithItsAccount()
    {
        var towns = TwoTowns();
        var accounts = towns
            .Add(towns[0])
            .Add(new Account(new AccountId("lost"), new GeoPoint(0, 91)) { Visit = VisitRequirement.Of(VisitFrequency.PerWeek(1)) })
            .Add(new Account(new AccountId("greedy"), new GeoPoint(0.5, 50)) { Visit = VisitRequirement.Of(VisitFrequency.PerWeek(6)) })
            .Add(new Account(new AccountId("slow"), new GeoPoint(0.6, 50)) { ServiceTime = TimeSpan.FromHours(10), Visit = VisitRequirement.Of(VisitFrequency.EveryWeeks(2)) });

        var failure = Refuse(new AlignmentRequest(accounts, JourneyCycle.Create(2), new GreatCircleTravelModel()) { Positions = 2 });

        Assert.Contains(failure.Errors, e => e.Code == AlignmentErrorCode.DuplicateAccount && e.Ids.SequenceEqual(["w00"]));
        Assert.Contains(failure.Errors, e => e.Code == AlignmentErrorCode.InvalidLocation && e.Ids.SequenceEqual(["lost"]) && e.Field == "Location");
        Assert.Contains(failure.Errors, e => e.Code == AlignmentErrorCode.ImpossibleVisits && e.Ids.SequenceEqual(["greedy"]));
        Assert.Contains(failure.Errors, e => e.Code == AlignmentErrorCode.VisitLongerThanDay && e.Ids.SequenceEqual(["slow"]) && e.Value == "10:00:00");
    }

    [Fact]
    public void Align_PlaceHeavierThanAPosition_Refused()
    {
        var crowd = Enumerable.Range(0, 30).Select(i => new Account(new AccountId($"c{i:00}"), new GeoPoint(0.3, 50.2))
        {
            ServiceTime = TimeSpan.FromHours(3),
            Visit = VisitRequirement.Of(VisitFrequency.PerWeek(1)),
        });

        var failure = Refuse(new AlignmentRequest([.. TwoTowns(), .. crowd], JourneyCycle.Create(2), new GreatCircleTravelModel()) { Positions = 2 });

        var error = Assert.Single(failure.Errors);
        Assert.Equal(AlignmentErrorCode.UnitExceedsCapacity, error.Code);
        Assert.Equal(30, error.Ids.Length);
        Assert.Equal("180", error.Value);
    }

    [Fact]
    public void Align_MorePositionsThanPlacesOrNoAccounts_Refused()
    {
        var two = TwoTowns().Take(2).ToImmutableArray();

        Assert.Equal(AlignmentErrorCode.PositionCount, Assert.Single(Refuse(new AlignmentRequest(two, JourneyCycle.Create(2), new GreatCircleTravelModel()) { Positions = 3 }).Errors).Code);
        Assert.Equal(AlignmentErrorCode.NoAccounts, Assert.Single(Refuse(new AlignmentRequest([], JourneyCycle.Create(2), new GreatCircleTravelModel())).Errors).Code);
    }

    [Fact]
    public void Align_BaseFarFromEveryAccountOrInvalid_Refused()
    {
        var request = new AlignmentRequest(TwoTowns(), JourneyCycle.Create(2), new GreatCircleTravelModel()) { Bases = [new GeoPoint(0, 50), new GeoPoint(100, 10), new GeoPoint(0, 95)] };

        var failure = Refuse(request);

        Assert.Equal(2, failure.Errors.Length);
        Assert.All(failure.Errors, e => Assert.Equal(AlignmentErrorCode.BaseOutOfReach, e.Code));
        Assert.Equal(["Bases[1]", "Bases[2]"], failure.Errors.Select(e => e.Field));
        Assert.All(failure.Errors, e => Assert.Empty(e.Items));
    }

    [Fact]
    public void Align_PositionWithoutWorkingDays_Refused()
    {
        var request = new AlignmentRequest(TwoTowns(), JourneyCycle.Create(2), new GreatCircleTravelModel()) { Positions = 2, Position = new SalesPosition(new PositionId("t")) { WorkingDays = [DayOfWeek.Sunday] } };

        Assert.Contains(Refuse(request).Errors, e => e.Code == AlignmentErrorCode.NoWorkingTime);
    }

    [Fact]
    public void Options_Invalid_EveryFailureListed()
    {
        var error = Assert.Throws<ArgumentException>(() => new TerritoryAligner(new AlignmentOptions { Band = 0.5, MaxRounds = 0, Parallelism = 0, Workload = new WorkloadOptions { StemFactor = -1 } }));

        Assert.Contains("Band", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxRounds", error.Message, StringComparison.Ordinal);
        Assert.Contains("Parallelism", error.Message, StringComparison.Ordinal);
        Assert.Contains("StemFactor", error.Message, StringComparison.Ordinal);
    }

    private sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
