using System.Collections.Immutable;
using FsCheck.Xunit;
using Territories.Mix;
using Territories.Model;

namespace Territories.Tests.Mix;

public class MixAllocatorTests
{
    private static readonly ImmutableArray<ActivityType> Types = ActivityType.Defaults;

    [Property(Arbitrary = [typeof(Arbitraries)])]
    public void Allocate_AnyCase_UnitsSumExactlyToCapacityOrInfeasibleIsReported(AllocationCase c)
    {
        var result = new MixAllocator(c.Options()).Allocate(new MixAllocationRequest(new TerritoryId("t"), c.Target, TimeSpan.FromMinutes(c.Capacity)));
        Assert.Equal(c.Feasible, result.IsT0);
        if (result.TryPickT0(out var allocation, out var failure))
        {
            Assert.Equal(c.Capacity, allocation.CapacityUnits);
            Assert.Equal(c.Capacity, allocation.Activities.Sum(a => a.Units));
            Assert.Equal(TimeSpan.FromMinutes(c.Capacity), allocation.Activities.Aggregate(TimeSpan.Zero, (s, a) => s + a.Time));
        }
        else
        {
            Assert.All(failure.Errors, e => Assert.Contains(e.Code, new[] { MixErrorCode.CapacityShortfall, MixErrorCode.MaximumsBelowCapacity, MixErrorCode.BoundsConflict }));
        }
    }

