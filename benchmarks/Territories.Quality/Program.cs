using Territories.Quality;

// Each subcommand lives in its own file as an ICommand; register it here.
ICommand[] commands =
[
    new AssignCommand(),
    new TspCommand(),
    new DesignCommand(),
    new DtdpCommand(),
    new RealignCommand(),
    new PvrpCommand(),
    new BeatCommand(),
    new PvrpGenerateCommand(),
    new OutletsCommand(),
    new AlignCommand(),
    new WorkloadFitCommand(),
    new ReplanCommand(),
    new FitCommand(),
];

return CommandLine.Run(args, commands);
