using Territories.OrTools;

// One command, as in the Quality harness: pvrp.
if (args.Length == 0 || args[0] != "pvrp")
{
    Console.Error.WriteLine($"usage: Territories.OrTools {PvrpBaseline.Usage}");
    return 2;
}

var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 1; i < args.Length; i += 2)
{
    if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
    {
        Console.Error.WriteLine($"usage: Territories.OrTools {PvrpBaseline.Usage}");
        return 2;
    }

    options[args[i][2..]] = args[i + 1];
}

return PvrpBaseline.Run(options);
