using System.Globalization;

namespace Quickstart;

/// <summary>The command line: where the territories and accounts come from, and how the chain runs.</summary>
internal sealed record QuickstartArguments(string TerritoriesPath, string AccountsPath, bool ShowHelp)
{
    public const string Usage = """
        Usage: dotnet run --project examples/Quickstart [-- [options]]

          --territories FILE  GeoJSON FeatureCollection of Polygon/MultiPolygon features; the feature
                              id is the territory id, the NAME property its name. These are the units
                              the new territories are built from.
                              Default: examples/data/sample-ohio/counties.geojson
          --accounts FILE     CSV with the columns id,name,lat,lon,population,county_id (WGS84
                              degrees; county_id is the id of the account's territory). Outlets are
                              generated around these places, more where population is larger.
                              Default: examples/data/sample-ohio/places.csv
          --positions N       Territories to design, one position each. Default: 12
          --outlets N         About how many outlets to generate (at least one per place).
                              Default: 3000
          --time-limit S      Journey planning time limit per position, in seconds. Default: 7
          --iterations N      Journey planning iteration limit per position (keeps the output
                              deterministic while the time limit is not reached). Default: 2000
          --seed N            Seed for the outlets, the design and the planner. Default: 7
          --help              Show this text.
        """;

    /// <summary>Territories to design (one position each).</summary>
    public int Positions { get; init; } = 12;

    /// <summary>About how many outlets to generate.</summary>
    public int Outlets { get; init; } = 3000;

    /// <summary>Journey planning time limit per position.</summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(7);

    /// <summary>Journey planning iteration limit per position.</summary>
    public long Iterations { get; init; } = 2000;

    /// <summary>Seed of every random choice.</summary>
    public int Seed { get; init; } = 7;

    /// <summary>Reads the arguments; missing files fall back to the sample data found above the program.</summary>
    public static bool TryParse(string[] args, out QuickstartArguments arguments, out string problem)
    {
        string? territories = null;
        string? accounts = null;
        var help = false;
        var parsed = new QuickstartArguments(string.Empty, string.Empty, false);
        arguments = parsed;
        problem = string.Empty;
        for (var i = 0; i < args.Length; i++)
        {
            var at = i;
            var hasValue = i + 1 < args.Length;
            switch (args[i])
            {
                case "--help" or "-h":
                    help = true;
                    break;
                case "--territories" when hasValue:
                    territories = args[++i];
                    break;
                case "--accounts" when hasValue:
                    accounts = args[++i];
                    break;
                case "--positions" when hasValue && TryPositive(args[++i], out var positions):
                    parsed = parsed with { Positions = positions };
                    break;
                case "--outlets" when hasValue && TryPositive(args[++i], out var outlets):
                    parsed = parsed with { Outlets = outlets };
                    break;
                case "--time-limit" when hasValue && double.TryParse(args[++i], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0:
                    parsed = parsed with { TimeLimit = TimeSpan.FromSeconds(seconds) };
                    break;
                case "--iterations" when hasValue && TryPositive(args[++i], out var iterations):
                    parsed = parsed with { Iterations = iterations };
                    break;
                case "--seed" when hasValue && int.TryParse(args[++i], NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed):
                    parsed = parsed with { Seed = seed };
                    break;
                default:
                    problem = $"Unknown, incomplete or invalid argument '{string.Join(' ', args[at..(i + 1)])}'.";
                    return false;
            }
        }

        if (help)
        {
            arguments = parsed with { ShowHelp = true };
            return true;
        }

        territories ??= SampleData.Find("counties.geojson");
        accounts ??= SampleData.Find("places.csv");
        foreach (var path in new[] { territories, accounts })
        {
            if (path is null || !File.Exists(path))
            {
                problem = path is null
                    ? "The sample data (examples/data/sample-ohio) was not found above the program; pass --territories and --accounts."
                    : $"File not found: {path}";
                return false;
            }
        }

        arguments = parsed with { TerritoriesPath = Path.GetFullPath(territories!), AccountsPath = Path.GetFullPath(accounts!) };
        return true;
    }

    private static bool TryPositive(string text, out int value) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value) && value > 0;
}
