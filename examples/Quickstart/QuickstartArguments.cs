namespace Quickstart;

/// <summary>The command line: where the territories and accounts come from.</summary>
internal sealed record QuickstartArguments(string TerritoriesPath, string AccountsPath, bool ShowHelp)
{
    public const string Usage = """
        Usage: dotnet run --project examples/Quickstart [-- [--territories FILE] [--accounts FILE]]

          --territories FILE  GeoJSON FeatureCollection of Polygon/MultiPolygon features; the feature
                              id is the territory id, the NAME property its name.
                              Default: examples/data/sample-ohio/counties.geojson
          --accounts FILE     CSV with the columns id,name,lat,lon,population,county_id (WGS84
                              degrees; county_id is the id of the account's territory).
                              Default: examples/data/sample-ohio/places.csv
          --help              Show this text.
        """;

    /// <summary>Reads the arguments; missing files fall back to the sample data found above the program.</summary>
    public static bool TryParse(string[] args, out QuickstartArguments arguments, out string problem)
    {
        string? territories = null;
        string? accounts = null;
        var help = false;
        arguments = new QuickstartArguments(string.Empty, string.Empty, false);
        problem = string.Empty;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--help" or "-h":
                    help = true;
                    break;
                case "--territories" when i + 1 < args.Length:
                    territories = args[++i];
                    break;
                case "--accounts" when i + 1 < args.Length:
                    accounts = args[++i];
                    break;
                default:
                    problem = $"Unknown or incomplete argument '{args[i]}'.";
                    return false;
            }
        }

        if (help)
        {
            arguments = arguments with { ShowHelp = true };
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

        arguments = new QuickstartArguments(Path.GetFullPath(territories!), Path.GetFullPath(accounts!), false);
        return true;
    }
}
