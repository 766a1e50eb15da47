using Territories.OrTools;

// Two commands: pvrp (the periodic routing baseline) and realign-exact (the exact realignment bound).
var usage = $"usage: Territories.OrTools {PvrpBaseline.Usage}\n       Territories.OrTools {RealignExact.Usage}";
if (args.Length == 0 || args[0] is not ("pvrp" or "realign-exact"))
{
    Console.Error.WriteLine(usage);
    return 2;
}

var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 1; i < args.Length; i += 2)
{
    if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
    {
        Console.Error.WriteLine(usage);
        return 2;
    }

    options[args[i][2..]] = args[i + 1];
}

return args[0] == "pvrp" ? PvrpBaseline.Run(options) : RealignExact.Run(options);
