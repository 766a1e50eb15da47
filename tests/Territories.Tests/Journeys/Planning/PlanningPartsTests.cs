using FsCheck.Xunit;
using Territories.Internal;
using Territories.Journeys;
using Territories.Journeys.Planning;

namespace Territories.Tests.Journeys.Planning;

/// <summary>
/// The parts of the periodic planner tested one by one, each with its law, on generated requests:
/// the solution's bookkeeping, the three ruin operators, greedy reinsertion, the inter-route moves,
/// customer relocation, the intra-route improvement and the adaptive relaxation.
/// </summary>
public class PlanningPartsTests
{
    /// <summary>A problem, its relaxation, and a first solution made by greedy insertion of every customer.</summary>
    private sealed record Setup(JourneyPlanRequest Request, JourneyPlannerOptions Options, JourneyProblem Problem, Relaxation Relaxation, Recreate Recreate, Solution Solution);

    private static Setup Start(JourneyCase c, bool keepPosition = true, int seed = 1)
    {
        var options = new JourneyPlannerOptions { KeepPositionPerAccount = keepPosition };
        var problem = JourneyProblem.Create(c.Request, options).AsT0;
        var relaxation = new Relaxation(problem);
        var recreate = new Recreate(problem, relaxation);
        var solution = new Solution(problem, relaxation);
        recreate.Run(solution, [.. Enumerable.Range(0, problem.CustomerCount)], new Random(seed), blinks: false);
        return new Setup(c.Request, options, problem, relaxation, recreate, solution);
    }

    /// <summary>
    /// The solution's books agree with its routes: a planned customer is on exactly the days of its
    /// pattern, once each, with the positions it records; an unplanned one is on no route; the
    /// unplanned visits and the total are what the routes say.
    /// </summary>
    private static void AssertConsistent(JourneyProblem pb, Solution s)
    {
        var D = pb.DayCount;
        var seen = new int[pb.CustomerCount];
        for (var r = 0; r < s.Count.Length; r++)
        {
            var onRoute = new HashSet<int>();
            for (var i = 0; i < s.Count[r]; i++)
            {
                var c = s.Nodes[r][i];
                Assert.True(onRoute.Add(c), $"customer {c} twice on route {r}");
                seen[c]++;
            }
        }

        var unplannedVisits = pb.Patterns.Sum(ps => ps.Min(p => p.Length));
        for (var c = 0; c < pb.CustomerCount; c++)
        {
            if (s.Pattern[c] < 0)
            {
                Assert.Equal(0, seen[c]);
                continue;
            }

            var days = pb.Patterns[c][s.Pattern[c]];
            unplannedVisits -= days.Length;
            Assert.Equal(days.Length, seen[c]);
            for (var i = 0; i < days.Length; i++)
            {
                var r = (s.VisitPosition[c][i] * D) + days[i];
                Assert.Contains(c, s.Nodes[r].Take(s.Count[r]));
                Assert.True(pb.Eligible[(c * pb.PositionCount) + s.VisitPosition[c][i]], $"customer {c} with an ineligible position");
            }

            if (pb.KeepPosition)
            {
                Assert.Single(s.VisitPosition[c].Take(days.Length).Distinct());
            }
        }

        Assert.Equal(unplannedVisits, s.UnplannedVisits);
        var total = s.Total;
        s.Refresh();
        Assert.Equal(total, s.Total, Math.Max(1e-6, Math.Abs(total) * 1e-9));
    }

