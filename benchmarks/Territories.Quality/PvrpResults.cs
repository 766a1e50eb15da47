using System.Globalization;
using Territories.IO.Pvrp;

namespace Territories.Quality;

/// <summary>The best-known values of the PVRP set and the one JSON line per instance that the pvrp harness and the OR-Tools baseline both print.</summary>
internal static class PvrpResults
{
    /// <summary>The instance in <paramref name="file"/> read by the library's reader, or null with its problems written to standard error.</summary>
    public static CordeauInstance? Read(string file)
    {
        var read = CordeauReader.ReadFile(file);
        if (read.HasErrors)
        {
            Console.Error.WriteLine($"{Path.GetFileName(file)}: {string.Join("; ", read.Errors)}");
            return null;
        }

        return read.Items[0];
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
    /// The fields of the result line (instance, n, cost, bks, gap_pct, seconds, feasible); the gap is
    /// also returned, null without a best-known value.
    /// </summary>
    public static Dictionary<string, object?> Line(CordeauInstance instance, double cost, IReadOnlyDictionary<string, double> bestKnown, TimeSpan elapsed, bool feasible, out double? gap)
    {
        var rounded = Math.Round(cost, 2);
        double? best = bestKnown.TryGetValue(instance.Name, out var b) ? b : null;
        gap = best is { } v ? Math.Round(100 * (rounded - v) / v, 2) : null;
        return new Dictionary<string, object?>
        {
            ["instance"] = instance.Name,
            ["n"] = instance.Customers,
            ["cost"] = rounded,
            ["bks"] = best,
            ["gap_pct"] = gap,
            ["seconds"] = Math.Round(elapsed.TotalSeconds, 2),
            ["feasible"] = feasible,
        };
    }
}
