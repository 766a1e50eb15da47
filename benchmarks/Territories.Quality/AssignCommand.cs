using System.Diagnostics;
using System.Globalization;
using System.Text;
using Territories.Spatial;

namespace Territories.Quality;

/// <summary>
/// <c>assign</c>: assigns every point of a CSV file to the territories of a GeoJSON file through
/// <see cref="TerritoryMap.LocateMany"/>, writes <c>account_id,territory_id,status</c> in input order,
/// and prints one JSON line with the counts and the time taken.
/// </summary>
internal sealed class AssignCommand : ICommand
{
    public string Name => "assign";

    public string Usage => "assign --territories FILE.geojson --accounts FILE.csv [--id-property P] [--out FILE.csv] [--threads N]";

    public int Run(Options options)
    {
        var total = Stopwatch.StartNew();
        var territories = TerritoryFiles.ReadTerritories(options.Required("territories"), options.Optional("id-property"));
        var (ids, lon, lat) = TerritoryFiles.ReadPoints(options.Required("accounts"));
        var read = total.Elapsed.TotalSeconds;

        var index = Stopwatch.StartNew();
        var created = TerritoryMap.Create(territories);
        if (created.TryPickT1(out var failure, out var map))
        {
            foreach (var p in failure.Errors)
            {
                Console.Error.WriteLine(p);
            }

            return 1;
        }

        var indexSeconds = index.Elapsed.TotalSeconds;
        var results = new PointAssignment[ids.Count];
        var assign = Stopwatch.StartNew();
        map.LocateMany(lon, lat, results, new AssignmentOptions { MaxDegreeOfParallelism = options.Int("threads", 0) });
        var seconds = assign.Elapsed.TotalSeconds;

        int assigned = 0, unassigned = 0, ambiguous = 0, invalid = 0;
        var output = options.Optional("out");
        using (var writer = output is null ? null : new StreamWriter(output, false, new UTF8Encoding(false)))
        {
            writer?.Write("account_id,territory_id,status\n");
            for (var i = 0; i < results.Length; i++)
            {
                var r = results[i];
                string territory = string.Empty, status;
                switch (r.Status)
                {
                    case AssignmentStatus.Assigned:
                        assigned++;
                        territory = map.Territories[r.TerritoryIndex].Value;
                        status = "assigned";
                        break;
                    case AssignmentStatus.Ambiguous:
                        ambiguous++;
                        status = "ambiguous";
                        break;
                    case AssignmentStatus.InvalidLocation:
                        // An invalid coordinate is outside every territory; counted apart as well.
                        invalid++;
                        unassigned++;
                        status = "unassigned";
                        break;
                    default:
                        unassigned++;
                        status = "unassigned";
                        break;
                }

                writer?.Write($"{TerritoryFiles.Csv(ids[i])},{TerritoryFiles.Csv(territory)},{status}\n");
            }
        }

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{{\"accounts\":{results.Length},\"territories\":{map.Territories.Length},\"assigned\":{assigned},\"unassigned\":{unassigned},\"ambiguous\":{ambiguous},\"invalid_location\":{invalid},\"seconds\":{seconds:0.######},\"index_seconds\":{indexSeconds:0.######},\"read_seconds\":{read:0.######},\"total_seconds\":{total.Elapsed.TotalSeconds:0.######},\"accounts_per_second\":{(seconds > 0 ? results.Length / seconds : 0):0}}}"));
        return 0;
    }
}
