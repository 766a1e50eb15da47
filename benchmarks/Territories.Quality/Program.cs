using Territories.Quality;

// Each subcommand lives in its own file as an ICommand; register it here.
ICommand[] commands =
[
    new PvrpCommand(),
    new BeatCommand(),
    new AssignCommand(),
    new TspCommand(),
    new DesignCommand(),
    new DtdpCommand(),
    new RealignCommand(),
];

return CommandLine.Run(args, commands);
