using System.Globalization;
using Territories.IO.Csv;
using Territories.Mix;
using Territories.Model;
using Territories.Workload;

namespace Quickstart;

/// <summary>
/// Step 5: the sales mix of every designed territory, derived by the default rules from its market
/// position (potential: the outlets' potentials; the sample has no sales, so the strategy follows
/// from potential alone) and allocated in minutes of the time its position has left after the travel
/// of its plan. An outlet gets exactly the visits its class asks for (never more), each visit
/// carrying its activity from the mix; what is left is slack, with where it would go. Then each
/// plan's delivered mix (time on site per activity) against the target. The plans hold only visits,
/// so remote activities (inbound, outbound, lead generation, enablement) are not delivered yet.
/// Written to <see cref="OutputPath"/>.
/// </summary>
internal static class MixStep
{
    /// <summary>Where the mix CSV goes, relative to the working directory.</summary>
    public const string OutputPath = "out/mix.csv";

    public static bool Run(AlignmentResult aligned, TextWriter output)
    {
        var cycle = aligned.Request.Cycle;
        var territories = aligned.Positions.Select(p => new MixTerritoryRequest(p.Territory)
        {
            Accounts = p.Request.Accounts,
            Positions = [p.Position],
            Market = new MarketPosition(p.Territory.Id, p.Request.Accounts.Sum(a => a.Potential), 0m),
            Travel = p.Plan.Kpis.TotalTravelTime + WaitingTime(p),
        });
        var planned = new SalesMixPlanner().Plan(new MixPlanningRequest(territories, cycle));
        if (planned.TryPickT1(out var failure, out var mix))
        {
            output.WriteLine($"  the mix cannot be allocated: {failure}");
            return false;
        }

        foreach (var warning in mix.Warnings)
        {
            output.WriteLine($"  warning: {warning}");
        }

        var effort = aligned.Positions.SelectMany(p => MixDelivery.Effort(mix.WithActivities(p.Plan), p.Territory.Id));
        var delivered = MixDelivery.Compare(mix.Targets, effort, MixDivergenceMeasure.TotalVariation);
        if (delivered.TryPickT1(out var compareFailure, out var reports))
        {
            output.WriteLine($"  the delivered mix cannot be compared: {compareFailure}");
            return false;
        }

        var byTerritory = reports.ToDictionary(r => r.Territory);
        output.WriteLine("  territory strategy  working h  travel h  visits h  slack h  target: field  remote   delivered: field  divergence");
        foreach (var territory in mix.Territories)
        {
            var target = territory.Target;
            var field = target.Shares.Where(s => ActivityType.Defaults.FirstOrDefault(a => a.Id == s.Key)?.Channel == ActivityChannel.Field).Sum(s => s.Value);
            var report = byTerritory[territory.Territory];
            output.WriteLine(Invariant(
                $"  {territory.Territory.Value,-9} {territory.Derivation.Strategy,-9} {territory.WorkingTime.TotalHours,9:0} {territory.Travel.TotalHours,9:0} {territory.Service.TotalHours,9:0} {territory.Allocation.SlackTime.TotalHours,8:0}  {field,13:P0} {1 - field,7:P0}   {report.DeliveredTime.TotalHours,12:0} h  {report.Divergence,10:0.000}"));
        }

        var first = reports[0];
        output.WriteLine($"  {first}");
        var slack = mix.Territories[0].Allocation.Slack;
        output.WriteLine(Invariant($"  {mix.Territories[0].Territory}'s slack: {string.Join(", ", slack)}"));
        output.WriteLine("  (visits h: the outlets' class frequencies x visit minutes, never more; slack: capacity the mix would spend beyond the outlets' needs)");
        Directory.CreateDirectory("out");
        MixCsvWriter.WriteFile(OutputPath, mix.Allocations);
        return true;
    }

    // Waiting for outlets to open is time the position cannot give to the mix either.
    private static TimeSpan WaitingTime(AlignedPosition position) =>
        position.Plan.Routes.Aggregate(TimeSpan.Zero, (sum, r) => sum + (r.WorkingTime - r.TravelTime - r.ServiceTime));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
