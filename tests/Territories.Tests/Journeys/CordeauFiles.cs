using System.Collections.Immutable;
using System.Globalization;
using Territories.IO.Pvrp;
using Territories.Journeys;
using Territories.Model;
using Territories.Travel;

namespace Territories.Tests.Journeys;

/// <summary>Reads the published periodic routing instances and Cordeau's solution files from ../shared/benchmarks/pvrp into requests and plans.</summary>
internal static class CordeauFiles
{
    public static EuclideanTravelModel Travel => CordeauInstance.Travel;

    public static string? Directory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Territories.sln")))
            {
                var pvrp = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "benchmarks", "pvrp"));
                return System.IO.Directory.Exists(pvrp) ? pvrp : null;
            }
        }

        return null;
    }

    /// <summary>Reads an instance with the library's reader (the same mapping onto a request as the pvrp command).</summary>
    public static (JourneyPlanRequest Request, int Vehicles) ReadInstance(string path)
    {
        var instance = Assert.Single(CordeauReader.ReadFile(path).Items);
        return (instance.ToRequest(), instance.Vehicles);
    }

    /// <summary>Reads a <c>.res</c> file into a plan whose times are replayed from the start of each day; returns the stated cost too.</summary>
    public static (JourneyPlan Plan, double StatedCost) ReadSolution(string path, JourneyPlanRequest request)
    {
        var lines = File.ReadAllLines(path).Where(l => !string.IsNullOrWhiteSpace(l)).ToList();
        var cost = double.Parse(lines[0].Trim(), CultureInfo.InvariantCulture);
        var accounts = request.Accounts.ToDictionary(a => a.Id.Value);
        var depot = request.Positions[0].Base!.Value;
        var routes = new List<(int Day, int Vehicle, List<string> Customers)>();
        foreach (var line in lines.Skip(1))
        {
            var f = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            var customers = f.Skip(5).Take(f.Length - 6).ToList();
            routes.Add((int.Parse(f[0], CultureInfo.InvariantCulture) - 1, int.Parse(f[1], CultureInfo.InvariantCulture), customers));
        }

        // p01: the file leaves out customer 51's zero-length route on day 1; it takes a free vehicle.
        var visited = routes.SelectMany(r => r.Customers).ToHashSet();
        foreach (var missing in accounts.Keys.Where(id => !visited.Contains(id)).Order(StringComparer.Ordinal))
        {
            var day = accounts[missing].Visit!.Patterns[0].Days[0];
            var vehicle = Enumerable.Range(1, request.Positions.Length).First(v => !routes.Any(r => r.Day == day && r.Vehicle == v));
            routes.Add((day, vehicle, [missing]));
        }

        var planned = ImmutableArray.CreateBuilder<JourneyRoute>();
        foreach (var (day, vehicle, customers) in routes)
        {
            var t = TimeSpan.Zero;
            var here = depot;
            double distance = 0, load = 0;
            var travel = TimeSpan.Zero;
            var service = TimeSpan.Zero;
            var visits = ImmutableArray.CreateBuilder<PlannedVisit>();
            foreach (var id in customers)
            {
                var a = accounts[id];
                var legDistance = Travel.DistanceMetres(here, a.Location);
                var legTime = Travel.Duration(here, a.Location);
                var arrival = t + legTime;
                visits.Add(new PlannedVisit(a.Id, arrival, arrival, arrival + a.ServiceTime, legDistance, legTime, null));
                distance += legDistance;
                travel += legTime;
                service += a.ServiceTime;
                load += a.Visit!.Load;
                t = arrival + a.ServiceTime;
                here = a.Location;
            }

            distance += Travel.DistanceMetres(here, depot);
            travel += Travel.Duration(here, depot);
            t += Travel.Duration(here, depot);
            planned.Add(new JourneyRoute
            {
                Position = new PositionId($"v{vehicle:00}"),
                Day = day,
                Visits = visits.ToImmutable(),
                Start = TimeSpan.Zero,
                End = t,
                DistanceMetres = distance,
                TravelTime = travel,
                ServiceTime = service,
                Load = load,
            });
        }

        var kpis = new JourneyPlanKpis
        {
            TotalDistanceMetres = planned.Sum(r => r.DistanceMetres),
            TotalTravelTime = TimeSpan.Zero,
            TotalServiceTime = TimeSpan.Zero,
            Routes = planned.Count,
            Visits = planned.Sum(r => r.Visits.Length),
            MinWorkingHours = 0,
            MaxWorkingHours = 0,
            MeanWorkingHours = 0,
            StdDevWorkingHours = 0,
            Utilisation = 0,
            VisitsPerDay = 0,
        };
        return (new JourneyPlan
        {
            Routes = planned.ToImmutable(),
            Unplanned = [],
            Kpis = kpis,
            Capacity = [],
            Crossings = [],
            Status = JourneyPlanStatus.Completed,
            Cost = 0,
            Iterations = 0,
        }, cost);
    }
}