    [Property(Arbitrary = [typeof(Arbitraries)])]
    public void Allocate_Feasible_EveryBoundRespected(AllocationCase c)
    {
        if (!c.Feasible)
        {
            return;
        }

        var allocation = new MixAllocator(c.Options()).Allocate(new MixAllocationRequest(new TerritoryId("t"), c.Target, TimeSpan.FromMinutes(c.Capacity))).AsT0;
        for (var i = 0; i < Types.Length; i++)
        {
            var units = allocation.UnitsOf(Types[i].Id);
            Assert.True(units >= c.Minimums[i], $"{Types[i].Id}: {units} < min {c.Minimums[i]}");
            Assert.True(c.Maximums[i] is not { } max || units <= max, $"{Types[i].Id}: {units} > max {c.Maximums[i]}");
        }
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 300)]
    public void Allocate_NoLimits_EveryActivityWithinOneUnitOfItsQuota(AllocationCase c)
    {
        var allocation = new MixAllocator().Allocate(new MixAllocationRequest(new TerritoryId("t"), c.Target, TimeSpan.FromMinutes(c.Capacity))).AsT0;
        foreach (var activity in allocation.Activities)
        {
            var quota = activity.TargetShare * c.Capacity;
            Assert.True(activity.Units >= Math.Floor(quota - 1e-9) && activity.Units <= Math.Ceiling(quota + 1e-9), $"{activity.Activity}: {activity.Units} units for a quota of {quota}");
        }
    }

    [Property(Arbitrary = [typeof(Arbitraries)])]
    public void Allocate_MoreCapacity_NoActivityGetsLess(AllocationCase c)
    {
        var extra = 1 + (c.Seed % 700);
        var allocator = new MixAllocator(c.Options());
        var small = allocator.Allocate(new MixAllocationRequest(new TerritoryId("t"), c.Target, TimeSpan.FromMinutes(c.Capacity)));
        var large = allocator.Allocate(new MixAllocationRequest(new TerritoryId("t"), c.Target, TimeSpan.FromMinutes(c.Capacity + extra)));
        if (small.TryPickT0(out var before, out _) && large.TryPickT0(out var after, out _))
        {
            foreach (var type in Types)
            {
                Assert.True(after.UnitsOf(type.Id) >= before.UnitsOf(type.Id), $"{type.Id}: {before.UnitsOf(type.Id)} at {c.Capacity}, {after.UnitsOf(type.Id)} at {c.Capacity + extra}");
            }
        }
    }

    [Property(Arbitrary = [typeof(Arbitraries)])]
    public void Allocate_ShuffledInputs_SameAllocation(AllocationCase c)
    {
        var random = new Random(c.Seed);
        var order = Enumerable.Range(0, Types.Length).OrderBy(_ => random.Next()).ToArray();
        var reversedTarget = SalesMix.Create(c.Target.Shares.Reverse(), order.Select(i => Types[i])).AsT0;
        var straight = new MixAllocator(c.Options()).Allocate(new MixAllocationRequest(new TerritoryId("t"), c.Target, TimeSpan.FromMinutes(c.Capacity)));
        var shuffled = new MixAllocator(c.Options(order)).Allocate(
            new MixAllocationRequest(new TerritoryId("t"), reversedTarget, TimeSpan.FromMinutes(c.Capacity)) { ActivityTypes = [.. order.Select(i => Types[i])] });
        Assert.Equal(straight.IsT0, shuffled.IsT0);
        if (straight.IsT0)
        {
            Assert.Equal(straight.AsT0.Activities.Select(a => (a.Activity, a.Units)), shuffled.AsT0.Activities.Select(a => (a.Activity, a.Units)));
        }
    }

    [Property(Arbitrary = [typeof(Arbitraries)])]
    public void Allocate_WithAccounts_AccountUnitsPlusSlackSumToActivityUnitsAndMinimumVisitsHold(AccountsCase c)
    {
        var request = new MixAllocationRequest(new TerritoryId("t"), c.Target, TimeSpan.FromMinutes(c.Capacity)) { Accounts = c.Accounts };
        var result = new MixAllocator().Allocate(request);
        var minimumMinutes = c.Accounts.Sum(a => (a.Visit?.Frequency?.Visits ?? 0) * (long)a.ServiceTime.TotalMinutes);
        Assert.Equal(minimumMinutes <= c.Capacity, result.IsT0);
        if (!result.TryPickT0(out var allocation, out var failure))
        {
            var shortfall = Assert.Single(failure.Errors);
            Assert.Equal(MixErrorCode.CapacityShortfall, shortfall.Code);
            Assert.Equal(minimumMinutes - c.Capacity, shortfall.Units);
            return;
        }

        Assert.Equal(c.Capacity, allocation.Activities.Sum(a => a.Units));
        Assert.Equal(c.Accounts.Length, allocation.Accounts.Length);
        foreach (var activity in allocation.Activities)
        {
            var slack = allocation.Slack.SingleOrDefault(s => s.Activity == activity.Activity)?.Units ?? 0;
            Assert.Equal(activity.Units, allocation.Accounts.Sum(a => a.Units.GetValueOrDefault(activity.Activity)) + slack);
        }

        foreach (var account in c.Accounts)
        {
            var result1 = allocation.Accounts.Single(a => a.Account == account.Id);
            var minimum = account.Visit?.Frequency?.Visits ?? 0;
            Assert.Equal(account.ServiceTime * minimum, result1.FieldTime);
            if (minimum > 0)
            {
                Assert.NotNull(result1.Visit);
                Assert.Equal(account.Visit!.Frequency, result1.Visit.Frequency);
            }
        }
    }

    [Property(Arbitrary = [typeof(Arbitraries)])]
    public void Allocate_ShuffledAccounts_SameAllocation(AccountsCase c)
    {
        var random = new Random(c.Seed);
        var shuffled = c.Accounts.OrderBy(_ => random.Next()).ToImmutableArray();
        var a = new MixAllocator().Allocate(new MixAllocationRequest(new TerritoryId("t"), c.Target, TimeSpan.FromMinutes(c.Capacity)) { Accounts = c.Accounts });
        var b = new MixAllocator().Allocate(new MixAllocationRequest(new TerritoryId("t"), c.Target, TimeSpan.FromMinutes(c.Capacity)) { Accounts = shuffled });
        Assert.Equal(a.IsT0, b.IsT0);
        if (a.IsT0)
        {
            Assert.Equal(a.AsT0.Accounts.Select(x => (x.Account, string.Join(",", x.Units))), b.AsT0.Accounts.Select(x => (x.Account, string.Join(",", x.Units))));
        }
    }

    [Fact]
    public void Allocate_KnownShares_ExactQuotas()
    {
        var target = Mix(("order-taking", 0.5), ("demo", 0.3), ("inbound", 0.2));
        var allocation = new MixAllocator().Allocate(new MixAllocationRequest(new TerritoryId("t"), target, TimeSpan.FromMinutes(10))).AsT0;
        Assert.Equal(5, allocation.UnitsOf("order-taking"));
        Assert.Equal(3, allocation.UnitsOf("demo"));
        Assert.Equal(2, allocation.UnitsOf("inbound"));
        Assert.Equal(0, allocation.UnitsOf("audit"));
    }

    [Fact]
    public void Allocate_ThirdsOfSevenUnits_RoundsToNearestAndTiesToLowerId()
    {
        // Quotas 2.33 each: 3, 2, 2, the tie for the seventh unit going to the lowest id ("demo").
        var target = Mix(("order-taking", 1 / 3.0), ("demo", 1 / 3.0), ("inbound", 1 / 3.0));
        var allocation = new MixAllocator().Allocate(new MixAllocationRequest(new TerritoryId("t"), target, TimeSpan.FromMinutes(7))).AsT0;
        Assert.Equal([3L, 2L, 2L], new[] { allocation.UnitsOf("demo"), allocation.UnitsOf("inbound"), allocation.UnitsOf("order-taking") });
    }

    [Fact]
    public void Allocate_HalfDayUnits_CapacityInWholeUnitsAndRemainderReported()
    {
        var target = Mix(("order-taking", 0.75), ("outbound", 0.25));
        var options = new MixAllocationOptions { Unit = AllocationUnit.HalfDay };
        var allocation = new MixAllocator(options).Allocate(new MixAllocationRequest(new TerritoryId("t"), target, TimeSpan.FromHours(42))).AsT0;
        Assert.Equal(10, allocation.CapacityUnits);
        Assert.Equal(TimeSpan.FromHours(2), allocation.Remainder);
        Assert.Equal(TimeSpan.FromHours(40), allocation.Capacity);
        Assert.Equal(8, allocation.UnitsOf("order-taking"));
        Assert.Equal(2, allocation.UnitsOf("outbound"));
    }

    [Fact]
    public void Allocate_MinimumsAboveCapacity_ShortfallStatesUnits()
    {
        var options = new MixAllocationOptions
        {
            ActivityLimits = new Dictionary<string, ActivityLimit>
            {
                ["demo"] = new(TimeSpan.FromMinutes(300), null),
                ["audit"] = new(TimeSpan.FromMinutes(250), null),
            },
        };
        var result = new MixAllocator(options).Allocate(new MixAllocationRequest(new TerritoryId("north"), Mix(("order-taking", 1.0)), TimeSpan.FromMinutes(480)));
        var error = Assert.Single(result.AsT1.Errors);
        Assert.Equal(MixErrorCode.CapacityShortfall, error.Code);
        Assert.Equal(70, error.Units);
        Assert.Equal(["north"], error.Ids);
        Assert.Equal("480", error.Value);
        Assert.Contains("70", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Allocate_MaximumsBelowCapacity_ReportsUnitsLeftOver()
    {
        var options = new MixAllocationOptions
        {
            ActivityLimits = Types.ToDictionary(t => t.Id, _ => new ActivityLimit(TimeSpan.Zero, TimeSpan.FromMinutes(10))),
        };
        var result = new MixAllocator(options).Allocate(new MixAllocationRequest(new TerritoryId("t"), Mix(("order-taking", 1.0)), TimeSpan.FromMinutes(100)));
        var error = Assert.Single(result.AsT1.Errors);
        Assert.Equal(MixErrorCode.MaximumsBelowCapacity, error.Code);
        Assert.Equal(10, error.Units);
    }

    [Fact]
    public void Allocate_AccountMinimumVisitsAboveLimit_BoundsConflictNamesActivity()
    {
        var options = new MixAllocationOptions
        {
            ActivityLimits = new Dictionary<string, ActivityLimit> { ["order-taking"] = new(TimeSpan.Zero, TimeSpan.FromMinutes(20)) },
        };
        var account = new Account(new AccountId("a1"), new GeoPoint(0, 45)) { Visit = VisitRequirement.Of(VisitFrequency.PerWeek(1)), ServiceTime = TimeSpan.FromMinutes(15) };
        var result = new MixAllocator(options).Allocate(new MixAllocationRequest(new TerritoryId("t"), Mix(("order-taking", 1.0)), TimeSpan.FromMinutes(600)) { Accounts = [account] });
        Assert.True(result.IsT1, result.IsT0 ? string.Join("; ", result.AsT0.Activities.Select(a => $"{a.Activity}={a.Units} min {a.MinimumUnits} max {a.MaximumUnits}")) : "");
        var error = Assert.Single(result.AsT1.Errors);
        Assert.Equal(MixErrorCode.BoundsConflict, error.Code);
        Assert.Equal("order-taking", error.Ids[0]);
        Assert.Equal(40, error.Units);
    }

    [Fact]
    public void Allocate_UnknownActivityInTargetOrLimits_ReportsEach()
    {
        var custom = new ActivityType("tasting", "Tasting", ActivityChannel.Field, TimeSpan.FromMinutes(30));
        var target = SalesMix.Create([KeyValuePair.Create("tasting", 1.0)], [.. Types, custom]).AsT0;
        var options = new MixAllocationOptions { ActivityLimits = new Dictionary<string, ActivityLimit> { ["juggling"] = new(TimeSpan.Zero, null) } };
        var result = new MixAllocator(options).Allocate(new MixAllocationRequest(new TerritoryId("t"), target, TimeSpan.FromMinutes(60)));
        Assert.Equal(
            [("Target[tasting]", "tasting"), ("ActivityLimits[juggling]", "juggling")],
            result.AsT1.Errors.Select(e => (e.Field, e.Value)));
        Assert.All(result.AsT1.Errors, e => Assert.Equal(MixErrorCode.UnknownActivity, e.Code));
    }

    [Fact]
    public void Allocate_NegativeNeed_ReportsAccountAndField()
    {
        var account = new Account(new AccountId("a7"), new GeoPoint(0, 45)) { ActivityNeeds = ImmutableDictionary<string, double>.Empty.Add("demo", -2) };
        var result = new MixAllocator().Allocate(new MixAllocationRequest(new TerritoryId("t"), Mix(("demo", 1.0)), TimeSpan.FromMinutes(60)) { Accounts = [account] });
        var error = Assert.Single(result.AsT1.Errors);
        Assert.Equal((MixErrorCode.NegativeValue, "a7", "ActivityNeeds[demo]", "-2"), (error.Code, error.Ids[0], error.Field, error.Value));
    }

    [Fact]
    public void Allocate_AccountsWithNeeds_VisitRequirementsFromOwnFrequencyAndRestIsSlack()
    {
        // Before the fix "big" (no visit requirement) got 5 visits a week and "small" 1 a week of 30 min
        // took 120 of the 480 order-taking minutes only because the minimum held it: the capacity was forced onto accounts.
        var cycle = JourneyCycle.Create(4);
        var big = new Account(new AccountId("big"), new GeoPoint(0, 45))
        {
            ServiceTime = TimeSpan.FromMinutes(30),
            ActivityNeeds = new Dictionary<string, double> { ["order-taking"] = 3, ["merchandising"] = 1 }.ToImmutableDictionary(),
        };
        var small = new Account(new AccountId("small"), new GeoPoint(0, 45))
        {
            ServiceTime = TimeSpan.FromMinutes(30),
            ActivityNeeds = new Dictionary<string, double> { ["order-taking"] = 1, ["outbound"] = 1 }.ToImmutableDictionary(),
            Visit = VisitRequirement.Of(VisitFrequency.PerWeek(1)) with { FixedWeekday = DayOfWeek.Monday },
        };
        var target = Mix(("order-taking", 0.5), ("merchandising", 0.25), ("outbound", 0.25));
        var allocation = new MixAllocator().Allocate(new MixAllocationRequest(new TerritoryId("t"), target, TimeSpan.FromMinutes(960)) { Accounts = [small, big], Cycle = cycle }).AsT0;

        var b = allocation.Accounts.Single(a => a.Account.Value == "big");
        Assert.Equal(TimeSpan.Zero, b.FieldTime);
        Assert.Null(b.Visit);

        // 4 visits of 30 minutes; outbound capped at its stated 1 hour.
        var s = allocation.Accounts.Single(a => a.Account.Value == "small");
        Assert.Equal(TimeSpan.FromMinutes(120), s.FieldTime);
        Assert.Equal(TimeSpan.FromMinutes(60), s.RemoteTime);
        Assert.Equal(VisitFrequency.PerWeek(1), s.Visit!.Frequency);
        Assert.Equal(TimeSpan.FromMinutes(30), s.Visit.Duration);
        Assert.Equal("order-taking", s.Visit.Activity);
        Assert.Equal(DayOfWeek.Monday, s.Visit.FixedWeekday);

        Assert.Equal(
            [("merchandising", SlackUse.Prospecting, 240L), ("order-taking", SlackUse.Prospecting, 360L), ("outbound", SlackUse.RemoteActivities, 180L)],
            allocation.Slack.Select(x => (x.Activity, x.Use, x.Units)));
        Assert.Equal(180, allocation.AllocatedUnits);
        Assert.Equal(TimeSpan.FromMinutes(780), allocation.SlackTime);

        var applied = allocation.ApplyTo([big, small, new Account(new AccountId("other"), new GeoPoint(0, 45))]);
        Assert.Null(applied[0].Visit);
        Assert.Equal(s.Visit, applied[1].Visit);
        Assert.Null(applied[2].Visit);
    }

    [Fact]
    public void Constructor_InvalidOptions_ThrowsListingEveryFailure()
    {
        var options = new MixAllocationOptions
        {
            Unit = default,
            MinimumVisitsPerAccount = -1,
            ActivityLimits = new Dictionary<string, ActivityLimit> { ["demo"] = new(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(5)) },
        };
        var ex = Assert.Throws<ArgumentException>(() => new MixAllocator(options));
        Assert.Contains("Unit", ex.Message, StringComparison.Ordinal);
        Assert.Contains("MinimumVisitsPerAccount", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ActivityLimits[demo]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Allocate_NullOrNegativeCapacity_Throws()
    {
        Assert.Throws<ArgumentNullException>("request", () => new MixAllocator().Allocate(null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MixAllocator().Allocate(new MixAllocationRequest(new TerritoryId("t"), Mix(("demo", 1.0)), TimeSpan.FromMinutes(-1))));
    }

    internal static SalesMix Mix(params (string Activity, double Share)[] shares) =>
        SalesMix.Create(shares.Select(s => KeyValuePair.Create(s.Activity, s.Share)), Types).AsT0;
}
