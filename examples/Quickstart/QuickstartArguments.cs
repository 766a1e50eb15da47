using System.Globalization;

namespace Quickstart;

/// <summary>The command line: where the places come from, and how the chain runs.</summary>
internal sealed record QuickstartArguments(string PlacesPath, bool ShowHelp)
{
    public const string Usage = """
        Usage: dotnet run --project examples/Quickstart [-- [options]]
          --places FILE       CSV with the columns id,name,lat,lon,population,county_id (WGS84
                              degrees). Outlets are generated around these places, more where
                              population is larger; the bases are chosen among them.
                              Default: examples/data/sample-ohio/places.csv
          --positions N|auto  Sales positions (one territory each), or auto: as many as the work
                              needs at 85 % utilisation. Default: auto
          --outlets N         About how many outlets to generate (at least one per place).
                              Default: 3000
          --iterations N      Journey planning iterations per position and round (keeps the output
                              deterministic while no time limit is reached). Default: 2000
          --seconds S         Time limit of the whole design <-> plan loop. Default: 90
          --seed N            Seed for the outlets, the design and the planner. Default: 7
          --help              Show this text.
        """;

    /// <summary>Positions to staff; null to size the sales force from the work.</summary>
    public int? Positions { get; init; }

    /// <summary>About how many outlets to generate.</summary>
    public int Outlets { get; init; } = 3000;

    /// <summary>Journey planning iteration limit per position and round.</summary>
    public long Iterations { get; init; } = 2000;

    /// <summary>Time limit of the alignment loop.</summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>Seed of every random choice.</summary>
    public int Seed { get; init; } = 7;

    /// <summary>Reads the arguments; a missing places file falls back to the sample data found above the program.</summary>
    public static bool TryParse(string[] args, out QuickstartArguments arguments, out string problem)
    {
        string? places = null;
        var help = false;
        var parsed = new QuickstartArguments(string.Empty, false);
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
                case "--places" when hasValue:
                    places = args[++i];
                    break;
                case "--positions" when hasValue && args[i + 1] == "auto":
                    i++;
                    parsed = parsed with { Positions = null };
                    break;
                case "--positions" when hasValue && TryPositive(args[++i], out var positions):
                    parsed = parsed with { Positions = positions };
                    break;
                case "--outlets" when hasValue && TryPositive(args[++i], out var outlets):
                    parsed = parsed with { Outlets = outlets };
                    break;
                case "--iterations" when hasValue && TryPositive(args[++i], out var iterations):
                    parsed = parsed with { Iterations = iterations };
                    break;
                case "--seconds" when hasValue && double.TryParse(args[++i], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 && seconds < 86_400:
                    parsed = parsed with { TimeLimit = TimeSpan.FromSeconds(seconds) };
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

        places ??= SampleData.Find("places.csv");
        if (places is null || !File.Exists(places))
        {
            problem = places is null
                ? "The sample data (examples/data/sample-ohio) was not found above the program; pass --places."
                : $"File not found: {places}";
            return false;
        }

        arguments = parsed with { PlacesPath = Path.GetFullPath(places) };
        return true;
    }

    private static bool TryPositive(string text, out int value) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value) && value > 0;
}
