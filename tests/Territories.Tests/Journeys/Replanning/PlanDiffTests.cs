using System.Collections.Immutable;
using FsCheck.Xunit;
using Territories.Journeys;
using Territories.Journeys.Planning;
using Territories.Journeys.Replanning;
using Territories.Model;

namespace Territories.Tests.Journeys.Replanning;

public class PlanDiffTests
{
    /// <summary>A plan from routes written as "position:day:a,b,c" (times and distances zero: the diff reads only places and order).</summary>
    internal static JourneyPlan Plan(params string[] routes)
    {
        var built = routes.Select(text =>
        {
            var parts = text.Split(':');
            var visits = parts[2].Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Select(a => new PlannedVisit(new AccountId(a), TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, 0, TimeSpan.Zero, null)).ToImmutableArray();
            return new JourneyRoute
            {
                Position = new PositionId(parts[0]),
                Day = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture),
                Visits = visits,
                Start = TimeSpan.Zero,
                End = TimeSpan.Zero,
                DistanceMetres = 0,
                TravelTime = TimeSpan.Zero,
                ServiceTime = TimeSpan.Zero,
                Load = 0,
            };
        }).OrderBy(r => r.Position).ThenBy(r => r.Day).ToImmutableArray();
        return new JourneyPlan
        {
            Routes = built,
            Unplanned = [],
            Kpis = JourneyPlanKpis.FromRoutes(built, [], JourneyCycle.Create(2)),
            Capacity = [],
            Crossings = [],
            Status = JourneyPlanStatus.Completed,
            Cost = 0,
            Iterations = 0,
        };
    }

    [Fact]
    public void Between_SamePlan_IsEmptyAndEveryVisitUnchanged()
    {
        var plan = Plan("p1:0:a,b,c", "p1:2:a,d", "p2:0:e");
        var diff = PlanDiff.Between(plan, plan);
        Assert.True(diff.IsEmpty);
        Assert.Equal(6, diff.UnchangedVisits);
        Assert.Empty(diff.Accounts);
        Assert.Empty(diff.Positions);
    }

    [Fact]
    public void Between_OneStopMovedToTheEndOfItsDay_ReportsOnlyThatStopResequenced()
    {
        var diff = PlanDiff.Between(Plan("p1:0:a,b,c,d"), Plan("p1:0:b,c,d,a"));
        var change = Assert.Single(diff.Changes);
        Assert.Equal(new VisitChange
        {
            Account = new AccountId("a"),
            Kind = PlanChangeKind.Resequenced,
            FromPosition = new PositionId("p1"),
            FromDay = 0,
            FromSequence = 1,
            ToPosition = new PositionId("p1"),
            ToDay = 0,
            ToSequence = 4,
        }, change);
        Assert.Equal(3, diff.UnchangedVisits);
        Assert.Equal(new PositionDiff(new PositionId("p1"), 0, 0, 0, 0, 0, 1), Assert.Single(diff.Positions));
    }

    [Fact]
    public void Between_VisitTakenOverOnSameDay_IsMovedPositionOutAndIn()
    {
        var diff = PlanDiff.Between(Plan("p1:0:a,b", "p2:0:c"), Plan("p1:0:a", "p2:0:c,b"));
        var change = Assert.Single(diff.Changes);
        Assert.Equal(PlanChangeKind.MovedPosition, change.Kind);
        Assert.Equal(new PositionId("p2"), change.ToPosition);
        Assert.Equal([new PositionDiff(new PositionId("p1"), 0, 0, 0, 0, 1, 0), new PositionDiff(new PositionId("p2"), 0, 0, 0, 1, 0, 0)], diff.Positions);
        Assert.Equal([new AccountId("b")], diff.MovedAccounts);
    }

    [Fact]
    public void Between_AccountKeepsVisitCountOnOtherDays_IsMovedDayNeverRemovedAndAdded()
    {
        var diff = PlanDiff.Between(Plan("p1:0:a", "p1:5:a", "p1:1:x"), Plan("p1:1:x,a", "p1:6:a"));
        var a = Assert.Single(diff.Accounts);
        Assert.Equal(new AccountDiff(new AccountId("a"), 0, 0, 2, 0, 0), a);
        Assert.Equal(0, diff.Count(PlanChangeKind.Added) + diff.Count(PlanChangeKind.Removed));
        Assert.Equal(1, diff.UnchangedVisits);
    }

    [Fact]
    public void Between_RemovedAndNewAccountAndHigherFrequency_SeparatedPerKind()
    {
        var diff = PlanDiff.Between(Plan("p1:0:a,gone", "p1:1:b"), Plan("p1:0:a,b", "p1:1:b,fresh"));
        Assert.Equal(
            [
                new VisitChange
                {
                    Account = new AccountId("b"),
                    Kind = PlanChangeKind.Added,
                    FromPosition = null,
                    FromDay = null,
                    FromSequence = null,
                    ToPosition = new PositionId("p1"),
                    ToDay = 0,
                    ToSequence = 2,
                },
                new VisitChange
                {
                    Account = new AccountId("fresh"),
                    Kind = PlanChangeKind.Added,
                    FromPosition = null,
                    FromDay = null,
                    FromSequence = null,
                    ToPosition = new PositionId("p1"),
                    ToDay = 1,
                    ToSequence = 2,
                },
                new VisitChange
                {
                    Account = new AccountId("gone"),
                    Kind = PlanChangeKind.Removed,
                    FromPosition = new PositionId("p1"),
                    FromDay = 0,
                    FromSequence = 2,
                    ToPosition = null,
                    ToDay = null,
                    ToSequence = null,
                },
            ],
            diff.Changes);
        Assert.Equal(new PositionDiff(new PositionId("p1"), 2, 1, 0, 0, 0, 0), Assert.Single(diff.Positions));
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 15)]
    public void Between_TwoPlansOfOneRequest_EveryVisitOfEitherPlanCountedOnce(JourneyCase c)
    {
        var first = new JourneyPlanner(new() { Seed = 1, MaxIterations = 150 }).Plan(c.Request).AsT0;
        var second = new JourneyPlanner(new() { Seed = 2, MaxIterations = 150 }).Plan(c.Request).AsT0;
        var diff = PlanDiff.Between(first, second);
        var moved = diff.Count(PlanChangeKind.MovedDay) + diff.Count(PlanChangeKind.MovedPosition) + diff.Count(PlanChangeKind.Resequenced);
        Assert.Equal(first.Kpis.Visits, diff.UnchangedVisits + moved + diff.Count(PlanChangeKind.Removed));
        Assert.Equal(second.Kpis.Visits, diff.UnchangedVisits + moved + diff.Count(PlanChangeKind.Added));
        foreach (var account in diff.Accounts)
        {
            var before = first.Routes.Sum(r => r.Visits.Count(v => v.Account == account.Account));
            var after = second.Routes.Sum(r => r.Visits.Count(v => v.Account == account.Account));
            Assert.Equal(Math.Max(0, after - before), account.Added);
            Assert.Equal(Math.Max(0, before - after), account.Removed);
        }

        Assert.Equal(diff.IsEmpty, PlanDiff.Between(second, first).IsEmpty);
        Assert.Equal(diff.UnchangedVisits, PlanDiff.Between(second, first).UnchangedVisits);
    }
}
