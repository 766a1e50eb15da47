namespace Territories.Quality;

/// <summary>A subcommand of the quality harness.</summary>
internal interface ICommand
{
    /// <summary>The word that selects the command, e.g. <c>assign</c>.</summary>
    string Name { get; }

    /// <summary>One line of usage, e.g. <c>assign --territories FILE --accounts FILE</c>.</summary>
    string Usage { get; }

    /// <summary>Runs the command; returns the process exit code.</summary>
    int Run(Options options);
}
