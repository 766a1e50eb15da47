using Territories.Journeys;
using Territories.Journeys.Planning;
using Territories.Model;
using Territories.Travel;

namespace Territories.Tests.Journeys;

/// <summary>The bad-input classes of docs/bad-input.md that <see cref="JourneyPlannerTests"/> does not already show.</summary>
public class JourneyPlannerBadInputTests
{
    private static readonly SalesPosition Rep = new(new PositionId("rep")) { Base = new GeoPoint(0, 0) };

    private static JourneyPlanner Planner => new(new JourneyPlannerOptions { Seed = 7, MaxIterations = 300, TimeLimit = TimeSpan.FromMinutes(5) });

    private static Account Outlet(string id, double x, double y) =>
        new(new AccountId(id), new GeoPoint(x, y)) { Visit = VisitRequirement.Of(VisitFrequency.PerWeek(1)) };

    private static JourneyPlanRequest Request(IEnumerable<SalesPosition> positions, params Account[] accounts) =>
        new([.. positions], JourneyCycle.Create(2), [.. accounts], new EuclideanTravelModel(1000, 40 / 3.6));

    private static OneOf.OneOf<JourneyPlan, ModelValidationFailure> Plan(JourneyPlanRequest request) =>
        Planner.Plan(request, null, TestContext.Current.CancellationToken);

    [Fact]
    public void Plan_SameAccountIdTwice_FailureNamingTheId()
    {
        var error = Assert.Single(Plan(Request([Rep], Outlet("a", 1, 1), Outlet("a", 2, 2))).AsT1.Errors);

        Assert.Equal((ModelErrorCode.DuplicateId, (ItemKind?)ItemKind.Account, "a", "Id"), (error.Code, error.Kind, Assert.Single(error.Ids), error.Field));
    }

    [Fact]
    public void Plan_BaseAtInfinity_FailureNamingThePositionAndField()
    {
        var error = Assert.Single(Plan(Request([Rep with { Base = new GeoPoint(double.PositiveInfinity, 0) }], Outlet("a", 1, 1))).AsT1.Errors);

        Assert.Equal((ModelErrorCode.InvalidCoordinate, (ItemKind?)ItemKind.Position, "rep", "Base"), (error.Code, error.Kind, Assert.Single(error.Ids), error.Field));
    }

    [Fact]
    public void Plan_NoAccounts_EmptyPlan()
    {
        var plan = Plan(Request([Rep])).AsT0;

        Assert.Equal((0, 0), (plan.Kpis.Visits, plan.Unplanned.Length));
        Assert.All(plan.Routes, r => Assert.Empty(r.Visits));
    }

    [Fact]
    public void Plan_NoPositions_EveryAccountUnplannedWithNoEligiblePosition()
    {
        var plan = Plan(Request([], Outlet("a", 1, 1), Outlet("b", 2, 2))).AsT0;

        Assert.Equal(
            [("a", UnplannedReason.NoEligiblePosition), ("b", UnplannedReason.NoEligiblePosition)],
            plan.Unplanned.Select(u => (u.Account.Value, u.Reason)));
    }
}
