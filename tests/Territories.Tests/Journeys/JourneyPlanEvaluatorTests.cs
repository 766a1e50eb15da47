using Territories.Journeys;
using Territories.Journeys.Planning;
using Territories.Model;

namespace Territories.Tests.Journeys;

public class JourneyPlanEvaluatorTests
{
    private static readonly JourneyPlannerOptions Pvrp = new() { KeepPositionPerAccount = false };

    public static TheoryData<string> Instances() =>
    [
        "p01", "p02", "p03", "p04", "p05", "p06", "p07", "p08", "p09", "p10", "p11", "p12", "p13", "p14", "p15", "p16", "p17", "p18", "p19", "p20", "p21",
        "p22", "p23", "p24", "p25", "p26", "p27", "p28", "p29", "p30", "p31", "p32", "pr01", "pr02", "pr03", "pr04", "pr05", "pr06", "pr07", "pr08", "pr09", "pr10",
    ];

    [Theory]
    [MemberData(nameof(Instances))]
    public void Evaluate_CordeauPublishedSolution_ReproducesCostAndIsFeasible(string instance)
    {
        var dir = CordeauFiles.Directory();
        Assert.SkipWhen(dir is null, "../shared/benchmarks/pvrp is not available.");
        var (request, vehicles) = CordeauFiles.ReadInstance(Path.Combine(dir!, "instances", instance + ".txt"));
        var (plan, stated) = CordeauFiles.ReadSolution(Path.Combine(dir!, "solutions_cgl", instance + ".res"), request);
        var evaluation = JourneyPlanEvaluator.Evaluate(request, plan with { Unplanned = [] }, Pvrp);
        Assert.Empty(evaluation.Violations);
        Assert.Equal(stated, evaluation.TotalDistanceMetres, 0.011);
        Assert.All(plan.Routes.GroupBy(r => r.Day), g => Assert.True(g.Count() <= vehicles));
    }

    [Fact]
    public void Evaluate_ServiceTimeMaxValue_InvalidRequestViolationInsteadOfOverflow()
    {
        var request = new JourneyPlanRequest(
            [new SalesPosition(new PositionId("rep")) { Base = new GeoPoint(0, 0) }],
            JourneyCycle.Create(1),
            [new Account(new AccountId("a"), new GeoPoint(1, 0)) { Visit = VisitRequirement.Of(VisitFrequency.PerWeek(1)) }],
            new Territories.Travel.EuclideanTravelModel(1000, 10));
        var plan = new JourneyPlanner(new JourneyPlannerOptions { MaxIterations = 20 }).Plan(request, null, TestContext.Current.CancellationToken).AsT0;
        var broken = request with { Accounts = [request.Accounts[0] with { ServiceTime = TimeSpan.MaxValue }] };

        var evaluation = JourneyPlanEvaluator.Evaluate(broken, plan);

        var violation = Assert.Single(evaluation.Violations);
        Assert.Equal((PlanViolationCode.InvalidRequest, new AccountId("a")), (violation.Code, violation.Account));
        Assert.Contains("ServiceTime", violation.Message, StringComparison.Ordinal);
        Assert.Contains(TimeSpan.MaxValue.ToString(), violation.Message, StringComparison.Ordinal);
        Assert.Equal(plan.Kpis.Visits, evaluation.PlannedVisits);
        Assert.Equal(0, evaluation.Kpis.Utilisation);
    }

    [Fact]
    public void Evaluate_HandEditedPlan_ListsEveryBrokenRule()
    {
        var request = Arbitraries.JourneyRequest(3) with { Positions = [new SalesPosition(new PositionId("rep")) { Base = new GeoPoint(0, 0), MaxVisitsPerDay = 2 }] };
        var accounts = new[]
        {
            new Account(new AccountId("weekly"), new GeoPoint(1, 0)) { Visit = VisitRequirement.Of(VisitFrequency.PerWeek(1)) with { FixedWeekday = DayOfWeek.Monday } },
            new Account(new AccountId("late"), new GeoPoint(0, 1)) { Visit = VisitRequirement.Of(VisitFrequency.PerCycle(1)), OpeningHours = OpeningHours.Weekly([DayOfWeek.Monday], TimeWindow.FromHours(15, 0, 16, 0)) },
        };
        request = request with { Accounts = [.. accounts], Cycle = JourneyCycle.Create(1) };
        var plan = new JourneyPlanner(new JourneyPlannerOptions { MaxIterations = 50 }).Plan(request, null, TestContext.Current.CancellationToken).AsT0;
        Assert.Empty(JourneyPlanEvaluator.Evaluate(request, plan).Violations);

        // Move the Monday route to Tuesday: the account open only on Mondays is visited when closed, and the Monday-only one is off its pattern.
        var monday = plan.Routes.Single(r => r.Day == 0);
        var edited = plan with { Routes = [.. plan.Routes.Where(r => r.Day != 0), monday with { Day = 1 }] };
        var codes = JourneyPlanEvaluator.Evaluate(request, edited).Violations.Select(v => v.Code).ToHashSet();
        Assert.Contains(PlanViolationCode.OutsideOpeningHours, codes);
        Assert.Contains(PlanViolationCode.PatternNotAllowed, codes);
        Assert.Equal(2, monday.Visits.Length);

        // A stated arrival that does not follow from the travel model.
        var first = monday.Visits[0];
        var shifted = plan with { Routes = [.. plan.Routes.Where(r => r.Day != 0), monday with { Visits = monday.Visits.SetItem(0, first with { Arrival = first.Arrival - TimeSpan.FromMinutes(5) }) }] };
        var mismatch = Assert.Single(JourneyPlanEvaluator.Evaluate(request, shifted).Violations);
        Assert.Equal(PlanViolationCode.FigureMismatch, mismatch.Code);
        Assert.Equal(first.Account, mismatch.Account);

        // Dropping the route leaves its accounts neither planned nor listed as unplanned.
        var dropped = plan with { Routes = [.. plan.Routes.Where(r => r.Day != 0)] };
        var missing = JourneyPlanEvaluator.Evaluate(request, dropped).Violations;
        Assert.All(missing, v => Assert.Equal(PlanViolationCode.MissingAccount, v.Code));
        Assert.Equal(["late", "weekly"], missing.Select(v => v.Account!.Value.Value).Order(StringComparer.Ordinal));

        // Two visits on a day with a cap of one.
        var capped = request with { Positions = [request.Positions[0] with { MaxVisitsPerDay = 1 }] };
        Assert.Contains(JourneyPlanEvaluator.Evaluate(capped, plan).Violations, v => v.Code == PlanViolationCode.VisitCapExceeded);
    }

    [Fact]
    public void Evaluate_Null_Throws()
    {
        var request = Arbitraries.JourneyRequest(1);
        var plan = new JourneyPlanner(new JourneyPlannerOptions { MaxIterations = 1 }).Plan(request, null, TestContext.Current.CancellationToken).AsT0;
        Assert.Throws<ArgumentNullException>("request", () => JourneyPlanEvaluator.Evaluate(null!, plan));
        Assert.Throws<ArgumentNullException>("plan", () => JourneyPlanEvaluator.Evaluate(request, null!));
    }
}
