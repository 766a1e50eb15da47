using SharpFuzz;

namespace Territories.Fuzz;

/// <summary>
/// Runs one fuzz target under afl++ (persistent mode through SharpFuzz); outside afl++ it runs the
/// target once on standard input, which replays a finding: <c>dotnet Territories.Fuzz.dll plan-csv &lt; crash</c>.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        // Instrumented code (ours) must not run before Fuzzer.Run has set up afl++'s shared memory,
        // so the names are known here without touching Targets.
        if (args is ["--list"])
        {
            foreach (var name in TargetNames.All)
            {
                Console.WriteLine(name);
            }

            return 0;
        }

        if (args.Length != 1 || !TargetNames.All.Contains(args[0], StringComparer.Ordinal))
        {
            Console.Error.WriteLine("usage: Territories.Fuzz TARGET < input, or Territories.Fuzz --list");
            Console.Error.WriteLine("targets: " + string.Join(", ", TargetNames.All));
            return 2;
        }

        var target = args[0];
        Fuzzer.Run(input => Targets.Run(target, input));
        return 0;
    }
}
