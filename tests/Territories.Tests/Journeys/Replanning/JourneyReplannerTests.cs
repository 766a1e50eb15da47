using System.Collections.Immutable;
using FsCheck.Xunit;
using Territories.Journeys;
using Territories.Journeys.Planning;
using Territories.Journeys.Replanning;
using Territories.Model;
using Territories.Travel;

namespace Territories.Tests.Journeys.Replanning;

public class JourneyReplannerTests
{
    private static JourneyPlannerOptions Fast(int seed = 5) => new() { Seed = seed, MaxIterations = 300, TimeLimit = TimeSpan.FromMinutes(5) };

    private static ReplanResult Replan(ReplanRequest request, int seed = 5) =>
        new JourneyReplanner(Fast(seed)).Replan(request, null, TestContext.Current.CancellationToken).AsT0;

    /// <summary>Per account, its visits as (position, day, order among the route's visits of accounts in <paramref name="among"/>).</summary>
    private static Dictionary<AccountId, List<(PositionId Position, int Day, int Order)>> Places(JourneyPlan plan, HashSet<AccountId> among)
    {
        var places = new Dictionary<AccountId, List<(PositionId, int, int)>>();
        foreach (var route in plan.Routes)
        {
            var order = 0;
            foreach (var v in route.Visits.Where(v => among.Contains(v.Account)))
            {
                if (!places.TryGetValue(v.Account, out var list))
                {
                    places[v.Account] = list = [];
                }

                list.Add((route.Position, route.Day, order++));
            }
        }

        return places;
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 20)]
    public void Replan_UnchangedRequestWholeCycleFrozen_SamePlanEmptyDiff(JourneyCase c)
    {
        var previous = new JourneyPlanner(Fast(3)).Plan(c.Request).AsT0;
        var result = Replan(new ReplanRequest(previous, c.Request) { FreezeDays = c.Request.Cycle.DayCount });
        Assert.True(result.Diff.IsEmpty, string.Join("; ", result.Diff.Changes.Take(5)));
        Assert.Equal(previous.Unplanned.Select(u => u.Account), result.Plan.Unplanned.Select(u => u.Account));
        Assert.Equal(0, result.Figures.MovedKeptAccounts);
        Assert.Equal(0, result.Figures.FrozenVisitsChanged);
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 25)]
    public void Replan_AccountsRemovedAndAdded_FrozenWeekKeepsEveryKeptVisitAndItsOrder(ReplanCase c)
    {
        var result = Replan(new ReplanRequest(c.Previous, c.After) { FreezeDays = c.Week });
        var kept = c.After.Accounts.Select(a => a.Id).Where(id => c.Previous.Routes.Any(r => r.Visits.Any(v => v.Account == id))).ToHashSet();
        var before = Places(c.Previous, kept);
        var after = Places(result.Plan, kept);
        foreach (var (account, visits) in before)
        {
            var frozen = visits.Where(v => v.Day < c.Week).ToList();
            var now = after.TryGetValue(account, out var list) ? list.Where(v => v.Day < c.Week).ToList() : [];
            Assert.Equal(frozen, now);
        }

        Assert.Empty(JourneyPlanEvaluator.Evaluate(c.After, result.Plan, Fast()).Violations);
        Assert.DoesNotContain(result.Plan.Routes.SelectMany(r => r.Visits), v => !c.After.Accounts.Any(a => a.Id == v.Account));
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 25)]
    public void Replan_ZeroBudget_NoKeptAccountOnAnotherDay(ReplanCase c)
    {
        var result = Replan(new ReplanRequest(c.Previous, c.After) { MaxMovedAccounts = 0 });
        var kept = c.After.Accounts.Select(a => a.Id).ToHashSet();
        var before = Places(c.Previous, kept);
        var after = Places(result.Plan, kept);
        foreach (var (account, visits) in after)
        {
            if (before.TryGetValue(account, out var was))
            {
                Assert.Equal(was.Select(v => v.Day).Order(), visits.Select(v => v.Day).Order());
            }
        }

        Assert.Equal(0, result.Figures.MovedKeptAccounts);
        Assert.Empty(JourneyPlanEvaluator.Evaluate(c.After, result.Plan, Fast()).Violations);
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 20)]
    public void Replan_AnyChange_FiguresAgreeWithThePlansAndDiff(ReplanCase c)
    {
        var result = Replan(new ReplanRequest(c.Previous, c.After) { FreezeDays = c.Week, PricePerMovedVisit = 2_000, CompareWithScratch = true });
        var previousIds = c.Previous.Routes.SelectMany(r => r.Visits).Select(v => v.Account).ToHashSet();
        var afterIds = c.After.Accounts.Select(a => a.Id).ToHashSet();
        Assert.Equal(previousIds.Count(afterIds.Contains), result.Figures.KeptAccounts);
        Assert.Equal(previousIds.Count(id => !afterIds.Contains(id)), result.Figures.RemovedAccounts);
        Assert.Equal(c.Previous.Routes.Sum(r => r.Visits.Count(v => !afterIds.Contains(v.Account))), result.Figures.RemovedAccountVisits);
        Assert.Equal(result.Plan.Routes.Sum(r => r.Visits.Count(v => v.Account.Value.StartsWith('n'))), result.Figures.NewAccountVisits);
        Assert.Equal(result.Figures.RemovedAccountVisits, result.Diff.Changes.Count(x => x.Kind == PlanChangeKind.Removed && !afterIds.Contains(x.Account)));
        Assert.Equal(result.Plan.Cost, result.Figures.Cost + result.Figures.ChangePrice, 1e-6);
        Assert.NotNull(result.Scratch);
        Assert.Equal(result.Scratch.Cost, result.Figures.ScratchCost);
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 15)]
    public void Replan_SameSeed_SamePlan(ReplanCase c)
    {
        var request = new ReplanRequest(c.Previous, c.After) { FreezeDays = c.Week, MaxMovedAccounts = 1 };
        var first = Replan(request, 11);
        var second = Replan(request with { Request = c.After with { Accounts = [.. c.After.Accounts.Reverse()] } }, 11);
        Assert.True(PlanDiff.Between(first.Plan, second.Plan).IsEmpty);
        Assert.Equal(first.Figures, second.Figures);
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 20)]
    public void Replan_LockOnAPatternDay_AccountVisitedThereByThatPosition(ReplanCase c)
    {
        var account = c.After.Accounts[0];
        var pattern = account.Visit!.AllowedPatterns(c.After.Cycle).LastOrDefault();
        var position = c.After.Positions[^1];
        var day = pattern?.Days.FirstOrDefault(d => position.WorksOn(c.After.Cycle, d)) ?? -1;
        if (pattern is null || day < 0)
        {
            return;
        }

        var result = Replan(new ReplanRequest(c.Previous, c.After) { Locks = [new VisitLock(account.Id, day, position.Id)] });
        var unplanned = result.Plan.Unplanned.FirstOrDefault(u => u.Account == account.Id);
        if (unplanned is not null)
        {
            Assert.Contains(unplanned.Reason, new[] { UnplannedReason.Frozen, UnplannedReason.NoCapacity, UnplannedReason.OpeningHoursUnreachable, UnplannedReason.ExceedsDailyLimits });
            return;
        }

        Assert.Contains(result.Plan.Routes, r => r.Day == day && r.Position == position.Id && r.Visits.Any(v => v.Account == account.Id));
    }

    [Fact]
    public void Replan_BadInput_EveryProblemAsStructuredErrorNeverThrows()
    {
        var c = new ReplanCase(42);
        var account = c.After.Accounts[0].Id;
        var position = c.After.Positions[0].Id;
        var strange = c.Previous with
        {
            Routes = [.. c.Previous.Routes, new JourneyRoute
            {
                Position = new PositionId("gone"),
                Day = 99,
                Visits = [],
                Start = TimeSpan.Zero,
                End = TimeSpan.Zero,
                DistanceMetres = 0,
                TravelTime = TimeSpan.Zero,
                ServiceTime = TimeSpan.Zero,
                Load = 0,
            }],
        };
        var request = new ReplanRequest(strange, c.After)
        {
            FreezeDays = -1,
            MaxMovedAccounts = -2,
            PricePerMovedVisit = double.NaN,
            Locks = [new VisitLock(new AccountId("nobody"), 0, position), new VisitLock(account, 500, position), new VisitLock(account, 0, new PositionId("ghost"))],
        };

        var errors = new JourneyReplanner(Fast()).Replan(request, null, TestContext.Current.CancellationToken).AsT1.Errors;

        Assert.Contains(errors, e => e.Code == ReplanErrorCode.FreezeOutsideCycle && e.Field == "FreezeDays" && e.Value == "-1");
        Assert.Contains(errors, e => e.Code == ReplanErrorCode.NegativeBudget && e.Field == "MaxMovedAccounts" && e.Value == "-2");
        Assert.Contains(errors, e => e.Code == ReplanErrorCode.NegativeBudget && e.Field == "PricePerMovedVisit" && e.Value == "NaN");
        Assert.Contains(errors, e => e.Code == ReplanErrorCode.UnknownPosition && e.Field == "Routes.Position" && e.Items.SequenceEqual([new ItemRef(ItemKind.Position, "gone")]));
        Assert.Contains(errors, e => e.Code == ReplanErrorCode.DayOutsideCycle && e.Field == "Routes.Day" && e.Kind == ItemKind.Position && e.Value == "99");
        Assert.Contains(errors, e => e.Code == ReplanErrorCode.UnknownAccount && e.Ids[0] == "nobody");
        Assert.Contains(errors, e => e.Code == ReplanErrorCode.DayOutsideCycle && e.Field == "Locks.Day" && e.Value == "500" && e.Items[0] == ItemRef.Of(account));
        Assert.Contains(errors, e => e.Code == ReplanErrorCode.UnknownPosition && e.Field == "Locks.Position" && e.Value == "ghost" && e.Items[1] == new ItemRef(ItemKind.Position, "ghost"));
    }

    [Fact]
    public void Replan_LockAgainstFreezeOrPattern_ContradictionErrorsNamingTheAccount()
    {
        var c = new ReplanCase(7);
        var route = c.Previous.Routes.First(r => r.Day == 0);
        var account = route.Visits[0].Account;
        var other = c.After.Positions.FirstOrDefault(p => p.Id != route.Position)?.Id ?? new PositionId("p0");
        var weekly = c.After.Accounts.First(a => a.Visit!.AllowedPatterns(c.After.Cycle).All(p => p.Days.Length == 1));
        var locks = new List<VisitLock> { new(weekly.Id, 0, c.After.Positions[0].Id), new(weekly.Id, 1, c.After.Positions[0].Id) };
        if (other != route.Position)
        {
            locks.Add(new VisitLock(account, 0, other));
        }

        var errors = new JourneyReplanner(Fast()).Replan(new ReplanRequest(c.Previous, c.After) { FreezeDays = 1, Locks = [.. locks] }, null, TestContext.Current.CancellationToken).AsT1.Errors;

        Assert.Contains(errors, e => e.Code == ReplanErrorCode.LockContradictsPattern && e.Ids[0] == weekly.Id.Value);
        if (other != route.Position)
        {
            Assert.Contains(errors, e => e.Code == ReplanErrorCode.LockContradictsFreeze && e.Ids[0] == account.Value && e.Value == "0");
        }
    }

    [Fact]
    public void Replan_PositionsPerVisitFrozenDayOnTheOtherPosition_FrozenVisitsKeepTheirPosition()
    {
        // Two bases 10 km apart, each with three accounts visited twice a week. The previous plan has the
        // positions' day-0 routes swapped: each frozen visit is made from the far base. A search free to pick
        // the position per visit would hand them back (a regression: the freeze pinned days, not positions).
        var cycle = JourneyCycle.Create(1);
        var positions = new[] { new SalesPosition(new PositionId("p0")) { Base = new GeoPoint(0, 0) }, new SalesPosition(new PositionId("p1")) { Base = new GeoPoint(10, 0) } };
        var accounts = Enumerable.Range(0, 6).Select(i => new Account(new AccountId($"a{i}"), new GeoPoint((i / 3 * 10) + (0.5 * (i % 3)), 1 + (i % 3)))
        {
            ServiceTime = TimeSpan.FromMinutes(15),
            Visit = VisitRequirement.Of(VisitFrequency.PerWeek(2)),
        }).ToImmutableArray();
        var request = new JourneyPlanRequest([.. positions], cycle, accounts, new EuclideanTravelModel(1000, 40 / 3.6));
        var options = Fast();
        options.KeepPositionPerAccount = false;
        var plan = new JourneyPlanner(options).Plan(request, null, TestContext.Current.CancellationToken).AsT0;
        var swapped = new Dictionary<string, string> { ["p0"] = "p1", ["p1"] = "p0" };
        var previous = plan with { Routes = [.. plan.Routes.Select(r => r.Day == 0 ? r with { Position = new PositionId(swapped[r.Position.Value]) } : r)] };
        var dayZero = previous.Routes.Where(r => r.Day == 0).OrderBy(r => r.Position).SelectMany(r => r.Visits.Select(v => (r.Position, v.Account))).ToList();
        Assert.NotEmpty(dayZero);

        var result = new JourneyReplanner(options).Replan(new ReplanRequest(previous, request) { FreezeDays = 1 }, null, TestContext.Current.CancellationToken).AsT0;

        Assert.Equal(dayZero, result.Plan.Routes.Where(r => r.Day == 0).OrderBy(r => r.Position).SelectMany(r => r.Visits.Select(v => (r.Position, v.Account))));
        Assert.Equal(0, result.Figures.FrozenVisitsChanged);
        Assert.Empty(result.Plan.Unplanned);
    }
}
