using System.Collections.Immutable;
using FsCheck.Xunit;
using Territories.Mix;
using Territories.Model;

namespace Territories.Tests.Mix;

/// <summary>Visits carry the territory's field mix: each account's visits get one field activity so that visit time per activity follows the target's field shares.</summary>
public class MixFieldActivitiesTests
{
    private static readonly JourneyCycle Cycle = JourneyCycle.Create(4);

    private static readonly HashSet<string> Field = ActivityType.Defaults.Where(t => t.Channel == ActivityChannel.Field).Select(t => t.Id).ToHashSet(StringComparer.Ordinal);

    [Property(Arbitrary = [typeof(Arbitraries)])]
    public void ApplyTo_AccountsWithoutStatedNeeds_EachFieldShareWithinLargestAccountOfTarget(NeedsCase c)
    {
        var accounts = c.Accounts.Select(a => a with { ActivityNeeds = ImmutableDictionary<string, double>.Empty }).ToImmutableArray();
        var fieldShare = c.Target.Shares.Where(s => Field.Contains(s.Key)).Sum(s => s.Value);
        var request = new MixAllocationRequest(new TerritoryId("t"), c.Target, TimeSpan.FromMinutes(100_000)) { Accounts = accounts, Cycle = Cycle };
        var allocation = new MixAllocator().Allocate(request).AsT0;
        var applied = allocation.ApplyTo(accounts);

        var time = new Dictionary<string, double>(StringComparer.Ordinal);
        var largest = 0.0;
        for (var i = 0; i < accounts.Length; i++)
        {
            var visits = Visits(accounts[i]);
            if (visits == 0)
            {
                continue;
            }

            var visit = applied[i].Visit!;
            Assert.Equal(accounts[i].Visit!.Frequency, visit.Frequency);
            Assert.Equal(accounts[i].Visit!.Duration ?? accounts[i].ServiceTime, visit.Duration);
            Assert.Contains(visit.Activity!, Field);
            var minutes = visits * visit.Duration!.Value.TotalMinutes;
            time[visit.Activity!] = time.GetValueOrDefault(visit.Activity!) + minutes;
            largest = Math.Max(largest, minutes);
        }

        var total = time.Values.Sum();
        if (total == 0 || !(fieldShare > 0))
        {
            return;
        }

        foreach (var activity in Field)
        {
            var target = c.Target[activity] / fieldShare;
            var delivered = time.GetValueOrDefault(activity) / total;
            Assert.True(Math.Abs(delivered - target) <= (largest / total) + 1e-9, $"{activity}: delivered {delivered:P2}, target {target:P2}, bound {largest / total:P2}");
        }
    }

    [Fact]
    public void Allocate_TenEqualAccounts_VisitsSplitLikeTheFieldShares()
    {
        var accounts = Enumerable.Range(0, 10).Select(i => new Account(new AccountId($"a{i}"), new GeoPoint(0, 45)) { Visit = VisitRequirement.Of(VisitFrequency.PerWeek(1)) }).ToImmutableArray();
        var target = MixAllocatorTests.Mix(("order-taking", 0.25), ("merchandising", 0.15), ("demo", 0.1), ("outbound", 0.5));
        var allocation = new MixAllocator().Allocate(new MixAllocationRequest(new TerritoryId("t"), target, TimeSpan.FromMinutes(9600)) { Accounts = accounts, Cycle = Cycle }).AsT0;

        var counts = allocation.Accounts.GroupBy(a => a.Visit!.Activity!).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new Dictionary<string, int> { ["demo"] = 2, ["merchandising"] = 3, ["order-taking"] = 5 }, counts);
        Assert.All(allocation.Accounts, a => Assert.Equal(a.FieldTime, a.Units.Single().Value * TimeSpan.FromMinutes(1)));
        Assert.All(allocation.Accounts, a => Assert.Equal(a.Visit!.Activity, a.Units.Single().Key));
    }

    [Fact]
    public void Allocate_AccountWithStatedFieldNeed_KeepsItsActivity()
    {
        var needy = new Account(new AccountId("a0"), new GeoPoint(0, 45))
        {
            Visit = VisitRequirement.Of(VisitFrequency.PerWeek(1)),
            ActivityNeeds = ImmutableDictionary<string, double>.Empty.Add("audit", 2),
        };
        var others = Enumerable.Range(1, 3).Select(i => new Account(new AccountId($"a{i}"), new GeoPoint(0, 45)) { Visit = VisitRequirement.Of(VisitFrequency.PerWeek(1)) });
        var target = MixAllocatorTests.Mix(("order-taking", 0.5), ("merchandising", 0.5));
        var allocation = new MixAllocator().Allocate(new MixAllocationRequest(new TerritoryId("t"), target, TimeSpan.FromMinutes(9600)) { Accounts = [needy, .. others], Cycle = Cycle }).AsT0;

        // The need counts first (audit, not in the target); the other three fill merchandising and order-taking, ties to the lower id.
        Assert.Equal(["audit", "merchandising", "merchandising", "order-taking"], allocation.Accounts.Select(a => a.Visit!.Activity!).Order(StringComparer.Ordinal));
        Assert.Equal("audit", allocation.Accounts.Single(a => a.Account.Value == "a0").Visit!.Activity);
    }

    private static int Visits(Account account) =>
        account.Visit is not { } visit ? 0
        : !visit.Patterns.IsEmpty ? visit.Patterns.Min(p => p.VisitCount)
        : visit.Frequency?.VisitsPerCycle(Cycle) ?? 0;
}
