using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Territories.IO.Pvrp;
using Territories.Quality;

namespace Territories.OrTools;

/// <summary>
/// <c>pvrp</c> with OR-Tools: solves Cordeau-format instances in the given time, prints the same JSON
/// line as the Quality harness and writes Cordeau <c>.res</c> files.
/// </summary>
/// <remarks>
/// <c>--model day</c>: combinations chosen first by <see cref="PatternChooser"/> (<c>--balance</c>, 0.3 by
/// default, weighs day balance against proximity), then one routing model per day with m vehicles, each
/// day given a share of the time proportional to its visits (the whole instance gets <c>--seconds</c>).
/// <c>--model joint</c> (default): the day model with 40 % of the time, then one routing model over the whole
/// horizon with m vehicles per day; multi-visit customers keep the chooser's combination (their visits
/// pinned to its days), single-visit customers may go on any day of any of their combinations, which the
/// local search can change. Cost is recomputed in doubles from the routes; feasibility is checked in
/// doubles (every customer served on an allowed combination, D, Q, at most m routes a day).
/// </remarks>
internal static class PvrpBaseline
{
    public const string Usage = "pvrp --instances DIR [--bks FILE] --seconds S [--out DIR] [--only a,b] [--model day|joint] [--balance W]";

    public static int Run(Dictionary<string, string> options)
    {
        if (!options.TryGetValue("instances", out var dir) || !Directory.Exists(dir))
        {
            Console.Error.WriteLine($"usage: Territories.OrTools {Usage} (--instances must name a directory)");
            return 2;
        }

        var seconds = options.TryGetValue("seconds", out var s) ? double.Parse(s, CultureInfo.InvariantCulture) : 30;
        var model = options.GetValueOrDefault("model", "joint");
        if (model is not ("day" or "joint"))
        {
            Console.Error.WriteLine("--model is day or joint");
            return 2;
        }

        var balance = options.TryGetValue("balance", out var w) ? double.Parse(w, CultureInfo.InvariantCulture) : 0.3;
        var output = options.GetValueOrDefault("out");
        var only = options.GetValueOrDefault("only")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        var bks = PvrpResults.ReadBestKnown(options.GetValueOrDefault("bks") ?? Path.Combine(dir, "..", "bks.csv"));
        if (output is not null)
        {
            Directory.CreateDirectory(output);
        }

        var allFeasible = true;
        var gaps = new List<double>();
        foreach (var file in Directory.GetFiles(dir, "*.txt").OrderBy(f => f, StringComparer.Ordinal)
            .Where(f => only is null || only.Contains(Path.GetFileNameWithoutExtension(f))))
        {
            if (PvrpResults.Read(file) is not { } instance)
            {
                allFeasible = false;
                continue;
            }

            var watch = Stopwatch.StartNew();
            var deadline = TimeSpan.FromSeconds(seconds);
            var routes = Solve(instance, model, balance, watch, deadline);
            watch.Stop();
            var (cost, feasible, problems) = Check(instance, routes);
            allFeasible &= feasible;
            var line = PvrpResults.Line(instance, cost, bks, watch.Elapsed, feasible, out var gap);
            if (gap is { } g)
            {
                gaps.Add(g);
            }

            Console.WriteLine(JsonSerializer.Serialize(line));
            foreach (var problem in problems.Take(5))
            {
                Console.Error.WriteLine($"{instance.Name}: {problem}");
            }

            if (output is not null)
            {
                File.WriteAllText(Path.Combine(output, instance.Name + ".res"), ToRes(instance, routes, cost));
            }
        }

        if (gaps.Count > 0)
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"instances {gaps.Count}, mean gap {gaps.Average():0.00}%, max gap {gaps.Max():0.00}%, all feasible {allFeasible}"));
        }

        return allFeasible ? 0 : 1;
    }

    /// <summary>The share of the time the joint model gives the day model that warm-starts it.</summary>
    private const double WarmStartShare = 0.4;

    /// <summary>The most time the joint model gives <see cref="PatternImprover"/> between the day model and the joint search.</summary>
    private const double ImproveShare = 0.05;

    /// <summary>How many rounds of pattern improvement and joint search follow the day model.</summary>
    private const int JointRounds = 2;

    /// <summary>How many times combinations are chosen again after the router dropped visits.</summary>
    private const int Attempts = 3;

    /// <summary>The share of the instance's time one probe of the combinations gets.</summary>
    private const double ProbeShare = 0.1;

    /// <summary>
    /// Chooses combinations and probes them with the day model and <see cref="ProbeShare"/> of the time;
    /// when the router dropped visits, lowers the capacity of the days where it did by 7 % and chooses
    /// again (at most <see cref="Attempts"/> probes). The last combinations then get all the time left;
    /// the result is that plan, or the last probe's when the probe is complete and the final plan is not.
    /// </summary>
    private static List<int>[][] Solve(CordeauInstance instance, string model, double balance, Stopwatch watch, TimeSpan deadline)
    {
        var share = Enumerable.Repeat(1.0, instance.Days).ToArray();
        var budget = deadline * ProbeShare;
        int[] codes = [];
        List<int>[][] probe = [];
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            codes = PatternChooser.Choose(instance, balance, share);
            probe = SolveByDay(instance, codes, budget);
            var shortDays = ShortDays(instance, codes, probe);
            if (shortDays.Count == 0)
            {
                break;
            }

            foreach (var d in shortDays)
            {
                share[d] *= 0.93;
            }

            if (attempt == Attempts)
            {
                codes = PatternChooser.Choose(instance, balance, share);
            }
        }

        var routes = model == "day" ? SolveByDay(instance, codes, deadline - watch.Elapsed) : SolveJoint(instance, codes, deadline - watch.Elapsed);
        return !Check(instance, routes).Feasible && Check(instance, probe).Feasible ? probe : routes;
    }

    /// <summary>The days on which a visit of the chosen combinations is missing.</summary>
    private static List<int> ShortDays(CordeauInstance instance, int[] codes, List<int>[][] routes)
    {
        var served = new HashSet<(int, int)>(Enumerable.Range(0, instance.Days).SelectMany(d => routes[d].SelectMany(r => r.Select(c => (c, d)))));
        return [.. Enumerable.Range(0, instance.Days)
            .Where(d => Enumerable.Range(1, instance.Customers).Any(c => DaysOf(codes[c], instance.Days).Contains(d) && !served.Contains((c, d))))];
    }

    private static List<int> DaysOf(int code, int t) => [.. Enumerable.Range(0, t).Where(d => ((code >> (t - 1 - d)) & 1) == 1)];

    /// <summary>Routes per day (0-based) and vehicle, as customer node lists.</summary>
    private static List<int>[][] SolveByDay(CordeauInstance instance, int[] codes, TimeSpan left)
    {
        var t = instance.Days;
        var byDay = Enumerable.Range(0, t).Select(d => Enumerable.Range(1, instance.Customers).Where(c => DaysOf(codes[c], t).Contains(d)).ToList()).ToArray();
        var total = Math.Max(1, byDay.Sum(d => d.Count));
        var result = new List<int>[t][];
        for (var d = 0; d < t; d++)
        {
            var visits = byDay[d].Select(c => new Visit(c, [d])).ToList();
            var (routes, _) = VisitRouter.Solve(instance, visits, [.. Enumerable.Repeat(d, instance.Vehicles)], left * byDay[d].Count / total);
            result[d] = [.. routes.Select(r => r.Select(i => visits[i].Customer).ToList())];
        }

        return result;
    }

    /// <summary>
    /// The day model with <see cref="WarmStartShare"/> of the time, then <see cref="JointRounds"/> rounds
    /// of <see cref="PatternImprover"/> followed by one model over the horizon started from the current
    /// routes, in which single-visit customers may change day. A round's plan replaces the current one
    /// unless it dropped visits that the current one served.
    /// </summary>
    private static List<int>[][] SolveJoint(CordeauInstance instance, int[] chosen, TimeSpan left)
    {
        var watch = Stopwatch.StartNew();
        var t = instance.Days;
        var m = instance.Vehicles;
        var codes = chosen.ToArray();
        var current = SolveByDay(instance, codes, left * WarmStartShare);
        var single = Enumerable.Range(0, instance.Customers + 1).Select(c => c > 0 && instance.Nodes[c].Codes.All(code => DaysOf(code, t).Count == 1)).ToArray();
        for (var round = 0; round < JointRounds; round++)
        {
            for (var d = 0; d < t; d++)
            {
                foreach (var c in current[d].SelectMany(r => r).Where(c => single[c]))
                {
                    codes[c] = 1 << (t - 1 - d);
                }
            }

            PatternImprover.Improve(instance, codes, current, left * ImproveShare);
            var visits = new List<Visit>();
            var visitOf = new Dictionary<(int Customer, int Day), int>();
            for (var c = 1; c <= instance.Customers; c++)
            {
                var days = single[c] ? [.. instance.Nodes[c].Codes.SelectMany(code => DaysOf(code, t)).Distinct().Order()] : DaysOf(codes[c], t);
                foreach (var d in DaysOf(codes[c], t))
                {
                    visitOf[(c, d)] = visits.Count;
                    visits.Add(new Visit(c, single[c] ? days : [d]));
                }
            }

            var vehicleDays = Enumerable.Range(0, t * m).Select(v => v / m).ToArray();
            var initial = Enumerable.Range(0, t * m).Select(v => current[v / m][v % m].Select(c => visitOf[(c, v / m)]).ToList()).ToArray();
            var (routes, dropped) = VisitRouter.Solve(instance, visits, vehicleDays, (left - watch.Elapsed) / (JointRounds - round), initial);
            var joint = Enumerable.Range(0, t).Select(d => Enumerable.Range(0, m).Select(k => routes[(d * m) + k].Select(i => visits[i].Customer).ToList()).ToArray()).ToArray();
            if (dropped.Count == 0 || !Check(instance, current).Feasible)
            {
                current = joint;
            }
        }

        return current;
    }

    private static double Dist(CordeauInstance instance, int a, int b)
    {
        var (p, q) = (instance.Nodes[a], instance.Nodes[b]);
        return Math.Sqrt(((p.X - q.X) * (p.X - q.X)) + ((p.Y - q.Y) * (p.Y - q.Y)));
    }

    private static (double Travel, double Duration, double Load) Measure(CordeauInstance instance, List<int> route)
    {
        var travel = 0.0;
        var previous = 0;
        foreach (var c in route.Append(0))
        {
            travel += Dist(instance, previous, c);
            previous = c;
        }

        return (travel, travel + route.Sum(c => instance.Nodes[c].Service), route.Sum(c => instance.Nodes[c].Demand));
    }

    private static (double Cost, bool Feasible, List<string> Problems) Check(CordeauInstance instance, List<int>[][] routes)
    {
        var problems = new List<string>();
        var t = instance.Days;
        var cost = 0.0;
        var code = new int[instance.Customers + 1];
        for (var d = 0; d < t; d++)
        {
            if (routes[d].Length > instance.Vehicles)
            {
                problems.Add($"day {d + 1}: {routes[d].Length} routes");
            }

            foreach (var route in routes[d].Where(r => r.Count > 0))
            {
                var (travel, duration, load) = Measure(instance, route);
                cost += travel;
                if (instance.MaxDuration > 0 && duration > instance.MaxDuration + 1e-9)
                {
                    problems.Add($"day {d + 1}: duration {duration:0.###} > {instance.MaxDuration}");
                }

                if (load > instance.Capacity + 1e-9)
                {
                    problems.Add($"day {d + 1}: load {load} > {instance.Capacity}");
                }

                foreach (var c in route)
                {
                    code[c] |= 1 << (t - 1 - d);
                }
            }
        }

        for (var c = 1; c <= instance.Customers; c++)
        {
            if (!instance.Nodes[c].Codes.Contains(code[c]))
            {
                problems.Add(code[c] == 0 ? $"customer {c} not served (dropped by the solver)" : $"customer {c}: days code {code[c]} not allowed");
            }
        }

        return (cost, problems.Count == 0, problems);
    }

    private static string ToRes(CordeauInstance instance, List<int>[][] routes, double cost)
    {
        var inv = CultureInfo.InvariantCulture;
        var lines = new List<string> { cost.ToString("0.00", inv) };
        for (var d = 0; d < routes.Length; d++)
        {
            var k = 0;
            foreach (var route in routes[d].Where(r => r.Count > 0))
            {
                k++;
                var (_, duration, load) = Measure(instance, route);
                lines.Add(string.Create(inv, $"{d + 1} {k} {duration:0.00} {load:0.##} 0 {string.Join(' ', route)} 0"));
            }
        }

        return string.Join('\n', lines) + "\n";
    }
}