    /// <summary>The plan the solution stands for, checked by the independent evaluator: no violation when no route is in excess.</summary>
    private static void AssertFeasible(Setup setup)
    {
        Assert.True(setup.Solution.Feasible);
        var plan = PlanBuilder.Build(setup.Problem, setup.Solution, JourneyPlanStatus.Completed, 0);
        Assert.Empty(JourneyPlanEvaluator.Evaluate(setup.Request, plan, setup.Options).Violations);
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 40)]
    public void Recreate_FromEmpty_ConsistentFeasibleAndEachCustomerOnAnAllowedPattern(JourneyCase c)
    {
        var setup = Start(c);
        AssertConsistent(setup.Problem, setup.Solution);
        AssertFeasible(setup);
        Assert.All(Enumerable.Range(0, setup.Problem.CustomerCount), i => Assert.InRange(setup.Solution.Pattern[i], -1, setup.Problem.Patterns[i].Length - 1));
    }

    [Theory]
    [InlineData(5, 10, 1)]
    [InlineData(50, 10, 5)]
    [InlineData(100, 10, 10)]
    [InlineData(200, 10, 10)]
    [InlineData(417, 10, 20.85)]
    [InlineData(600, 10, 30)]
    [InlineData(1000, 10, 30)]
    [InlineData(600, 40, 40)]
    [InlineData(300, 40, 30)]
    public void AverageRemoved_ByCustomers_OptionUpToTwoHundredThenOneInTwentyUpToThirtyAtMostATenth(int customers, double option, double expected)
    {
        Assert.Equal(expected, RuinRecreateSearch.AverageRemoved(customers, option), 1e-9);
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 40)]
    public void Ruin_AnyOperator_RemovesWholeCustomersOnlyAndKeepsTheRestAsItWas(JourneyCase c)
    {
        var setup = Start(c);
        IRuin[] ruins = [new RandomRuin(3), new RadialRuin(setup.Problem, 3), new StringRuin(setup.Problem, 3, 4)];
        var random = new Random(5);
        foreach (var ruin in ruins)
        {
            var before = (int[])setup.Solution.Pattern.Clone();
            var positions = setup.Solution.VisitPosition.Select(v => (int[])v.Clone()).ToArray();
            var removed = new List<int>();

            ruin.Apply(setup.Solution, random, removed);

            Assert.Equal(removed.Count, removed.Distinct().Count());
            Assert.All(removed, r => Assert.True(before[r] >= 0 && setup.Solution.Pattern[r] < 0, $"{ruin.GetType().Name}: customer {r} was not planned or is still planned"));
            if (before.Any(p => p >= 0))
            {
                Assert.NotEmpty(removed);
            }

            for (var k = 0; k < before.Length; k++)
            {
                if (!removed.Contains(k))
                {
                    Assert.Equal(before[k], setup.Solution.Pattern[k]);
                    Assert.Equal(positions[k], setup.Solution.VisitPosition[k]);
                }
            }

            AssertConsistent(setup.Problem, setup.Solution);
            setup.Recreate.Run(setup.Solution, removed, random, blinks: true);
            AssertConsistent(setup.Problem, setup.Solution);
            AssertFeasible(setup);
        }
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 30)]
    public void InterRouteSearch_PositionsInterchangeable_NeverWorseConsistentAndFeasible(JourneyCase c)
    {
        var setup = Start(c, keepPosition: false);
        var search = new InterRouteSearch(setup.Problem, setup.Relaxation);
        var patterns = (int[])setup.Solution.Pattern.Clone();
        for (var d = 0; d < setup.Problem.DayCount; d++)
        {
            var before = setup.Solution.Total;
            var changed = search.ImproveDay(setup.Solution, d, new Random(d), StopCondition.Never);
            Assert.True(setup.Solution.Total <= before + 1e-6, $"day {d}: {before} -> {setup.Solution.Total}");
            if (!changed)
            {
                Assert.Equal(before, setup.Solution.Total);
            }
        }

        // Moves change who visits and in which order, never on which days.
        Assert.Equal(patterns, setup.Solution.Pattern);
        AssertConsistent(setup.Problem, setup.Solution);
        AssertFeasible(setup);
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 30)]
    public void InterRouteSearch_OnePositionPerAccount_ChangesNothing(JourneyCase c)
    {
        var setup = Start(c, keepPosition: true);
        var search = new InterRouteSearch(setup.Problem, setup.Relaxation);
        var total = setup.Solution.Total;
        Assert.All(Enumerable.Range(0, setup.Problem.DayCount), d => Assert.False(search.ImproveDay(setup.Solution, d, new Random(d), StopCondition.Never)));
        Assert.Equal(total, setup.Solution.Total);
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 30)]
    public void CustomerRelocation_Pass_NeverWorseNeverLosesACustomerAndStaysFeasible(JourneyCase c)
    {
        var setup = Start(c);
        var relocation = new CustomerRelocation(setup.Problem, setup.Recreate);
        var planned = setup.Solution.Pattern.Count(p => p >= 0);
        var before = setup.Solution.Total;

        var improved = relocation.Pass(setup.Solution, new Random(3), StopCondition.Never);

        Assert.True(setup.Solution.Total <= before + 1e-6, $"{before} -> {setup.Solution.Total}");
        Assert.True(improved || Math.Abs(setup.Solution.Total - before) < 1e-6);
        Assert.True(setup.Solution.Pattern.Count(p => p >= 0) >= planned);
        AssertConsistent(setup.Problem, setup.Solution);
        AssertFeasible(setup);
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 30)]
    public void RouteImprover_EveryRoute_SameCustomersNeverWorseAndFeasible(JourneyCase c)
    {
        var setup = Start(c);
        var improver = new RouteImprover(setup.Problem, setup.Relaxation, new Random(2));
        for (var r = 0; r < setup.Solution.Count.Length; r++)
        {
            var customers = setup.Solution.Nodes[r].Take(setup.Solution.Count[r]).Order().ToList();
            var cost = setup.Solution.RouteCost[r];

            improver.Improve(setup.Solution, r);

            Assert.Equal(customers, setup.Solution.Nodes[r].Take(setup.Solution.Count[r]).Order());
            Assert.True(setup.Solution.RouteCost[r] <= cost + 1e-6, $"route {r}: {cost} -> {setup.Solution.RouteCost[r]}");
        }

        AssertConsistent(setup.Problem, setup.Solution);
        AssertFeasible(setup);
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 20)]
    public void Relaxation_Penalty_ZeroWithinLimitsInfiniteBeyondWhenHardPositiveWhenActive(JourneyCase c)
    {
        var setup = Start(c);
        var pb = setup.Problem;
        var relaxation = setup.Relaxation;
        for (var p = 0; p < pb.PositionCount; p++)
        {
            var withinLoad = Math.Min(pb.MaxLoad[p], 1e6);
            Assert.Equal(0, relaxation.Penalty(p, withinLoad, pb.DayEnd[p]));
            relaxation.Active = false;
            Assert.Equal(double.PositiveInfinity, relaxation.Penalty(p, withinLoad, pb.DayEnd[p] + 60));
            relaxation.Active = true;
            var soft = relaxation.Penalty(p, withinLoad, pb.DayEnd[p] + 60);
            Assert.True(soft > 0 && double.IsFinite(soft));
            Assert.Equal(relaxation.TimeWeight * 60, soft, 1e-9);
            relaxation.Active = false;
        }
    }

    [Fact]
    public void Relaxation_Observe_WeightsRiseWhenFewPlansAreFeasibleFallWhenManyAndStayBounded()
    {
        var setup = Start(new JourneyCase(1, [new PositionShape(0, 0, 17, false, null)], [new AccountShape(3, 4, 0, 8, 18, 0, 15, 0, 1)]));
        var relaxation = setup.Relaxation;
        var time = relaxation.TimeWeight;

        Assert.DoesNotContain(true, Enumerable.Range(0, 99).Select(_ => relaxation.Observe(false)).ToList());
        Assert.True(relaxation.Observe(false));
        Assert.Equal(time * 1.2, relaxation.TimeWeight, 1e-9);

        Assert.True(Enumerable.Range(0, 100).Select(_ => relaxation.Observe(true)).ToList()[^1]);
        Assert.Equal(time * 1.2 * 0.85, relaxation.TimeWeight, 1e-9);

        for (var i = 0; i < 100_000; i++)
        {
            relaxation.Observe(false);
        }

        Assert.Equal(setup.Problem.UnplannedPenalty, relaxation.TimeWeight, 1e-6);
        Assert.Equal(setup.Problem.UnplannedPenalty, relaxation.LoadWeight, 1e-6);
    }
}
