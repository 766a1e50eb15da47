using FsCheck.Xunit;
using Territories.Journeys;
using Territories.Journeys.Planning;
using Territories.Model;
using Territories.Travel;

namespace Territories.Tests.Journeys.Planning;

/// <summary>
/// Greedy reinsertion reads the legs an insertion replaces from the route's own arrays, and the leg into
/// the customer from the customer's row when the stored tables are symmetric. Its price of the cheapest
/// place must still be the exact change of the route's cost, on symmetric and on one-way (skewed) legs.
/// </summary>
public class InsertionLegsTests
{
    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 40)]
    public void BestPlace_AnyRoute_IsTheExactCheapestChangeOfTheRouteCost(JourneyCase c, bool skewed)
    {
        var request = skewed ? c.Request with { TravelModel = new Skewed(c.Request.TravelModel) } : c.Request;
        var problem = JourneyProblem.Create(request, new JourneyPlannerOptions()).AsT0;
        Assert.Equal(!skewed, problem.SymmetricLegs);
        var relaxation = new Relaxation(problem);
        var recreate = new Recreate(problem, relaxation);
        var solution = new Solution(problem, relaxation);
        recreate.Run(solution, [.. Enumerable.Range(0, problem.CustomerCount)], new Random(1), blinks: false);

        var D = problem.DayCount;
        for (var u = 0; u < problem.CustomerCount; u++)
        {
            var pattern = solution.Pattern[u];
            var positions = pattern < 0 ? [] : solution.VisitPosition[u].Take(problem.Patterns[u][pattern].Length).ToArray();
            var places = pattern < 0 ? [] : problem.Patterns[u][pattern].Select((d, i) =>
            {
                var r = (positions[i] * D) + d;
                return Array.IndexOf(solution.Nodes[r], u, 0, solution.Count[r]);
            }).ToArray();
            solution.Remove(u);

            foreach (var d in problem.PatternDays[u])
            {
                for (var p = 0; p < problem.PositionCount; p++)
                {
                    var r = (p * D) + d;
                    if (!problem.Works[r] || !problem.MayVisit(u, p, d))
                    {
                        continue;
                    }

                    var order = solution.Nodes[r].AsSpan(0, solution.Count[r]).ToArray();
                    var before = RouteEvaluation.Cost(problem, relaxation, r, order);
                    var expected = Enumerable.Range(0, order.Length + 1)
                        .Min(i => RouteEvaluation.Cost(problem, relaxation, r, [.. order[..i], u, .. order[i..]]) - before);

                    var actual = recreate.BestPlace(solution, u, r, new Random(1), blinks: false, out var at);

                    if (double.IsPositiveInfinity(expected))
                    {
                        Assert.True(double.IsPositiveInfinity(actual), $"customer {u}, route {r}: {actual} where no place is feasible");
                        continue;
                    }

                    var tolerance = 1e-6 * Math.Max(1, Math.Abs(expected));
                    Assert.Equal(expected, actual, tolerance);
                    Assert.Equal(expected, RouteEvaluation.Cost(problem, relaxation, r, [.. order[..at], u, .. order[at..]]) - before, tolerance);
                }
            }

            if (pattern >= 0)
            {
                solution.Insert(u, pattern, positions, places);
            }
        }
    }

    [Fact]
    public void SymmetricLegs_StoredEuclideanAndGreatCircle_AreSymmetric_OneWayLegsAreNot()
    {
        var euclidean = Request(new EuclideanTravelModel(1000, 40 / 3.6));
        var greatCircle = Request(new GreatCircleTravelModel());
        var options = new JourneyPlannerOptions();

        Assert.True(JourneyProblem.Create(euclidean, options).AsT0.SymmetricLegs);
        Assert.True(JourneyProblem.Create(greatCircle, options).AsT0.SymmetricLegs);
        Assert.False(JourneyProblem.Create(euclidean with { TravelModel = new Skewed(euclidean.TravelModel) }, options).AsT0.SymmetricLegs);
    }

    /// <summary>Thirty accounts near Columbus, Ohio, weekly, with one representative.</summary>
    private static JourneyPlanRequest Request(ITravelModel travel)
    {
        var random = new Random(3);
        var rep = new SalesPosition(new PositionId("p1")) { Base = new GeoPoint(39.96, -83.0), DailyHours = TimeWindow.FromHours(8, 0, 17, 0) };
        var accounts = Enumerable.Range(0, 30).Select(i => new Account(new AccountId($"a{i:00}"), new GeoPoint(39.8 + (random.NextDouble() * 0.4), -83.2 + (random.NextDouble() * 0.4)))
        {
            ServiceTime = TimeSpan.FromMinutes(15),
            Visit = VisitRequirement.Of(VisitFrequency.PerWeek(1)),
        });
        return new JourneyPlanRequest([rep], JourneyCycle.Create(1), [.. accounts], travel);
    }

    /// <summary>The inner model's stored legs with every leg from a lower to a higher location index 25 % longer and slower: one-way streets.</summary>
    private sealed class Skewed(ITravelModel inner) : ITravelModel
    {
        public double DistanceMetres(GeoPoint origin, GeoPoint destination) => inner.DistanceMetres(origin, destination);

        public TimeSpan Duration(GeoPoint origin, GeoPoint destination) => inner.Duration(origin, destination);

        public TravelMatrix Matrix(IReadOnlyList<GeoPoint> locations)
        {
            var m = inner.Matrix(locations);
            var n = m.Count;
            var metres = new double[n * n];
            var seconds = new double[n * n];
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    var factor = i < j ? 1.25 : 1;
                    metres[(i * n) + j] = m.DistanceMetres(i, j) * factor;
                    seconds[(i * n) + j] = m.Duration(i, j).TotalSeconds * factor;
                }
            }

            return TravelMatrix.Create(n, metres, seconds);
        }
    }
}
