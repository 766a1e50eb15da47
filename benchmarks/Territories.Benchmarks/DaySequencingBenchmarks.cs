using BenchmarkDotNet.Attributes;
using Territories.Internal;
using Territories.Journeys.Sequencing;

namespace Territories.Benchmarks;

/// <summary>
/// Ordering a seeded 200-stop day (uniform points in a 100 × 100 square, no windows): the
/// nearest-neighbour route (baseline) against the iterated local search (2-opt + Or-opt over neighbour
/// lists, double-bridge kicks) with no perturbation (one descent) and with 1,000 perturbation rounds. Each benchmark returns the route length,
/// so quality can be read beside the time.
/// </summary>
[MemoryDiagnoser]
public class DaySequencingBenchmarks
{
    private SequencingProblem _problem = null!;

    [GlobalSetup]
    public void Setup()
    {
        const int n = 201;
        var random = new Random(2026);
        var x = new double[n];
        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            x[i] = random.NextDouble() * 100;
            y[i] = random.NextDouble() * 100;
        }

        var distance = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                distance[(i * n) + j] = Math.Sqrt(((x[i] - x[j]) * (x[i] - x[j])) + ((y[i] - y[j]) * (y[i] - y[j])));
            }
        }

        _problem = SequencingProblem.Tsp(n, distance);
    }

    [Benchmark(Baseline = true)]
    public double NearestNeighbour() => _problem.RouteDistance(SymmetricTourSearch.NearestNeighbourCycle(_problem.Count, _problem.Distance).AsSpan(1));

    [Benchmark]
    public double LocalSearchOnly() => Search(0);

    [Benchmark]
    public double IteratedLocalSearch() => Search(1_000);

    private double Search(int iterations)
    {
        var start = SymmetricTourSearch.NearestNeighbourCycle(_problem.Count, _problem.Distance)[1..];
        return TourSearch.Improve(_problem, start, StopCondition.Iterations(iterations), new Random(1)).Distance;
    }
}
