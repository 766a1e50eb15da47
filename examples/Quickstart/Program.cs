using System.Globalization;
using Quickstart;
using Territories.Model;

// The Territories quickstart, the whole chain, one step per class: read the places, generate outlets
// around them, size the sales force from the outlets' work, shape territories, bases and 4-week
// journey plans together (design on estimated work, plan, realign on the plans' real work), derive
// each designed territory's sales mix and compare it with what its plan delivers, check every plan,
// and write the maps, the plan CSV and one calendar per position.
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
var cycle = JourneyCycle.Create(4);
steps.Begin("read the places");
var places = LoadAccountsStep.Run(arguments.PlacesPath);
output.WriteLine(Invariant($"  {places.Items.Length} places from {arguments.PlacesPath}, {places.Errors.Length} problem(s)"));
foreach (var error in places.Errors.Take(10))
{
    output.WriteLine($"    {error}");
}

if (places.Items.IsEmpty)
{
    return 1;
}

steps.Begin("generate outlets around the places");
var outlets = GenerateOutletsStep.Run(places.Items, arguments.Outlets, arguments.Seed);
var classes = GenerateOutletsStep.Classes.Select(c => Invariant($"{outlets.Count(o => o.Class == c.Class)} {c.Class} ({c.Frequency}, {c.MinMinutes}-{c.MaxMinutes} min)"));
output.WriteLine(Invariant($"  {outlets.Length} outlets: {string.Join(", ", classes)}; {outlets.Sum(o => GenerateOutletsStep.HoursPerCycle(o, cycle)):N0} hours of visits per {cycle}"));

steps.Begin("coverage: who serves which outlets, and how");
var (visited, fromDesk) = CoverageStep.Run(outlets, cycle, output);

steps.Begin("size the sales force from the work (service + travel + stems, 85 % utilisation)");
AlignStep.Size(visited, cycle, arguments.Positions, output);

steps.Begin("shape territories, bases and journey plans together");
var aligned = AlignStep.Run(visited, places.Items, cycle, arguments.Positions, arguments, output);
if (aligned is null)
{
    return 1;
}

steps.Begin("the sales mix of each territory, per role: target and delivered");
var desk = MixStep.Run(aligned, fromDesk, output);
if (desk is null)
{
    return 1;
}

steps.Begin("per position: territory, base, work and plan, each plan checked");
var feasible = PositionSummary.Print(aligned, desk, fromDesk.Length, places.Items, output);

steps.Begin("write the maps");
WriteMapsStep.Run(aligned, output);

steps.Begin("write the plans for the field: CSV and one calendar per position");
ExportPlansStep.Run(aligned, output);
output.WriteLine();
output.WriteLine(Invariant($"Done in {steps.Elapsed.TotalSeconds:0.0} s. Open out/map.html in a browser."));
return feasible ? 0 : 1;

static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
