using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Territories.Journeys.Sequencing;
using Territories.Model;
using Territories.Travel;

namespace Territories.Quality;

/// <summary>
/// Daily sequencing on TSPLIB EUC_2D instances with proven optima, through the public
/// <see cref="DaySequencer"/>: node 1 is the base, the other nodes are accounts, always open, no service
/// time; the travel model is a <see cref="MatrixTravelModel"/> of TSPLIB distances (nint of the Euclidean
/// distance) with zero travel times, so the 24-hour day never binds and the cost is the TSPLIB tour length.
/// </summary>
internal sealed class TspCommand : ICommand
{
    public string Name => "tsp";

    public string Usage => "tsp --instances DIR --optima FILE --seconds S [--out DIR] [--only a,b] [--seed N]";

    public int Run(Options options)
    {
        var instances = options.Required("instances");
        var optimaFile = options.Required("optima");
        var seconds = options.Double("seconds", 1);
        if (!(seconds > 0))
        {
            throw new UsageException("--seconds must be greater than zero.");
        }

        var seed = options.Int("seed", 0);
        var outDir = options.Optional("out");
        var only = options.Optional("only")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        if (!Directory.Exists(instances))
        {
            throw new UsageException($"No directory '{instances}'.");
        }

        if (!File.Exists(optimaFile))
        {
            throw new UsageException($"No file '{optimaFile}'.");
        }

        if (outDir is not null)
        {
            Directory.CreateDirectory(outDir);
        }

        var exit = 0;
        foreach (var (name, n, optimum) in ReadOptima(optimaFile))
        {
            if (only is not null && !only.Contains(name))
            {
                continue;
            }

            var path = Path.Combine(instances, name + ".tsp");
            if (!File.Exists(path))
            {
                Console.Error.WriteLine($"{name}: no file {path}");
                exit = 1;
                continue;
            }

            var points = ReadEuc2D(path);
            var (position, accounts, travel) = Build(points);
            var sequencer = new DaySequencer(travel, new DaySequencerOptions
            {
                TimeLimit = TimeSpan.FromSeconds(seconds),
                MaxIterations = long.MaxValue,
                MaxIterationsWithoutImprovement = long.MaxValue,
                Seed = seed,
            });
            var watch = Stopwatch.StartNew();
            var result = sequencer.Sequence(position, DayOfWeek.Monday, accounts);
            watch.Stop();
            if (!result.TryPickT0(out var day, out var failure))
            {
                Console.Error.WriteLine($"{name}: {failure}");
                exit = 1;
                continue;
            }

            var tour = new List<int> { 1 };
            tour.AddRange(day.Visits.Select(v => int.Parse(v.Account.Value, CultureInfo.InvariantCulture)));
            var cost = Cost(points, tour);
            if (tour.Count != points.Count || !day.Unfitted.IsEmpty || Math.Abs(cost - day.TotalDistanceMetres) > 1e-6)
            {
                Console.Error.WriteLine($"{name}: inconsistent result ({tour.Count} nodes, {day.Unfitted.Length} unfitted, cost {cost} vs {day.TotalDistanceMetres})");
                exit = 1;
            }

            Console.WriteLine(JsonSerializer.Serialize(new
            {
                instance = name,
                n,
                cost,
                optimum,
                gap_pct = Math.Round(100.0 * (cost - optimum) / optimum, 3),
                seconds = Math.Round(watch.Elapsed.TotalSeconds, 3),
            }));
            if (outDir is not null)
            {
                WriteTour(Path.Combine(outDir, name + ".tour"), name, cost, tour);
            }
        }

        return exit;
    }

    private static IEnumerable<(string Name, int N, long Optimum)> ReadOptima(string file)
    {
        foreach (var line in File.ReadLines(file).Skip(1))
        {
            var parts = line.Split(',');
            if (parts.Length >= 3)
            {
                yield return (parts[0], int.Parse(parts[1], CultureInfo.InvariantCulture), long.Parse(parts[2], CultureInfo.InvariantCulture));
            }
        }
    }

    private static List<(double X, double Y)> ReadEuc2D(string path)
    {
        var points = new List<(double, double)>();
        var inSection = false;
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.Trim();
            if (line.StartsWith("EDGE_WEIGHT_TYPE", StringComparison.Ordinal) && !line.EndsWith("EUC_2D", StringComparison.Ordinal))
            {
                throw new UsageException($"{path}: only EUC_2D instances are supported ({line}).");
            }

            if (line.StartsWith("NODE_COORD_SECTION", StringComparison.Ordinal))
            {
                inSection = true;
                continue;
            }

            if (line == "EOF")
            {
                break;
            }

            if (inSection && line.Length > 0)
            {
                var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                points.Add((double.Parse(parts[1], CultureInfo.InvariantCulture), double.Parse(parts[2], CultureInfo.InvariantCulture)));
            }
        }

        return points;
    }

    private static long Distance((double X, double Y) a, (double X, double Y) b)
    {
        var dx = a.X - b.X;
        var dy = a.Y - b.Y;
        return (long)Math.Floor(Math.Sqrt((dx * dx) + (dy * dy)) + 0.5);
    }

    private static long Cost(List<(double X, double Y)> points, List<int> tour)
    {
        var total = 0L;
        for (var i = 0; i < tour.Count; i++)
        {
            total += Distance(points[tour[i] - 1], points[tour[(i + 1) % tour.Count] - 1]);
        }

        return total;
    }

    /// <summary>
    /// The base (node 1), one account per other node (id = TSPLIB node number), and a matrix model of
    /// TSPLIB distances. Locations are only lookup keys for the matrix, so a point that repeats an earlier
    /// one (a280 has one) is nudged by a nanometre-scale amount to stay distinct; costs come from the matrix.
    /// </summary>
    private static (SalesPosition Position, List<Account> Accounts, ITravelModel Travel) Build(List<(double X, double Y)> points)
    {
        var n = points.Count;
        var keys = new GeoPoint[n];
        var seen = new HashSet<GeoPoint>();
        for (var i = 0; i < n; i++)
        {
            var key = new GeoPoint(points[i].X, points[i].Y);
            while (!seen.Add(key))
            {
                key = new GeoPoint(Math.BitIncrement(key.Longitude), key.Latitude);
            }

            keys[i] = key;
        }

        var distances = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                distances[(i * n) + j] = i == j ? 0 : Distance(points[i], points[j]);
            }
        }

        var travel = new MatrixTravelModel(keys, TravelMatrix.Create(n, distances, new double[n * n]));
        var position = new SalesPosition(new PositionId("tsp")) { Base = keys[0], DailyHours = TimeWindow.AllDay };
        var accounts = new List<Account>(n - 1);
        for (var i = 1; i < n; i++)
        {
            accounts.Add(new Account(new AccountId((i + 1).ToString(CultureInfo.InvariantCulture)), keys[i]) { ServiceTime = TimeSpan.Zero });
        }

        return (position, accounts, travel);
    }

    private static void WriteTour(string path, string name, long cost, List<int> tour)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"NAME : {name}.tour\n");
        text.Append(CultureInfo.InvariantCulture, $"COMMENT : Length {cost}, Territories DaySequencer\n");
        text.Append("TYPE : TOUR\n");
        text.Append(CultureInfo.InvariantCulture, $"DIMENSION : {tour.Count}\n");
        text.Append("TOUR_SECTION\n");
        foreach (var node in tour)
        {
            text.Append(CultureInfo.InvariantCulture, $"{node}\n");
        }

        text.Append("-1\nEOF\n");
        File.WriteAllText(path, text.ToString());
    }
}
