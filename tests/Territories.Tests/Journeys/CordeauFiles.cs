using System.Collections.Immutable;
using System.Globalization;
using Territories.Journeys;
using Territories.Model;
using Territories.Travel;

namespace Territories.Tests.Journeys;

/// <summary>Reads the published periodic routing instances and Cordeau's solution files from ../shared/benchmarks/pvrp into requests and plans.</summary>
internal static class CordeauFiles
{
    public static readonly EuclideanTravelModel Travel = new(1, 1);

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

    public static (JourneyPlanRequest Request, int Vehicles) ReadInstance(string path)
    {
        var tokens = File.ReadAllText(path).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var k = 0;
        double Next() => double.Parse(tokens[k++], CultureInfo.InvariantCulture);
        _ = Next();
        var m = (int)Next();
        var n = (int)Next();
        var t = (int)Next();
        double duration = 0, capacity = 0;
        for (var d = 0; d < t; d++)
        {
            (duration, capacity) = (Next(), Next());
        }

        var cycle = JourneyCycle.FromDayCount(t);
        GeoPoint depot = default;
        var accounts = ImmutableArray.CreateBuilder<Account>(n);
        for (var i = 0; i <= n; i++)
        {
            var id = (int)Next();
            var point = new GeoPoint(Next(), Next());
            var service = TimeSpan.FromSeconds(Next());
            var load = Next();
            _ = Next();
            var codes = Enumerable.Range(0, (int)Next()).Select(_ => (int)Next()).ToList();
            if (i == 0)
            {
                depot = point;
                continue;
            }

            accounts.Add(new Account(new AccountId(id.ToString(CultureInfo.InvariantCulture)), point)
            {
                ServiceTime = service,
                Visit = new VisitRequirement { Patterns = [.. codes.Select(c => VisitPattern.FromCordeauCode(c, t)).Distinct()], Load = load },
            });
        }

        var hours = duration > 0 ? new TimeWindow(TimeSpan.Zero, TimeSpan.FromSeconds(duration)) : TimeWindow.AllDay;
        var positions = Enumerable.Range(1, m).Select(v => new SalesPosition(new PositionId($"v{v:00}"))
        {
            Base = depot,
            WorkingDays = cycle.WorkingDays,
            DailyHours = hours,
            MaxLoadPerDay = capacity,
        }).ToImmutableArray();
        return (new JourneyPlanRequest(positions, cycle, accounts.MoveToImmutable(), Travel), m);
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
            planned.Add(new JourneyRoute(new PositionId($"v{vehicle:00}"), day, visits.ToImmutable(), TimeSpan.Zero, t, distance, travel, service, load));
        }

        var kpis = new JourneyPlanKpis(planned.Sum(r => r.DistanceMetres), TimeSpan.Zero, TimeSpan.Zero, planned.Count, planned.Sum(r => r.Visits.Length), 0, 0, 0, 0, 0, 0);
        return (new JourneyPlan(planned.ToImmutable(), [], kpis, [], [], JourneyPlanStatus.Completed, 0, 0), cost);
    }
}
