using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using NetTopologySuite.Geometries;
using NetTopologySuite.Triangulate;
using Territories.Model;
using Territories.Spatial;

namespace Territories.Benchmarks;

/// <summary>
/// Assigns 1,000,000 accounts to 3,000 territories (the scale of issue 12): the indexed <see cref="TerritoryMap"/> lookup
/// (one thread, and all threads) against the naive loop over <c>Geometry.Contains</c> (the baseline).
/// </summary>
/// <remarks>
/// The territories are a valid partition: Voronoi cells of 3,000 seeded random sites in a 10° × 10°
/// region, every edge densified to steps of at most 0.01° (about 1 km) and bent by one smooth
/// deformation of the plane, so neighbours keep identical shared edges and each territory has about
/// 80 vertices. The accounts are seeded uniform random points in the region. Each benchmark returns
/// the number of accounts assigned. Monitoring runs (one invocation per iteration) because the
/// baseline takes seconds, in process because generating and building a separate benchmark
/// project exceeds BenchmarkDotNet's build timeout on a small shared machine.
/// </remarks>
[Config(typeof(MonitoringInProcess))]
public class TerritoryAssignmentBenchmarks
{
    private const double West = -90;
    private const double South = 35;
    private const double Size = 10;

    private TerritoryMap _map = null!;
    private Geometry[] _geometries = [];
    private double[] _longitudes = [];
    private double[] _latitudes = [];
    private PointAssignment[] _results = [];

    /// <summary>Number of territories.</summary>
    [Params(3_000)]
    public int Territories { get; set; }

    /// <summary>Number of accounts.</summary>
    [Params(1_000_000)]
    public int Accounts { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var cells = Partition(Territories, seed: 42);
        _geometries = cells;
        var territories = cells.Select((g, i) => new Territory(new TerritoryId($"T{i:D4}")) { Boundary = TerritoryBoundary.FromGeometry(g) });
        _map = TerritoryMap.Create(territories).AsT0;

        var random = new Random(7);
        _longitudes = new double[Accounts];
        _latitudes = new double[Accounts];
        for (var i = 0; i < Accounts; i++)
        {
            _longitudes[i] = West + (random.NextDouble() * Size);
            _latitudes[i] = South + (random.NextDouble() * Size);
        }

        _results = new PointAssignment[Accounts];
        var vertices = cells.Sum(c => c.NumPoints);
        Console.WriteLine($"// {cells.Length} territories, {vertices} vertices ({(double)vertices / cells.Length:0} per territory), {Accounts} accounts");
    }

    [Benchmark(Baseline = true, Description = "Naive loop over Contains")]
    public int NaiveContains()
    {
        var factory = _geometries[0].Factory;
        var assigned = 0;
        for (var i = 0; i < _longitudes.Length; i++)
        {
            var point = factory.CreatePoint(new Coordinate(_longitudes[i], _latitudes[i]));
            foreach (var g in _geometries)
            {
                if (g.Contains(point))
                {
                    assigned++;
                    break;
                }
            }
        }

        return assigned;
    }

    [Benchmark(Description = "TerritoryMap.Locate, one thread")]
    public int Indexed()
    {
        _map.Locate(_longitudes, _latitudes, _results);
        return Count();
    }

    [Benchmark(Description = "TerritoryMap.LocateMany, all threads")]
    public int IndexedParallel()
    {
        _map.LocateMany(_longitudes, _latitudes, _results);
        return Count();
    }

    /// <summary>A valid partition of the region into <paramref name="count"/> territories with realistic vertex counts.</summary>
    internal static Geometry[] Partition(int count, int seed)
    {
        var factory = new GeometryFactory(new PrecisionModel(), 4326);
        var random = new Random(seed);
        var sites = Enumerable.Range(0, count)
            .Select(_ => new Coordinate(West + (random.NextDouble() * Size), South + (random.NextDouble() * Size)))
            .ToList();
        var builder = new VoronoiDiagramBuilder { ClipEnvelope = new Envelope(West, West + Size, South, South + Size) };
        builder.SetSites(sites);
        var diagram = builder.GetDiagram(factory);
        var cells = new List<Geometry>();
        for (var i = 0; i < diagram.NumGeometries; i++)
        {
            if (diagram.GetGeometryN(i) is Polygon cell && !cell.IsEmpty)
            {
                cells.Add(factory.CreatePolygon(Bend(cell.ExteriorRing.Coordinates)));
            }
        }

        return [.. cells];
    }

    private static Coordinate[] Bend(Coordinate[] ring)
    {
        const double step = 0.01;
        var result = new List<Coordinate>();
        for (var i = 0; i + 1 < ring.Length; i++)
        {
            var (a, b) = (ring[i], ring[i + 1]);
            result.Add(Warp(a));

            // Interpolate from the lexicographically smaller end so both neighbours get the same points.
            var forward = a.X < b.X || (a.X == b.X && a.Y <= b.Y);
            var (p, q) = forward ? (a, b) : (b, a);
            var n = (int)Math.Ceiling(p.Distance(q) / step);
            for (var k = 1; k < n; k++)
            {
                var kk = forward ? k : n - k;
                result.Add(Warp(new Coordinate(p.X + ((q.X - p.X) * kk / n), p.Y + ((q.Y - p.Y) * kk / n))));
            }
        }

        result.Add(result[0].Copy());
        return [.. result];
    }

    // A smooth deformation of the plane (small enough to stay one-to-one) that makes straight Voronoi edges wiggle.
    private static Coordinate Warp(Coordinate c) =>
        new(c.X + (0.004 * Math.Sin(53 * c.Y) * Math.Cos(31 * c.X)), c.Y + (0.004 * Math.Sin(47 * c.X) * Math.Cos(29 * c.Y)));

    private sealed class MonitoringInProcess : ManualConfig
    {
        public MonitoringInProcess() =>
            AddJob(Job.Default
                .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromHours(1), logOutput: true))
                .WithStrategy(RunStrategy.Monitoring)
                .WithLaunchCount(1)
                .WithWarmupCount(1)
                .WithIterationCount(3));
    }

    private int Count()
    {
        var assigned = 0;
        foreach (var r in _results)
        {
            if (r.Status == AssignmentStatus.Assigned)
            {
                assigned++;
            }
        }

        return assigned;
    }
}
