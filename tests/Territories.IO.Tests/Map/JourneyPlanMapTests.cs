using Territories.IO.Map;
using Territories.IO.Tests.Csv;
using Territories.Model;
using Territories.Spatial;

namespace Territories.IO.Tests.Map;

public class JourneyPlanMapTests
{
    [Fact]
    public void FromPlan_SamplePlan_CountsMatchThePlan()
    {
        var request = PlanSample.Request();
        var plan = PlanSample.Plan(request);

        var data = JourneyPlanMap.FromPlan(plan, request);

        Assert.Equal(plan.Routes.Length, data.Routes.Length);
        Assert.Equal(plan.Kpis.Visits, data.Routes.Sum(r => r.VisitCount));
        Assert.Equal(request.Accounts.Length, data.Accounts.Length);
        Assert.Equal(PlanSample.Rep, Assert.Single(data.Bases).Position);
        Assert.Equal(plan.Kpis.TotalDistanceMetres, data.Routes.Sum(r => r.DistanceMetres), 1e-6);
        Assert.All(data.Routes, r => Assert.Equal(request.Positions[0].Base, r.Start));
    }

    [Fact]
    public void FromPlan_RouteAndAccount_LabelledWithWeekAndWeekday()
    {
        var request = PlanSample.Request();
        var plan = PlanSample.Plan(request);
        var route = plan.Routes[0];
        var weekday = request.Cycle.WeekdayOf(route.Day).ToString()[..3];

        var data = JourneyPlanMap.FromPlan(plan, request);

        Assert.Equal($"W1 {weekday}", data.Routes[0].DayLabel);
        var account = Assert.Single(data.Accounts, a => a.Id == route.Visits[0].Account);
        Assert.Equal(PlanSample.Rep, account.Position);
        Assert.Equal(weekday, account.Weekday);
    }

    [Fact]
    public void FromPlan_WithAssignment_TerritoryMetricsCountItsAccountsAndVisits()
    {
        var request = PlanSample.Request();
        var plan = PlanSample.Plan(request);
        var west = new Territory(new TerritoryId("west")) { Boundary = TerritoryBoundary.Rectangle(-83.1, 39.9, -82.945, 40.1) };
        var east = new Territory(new TerritoryId("east")) { Boundary = TerritoryBoundary.Rectangle(-82.945, 39.9, -82.8, 40.1) };
        var assignment = TerritoryMap.Create([west, east]).AsT0.Assign(request.Accounts, null, TestContext.Current.CancellationToken);

        var data = JourneyPlanMap.FromPlan(plan, request with { Territories = [west, east] }, assignment);

        Assert.Equal(["east", "west"], data.Territories.Select(t => t.Id.Value));
        var westAccounts = assignment.AccountsOf(west.Id).Length;
        var westView = data.Territories.Single(t => t.Id == west.Id);
        Assert.Equal(westAccounts, westView.Metrics.Single(m => m.Name == "accounts").Number);
        Assert.Equal(westAccounts, westView.Metrics.Single(m => m.Name == "planned_visits").Number);
        Assert.Equal(5, westAccounts);
        Assert.All(data.Accounts, a => Assert.Equal(assignment.Find(a.Id)!.Territory, a.Territory));
    }
}
