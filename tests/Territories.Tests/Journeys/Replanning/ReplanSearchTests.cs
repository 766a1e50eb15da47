using FsCheck.Xunit;
using Territories.Journeys;
using Territories.Journeys.Planning;
using Territories.Journeys.Replanning;

namespace Territories.Tests.Journeys.Replanning;

/// <summary>
/// The re-planner's search: customers the freeze leaves one place only are pinned and no ruin removes them;
/// the change budget and the freeze hold for any budget.
/// </summary>
public class ReplanSearchTests
{
    private static JourneyPlannerOptions Fast(int seed = 5) => new() { Seed = seed, MaxIterations = 300, TimeLimit = TimeSpan.FromMinutes(5) };

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 25)]
    public void Constrain_FrozenWeek_PinnedCustomersHaveOnePlaceAndNoRuinRemovesThem(ReplanCase c)
    {
        var options = Fast();
        var problem = JourneyProblem.Create(c.After, options).AsT0;
        var state = new ReplanState(problem, new ReplanRequest(c.Previous, c.After) { FreezeDays = c.Week }, keepPosition: true);
        if (state.Constrain(movers: null).Count > 0)
        {
            return;
        }

        int D = problem.DayCount, P = problem.PositionCount;
        for (var k = 0; k < problem.CustomerCount; k++)
        {
            if (!problem.IsPinned(k))
            {
                continue;
            }

            Assert.Single(problem.Patterns[k]);
            foreach (var d in problem.Patterns[k][0])
            {
                Assert.Single(Enumerable.Range(0, P), p => problem.MayVisit(k, p, d) && problem.Works[(p * D) + d]);
            }
        }

        var relaxation = new Relaxation(problem);
        var solution = new Solution(problem, relaxation);
        state.SeedFromPrevious(solution);
        new Recreate(problem, relaxation).Run(solution, [.. Enumerable.Range(0, problem.CustomerCount).Where(k => solution.Pattern[k] < 0)], new Random(1), blinks: false);
        IRuin[] ruins = [new RandomRuin(3), new RadialRuin(problem, 3), new StringRuin(problem, 3, 4)];
        var random = new Random(c.Seed);
        foreach (var ruin in ruins)
        {
            for (var round = 0; round < 10; round++)
            {
                var removed = new List<int>();
                ruin.Apply(solution, random, removed);
                Assert.DoesNotContain(removed, problem.IsPinned);
                foreach (var k in removed)
                {
                    Assert.True(solution.Pattern[k] < 0);
                }

                new Recreate(problem, relaxation).Run(solution, removed, random, blinks: false);
            }
        }
    }

    [Fact]
    public void Constrain_FrozenWeek_SomeCasesPinAccountsAndNoneAll()
    {
        var counts = new List<(int Pinned, int Customers)>();
        for (var seed = 0; seed < 20; seed++)
        {
            var c = new ReplanCase(seed);
            var problem = JourneyProblem.Create(c.After, Fast()).AsT0;
            var state = new ReplanState(problem, new ReplanRequest(c.Previous, c.After) { FreezeDays = c.Week }, keepPosition: true);
            if (state.Constrain(movers: null).Count == 0)
            {
                counts.Add((Enumerable.Range(0, problem.CustomerCount).Count(problem.IsPinned), problem.CustomerCount));
            }
        }

        Assert.Contains(counts, x => x.Pinned > 0);
        Assert.Contains(counts, x => x.Pinned < x.Customers);
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 15)]
    public void Create_PlanningFromScratch_NothingPinned(JourneyCase c)
    {
        var problem = JourneyProblem.Create(c.Request, Fast()).AsT0;
        Assert.Empty(problem.Pinned);
        Assert.DoesNotContain(Enumerable.Range(0, problem.CustomerCount), problem.IsPinned);
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 25)]
    public void Replan_AnyBudgetFrozenWeek_BudgetAndFreezeHeldAndPlanFeasible(ReplanCase c, int draw)
    {
        var budget = ((draw % 4) + 4) % 4;
        var result = new JourneyReplanner(Fast()).Replan(new ReplanRequest(c.Previous, c.After) { FreezeDays = c.Week, MaxMovedAccounts = budget }, null, TestContext.Current.CancellationToken).AsT0;
        Assert.InRange(result.Figures.MovedKeptAccounts, 0, budget);
        Assert.Equal(0, result.Figures.FrozenVisitsChanged);
        Assert.Empty(JourneyPlanEvaluator.Evaluate(c.After, result.Plan, Fast()).Violations);
    }
}
