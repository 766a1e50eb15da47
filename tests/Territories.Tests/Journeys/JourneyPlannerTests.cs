using FsCheck.Xunit;
using Territories.Journeys;
using Territories.Journeys.Planning;
using Territories.Model;
using Territories.Travel;

namespace Territories.Tests.Journeys;

public class JourneyPlannerTests
{
    private static JourneyPlannerOptions Fast(int seed = 7) => new() { Seed = seed, MaxIterations = 300, TimeLimit = TimeSpan.FromMinutes(5) };

    private static JourneyPlan PlanOf(JourneyPlanRequest request, JourneyPlannerOptions? options = null) =>
        new JourneyPlanner(options ?? Fast()).Plan(request, null, TestContext.Current.CancellationToken).AsT0;

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 25)]
    public void Plan_GeneratedRequest_EveryAccountOnOneAllowedPatternOrUnplannedWithReason(JourneyCase c)
    {
        var request = c.Request;
        var plan = PlanOf(request);
        var unplanned = plan.Unplanned.ToDictionary(u => u.Account);
        foreach (var account in request.Accounts)
        {
            var visits = plan.Routes.SelectMany(r => r.Visits.Where(v => v.Account == account.Id).Select(_ => (r.Day, r.Position))).ToList();
            if (unplanned.TryGetValue(account.Id, out var u))
            {
                Assert.Empty(visits);
                Assert.True(Enum.IsDefined(u.Reason));
                Assert.False(string.IsNullOrWhiteSpace(u.Message));
                continue;
            }

            var days = visits.Select(v => v.Day).Order().ToList();
            Assert.Contains(account.Visit!.AllowedPatterns(request.Cycle), p => p.Days.SequenceEqual(days));
            Assert.Single(visits.Select(v => v.Position).Distinct());
        }
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 25)]
    public void Plan_GeneratedRequest_VisitsInsideOpeningAndWorkingHoursAndRoutesAtBase(JourneyCase c)
    {
        var request = c.Request;
        var plan = PlanOf(request);
        var accounts = request.Accounts.ToDictionary(a => a.Id);
        var positions = request.Positions.ToDictionary(p => p.Id);
        foreach (var route in plan.Routes)
        {
            var position = positions[route.Position];
            Assert.True(route.Start >= position.DailyHours.Start);
            Assert.True(route.End + position.Break <= position.DailyHours.End + TimeSpan.FromMilliseconds(1));
            var weekday = request.Cycle.WeekdayOf(route.Day);
            var first = accounts[route.Visits[0].Account].Location;
            var last = accounts[route.Visits[^1].Account].Location;
            Assert.Equal(request.TravelModel.DistanceMetres(position.Base!.Value, first), route.Visits[0].LegDistanceMetres, 1e-6);
            var expected = route.Visits.Sum(v => v.LegDistanceMetres) + request.TravelModel.DistanceMetres(last, position.Base!.Value);
            Assert.Equal(expected, route.DistanceMetres, 1e-6);
            foreach (var visit in route.Visits)
            {
                var windows = accounts[visit.Account].OpeningHours.On(weekday);
                Assert.Contains(windows, w => visit.Start >= w.Start && visit.Departure <= w.End + TimeSpan.FromMilliseconds(1));
                Assert.True(visit.Start >= visit.Arrival);
            }
        }
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 25)]
    public void Plan_GeneratedRequest_EvaluatorAgreesOnEveryFigure(JourneyCase c)
    {
        var request = c.Request;
        var plan = PlanOf(request);
        var evaluation = JourneyPlanEvaluator.Evaluate(request, plan, Fast());
        Assert.Empty(evaluation.Violations);
        Assert.Equal(plan.Kpis.TotalDistanceMetres, evaluation.TotalDistanceMetres, 1e-3);
        Assert.Equal(plan.Kpis.Visits, evaluation.PlannedVisits);
        Assert.True((plan.Kpis.TotalTravelTime - evaluation.TotalTravelTime).Duration() < TimeSpan.FromMilliseconds(10));
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 25)]
    public void Plan_GeneratedRequest_EvaluatorKpisEqualPlannerKpis(JourneyCase c)
    {
        var request = c.Request;
        var plan = PlanOf(request);
        var k = JourneyPlanEvaluator.Evaluate(request, plan, Fast()).Kpis;
        var p = plan.Kpis;
        Assert.Equal((p.Routes, p.Visits), (k.Routes, k.Visits));
        Assert.Equal(p.TotalDistanceMetres, k.TotalDistanceMetres, 1e-3);
        Assert.True((p.TotalTravelTime - k.TotalTravelTime).Duration() < TimeSpan.FromMilliseconds(10));
        Assert.True((p.TotalServiceTime - k.TotalServiceTime).Duration() < TimeSpan.FromMilliseconds(10));
        Assert.Equal(p.Utilisation, k.Utilisation, 1e-6);
        Assert.Equal(p.MinWorkingHours, k.MinWorkingHours, 1e-6);
        Assert.Equal(p.MaxWorkingHours, k.MaxWorkingHours, 1e-6);
        Assert.Equal(p.MeanWorkingHours, k.MeanWorkingHours, 1e-6);
        Assert.Equal(p.StdDevWorkingHours, k.StdDevWorkingHours, 1e-6);
        Assert.Equal(p.VisitsPerDay, k.VisitsPerDay, 12);
        Assert.InRange(p.Utilisation, 0, 1);
    }

    [Fact]
    public void Plan_OneVisit_UtilisationIsWorkingTimeOverNetAvailableHours()
    {
        // 1 km each way at 40 km/h is 90 s; with 15 min on site the day runs 08:00-08:18, 0.3 h,
        // of the 8 net hours (08:00-17:00 less a 1 h break) of the cycle's only working day.
        var rep = new SalesPosition(new PositionId("rep")) { Base = new GeoPoint(0, 0), DailyHours = TimeWindow.FromHours(8, 0, 17, 0), Break = TimeSpan.FromHours(1) };
        var outlet = Outlet("o", 1, 0, VisitFrequency.PerCycle(1)) with { ServiceTime = TimeSpan.FromMinutes(15) };
        var request = new JourneyPlanRequest([rep], JourneyCycle.Create(1, [DayOfWeek.Monday]), [outlet], new EuclideanTravelModel(1000, 40 / 3.6));

        var plan = PlanOf(request);

        Assert.Equal(0.3 / 8, plan.Kpis.Utilisation, 1e-9);
        Assert.Equal(0.3, plan.Kpis.MeanWorkingHours, 1e-9);
        Assert.Equal(TimeSpan.FromSeconds(180), plan.Kpis.TotalTravelTime);
    }

    [Fact]
    public void Plan_DuplicateTerritoryIds_ReturnsFailureInsteadOfThrowing()
    {
        var territory = new Territory(new TerritoryId("t1")) { Positions = [new PositionId("rep")] };
        var request = Small(Outlet("a", 1, 1, VisitFrequency.PerWeek(1))) with { Territories = [territory, territory with { Name = "copy" }] };

        var result = new JourneyPlanner(Fast()).Plan(request, null, TestContext.Current.CancellationToken);

        var error = Assert.Single(Assert.IsType<ModelValidationFailure>(result.Value).Errors);
        Assert.Equal((ModelErrorCode.DuplicateId, (ItemKind?)ItemKind.Territory, "t1"), (error.Code, error.Kind, Assert.Single(error.Ids)));
    }

    [Fact]
    public void Plan_LatitudeBeyondNinetyWithGreatCircleTravel_FailureNamesTheAccount()
    {
        var request = Small(Outlet("a", 1, 50, VisitFrequency.PerWeek(1)), Outlet("pole", 1, 91, VisitFrequency.PerWeek(1))) with
        {
            TravelModel = new GreatCircleTravelModel(),
            Positions = [new SalesPosition(new PositionId("rep")) { Base = new GeoPoint(1, 50) }],
        };

        var result = new JourneyPlanner(Fast()).Plan(request, null, TestContext.Current.CancellationToken);

        var error = Assert.Single(Assert.IsType<ModelValidationFailure>(result.Value).Errors);
        Assert.Equal((ModelErrorCode.InvalidCoordinate, "pole", "Location"), (error.Code, Assert.Single(error.Ids), error.Field));

        // The same coordinates are a planar benchmark's business: planned.
        Assert.IsType<JourneyPlan>(new JourneyPlanner(Fast()).Plan(request with { TravelModel = new EuclideanTravelModel(1000, 10) }, null, TestContext.Current.CancellationToken).Value);
    }

    [Fact]
    public void Plan_ServiceTimeMaxValue_FailureNamesAccountFieldAndValue()
    {
        var request = Small(Outlet("ok", 1, 1, VisitFrequency.PerWeek(1)), Outlet("forever", 2, 2, VisitFrequency.PerWeek(1)) with { ServiceTime = TimeSpan.MaxValue });

        var failure = new JourneyPlanner(Fast()).Plan(request, null, TestContext.Current.CancellationToken).AsT1;

        var error = Assert.Single(failure.Errors);
        Assert.Equal((ModelErrorCode.DurationOutOfRange, "forever", "ServiceTime", TimeSpan.MaxValue.ToString()), (error.Code, Assert.Single(error.Ids), error.Field, error.Value));
    }

    [Fact]
    public void Plan_ZeroServiceTime_PlannedLikeABenchmarkCustomer()
    {
        var request = Small(Outlet("drop", 1, 1, VisitFrequency.PerWeek(1)) with { ServiceTime = TimeSpan.Zero });

        var plan = PlanOf(request);

        Assert.Empty(plan.Unplanned);
        Assert.Equal(2, plan.Kpis.Visits);
        Assert.Equal(TimeSpan.Zero, plan.Kpis.TotalServiceTime);
    }

    [Fact]
    public void Plan_OverlappingAndInvertedOpeningWindows_FailureCodedByKind()
    {
        var overlapping = Outlet("overlap", 1, 1, VisitFrequency.PerWeek(1)) with { OpeningHours = OpeningHours.Weekly([DayOfWeek.Monday], TimeWindow.FromHours(9, 0, 12, 0), TimeWindow.FromHours(11, 0, 14, 0)) };
        var inverted = Outlet("inverted", 2, 1, VisitFrequency.PerWeek(1)) with { OpeningHours = OpeningHours.Weekly([DayOfWeek.Tuesday], TimeWindow.FromHours(15, 0, 10, 0)) };

        var failure = new JourneyPlanner(Fast()).Plan(Small(overlapping, inverted), null, TestContext.Current.CancellationToken).AsT1;

        Assert.Equal(
            [(ModelErrorCode.InvertedTimeWindow, "inverted", "OpeningHours.Tuesday"), (ModelErrorCode.OverlappingTimeWindows, "overlap", "OpeningHours.Monday")],
            failure.Errors.Select(e => (e.Code, e.Ids[0], e.Field)));
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 10)]
    public void Plan_SameSeedShuffledInput_IdenticalPlan(JourneyCase c)
    {
        var request = c.Request;
        var shuffled = request with
        {
            Accounts = [.. request.Accounts.Reverse()],
            Positions = [.. request.Positions.Reverse()],
        };
        var a = PlanOf(request);
        var b = PlanOf(shuffled);
        Assert.Equal(Describe(a), Describe(b));
        Assert.Equal(a.Cost, b.Cost);
    }

    /// <summary>Positions interchangeable per visit and a tight daily load: the inter-route moves and the penalised limits are at work.</summary>
    private static (JourneyPlanRequest Request, JourneyPlannerOptions Options) Interchangeable(JourneyCase c, int parallelism = 1)
    {
        var request = c.Request with { Positions = [.. c.Request.Positions.Select(p => p with { MaxLoadPerDay = 3 })] };
        var options = Fast();
        options.KeepPositionPerAccount = false;
        options.Parallelism = parallelism;
        return (request, options);
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 25)]
    public void Plan_InterchangeablePositionsTightLoad_EvaluatorFindsNoViolationAndAgrees(JourneyCase c)
    {
        var (request, options) = Interchangeable(c);
        var plan = PlanOf(request, options);
        var evaluation = JourneyPlanEvaluator.Evaluate(request, plan, options);
        Assert.Empty(evaluation.Violations);
        Assert.Equal(plan.Kpis.TotalDistanceMetres, evaluation.TotalDistanceMetres, 1e-3);
        Assert.All(plan.Routes, r => Assert.True(r.Visits.Sum(v => request.Accounts.Single(a => a.Id == v.Account).Visit!.Load) <= 3));
        var planned = plan.Routes.SelectMany(r => r.Visits.Select(v => (v.Account, r.Day))).ToLookup(x => x.Account, x => x.Day);
        foreach (var account in request.Accounts.Where(a => plan.Unplanned.All(u => u.Account != a.Id)))
        {
            var days = planned[account.Id].Order().ToList();
            Assert.Contains(account.Visit!.AllowedPatterns(request.Cycle), p => p.Days.SequenceEqual(days));
        }
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 10)]
    public void Plan_ParallelSearchesSameSeed_IdenticalPlan(JourneyCase c)
    {
        var (request, options) = Interchangeable(c, parallelism: 2);
        var a = PlanOf(request, options);
        var b = PlanOf(request with { Accounts = [.. request.Accounts.Reverse()] }, options);
        Assert.Equal(Describe(a), Describe(b));
        Assert.Equal(a.Cost, b.Cost);
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 10)]
    public void Plan_MoreParallelSearches_NeverWorseThanTheFirstAlone(JourneyCase c)
    {
        var (request, one) = Interchangeable(c);
        var (_, two) = Interchangeable(c, parallelism: 2);
        var alone = PlanOf(request, one);
        var together = PlanOf(request, two);
        var (aloneUnplanned, togetherUnplanned) = (alone.Unplanned.Sum(u => u.Visits), together.Unplanned.Sum(u => u.Visits));
        Assert.True(togetherUnplanned < aloneUnplanned || (togetherUnplanned == aloneUnplanned && together.Cost <= alone.Cost + 1e-6));
    }

    private static string Describe(JourneyPlan plan) =>
        string.Join("\n", plan.Routes.Select(r => $"{r.Position} {r.Day}: {string.Join(" ", r.Visits.Select(v => $"{v.Account}@{v.Start}"))}"))
        + "|" + string.Join(",", plan.Unplanned.Select(u => $"{u.Account}:{u.Reason}"));

    private static JourneyPlanRequest Small(params Account[] accounts) => new(
        [new SalesPosition(new PositionId("rep")) { Base = new GeoPoint(0, 0) }],
        JourneyCycle.Create(2),
        [.. accounts],
        new EuclideanTravelModel(1000, 40 / 3.6));

    private static Account Outlet(string id, double x, double y, VisitFrequency frequency) =>
        new(new AccountId(id), new GeoPoint(x, y)) { Visit = VisitRequirement.Of(frequency) };

    [Fact]
    public void Plan_FrequencyAboveWorkingDays_UnplannedWithNoAllowedPattern()
    {
        var plan = PlanOf(Small(Outlet("ok", 1, 1, VisitFrequency.PerWeek(1)), Outlet("daily+", 2, 2, VisitFrequency.PerWeek(6))));
        var u = Assert.Single(plan.Unplanned);
        Assert.Equal(new AccountId("daily+"), u.Account);
        Assert.Equal(UnplannedReason.NoAllowedPattern, u.Reason);
        Assert.Equal(2, plan.Kpis.Visits);
    }

    [Fact]
    public void Plan_EmptyPatternList_UnplannedWithNoAllowedPattern()
    {
        var account = new Account(new AccountId("x"), new GeoPoint(1, 1)) { Visit = new VisitRequirement { Patterns = [new VisitPattern([40])] } };
        var plan = PlanOf(Small(account));
        Assert.Equal(UnplannedReason.NoAllowedPattern, Assert.Single(plan.Unplanned).Reason);
    }

    [Fact]
    public void Plan_OpeningHoursNeverMeetWorkingHours_UnplannedWithReason()
    {
        var evening = Outlet("bar", 1, 1, VisitFrequency.PerWeek(1)) with { OpeningHours = OpeningHours.Weekly(JourneyCycle.Create(1).WorkingDays, TimeWindow.FromHours(19, 0, 23, 0)) };
        var plan = PlanOf(Small(evening, Outlet("shop", 2, 1, VisitFrequency.PerWeek(1))));
        var u = Assert.Single(plan.Unplanned);
        Assert.Equal(UnplannedReason.OpeningHoursUnreachable, u.Reason);
        Assert.Equal(2, u.Visits);
        Assert.Equal(0.5, u.ShortfallHours, 1e-6);
    }

    [Fact]
    public void Plan_ZeroPositions_EveryAccountUnplannedWithoutException()
    {
        var request = Small(Outlet("a", 1, 1, VisitFrequency.PerWeek(1)), Outlet("b", 2, 2, VisitFrequency.EveryWeeks(2))) with { Positions = [] };
        var plan = PlanOf(request);
        Assert.Empty(plan.Routes);
        Assert.All(plan.Unplanned, u => Assert.Equal(UnplannedReason.NoEligiblePosition, u.Reason));
        Assert.Equal(2, plan.Unplanned.Length);
    }

    [Fact]
    public void Plan_NaNCoordinates_FailureNamesAccountAndField()
    {
        var request = Small(Outlet("good", 1, 1, VisitFrequency.PerWeek(1)), Outlet("bad", double.NaN, 2, VisitFrequency.PerWeek(1)));
        var failure = new JourneyPlanner(Fast()).Plan(request, null, TestContext.Current.CancellationToken).AsT1;
        var error = Assert.Single(failure.Errors);
        Assert.Equal(ModelErrorCode.InvalidCoordinate, error.Code);
        Assert.Equal("bad", Assert.Single(error.Ids));
        Assert.Equal("Location", error.Field);
    }

    [Fact]
    public void Plan_Overloaded_PlansWhatFitsAndCapacityCheckShowsShortfall()
    {
        var accounts = Enumerable.Range(0, 60).Select(i => Outlet($"a{i:00}", i % 8, i / 8, VisitFrequency.PerWeek(5)) with { ServiceTime = TimeSpan.FromMinutes(30) }).ToArray();
        var request = Small(accounts);
        var planner = new JourneyPlanner(Fast());
        var capacity = Assert.Single(planner.CheckCapacity(request).AsT0);
        Assert.True(capacity.ShortfallHours > 100);
        var plan = planner.Plan(request, null, TestContext.Current.CancellationToken).AsT0;
        Assert.NotEmpty(plan.Unplanned);
        Assert.All(plan.Unplanned, u => Assert.Equal(UnplannedReason.NoCapacity, u.Reason));
        Assert.Empty(JourneyPlanEvaluator.Evaluate(request, plan, Fast()).Violations);
    }

    [Fact]
    public void Plan_HardTerritory_OnlyCoveringPositionVisits()
    {
        var north = new Territory(new TerritoryId("north")) { Positions = [new PositionId("far")] };
        var request = Small(Outlet("a", 1, 1, VisitFrequency.PerWeek(1)) with { Territory = north.Id }) with
        {
            Positions = [new SalesPosition(new PositionId("near")) { Base = new GeoPoint(0, 0) }, new SalesPosition(new PositionId("far")) { Base = new GeoPoint(50, 50) }],
            Territories = [north],
        };
        var plan = PlanOf(request);
        Assert.All(plan.Routes, r => Assert.Equal(new PositionId("far"), r.Position));
        Assert.Empty(plan.Crossings);
        var soft = PlanOf(request, new JourneyPlannerOptions { MaxIterations = 100, TerritoryRule = TerritoryRule.Soft, TerritoryPenalty = 0 });
        Assert.All(soft.Routes, r => Assert.Equal(new PositionId("near"), r.Position));
        Assert.Equal(2, soft.Crossings.Length);
    }

    [Fact]
    public void Plan_NamedAccount_VisitedByTheNamingTerritorysPosition()
    {
        var north = new Territory(new TerritoryId("north")) { Positions = [new PositionId("near")] };
        var key = new Territory(new TerritoryId("key")) { Positions = [new PositionId("far")], NamedAccounts = [new AccountId("a")] };
        var request = Small(Outlet("a", 1, 1, VisitFrequency.PerWeek(1)) with { Territory = north.Id }, Outlet("b", 1, 2, VisitFrequency.PerWeek(1)) with { Territory = north.Id }) with
        {
            Positions = [new SalesPosition(new PositionId("near")) { Base = new GeoPoint(0, 0) }, new SalesPosition(new PositionId("far")) { Base = new GeoPoint(50, 50) }],
            Territories = [north, key],
        };

        var plan = PlanOf(request);

        Assert.All(plan.Routes.Where(r => r.Visits.Any(v => v.Account == new AccountId("a"))), r => Assert.Equal(new PositionId("far"), r.Position));
        Assert.All(plan.Routes.Where(r => r.Visits.Any(v => v.Account == new AccountId("b"))), r => Assert.Equal(new PositionId("near"), r.Position));
        Assert.Equal(4, plan.Kpis.Visits);
        Assert.Empty(plan.Crossings);
    }

    [Fact]
    public void Plan_CancelledBeforeStart_ReturnsPlanMarkedCancelled()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var plan = new JourneyPlanner(new JourneyPlannerOptions()).Plan(Small(Outlet("a", 1, 1, VisitFrequency.PerWeek(1))), null, cts.Token).AsT0;
        Assert.Equal(JourneyPlanStatus.Cancelled, plan.Status);
        // Issue 17: the token now stops the preparation too, so nothing is planned and the account says why.
        Assert.Empty(plan.Routes);
        var u = Assert.Single(plan.Unplanned);
        Assert.Equal(UnplannedReason.NotReached, u.Reason);
    }

    private static JourneyPlanRequest Many(int count) => new(
        [new SalesPosition(new PositionId("rep")) { Base = new GeoPoint(0, 0) }],
        JourneyCycle.Create(2),
        [.. Enumerable.Range(0, count).Select(i => Outlet($"a{i:D6}", 0.01 * (1 + (i % 100)), 0.01 * (1 + (i / 100)), VisitFrequency.PerWeek(1)))],
        new EuclideanTravelModel(1000, 40 / 3.6));

    [Fact]
    public void Plan_PreCancelledTokenOnHundredsOfAccounts_ReturnsPromptlyWithEveryAccountNotReached()
    {
        // Issue 17: the preparation (matrix, patterns, neighbours) ignored the token.
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var request = Many(400);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var plan = new JourneyPlanner(new JourneyPlannerOptions { TimeLimit = TimeSpan.FromMinutes(5) }).Plan(request, null, cts.Token).AsT0;
        watch.Stop();

        Assert.Equal(JourneyPlanStatus.Cancelled, plan.Status);
        Assert.Empty(plan.Routes);
        Assert.Equal(400, plan.Unplanned.Length);
        Assert.All(plan.Unplanned, u => Assert.Equal(UnplannedReason.NotReached, u.Reason));
        Assert.Equal(request.Accounts.Select(a => a.Id).Order(), plan.Unplanned.Select(u => u.Account));
        Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Plan_TimeLimitPassedDuringPreparation_ReturnsMarkedTimeLimitReached()
    {
        // The stepping clock moves a second per reading; the preparation reads it every few accounts.
        var plan = new JourneyPlanner(new JourneyPlannerOptions { TimeLimit = TimeSpan.FromSeconds(3) }, new SteppingClock())
            .Plan(Many(300), null, TestContext.Current.CancellationToken).AsT0;

        Assert.Equal(JourneyPlanStatus.TimeLimitReached, plan.Status);
        Assert.Empty(plan.Routes);
        Assert.Equal(0, plan.Iterations);
        Assert.All(plan.Unplanned, u => Assert.Equal(UnplannedReason.NotReached, u.Reason));
    }

    [Fact]
    public void SizeError_OneLocationMoreThanAMatrixHolds_IsTooLargeNamingCountAndLimit()
    {
        Assert.Null(Territories.Journeys.Planning.JourneyProblem.SizeError(46_340));
        var error = Territories.Journeys.Planning.JourneyProblem.SizeError(46_341);
        Assert.NotNull(error);
        Assert.Equal(ModelErrorCode.TooLarge, error.Code);
        Assert.Contains("46341", error.Message, StringComparison.Ordinal);
        Assert.Contains("46340", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_MoreLocationsThanAMatrixHolds_ReturnsTooLargeBeforeBuildingTheMatrix()
    {
        // Issue 17: 46,341 locations threw OverflowException from TravelMatrix.Build. One base plus
        // 46,340 accounts is one too many; the check comes before any matrix is allocated.
        var failure = new JourneyPlanner(Fast()).Plan(Many(46_340), null, TestContext.Current.CancellationToken).AsT1;

        var error = Assert.Single(failure.Errors);
        Assert.Equal(ModelErrorCode.TooLarge, error.Code);
        Assert.Contains("46341", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_TimeLimitOnInjectedClock_StopsMarkedTimeLimitReached()
    {
        var clock = new SteppingClock();
        var plan = new JourneyPlanner(new JourneyPlannerOptions { TimeLimit = TimeSpan.FromSeconds(20) }, clock)
            .Plan(Small(Outlet("a", 1, 1, VisitFrequency.PerWeek(1)), Outlet("b", 3, 1, VisitFrequency.PerWeek(1))), null, TestContext.Current.CancellationToken).AsT0;
        Assert.Equal(JourneyPlanStatus.TimeLimitReached, plan.Status);
        Assert.InRange(plan.Iterations, 1, 25);
    }

    [Fact]
    public void Plan_MaxIterationsWithoutImprovementOnSmallPlan_StopsLongBeforeTheTimeLimit()
    {
        // Found by issue 17: on this plan the objective is about 1.25e6, and the rounding drift of the
        // incrementally kept total (about 1e-7) used to count as an improvement, so the search ran to the
        // time limit and reported the same cost again and again.
        var request = TwoRepsAroundColumbus();
        var options = new JourneyPlannerOptions { Seed = 3, TimeLimit = TimeSpan.FromSeconds(10), MaxIterationsWithoutImprovement = 2_000, BalanceWeight = 1 };
        var reports = new List<JourneyPlanProgress>();
        var plan = new JourneyPlanner(options).Plan(request, new Collect(reports), TestContext.Current.CancellationToken).AsT0;
        Assert.Equal(JourneyPlanStatus.Completed, plan.Status);
        Assert.InRange(plan.Iterations, 2_000, 40_000);
        var during = reports.Take(reports.Count - 1).ToList();
        Assert.All(during.Zip(during.Skip(1)), pair => Assert.True(pair.Second.BestCost < pair.First.BestCost, $"{pair.Second.BestCost:R} after {pair.First.BestCost:R}"));
    }

    private static JourneyPlanRequest TwoRepsAroundColumbus()
    {
        var weekdays = JourneyCycle.Create(1).WorkingDays;
        var accounts = Enumerable.Range(0, 26).Select(i => new Account(new AccountId($"o{i:00}"), new GeoPoint(-83 + ((i * 7 % 11) * 0.03), 40 + ((i * 5 % 9) * 0.03)))
        {
            Visit = VisitRequirement.Of(i % 3 == 0 ? VisitFrequency.PerWeek(2) : VisitFrequency.PerWeek(1)),
            ServiceTime = TimeSpan.FromMinutes(75),
            OpeningHours = i % 4 == 0 ? OpeningHours.Weekly(weekdays, TimeWindow.FromHours(9, 0, 13, 0)) : OpeningHours.AlwaysOpen,
        });
        return new JourneyPlanRequest(
            [new SalesPosition(new PositionId("rep")) { Base = new GeoPoint(-82.9, 40.1) }, new SalesPosition(new PositionId("rep2")) { Base = new GeoPoint(-82.8, 40.1) }],
            JourneyCycle.Create(4),
            [.. accounts],
            new GreatCircleTravelModel());
    }

    /// <summary>Collects progress reports synchronously, in the order the planner makes them.</summary>
    private sealed class Collect(List<JourneyPlanProgress> reports) : IProgress<JourneyPlanProgress>
    {
        public void Report(JourneyPlanProgress value) => reports.Add(value);
    }

    /// <summary>A clock that moves one second every time it is read.</summary>
    private sealed class SteppingClock : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks += TimeSpan.TicksPerSecond;
    }

    [Fact]
    public void Constructor_BadOptions_ThrowsListingEveryFailure()
    {
        var ex = Assert.Throws<ArgumentException>(() => new JourneyPlanner(new JourneyPlannerOptions { TimeLimit = TimeSpan.Zero, BalanceWeight = double.NaN, Parallelism = 0 }));
        Assert.Contains("TimeLimit", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Parallelism", ex.Message, StringComparison.Ordinal);
        Assert.Contains("BalanceWeight", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_NullRequest_Throws() =>
        Assert.Throws<ArgumentNullException>("request", () => new JourneyPlanner().Plan(null!, null, TestContext.Current.CancellationToken));

    [Fact]
    public void Plan_SingleDay_RouteIsOptimalOrder()
    {
        // Four outlets on a square around the base: the optimal tour is the perimeter (4 × 2 km + 2 × √2 km legs to and from the corners is worse).
        var accounts = new[] { (1, 1), (1, -1), (-1, -1), (-1, 1) }.Select((p, i) => Outlet($"s{i}", p.Item1, p.Item2, VisitFrequency.PerCycle(1)) with { ServiceTime = TimeSpan.FromMinutes(5) }).ToArray();
        var request = Small(accounts) with { Cycle = JourneyCycle.Create(1, [DayOfWeek.Monday]) };
        var plan = PlanOf(request);
        var route = Assert.Single(plan.Routes);
        Assert.Equal((2 * Math.Sqrt(2) * 1000) + (3 * 2000), route.DistanceMetres, 1e-3);
    }
}
