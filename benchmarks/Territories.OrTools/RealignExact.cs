using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Google.OrTools.Sat;

namespace Territories.OrTools;

/// <summary>
/// <c>realign-exact</c>: the least attribute volume any balanced, contiguous realignment must move, by
/// CP-SAT on an instance written by the Quality harness (<c>realign --export DIR</c>). Prints the best
/// plan CP-SAT found, the lower bound it proved, and our realignment's volume against both.
/// </summary>
/// <remarks>
/// <para>
/// Model: x[i,t] = unit i in territory t (exactly one t each); every attribute's total per territory
/// within the tolerance of its target; contiguity by one single-commodity flow per territory: a root
/// unit (one per territory, in it) supplies one unit of flow for every member, flow runs only along
/// links between two members of the territory, every member consumes one. Objective: minimise the
/// first attribute's volume of units leaving their original territory. Nothing is fixed or restricted,
/// so CP-SAT's proven bound is a lower bound for every balanced contiguous realignment.
/// </para>
/// <para>
/// Attribute values are scaled to integers (×<c>--scale</c>, 1000 by default) and each territory's band
/// is widened by the largest total rounding error (half a step per unit), so the integer model is a
/// relaxation of the real one and its bound stays valid. Our plan is given to CP-SAT as a hint.
/// </para>
/// </remarks>
internal static class RealignExact
{
    public const string Usage = "realign-exact --dir DIR --seconds S [--scale 1000] [--workers 2]";

    public static int Run(Dictionary<string, string> options)
    {
        if (!options.TryGetValue("dir", out var dir) || !File.Exists(Path.Combine(dir, "units.csv")))
        {
            Console.Error.WriteLine($"usage: Territories.OrTools {Usage} (--dir must hold units.csv, links.csv and meta.json)");
            return 2;
        }

        var seconds = options.TryGetValue("seconds", out var s) ? double.Parse(s, CultureInfo.InvariantCulture) : 60;
        var scale = options.TryGetValue("scale", out var sc) ? double.Parse(sc, CultureInfo.InvariantCulture) : 1000;
        var workers = options.TryGetValue("workers", out var w) ? int.Parse(w, CultureInfo.InvariantCulture) : 2;
        using var meta = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "meta.json")));
        var k = meta.RootElement.GetProperty("k").GetInt32();
        var tolerance = meta.RootElement.GetProperty("tolerance").GetDouble();
        var ourVolume = meta.RootElement.GetProperty("volumeMoved").GetDouble();
        var provenBound = meta.RootElement.GetProperty("volumeLowerBound").GetDouble();

        var rows = File.ReadAllLines(Path.Combine(dir, "units.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        var n = rows.Count;
        var m = rows[0].Length - 4;
        var original = rows.Select(r => int.Parse(r[2], CultureInfo.InvariantCulture)).ToArray();
        var ours = rows.Select(r => int.Parse(r[3], CultureInfo.InvariantCulture)).ToArray();
        var value = rows.Select(r => r.Skip(4).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();
        var links = File.ReadAllLines(Path.Combine(dir, "links.csv")).Skip(1).Select(l => l.Split(','))
            .Select(p => (A: int.Parse(p[0], CultureInfo.InvariantCulture), B: int.Parse(p[1], CultureInfo.InvariantCulture))).ToList();

        var model = new CpModel();
        var x = new BoolVar[n, k];
        for (var i = 0; i < n; i++)
        {
            for (var t = 0; t < k; t++)
            {
                x[i, t] = model.NewBoolVar($"x{i}_{t}");
                model.AddHint(x[i, t], ours[i] == t ? 1 : 0);
            }

            model.AddExactlyOne(Enumerable.Range(0, k).Select(t => x[i, t]));
        }

        for (var a = 0; a < m; a++)
        {
            var total = value.Sum(v => v[a]);
            if (total <= 0)
            {
                continue;
            }

            var weights = value.Select(v => (long)Math.Round(v[a] * scale)).ToArray();
            var target = total * scale / k;
            var slack = (long)Math.Ceiling(0.5 * n) + 1;
            var lo = (long)Math.Floor(target * (1 - tolerance)) - slack;
            var hi = (long)Math.Ceiling(target * (1 + tolerance)) + slack;
            for (var t = 0; t < k; t++)
            {
                model.AddLinearConstraint(LinearExpr.WeightedSum(Enumerable.Range(0, n).Select(i => x[i, t]), weights), lo, hi);
            }
        }

        // Contiguity: one flow per territory from its root to every member along links inside it.
        var outArcs = Enumerable.Range(0, n).Select(_ => new List<int>()).ToArray();
        var inArcs = Enumerable.Range(0, n).Select(_ => new List<int>()).ToArray();
        var arcs = new List<(int From, int To)>();
        foreach (var (a, b) in links)
        {
            foreach (var (from, to) in new[] { (a, b), (b, a) })
            {
                outArcs[from].Add(arcs.Count);
                inArcs[to].Add(arcs.Count);
                arcs.Add((from, to));
            }
        }

        for (var t = 0; t < k; t++)
        {
            var flow = arcs.Select((arc, e) => model.NewIntVar(0, n - 1, $"f{e}_{t}")).ToArray();
            for (var e = 0; e < arcs.Count; e++)
            {
                model.Add(flow[e] <= (n - 1) * x[arcs[e].From, t]);
                model.Add(flow[e] <= (n - 1) * x[arcs[e].To, t]);
            }

            var roots = new BoolVar[n];
            for (var i = 0; i < n; i++)
            {
                roots[i] = model.NewBoolVar($"r{i}_{t}");
                model.AddImplication(roots[i], x[i, t]);
                var supply = model.NewIntVar(0, n, $"s{i}_{t}");
                model.Add(supply <= n * roots[i]);
                model.Add(LinearExpr.Sum(outArcs[i].Select(e => flow[e])) - LinearExpr.Sum(inArcs[i].Select(e => flow[e])) == supply - x[i, t]);
            }

            model.AddExactlyOne(roots);
        }

        var moving = value.Select(v => (long)Math.Round(v[0] * scale)).ToArray();
        model.Maximize(LinearExpr.WeightedSum(Enumerable.Range(0, n).Select(i => x[i, original[i]]), moving));
        var kept = moving.Sum();

        var solver = new CpSolver
        {
            StringParameters = string.Create(CultureInfo.InvariantCulture, $"max_time_in_seconds:{seconds} num_workers:{workers}"),
        };
        var clock = Stopwatch.StartNew();
        var status = solver.Solve(model);
        var elapsed = clock.Elapsed.TotalSeconds;
        var found = status is CpSolverStatus.Optimal or CpSolverStatus.Feasible;
        var best = found ? (kept - solver.ObjectiveValue) / scale : (double?)null;
        var bound = Math.Max(0, (kept - solver.BestObjectiveBound) / scale);
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            units = n,
            k,
            links = links.Count,
            status = status.ToString(),
            bestMoved = best is null ? (double?)null : Math.Round(best.Value, 3),
            exactLowerBound = Math.Round(bound, 3),
            ourMoved = Math.Round(ourVolume, 3),
            provenBound = Math.Round(provenBound, 3),
            oursToExactBound = bound > 0 ? Math.Round(ourVolume / bound, 3) : (double?)null,
            oursToBest = best > 0 ? Math.Round(ourVolume / best.Value, 3) : (double?)null,
            seconds = Math.Round(elapsed, 1),
        }));
        return 0;
    }
}
