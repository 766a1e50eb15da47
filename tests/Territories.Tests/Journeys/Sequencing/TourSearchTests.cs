using Territories.Internal;
using Territories.Journeys.Sequencing;

namespace Territories.Tests.Journeys.Sequencing;

public class TourSearchTests
{
    public static TheoryData<int, int> SmallInstances()
    {
        var data = new TheoryData<int, int>();
        for (var stops = 2; stops <= 8; stops++)
        {
            for (var seed = 1; seed <= 4; seed++)
            {
                data.Add(stops, seed);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SmallInstances))]
    public void Improve_SymmetricSmallInstance_FindsBruteForceOptimum(int stops, int seed)
    {
        var (distance, _) = RandomPlane(stops + 1, seed);
        var problem = SequencingProblem.Tsp(stops + 1, distance);

        var result = TourSearch.Improve(problem, Identity(stops), StopCondition.Iterations(200), new Random(seed));

        var optimum = BruteForce(stops, order => (0, Length(distance, stops + 1, order)));
        Assert.Equal(optimum.Distance, Length(distance, stops + 1, result.Order), 1e-6);
        Assert.Equal(optimum.Distance, result.Distance, 1e-6);
    }

    [Theory]
    [MemberData(nameof(SmallInstances))]
    public void Improve_AsymmetricSmallInstance_FindsBruteForceOptimum(int stops, int seed)
    {
        var n = stops + 1;
        var random = new Random(seed * 7919);
        var distance = new double[n * n];
        for (var k = 0; k < distance.Length; k++)
        {
            distance[k] = k / n == k % n ? 0 : random.Next(1, 100);
        }

        var problem = SequencingProblem.Create(n, distance, new double[n * n], new double[n], new int[n + 1], [], [], 0, double.PositiveInfinity);

        var result = TourSearch.Improve(problem, Identity(stops), StopCondition.Iterations(300), new Random(seed));

        var optimum = BruteForce(stops, order => (0, Length(distance, n, order)));
        Assert.Equal(optimum.Distance, Length(distance, n, result.Order), 1e-6);
    }

    [Theory]
    [MemberData(nameof(SmallInstances))]
    public void Improve_TimeWindows_FindsBruteForceFeasibleOptimum(int stops, int seed)
    {
        var n = stops + 1;
        var (distance, _) = RandomPlane(n, seed);
        var duration = distance.Select(d => d * 60).ToArray();
        var random = new Random(seed * 31);
        var service = new double[n];
        var offsets = new int[n + 1];
        var starts = new List<double>();
        var ends = new List<double>();
        for (var i = 1; i < n; i++)
        {
            service[i] = 600;
            offsets[i] = starts.Count;
            if (random.Next(3) > 0)
            {
                var open = 8 * 3600 + (random.Next(0, 16) * 900);
                starts.Add(open);
                ends.Add(open + (random.Next(2, 12) * 900));
            }
        }

        offsets[n] = starts.Count;
        const double dayStart = 8 * 3600;
        const double dayEnd = 17 * 3600;
        var problem = SequencingProblem.Create(n, distance, duration, service, offsets, [.. starts], [.. ends], dayStart, dayEnd);

        var result = TourSearch.Improve(problem, Identity(stops), StopCondition.Iterations(300), new Random(seed));

        // The reference times routes itself: wait when early, infeasible when a start misses its window or the return is late.
        var optimum = BruteForce(stops, order =>
        {
            var time = dayStart;
            var previous = 0;
            var feasible = true;
            foreach (var node in order)
            {
                time += duration[(previous * n) + node];
                var w = offsets[node];
                if (w < offsets[node + 1])
                {
                    time = Math.Max(time, starts[w]);
                    feasible &= time <= ends[w];
                }

                time += service[node];
                previous = node;
            }

            feasible &= time + duration[previous * n] <= dayEnd;
            return (feasible ? 0 : 1, Length(distance, n, order));
        });

        if (optimum.Infeasible == 0)
        {
            Assert.True(result.IsFeasible, $"A feasible order exists but the search returned lateness {result.Lateness}.");
            Assert.Equal(optimum.Distance, Length(distance, n, result.Order), 1e-6);
        }
        else
        {
            Assert.False(result.IsFeasible);
        }
    }

    [Fact]
    public void Improve_SameSeed_SameOrder()
    {
        var (distance, _) = RandomPlane(120, 5);
        var problem = SequencingProblem.Tsp(120, distance);
        var start = Identity(119);

        var first = TourSearch.Improve(problem, start, StopCondition.Iterations(500), new Random(42));
        var second = TourSearch.Improve(problem, start, StopCondition.Iterations(500), new Random(42));

        Assert.Equal(first.Order, second.Order);
        Assert.False(first.StoppedEarly);
    }

