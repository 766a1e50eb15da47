using Quickstart;

// The Territories quickstart, one step per class: read territories, read accounts, staff each
// territory with a position, build the validated sales model, print what came out, then derive and
// allocate each territory's sales mix and write it to out/mix.csv.
// Run: dotnet run --project examples/Quickstart [-- --territories FILE --accounts FILE]
if (!QuickstartArguments.TryParse(args, out var arguments, out var problem))
{
    Console.Error.WriteLine(problem);
    Console.Error.WriteLine(QuickstartArguments.Usage);
    return 2;
}

if (arguments.ShowHelp)
{
    Console.WriteLine(QuickstartArguments.Usage);
    return 0;
}

var territories = LoadTerritoriesStep.Run(arguments.TerritoriesPath);
var accounts = LoadAccountsStep.Run(arguments.AccountsPath);
var staffing = StaffTerritoriesStep.Run(territories.Items, accounts.Items);
var model = BuildModelStep.Run(staffing, accounts.Items);

var summary = new Summary(Console.Out);
summary.PrintInputs(arguments, territories, accounts, staffing);
summary.PrintAccountClasses(accounts.Items);
summary.PrintTopTerritories(staffing, accounts.Items, count: 10);
summary.PrintModel(model);
if (model.TryPickT1(out _, out var valid))
{
    return 1;
}

return MixStep.Run(valid, Console.Out) ? 0 : 1;
