using FsCheck.Xunit;
using Territories.Journeys;
using Territories.Journeys.Planning;
using Territories.Journeys.Replanning;
using Territories.Model;
using Territories.Travel;

namespace Territories.Tests.Journeys.Replanning;

public class UnplannedFixerTests
{
    private static JourneyPlannerOptions Fast() => new() { Seed = 9, MaxIterations = 100, TimeLimit = TimeSpan.FromMinutes(5) };

    /// <summary>The generated request with short working days, so that some accounts stay unplanned.</summary>
    private static JourneyPlanRequest Tight(JourneyCase c) => c.Request with
    {
        Positions = [.. c.Request.Positions.Select(p => p with { DailyHours = TimeWindow.FromHours(8, 0, 11, 0), Break = TimeSpan.Zero })],
    };

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 12)]
    public void Suggest_AnyFixApplied_ReplanningPlansTheAccount(JourneyCase c)
    {
        var request = Tight(c);
        var plan = new JourneyPlanner(Fast()).Plan(request, null, TestContext.Current.CancellationToken).AsT0;
        var fixes = new UnplannedFixer(Fast()).Suggest(request, plan, TestContext.Current.CancellationToken).AsT0;
        Assert.Equal(plan.Unplanned, fixes.Select(f => f.Unplanned));
        foreach (var fix in fixes.SelectMany(f => f.Fixes))
        {
            var replan = new JourneyReplanner(Fast()).Replan(new ReplanRequest(plan, fix.Apply(request)) { MaxMovedAccounts = 0 }, null, TestContext.Current.CancellationToken).AsT0;
            Assert.DoesNotContain(replan.Plan.Unplanned, u => u.Account == fix.Account);
            Assert.Contains(replan.Plan.Routes, r => r.Visits.Any(v => v.Account == fix.Account));
            switch (fix.Kind)
            {
                case FixKind.LowerFrequency:
                    Assert.True(fix.FreedMinutes > 0 || plan.Unplanned.Single(u => u.Account == fix.Account).Reason == UnplannedReason.NoAllowedPattern);
                    break;
                case FixKind.ExtendWorkingHours:
                    Assert.True(fix.Extension > TimeSpan.Zero && fix.Extension.TotalMinutes % 15 == 0 && !fix.Days.IsEmpty);
                    break;
                case FixKind.AddCapacity:
                    Assert.True(fix.CapacityHours > 0);
                    Assert.NotNull(fix.AddedPosition);
                    break;
            }
        }
    }

    [Fact]
    public void Suggest_AccountBeyondTheDay_LongerDayLowerFrequencyAndCapacityWithFigures()
    {
        var cycle = JourneyCycle.Create(1);
        var rep = new SalesPosition(new PositionId("rep")) { Base = new GeoPoint(0, 0), DailyHours = TimeWindow.FromHours(8, 0, 10, 0) };
        Account At(string id, double x, int minutes, VisitFrequency f) => new(new AccountId(id), new GeoPoint(x, 0))
        {
            ServiceTime = TimeSpan.FromMinutes(minutes),
            Visit = VisitRequirement.Of(f),
        };

        // 1 unit = 1 km at 60 km/h: the near account fills most of each day; the far one needs 60 more minutes than is left.
        var request = new JourneyPlanRequest([rep], cycle, [At("near", 1, 100, VisitFrequency.PerWeek(5)), At("far", 10, 30, VisitFrequency.PerWeek(2))], new EuclideanTravelModel(1000, 1000 / 60.0));
        var plan = new JourneyPlanner(Fast()).Plan(request, null, TestContext.Current.CancellationToken).AsT0;
        Assert.Equal([new AccountId("far")], plan.Unplanned.Select(u => u.Account));

        var fixes = Assert.Single(new UnplannedFixer(Fast()).Suggest(request, plan, TestContext.Current.CancellationToken).AsT0).Fixes;

        var extend = Assert.Single(fixes, f => f.Kind == FixKind.ExtendWorkingHours);
        Assert.Equal(new PositionId("rep"), extend.Position);
        Assert.True(extend.Extension >= TimeSpan.FromMinutes(60), extend.Message);
        Assert.Equal(2, extend.Days.Length);
        var lower = fixes.Where(f => f.Kind == FixKind.LowerFrequency).ToList();
        Assert.Empty(lower);
        var capacity = Assert.Single(fixes, f => f.Kind == FixKind.AddCapacity);
        Assert.Equal(2 * 1.0, capacity.CapacityHours);
    }
}
