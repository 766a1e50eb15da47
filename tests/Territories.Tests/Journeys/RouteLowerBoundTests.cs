using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Territories.Journeys;
using Territories.Journeys.Planning;

namespace Territories.Tests.Journeys;

/// <summary>The Held–Karp route bound: never above the best tour, exact where the 1-tree is a tour, and what the planner reports per route and plan.</summary>
public class RouteLowerBoundTests
{
    /// <summary>Law: on 2 to 8 random points the bound is at most the optimal tour (found by trying every order) and at least 70 % of it.</summary>
    [Property(MaxTest = 60)]
    public Property Of_RandomPoints_AtMostTheOptimalTourAndClose() => Prop.ForAll(
        Gen.Choose(2, 8).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 1000).Two(), n)).ToArbitrary(),
        points =>
        {
            double D(int i, int j) => Math.Sqrt(Math.Pow(points[i].Item1 - points[j].Item1, 2) + Math.Pow(points[i].Item2 - points[j].Item2, 2));
            var bound = RouteLowerBound.Of(points.Length, D);
            var best = Permutations([.. Enumerable.Range(1, points.Length - 1)]).Min(order =>
            {
                var tour = 0.0;
                var prev = 0;
                foreach (var i in order)
                {
                    tour += D(prev, i);
                    prev = i;
                }

                return tour + D(prev, 0);
            });
            return bound <= best + 1e-6 && (best < 1e-9 || bound >= 0.7 * best);
        });

    [Fact]
    public void Of_PointsOnACircle_ExactTour()
    {
        var n = 9;
        double X(int i) => Math.Cos(2 * Math.PI * i / n);
        double Y(int i) => Math.Sin(2 * Math.PI * i / n);
        var bound = RouteLowerBound.Of(n, (i, j) => Math.Sqrt(Math.Pow(X(i) - X(j), 2) + Math.Pow(Y(i) - Y(j), 2)));
        Assert.Equal(2 * n * Math.Sin(Math.PI / n), bound, 1e-6);
    }

    [Fact]
    public void Of_AsymmetricDistances_BoundedByTheCheaperDirection()
    {
        // Base and one stop: out 10, back 4; the bound takes 4 twice, below the true 14.
        Assert.Equal(8, RouteLowerBound.Of(2, (i, j) => i == 0 ? 10 : 4));
        Assert.Equal(0, RouteLowerBound.Of(1, (_, _) => 5));
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 15)]
    public void Plan_EveryRouteHasABoundAtMostItsDistanceAndThePlanTheirSum(JourneyCase c)
    {
        var plan = new JourneyPlanner(new JourneyPlannerOptions { MaxIterations = 300 }).Plan(c.Request, null, TestContext.Current.CancellationToken).AsT0;

        Assert.All(plan.Routes, r => Assert.InRange(r.DistanceLowerBoundMetres!.Value, 0, r.DistanceMetres + 1e-6));
        Assert.Equal(plan.Routes.Sum(r => r.DistanceLowerBoundMetres!.Value), plan.Kpis.DistanceLowerBoundMetres!.Value, 1e-6);
        Assert.True(plan.Kpis.BoundGap >= -1e-9);
    }

    private static IEnumerable<int[]> Permutations(int[] items)
    {
        if (items.Length <= 1)
        {
            yield return items;
            yield break;
        }

        for (var i = 0; i < items.Length; i++)
        {
            var rest = items.Where((_, k) => k != i).ToArray();
            foreach (var tail in Permutations(rest))
            {
                yield return [items[i], .. tail];
            }
        }
    }
}
