using System.Globalization;

namespace NationalPlan;

/// <summary>The command line of the national plan.</summary>
internal sealed record NationalArguments
{
    public const string Usage = """
        Usage: dotnet run -c Release --project examples/NationalPlan [-- [options]]
          --accounts N          Accounts (outlets) to generate around towns. Default: 2400
          --positions K         Positions, one territory each, designed with the library. Default: 4
          --silos N             Silos of the local Orleans cluster (localhost clustering, in this
                                process); 0 plans in this process without Orleans. Default: 2
          --seed S              Seed of the instance, the design and every territory's planner
                                (each territory's seed is derived from S and its id). Default: 1
          --iterations N        Planner iterations per territory (an iteration limit keeps the
                                plan the same on any machine and load). Default: 1000
          --design-seconds S    Time limit of the territory design. Default: 600
          --design-cell-km X    Design on square cells of X km holding the accounts instead of on
                                the accounts themselves (0). Default: 0 up to 50,000 accounts, 2
                                above (the design of 300,000 single accounts takes far longer)
          --parallel N          Territories planned at the same time. Default: the number of cores
          --kill-silo-after N   Kill the last silo (no graceful shutdown) once N territories are
                                planned, to show the coordinator's retry. Default: never
          --out DIR             Where accounts.csv, plan.csv, unplanned.csv and summary.json go.
                                Default: out/national
          --help                Show this text.
        """;

    public int Accounts { get; init; } = 2400;

    public int Positions { get; init; } = 4;

    public int Silos { get; init; } = 2;

    public int Seed { get; init; } = 1;

    public long Iterations { get; init; } = 1000;

    public TimeSpan DesignTimeLimit { get; init; } = TimeSpan.FromSeconds(600);

    public int Parallel { get; init; } = Environment.ProcessorCount;

    public double? DesignCellKm { get; init; }

    /// <summary>The design's cell size: as given, else 0 (the accounts) up to 50,000 accounts and 2 km above.</summary>
    public double CellKm => DesignCellKm ?? (Accounts > 50_000 ? 2 : 0);

    public int? KillSiloAfter { get; init; }

    public string OutputFolder { get; init; } = Path.Combine("out", "national");

    public bool ShowHelp { get; init; }

    public static bool TryParse(string[] args, out NationalArguments arguments, out string problem)
    {
        var parsed = new NationalArguments();
        arguments = parsed;
        problem = string.Empty;
        for (var i = 0; i < args.Length; i++)
        {
            var at = i;
            var hasValue = i + 1 < args.Length;
            switch (args[i])
            {
                case "--help" or "-h":
                    parsed = parsed with { ShowHelp = true };
                    break;
                case "--accounts" when hasValue && TryInt(args[++i], 1, out var accounts):
                    parsed = parsed with { Accounts = accounts };
                    break;
                case "--positions" when hasValue && TryInt(args[++i], 1, out var positions):
                    parsed = parsed with { Positions = positions };
                    break;
                case "--silos" when hasValue && TryInt(args[++i], 0, out var silos) && silos <= 16:
                    parsed = parsed with { Silos = silos };
                    break;
                case "--seed" when hasValue && int.TryParse(args[++i], NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed):
                    parsed = parsed with { Seed = seed };
                    break;
                case "--iterations" when hasValue && TryInt(args[++i], 1, out var iterations):
                    parsed = parsed with { Iterations = iterations };
                    break;
                case "--design-seconds" when hasValue && double.TryParse(args[++i], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 && seconds < 86_400:
                    parsed = parsed with { DesignTimeLimit = TimeSpan.FromSeconds(seconds) };
                    break;
                case "--design-cell-km" when hasValue && double.TryParse(args[++i], NumberStyles.Float, CultureInfo.InvariantCulture, out var cell) && cell >= 0 && cell <= 100:
                    parsed = parsed with { DesignCellKm = cell };
                    break;
                case "--parallel" when hasValue && TryInt(args[++i], 1, out var parallel):
                    parsed = parsed with { Parallel = parallel };
                    break;
                case "--kill-silo-after" when hasValue && TryInt(args[++i], 0, out var kill):
                    parsed = parsed with { KillSiloAfter = kill };
                    break;
                case "--out" when hasValue:
                    parsed = parsed with { OutputFolder = args[++i] };
                    break;
                default:
                    problem = $"Unknown, incomplete or invalid argument '{string.Join(' ', args[at..Math.Min(i + 1, args.Length)])}'.";
                    return false;
            }
        }

        if (parsed.Positions > parsed.Accounts)
        {
            problem = "--positions must not exceed --accounts.";
            return false;
        }

        if (parsed.KillSiloAfter is not null && parsed.Silos < 2)
        {
            problem = "--kill-silo-after needs at least 2 silos.";
            return false;
        }

        arguments = parsed;
        return true;
    }

    private static bool TryInt(string text, int min, out int value) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value) && value >= min;
}
