using Territories.Quality;

// Each subcommand lives in its own file as an ICommand; register it here.
ICommand[] commands =
[
    new PvrpCommand(),
    new BeatCommand(),
];

return CommandLine.Run(args, commands);
