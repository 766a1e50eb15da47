using System.Globalization;
using Territories.IO.Csv;
using Territories.Mix;
using Territories.Model;
using Territories.Spatial;

namespace Quickstart;

/// <summary>
/// Step 2: the sales mix of every territory, derived by the default rules and allocated exactly in
/// minutes, printed and written to <see cref="OutputPath"/>. The sample has potentials (population)
/// but no sales, so each county's market position has the potential of its places and no sales: a
/// share of 0, and the strategy follows from potential alone (develop at or above the median county,
/// harvest below).
/// </summary>
internal static class MixStep
{
    /// <summary>Where the mix CSV goes, relative to the working directory.</summary>
    public const string OutputPath = "out/mix.csv";

    private static readonly (string Id, string Column)[] Columns =
    [
        ("order-taking", "order"), ("merchandising", "merch"), ("collection", "collect"), ("audit", "audit"), ("demo", "demo"),
        ("inbound", "inbound"), ("outbound", "outbound"), ("lead-generation", "leads"), ("enablement", "enable"),
    ];

    /// <summary>Derives, allocates, prints and writes the mix; returns false (after printing every problem) when it cannot.</summary>
    public static bool Run(SalesModel model, TextWriter output)
    {
        var potentials = model.Accounts
            .Where(a => a.Territory is not null)
            .GroupBy(a => a.Territory!.Value)
            .ToDictionary(g => g.Key, g => g.Sum(a => a.Potential));
        var markets = model.Territories.Select(t => new MarketPosition(t.Id, potentials.GetValueOrDefault(t.Id), 0m));
        var withMarkets = SalesModel.Create(model.ToInput() with { MarketPositions = [.. markets] });
        if (withMarkets.TryPickT1(out var invalid, out var marketModel))
        {
            output.WriteLine(Invariant($"Sales mix: {invalid.Errors.Length} problem(s) adding market positions: {invalid}"));
            return false;
        }

        // Neighbouring counties should not pull in opposite directions: smooth each target mix a
        // little toward its neighbours (weighted by shared border length) before allocating.
        var neighbours = NeighbourPair.FromAdjacency(AdjacencyGraph.Build(TerritoryMap.FromModel(marketModel)));
        var options = new MixPlanningOptions { Smoothing = new MixSmoothingOptions { Strength = 0.3 } };
        var planned = new SalesMixPlanner(options).Plan(marketModel, neighbours: neighbours);
        if (planned.TryPickT1(out var failure, out var plan))
        {
            output.WriteLine(Invariant($"Sales mix: {failure.Errors.Length} problem(s)"));
            foreach (var error in failure.Errors)
            {
                output.WriteLine(Invariant($"  {error}"));
            }

            return false;
        }

        Print(plan, model, output);
        MixCsvWriter.WriteFile(OutputPath, plan.Allocations);
        output.WriteLine(Invariant($"Mix written to {Path.GetFullPath(OutputPath)}"));
        return true;
    }

    private static void Print(MixPlan plan, SalesModel model, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine("Sales mix per territory: minutes per 4-week cycle by activity (default rules; strategy from potential, no sales data)");
        output.WriteLine(Invariant($"  {"territory",-11} {"name",-12} {"strategy",-8} {"capacity",8} ") + string.Join(" ", Columns.Select(c => c.Column.PadLeft(8))));
        foreach (var territory in plan.Territories)
        {
            var allocation = territory.Allocation;
            var name = model.FindTerritory(territory.Territory)?.Name ?? territory.Territory.Value;
            var cells = Columns.Select(c => (allocation.UnitsOf(c.Id) * allocation.Unit.Minutes).ToString(CultureInfo.InvariantCulture).PadLeft(8));
            output.WriteLine(Invariant($"  {territory.Territory.Value,-11} {Truncate(name, 12),-12} {territory.Derivation.Strategy,-8} {allocation.CapacityUnits * allocation.Unit.Minutes,8} ") + string.Join(" ", cells));
        }

        var first = plan.Territories[0];
        output.WriteLine();
        output.WriteLine(Invariant($"Why {first.Territory}'s order-taking share is {first.Target["order-taking"]:P1}:"));
        foreach (var contribution in first.Derivation.Explain("order-taking"))
        {
            output.WriteLine(Invariant($"  {contribution.Source,-22} {contribution.Share:P1}"));
        }

        var visited = plan.Territories.SelectMany(t => t.Allocation.Accounts).Where(a => a.Visit is not null).ToList();
        output.WriteLine();
        output.WriteLine(Invariant($"Visit requirements for the journey planner: {visited.Count} account(s) with field time"));
        foreach (var account in visited.OrderByDescending(a => a.FieldTime).ThenBy(a => a.Account).Take(3))
        {
            var visit = account.Visit!;
            output.WriteLine(Invariant($"  {account.Account,-10} {Truncate(model.FindAccount(account.Account)?.Name ?? string.Empty, 16),-16} {visit.Frequency} x {visit.Duration?.TotalMinutes} min, {visit.Activity}"));
        }

        output.WriteLine();
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
