namespace Territories.Quality;

/// <summary>Dispatches the first argument to a subcommand and turns usage mistakes into exit code 2.</summary>
internal static class CommandLine
{
    public static int Run(string[] args, IReadOnlyList<ICommand> commands)
    {
        var command = args.Length > 0 ? commands.FirstOrDefault(c => c.Name == args[0]) : null;
        if (command is null)
        {
            Console.Error.WriteLine("usage: Territories.Quality <command> [options]");
            foreach (var c in commands)
            {
                Console.Error.WriteLine($"  {c.Usage}");
            }

            return 2;
        }

        try
        {
            return command.Run(Options.Parse(args.Skip(1)));
        }
        catch (UsageException ex)
        {
            Console.Error.WriteLine($"{command.Name}: {ex.Message}");
            Console.Error.WriteLine($"usage: {command.Usage}");
            return 2;
        }
    }
}

/// <summary>A mistake in the command line.</summary>
internal sealed class UsageException(string message) : Exception(message);
