using System.Collections.Immutable;
using System.Globalization;
using Territories.Journeys;
using Territories.Model;
using Territories.Travel;

namespace Territories.Quality;

/// <summary>A Cordeau-format periodic routing instance (see ../shared/benchmarks/pvrp/FORMAT.md) and its mapping onto a journey plan request.</summary>
/// <remarks>
/// Customers become accounts <c>1</c>…<c>n</c> at planar coordinates with their allowed combination
/// codes as explicit patterns (the <c>f</c> field is ignored: p11 #131 has f = 0); the m vehicles become
/// m interchangeable positions at the depot; Q is the daily load cap; D the working-day length. One
/// coordinate unit is one metre and takes one second (EuclideanTravelModel(1, 1)), so that routes of
/// any length fit a day and the cost in metres is the published cost.
/// </remarks>
internal sealed record CordeauInstance(string Name, int Vehicles, int Customers, int Days, double MaxDuration, double Capacity, ImmutableArray<CordeauCustomer> Nodes)
{
    public static EuclideanTravelModel Travel { get; } = new(1, 1);

    public static CordeauInstance Read(string path)
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
            duration = Next();
            capacity = Next();
        }

        var nodes = ImmutableArray.CreateBuilder<CordeauCustomer>(n + 1);
        for (var i = 0; i <= n; i++)
        {
            var id = (int)Next();
            var x = Next();
            var y = Next();
            var service = Next();
            var demand = Next();
            _ = Next();
            var a = (int)Next();
            var codes = new int[a];
            for (var j = 0; j < a; j++)
            {
                codes[j] = (int)Next();
            }

            nodes.Add(new CordeauCustomer(id, x, y, service, demand, [.. codes]));
        }

        return new CordeauInstance(Path.GetFileNameWithoutExtension(path), m, n, t, duration, capacity, nodes.MoveToImmutable());
    }

    /// <summary>The best-known values of a <c>bks.csv</c> (instance in column 1, value in column 5), by instance; empty when the file is missing.</summary>
    public static Dictionary<string, double> ReadBestKnown(string path)
    {
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return result;
        }

        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var fields = line.Split(',');
            if (fields.Length > 4 && double.TryParse(fields[4], NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
            {
                result[fields[0]] = v;
            }
        }

        return result;
    }

    /// <summary>
    /// The fields of the one JSON line per instance that the pvrp harness and the OR-Tools baseline both
    /// print (instance, n, cost, bks, gap_pct, seconds, feasible); the gap is also returned, null without a best-known value.
    /// </summary>
    public Dictionary<string, object?> ResultLine(double cost, IReadOnlyDictionary<string, double> bestKnown, TimeSpan elapsed, bool feasible, out double? gap)
    {
        var rounded = Math.Round(cost, 2);
        double? best = bestKnown.TryGetValue(Name, out var b) ? b : null;
        gap = best is { } v ? Math.Round(100 * (rounded - v) / v, 2) : null;
        return new Dictionary<string, object?>
        {
            ["instance"] = Name,
            ["n"] = Customers,
            ["cost"] = rounded,
            ["bks"] = best,
            ["gap_pct"] = gap,
            ["seconds"] = Math.Round(elapsed.TotalSeconds, 2),
            ["feasible"] = feasible,
        };
    }

    public JourneyPlanRequest ToRequest()
    {
        var cycle = JourneyCycle.FromDayCount(Days);
        var depot = new GeoPoint(Nodes[0].X, Nodes[0].Y);
        var hours = MaxDuration > 0 ? new TimeWindow(TimeSpan.Zero, TimeSpan.FromSeconds(MaxDuration)) : TimeWindow.AllDay;
        var positions = Enumerable.Range(1, Vehicles).Select(v => new SalesPosition(new PositionId($"v{v:00}"))
        {
            Base = depot,
            WorkingDays = cycle.WorkingDays,
            DailyHours = hours,
            MaxLoadPerDay = Capacity,
        }).ToImmutableArray();
        var accounts = Nodes.Skip(1).Select(c => new Account(new AccountId(c.Id.ToString(CultureInfo.InvariantCulture)), new GeoPoint(c.X, c.Y))
        {
            ServiceTime = TimeSpan.FromSeconds(c.Service),
            Visit = new VisitRequirement
            {
                Patterns = [.. c.Codes.Select(code => VisitPattern.FromCordeauCode(code, Days)).Distinct()],
                Duration = TimeSpan.FromSeconds(c.Service),
                Load = c.Demand,
            },
        }).ToImmutableArray();
        return new JourneyPlanRequest(positions, cycle, accounts, Travel);
    }

    /// <summary>The plan as a Cordeau <c>.res</c> file: total cost, then per route <c>day vehicle duration load 0 c1 … 0</c>.</summary>
    public static string ToRes(JourneyPlan plan)
    {
        var inv = CultureInfo.InvariantCulture;
        var lines = new List<string> { plan.Kpis.TotalDistanceMetres.ToString("0.00", inv) };
        foreach (var day in plan.Routes.GroupBy(r => r.Day).OrderBy(g => g.Key))
        {
            var k = 0;
            foreach (var route in day.OrderBy(r => r.Position))
            {
                k++;
                var duration = (route.TravelTime + route.ServiceTime).TotalSeconds;
                lines.Add(string.Create(inv, $"{day.Key + 1} {k} {duration:0.00} {route.Load:0} 0 {string.Join(" ", route.Visits.Select(v => v.Account.Value))} 0"));
            }
        }

        return string.Join("\n", lines) + "\n";
    }
}

/// <summary>One node line of a Cordeau file (node 0 is the depot).</summary>
internal sealed record CordeauCustomer(int Id, double X, double Y, double Service, double Demand, ImmutableArray<int> Codes);
