using System.Globalization;
using Quickstart;

// The Territories quickstart, the whole chain, one step per class: read the counties and places,
// staff each county, build the validated sales model and write its sales mix (out/mix.csv); then
// generate outlets around the places, design new territories for N positions from the counties,
// assign the outlets, plan each position's 4-week journey, check it, and write the maps.
// Run: dotnet run --project examples/Quickstart [-- --help]
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

var output = Console.Out;
var steps = new Steps(output);
steps.Begin("read the counties and places, staff one position per county, build the sales model");
var territories = LoadTerritoriesStep.Run(arguments.TerritoriesPath);
var accounts = LoadAccountsStep.Run(arguments.AccountsPath);
var staffing = StaffTerritoriesStep.Run(territories.Items, accounts.Items);
var model = BuildModelStep.Run(staffing, accounts.Items);

var summary = new Summary(output);
summary.PrintInputs(arguments, territories, accounts, staffing);
summary.PrintAccountClasses(accounts.Items);
summary.PrintTopTerritories(staffing, accounts.Items, count: 10);
summary.PrintModel(model);
if (model.TryPickT1(out _, out var valid))
{
    return 1;
}

steps.Begin("derive and allocate the sales mix per county");
if (!MixStep.Run(valid, output))
{
    return 1;
}

steps.Begin("generate outlets around the places");
var outlets = GenerateOutletsStep.Run(accounts.Items, arguments.Outlets, arguments.Seed);
var classes = GenerateOutletsStep.Classes.Select(c => string.Create(CultureInfo.InvariantCulture, $"{outlets.Count(o => o.Class == c.Class)} {c.Class} ({c.Frequency}, {c.MinMinutes}-{c.MaxMinutes} min)"));
output.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"  {outlets.Length} outlets: {string.Join(", ", classes)}; {outlets.Sum(o => GenerateOutletsStep.HoursPerCycle(o, valid.Cycle)):N0} field hours per {valid.Cycle}"));

steps.Begin(string.Create(CultureInfo.InvariantCulture, $"design {arguments.Positions} territories from the counties, balancing field hours"));
var design = DesignTerritoriesStep.Run(territories.Items, accounts.Items, outlets, valid.Cycle, arguments.Positions, arguments.Seed, output);
if (design is null)
{
    return 1;
}

steps.Begin("assign the outlets to the new territories");
var assigned = AssignOutletsStep.Run(design, outlets, output);
if (assigned is null)
{
    return 1;
}

steps.Begin("plan each position's 4-week journey and check it");
var plans = PlanJourneysStep.Run(design, assigned.Value, valid.Cycle, arguments, output);
if (plans is null)
{
    return 1;
}

steps.Begin("summary per territory");
PlanSummary.Print(plans.Value, output);

steps.Begin("write the maps");
WriteMapsStep.Run(plans.Value, output);
output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {MixStep.OutputPath,-22} (step 2)"));

steps.Begin("write the plans for the field: CSV and one calendar per position");
ExportPlansStep.Run(plans.Value, output);
output.WriteLine();
output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Done in {steps.Elapsed.TotalSeconds:0.0} s. Open out/map.html in a browser."));
return 0;