    [Fact]
    public void Improve_HundredStops_ShorterThanNearestNeighbourAndEveryStopOnce()
    {
        var (distance, _) = RandomPlane(101, 9);
        var problem = SequencingProblem.Tsp(101, distance);
        var nearest = SymmetricTourSearch.NearestNeighbourCycle(101, distance)[1..];

        var result = TourSearch.Improve(problem, nearest, StopCondition.Iterations(2_000), new Random(1));

        Assert.Equal(Enumerable.Range(1, 100), result.Order.Order());
        Assert.True(Length(distance, 101, result.Order) < Length(distance, 101, nearest) * 0.95);
    }

    [Fact]
    public void FromArrays_StopsOfASharedTable_MapsNodesToLocationsAndWindows()
    {
        const int locations = 10;
        var (distance, _) = RandomPlane(locations, 3);
        var duration = distance.Select(d => d * 10).ToArray();
        int[] stops = [7, 1, 5, 2];
        IReadOnlyList<(double, double)>[] windows = [[], [(100.0, 200.0)], [], [(0.0, 50.0), (300.0, 400.0)]];

        var problem = SequencingProblem.FromArrays(locations, distance, duration, 3, stops, [10, 20, 30, 40], windows, 0, double.PositiveInfinity);

        Assert.Equal(5, problem.Count);
        Assert.Equal(distance[(3 * locations) + 7], problem.Distance[1]);
        Assert.Equal(duration[(5 * locations) + 2], problem.Duration[(3 * 5) + 4]);
        Assert.Equal([0, 10, 20, 30, 40], problem.Service);
        Assert.Equal(350, problem.StartAt(4, 350, out var late));
        Assert.Equal(0, late);
        Assert.Equal(300, problem.StartAt(4, 60, out _));
        Assert.Equal(500, problem.StartAt(2, 500, out late));
        Assert.Equal(300, late);
    }

    [Fact]
    public void Improve_OrderNotAPermutation_Throws()
    {
        var (distance, _) = RandomPlane(5, 1);
        var problem = SequencingProblem.Tsp(5, distance);

        Assert.Throws<ArgumentException>(() => TourSearch.Improve(problem, [1, 2, 2, 4], StopCondition.Iterations(1), new Random(1)));
        Assert.Throws<ArgumentException>(() => TourSearch.Improve(problem, [1, 2, 3], StopCondition.Iterations(1), new Random(1)));
    }

    private static int[] Identity(int stops) => [.. Enumerable.Range(1, stops)];

    private static (double[] Distance, double[][] Points) RandomPlane(int n, int seed)
    {
        var random = new Random(seed);
        var points = Enumerable.Range(0, n).Select(_ => new[] { random.NextDouble() * 100, random.NextDouble() * 100 }).ToArray();
        var distance = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                distance[(i * n) + j] = Math.Sqrt(Math.Pow(points[i][0] - points[j][0], 2) + Math.Pow(points[i][1] - points[j][1], 2));
            }
        }

        return (distance, points);
    }

    private static double Length(double[] distance, int n, IReadOnlyList<int> order)
    {
        var total = 0.0;
        var previous = 0;
        foreach (var node in order)
        {
            total += distance[(previous * n) + node];
            previous = node;
        }

        return total + distance[previous * n];
    }

    /// <summary>The best (fewest infeasible, then shortest) of all orders of stops 1..<paramref name="stops"/>.</summary>
    private static (int Infeasible, double Distance) BruteForce(int stops, Func<int[], (int Infeasible, double Distance)> cost)
    {
        var best = (Infeasible: int.MaxValue, Distance: double.PositiveInfinity);
        var order = Identity(stops);
        Permute(order, 0, cost, ref best);
        return best;
    }

    private static void Permute(int[] order, int k, Func<int[], (int, double)> cost, ref (int Infeasible, double Distance) best)
    {
        if (k == order.Length)
        {
            var (infeasible, distance) = cost(order);
            if (infeasible < best.Infeasible || (infeasible == best.Infeasible && distance < best.Distance))
            {
                best = (infeasible, distance);
            }

            return;
        }

        for (var i = k; i < order.Length; i++)
        {
            (order[k], order[i]) = (order[i], order[k]);
            Permute(order, k + 1, cost, ref best);
            (order[k], order[i]) = (order[i], order[k]);
        }
    }
}
