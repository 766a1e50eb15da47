using Territories.Journeys;
using Territories.Journeys.Replanning;
using Territories.Model;

namespace Territories.Tests.Journeys.Replanning;

/// <summary>The bad-input classes of docs/bad-input.md that <see cref="JourneyReplannerTests"/> does not already show.</summary>
public class JourneyReplannerBadInputTests
{
    private static OneOf.OneOf<ReplanResult, ReplanFailure> Replan(ReplanRequest request) =>
        new JourneyReplanner(new JourneyPlannerOptions { Seed = 5, MaxIterations = 300, TimeLimit = TimeSpan.FromMinutes(5) })
            .Replan(request, null, TestContext.Current.CancellationToken);

    [Fact]
    public void Replan_TwoLocksOnOneDay_DuplicateLockNamingAccountAndDay()
    {
        var c = new ReplanCase(42);
        var route = c.Previous.Routes.First(r => r.Visits.Length > 0);
        var account = route.Visits[0].Account;

        var errors = Replan(new ReplanRequest(c.Previous, c.After) { Locks = [new VisitLock(account, route.Day, route.Position), new VisitLock(account, route.Day, route.Position)] }).AsT1.Errors;

        var error = Assert.Single(errors, e => e.Code == ReplanErrorCode.DuplicateLock);
        Assert.Equal((account.Value, "Locks.Day", route.Day.ToString(System.Globalization.CultureInfo.InvariantCulture)), (error.Ids[0], error.Field, error.Value));
    }

    [Fact]
    public void Replan_AccountAtNaN_InvalidRequestNamingAccountAndField()
    {
        var c = new ReplanCase(42);
        var victim = c.After.Accounts[0];
        var after = c.After with { Accounts = [victim with { Location = new GeoPoint(double.NaN, 0) }, .. c.After.Accounts.Skip(1)] };

        var error = Assert.Single(Replan(new ReplanRequest(c.Previous, after)).AsT1.Errors);

        Assert.Equal((ReplanErrorCode.InvalidRequest, victim.Id.Value, "Location"), (error.Code, Assert.Single(error.Ids), error.Field));
    }

    [Fact]
    public void Replan_PreviousPlanWithoutRoutes_EveryAccountPlannedOrUnplannedWithAReason()
    {
        var c = new ReplanCase(42);
        var empty = c.Previous with { Routes = [], Unplanned = [] };

        var result = Replan(new ReplanRequest(empty, c.After)).AsT0;

        var planned = result.Plan.Routes.SelectMany(r => r.Visits).Select(v => v.Account).Concat(result.Plan.Unplanned.Select(u => u.Account)).ToHashSet();
        Assert.All(c.After.Accounts, a => Assert.Contains(a.Id, planned));
    }
}
