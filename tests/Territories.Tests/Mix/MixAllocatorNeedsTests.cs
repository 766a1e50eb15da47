using System.Collections.Immutable;
using System.Diagnostics;
using FsCheck.Xunit;
using Territories.Mix;
using Territories.Model;

namespace Territories.Tests.Mix;

/// <summary>The allocation gives accounts what their needs allow and no more; the rest is slack.</summary>
public class MixAllocatorNeedsTests
{
    private static readonly JourneyCycle Cycle = JourneyCycle.Create(4);

    [Property(Arbitrary = [typeof(Arbitraries)])]
    public void Allocate_AnyAccounts_NoAccountGetsMoreThanItsNeedsAllow(NeedsCase c)
    {
        if (!new MixAllocator(c.Options()).Allocate(c.Request()).TryPickT0(out var allocation, out _))
        {
            return;
        }

        var remote = ActivityType.Defaults.Where(t => t.Channel == ActivityChannel.Remote).Select(t => t.Id).ToList();
        foreach (var account in c.Accounts)
        {
            var given = allocation.Accounts.Single(a => a.Account == account.Id);
            var visits = Visits(account);
            var own = account.Visit?.Duration ?? account.ServiceTime;
            var ceiling = c.Ceiling is { } m && m > own ? m : own;
            Assert.True(given.FieldTime <= ceiling * visits, $"{account.Id}: field {given.FieldTime} above {visits} visit(s) x {ceiling}");
            Assert.True(given.FieldTime >= own * visits, $"{account.Id}: field {given.FieldTime} below {visits} visit(s) x {own}");
            if (given.Visit?.Duration is { } duration && visits > 0)
            {
                Assert.True(duration <= ceiling, $"{account.Id}: {duration} per visit above the ceiling {ceiling}");
            }

            foreach (var activity in remote)
            {
                var minutes = given.Units.GetValueOrDefault(activity);
                Assert.True(minutes <= account.ActivityNeeds.GetValueOrDefault(activity) * 60, $"{account.Id}: {minutes} min of {activity} above its need");
            }
        }
    }

    [Property(Arbitrary = [typeof(Arbitraries)])]
    public void Allocate_AnyAccounts_AllocatedPlusSlackIsCapacityExactly(NeedsCase c)
    {
        if (!new MixAllocator(c.Options()).Allocate(c.Request()).TryPickT0(out var allocation, out var failure))
        {
            Assert.All(failure.Errors, e => Assert.Equal(MixErrorCode.CapacityShortfall, e.Code));
            return;
        }

        var accounts = allocation.Accounts.Aggregate(TimeSpan.Zero, (sum, a) => sum + a.FieldTime + a.RemoteTime);
        Assert.Equal(c.Capacity, accounts + allocation.SlackTime + allocation.Remainder);
        Assert.Equal(allocation.CapacityUnits, allocation.AllocatedUnits + allocation.SlackUnits);
        Assert.All(allocation.Slack, s => Assert.True(s.Units > 0, $"{s.Activity}: empty slack listed"));
    }

    [Property(Arbitrary = [typeof(Arbitraries)])]
    public void ApplyTo_AnyAccounts_FrequenciesUnchangedAndActivitySet(NeedsCase c)
    {
        if (!new MixAllocator(c.Options()).Allocate(c.Request()).TryPickT0(out var allocation, out _))
        {
            return;
        }

        var applied = allocation.ApplyTo(c.Accounts);
        var field = ActivityType.Defaults.Where(t => t.Channel == ActivityChannel.Field).Select(t => t.Id).ToHashSet();
        for (var i = 0; i < c.Accounts.Length; i++)
        {
            var before = c.Accounts[i].Visit;
            var after = applied[i].Visit;
            if (before is null)
            {
                Assert.Null(after);
                continue;
            }

            Assert.NotNull(after);
            Assert.Equal(before.Frequency, after.Frequency);
            Assert.Equal(before.Patterns, after.Patterns);
            Assert.Equal(before.FixedWeekday, after.FixedWeekday);
            Assert.Equal(before.AllowedPatterns(Cycle), after.AllowedPatterns(Cycle));
            Assert.Contains(after.Activity!, field);
        }
    }

    [Fact]
    public void Allocate_OneRepForThreeWeeklyAccounts_VisitsStayWeeklyAndTheRestIsProspecting()
    {
        // The Quickstart showed "Caldwell 5/week x 307 min": a rep's whole month spread over a few accounts.
        var accounts = Enumerable.Range(1, 3).Select(i => new Account(new AccountId($"a{i}"), new GeoPoint(0, 45)) { Visit = VisitRequirement.Of(VisitFrequency.PerWeek(1)) }).ToImmutableArray();
        var request = new MixAllocationRequest(new TerritoryId("t"), MixAllocatorTests.Mix(("order-taking", 1.0)), TimeSpan.FromMinutes(9600)) { Accounts = accounts };
        var allocation = new MixAllocator().Allocate(request).AsT0;

        Assert.All(allocation.Accounts, a =>
        {
            Assert.Equal(VisitFrequency.PerWeek(1), a.Visit!.Frequency);
            Assert.Equal(TimeSpan.FromMinutes(15), a.Visit.Duration);
            Assert.Equal(TimeSpan.FromMinutes(60), a.FieldTime);
        });
        var slack = Assert.Single(allocation.Slack);
        Assert.Equal(("order-taking", SlackUse.Prospecting, 9600L - 180), (slack.Activity, slack.Use, slack.Units));
    }

    [Fact]
    public void Allocate_CeilingAboveVisitDuration_LongerVisitsUpToCeilingSameFrequency()
    {
        var account = new Account(new AccountId("a1"), new GeoPoint(0, 45)) { Visit = VisitRequirement.Of(VisitFrequency.PerWeek(1)) };
        var options = new MixAllocationOptions { MaximumVisitDuration = TimeSpan.FromMinutes(25) };
        var request = new MixAllocationRequest(new TerritoryId("t"), MixAllocatorTests.Mix(("order-taking", 1.0)), TimeSpan.FromMinutes(1000)) { Accounts = [account] };
        var allocation = new MixAllocator(options).Allocate(request).AsT0;

        var given = Assert.Single(allocation.Accounts);
        Assert.Equal(TimeSpan.FromMinutes(100), given.FieldTime);
        Assert.Equal(TimeSpan.FromMinutes(25), given.Visit!.Duration);
        Assert.Equal(VisitFrequency.PerWeek(1), given.Visit.Frequency);
        Assert.Equal(900, allocation.SlackUnits);
    }

    [Fact]
    public void Allocate_RemoteNeeds_CappedAtStatedHoursRestIsRemoteSlack()
    {
        var a = new Account(new AccountId("a"), new GeoPoint(0, 45)) { ActivityNeeds = ImmutableDictionary<string, double>.Empty.Add("inbound", 2) };
        var b = new Account(new AccountId("b"), new GeoPoint(0, 45)) { ActivityNeeds = ImmutableDictionary<string, double>.Empty.Add("inbound", 1) };
        var request = new MixAllocationRequest(new TerritoryId("t"), MixAllocatorTests.Mix(("inbound", 1.0)), TimeSpan.FromMinutes(600)) { Accounts = [b, a] };
        var allocation = new MixAllocator().Allocate(request).AsT0;

        Assert.Equal([TimeSpan.FromMinutes(120), TimeSpan.FromMinutes(60)], allocation.Accounts.Select(x => x.RemoteTime));
        Assert.Equal([("inbound", SlackUse.RemoteActivities, 420L)], allocation.Slack.Select(s => (s.Activity, s.Use, s.Units)));
    }

    [Fact]
    public void Allocate_RemoteNeedsNearDoubleMax_SharedEquallyNotLost()
    {
        var needs = ImmutableDictionary<string, double>.Empty.Add("outbound", 1e308);
        var accounts = new[] { "a", "b" }.Select(id => new Account(new AccountId(id), new GeoPoint(0, 45)) { ActivityNeeds = needs }).ToImmutableArray();
        var request = new MixAllocationRequest(new TerritoryId("t"), MixAllocatorTests.Mix(("outbound", 1.0)), TimeSpan.FromMinutes(100)) { Accounts = accounts };
        var allocation = new MixAllocator().Allocate(request).AsT0;

        Assert.Equal([TimeSpan.FromMinutes(50), TimeSpan.FromMinutes(50)], allocation.Accounts.Select(x => x.RemoteTime));
        Assert.Empty(allocation.Slack);
    }

    [Fact]
    public void Allocate_CapacityTimeSpanMaxValue_CapacityTooLargeFailureAtOnce()
    {
        // Issue 17 item 1: this call never returned.
        var watch = Stopwatch.StartNew();
        var result = new MixAllocator().Allocate(new MixAllocationRequest(new TerritoryId("t"), MixAllocatorTests.Mix(("demo", 1.0)), TimeSpan.MaxValue));
        watch.Stop();

        var error = Assert.Single(result.AsT1.Errors);
        Assert.Equal((MixErrorCode.CapacityTooLarge, "t", "Capacity"), (error.Code, error.Ids[0], error.Field));
        Assert.Equal((TimeSpan.MaxValue.Ticks / TimeSpan.TicksPerMinute) - MixAllocator.MaximumCapacityUnits, error.Units);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Allocate_CapacityAtTheLimitInHours_Allocates()
    {
        var options = new MixAllocationOptions { Unit = AllocationUnit.Hour };
        var capacity = TimeSpan.FromHours(MixAllocator.MaximumCapacityUnits);
        var allocation = new MixAllocator(options).Allocate(new MixAllocationRequest(new TerritoryId("t"), MixAllocatorTests.Mix(("demo", 0.5), ("inbound", 0.5)), capacity)).AsT0;
        Assert.Equal(MixAllocator.MaximumCapacityUnits / 2, allocation.UnitsOf("demo"));
    }

    [Fact]
    public void Allocate_DuplicateAccountIds_DuplicateAccountFailureNotAllocatedTwice()
    {
        // Issue 17 item 7: the same account was allocated twice.
        var account = new Account(new AccountId("dup"), new GeoPoint(0, 45)) { Visit = VisitRequirement.Of(VisitFrequency.PerWeek(1)) };
        var request = new MixAllocationRequest(new TerritoryId("north"), MixAllocatorTests.Mix(("order-taking", 1.0)), TimeSpan.FromMinutes(600))
        {
            Accounts = [account, new Account(new AccountId("other"), new GeoPoint(0, 45)), account with { Name = "again" }],
        };
        var error = Assert.Single(new MixAllocator().Allocate(request).AsT1.Errors);
        Assert.Equal((MixErrorCode.DuplicateAccount, "dup", "north", "2"), (error.Code, error.Ids[0], error.Ids[1], error.Value));
    }

    [Fact]
    public void Constructor_NonPositiveCeiling_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new MixAllocator(new MixAllocationOptions { MaximumVisitDuration = TimeSpan.Zero }));
        Assert.Contains("MaximumVisitDuration", ex.Message, StringComparison.Ordinal);
    }

    private static int Visits(Account account) =>
        account.Visit is not { } visit ? 0
        : !visit.Patterns.IsEmpty ? visit.Patterns.Min(p => p.VisitCount)
        : visit.Frequency?.VisitsPerCycle(Cycle) ?? 0;
}
