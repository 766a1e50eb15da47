using System.Globalization;
using Territories.IO.Csv;
using Territories.Journeys;
using Territories.Journeys.Planning;
using Territories.Mix;
using Territories.Model;
using Territories.Workload;

namespace Quickstart;

/// <summary>
/// Step 6: the sales mix of every designed territory and of the inside-sales desk's territory,
/// allocated per role under the coverage model of step 3, derived by the default rules from its market
/// position (potential: the outlets' potentials; the sample has no sales, so the strategy follows
/// from potential alone) and allocated in minutes of the time its position has left after the travel
/// of its plan. An outlet gets exactly the visits its class asks for (never more), each visit
/// carrying a field activity of the mix so that the territory's visits match its field shares; the
/// remote activities (inbound, outbound, lead generation, enablement) are placed as desk blocks in the
/// free time of the representative's days (<see cref="RemoteScheduler"/>), up to what is left after
/// travel and visits. The desk's mix is remote work only: calls to its phone outlets, up to what each
/// needs, the rest slack. Then each plan's delivered mix (visits and desk blocks) against the target,
/// and the team's: the representatives and the desk together. Written to <see cref="OutputPath"/>.
/// </summary>
internal static class MixStep
{
    /// <summary>Where the mix CSV goes, relative to the working directory.</summary>
    public const string OutputPath = "out/mix.csv";

    /// <summary>Runs the step.</summary>
    /// <returns>The desk blocks placed for each position, or null when the mix cannot be planned or compared.</returns>
    public static IReadOnlyDictionary<PositionId, RemoteSchedule>? Run(AlignmentResult aligned, IReadOnlyList<Account> fromDesk, TextWriter output)
    {
        var cycle = aligned.Request.Cycle;
        var territories = aligned.Positions.Select(p => new MixTerritoryRequest(p.Territory)
        {
            Accounts = p.Request.Accounts,
            Positions = [p.Position],
            Market = new MarketPosition(p.Territory.Id, p.Request.Accounts.Sum(a => a.Potential), 0m),
            Travel = p.Plan.Kpis.TotalTravelTime + WaitingTime(p),
        }).Append(new MixTerritoryRequest(CoverageStep.DeskTerritory)
        {
            Accounts = [.. fromDesk],
            Positions = [CoverageStep.Desk],
            Market = new MarketPosition(CoverageStep.DeskTerritory.Id, fromDesk.Sum(a => a.Potential), 0m),
        });
        var request = new MixPlanningRequest(territories, cycle) { Coverage = CoverageStep.Model };
        foreach (var gap in MixReadiness.Check(request).GroupBy(g => g.Gap))
        {
            output.WriteLine(Invariant($"  derived without: {gap.First().Message} ({gap.Count()} of {request.Territories.Length} territories{(gap.Sum(g => g.Count) > gap.Count() ? $", {gap.Sum(g => g.Count)} item(s) in all" : string.Empty)})"));
        }

        var planned = new SalesMixPlanner().Plan(request);
        if (planned.TryPickT1(out var failure, out var mix))
        {
            output.WriteLine($"  the mix cannot be allocated: {failure}");
            return null;
        }

        foreach (var warning in mix.Warnings)
        {
            output.WriteLine($"  warning: {warning}");
        }

        // Visits carry the field mix; the remote minutes go into each day's free time as desk blocks.
        var effort = new List<DeliveredEffort>();
        var remote = new Dictionary<TerritoryId, RemoteSchedule>();
        foreach (var p in aligned.Positions)
        {
            var territory = mix.Territories.Single(t => t.Territory == p.Territory.Id);
            var labelled = mix.WithActivities(p.Plan);
            var schedule = RemoteScheduler.Schedule(labelled, p.Request, p.Position.Id, territory.RemoteTime());
            remote[p.Territory.Id] = schedule;
            effort.AddRange(MixDelivery.Effort(labelled, p.Territory.Id, schedule.Blocks));
        }

        // The desk has no routes: its day is the calls the mix gives it.
        var deskRequest = new JourneyPlanRequest([CoverageStep.Desk], cycle, [], AlignStep.Travel);
        var deskPlan = new JourneyPlanner().Plan(deskRequest).AsT0;
        var deskMix = mix.Territories.Single(t => t.Territory == CoverageStep.DeskTerritory.Id);
        var deskSchedule = RemoteScheduler.Schedule(deskPlan, deskRequest, CoverageStep.Desk.Id, deskMix.RemoteTime());
        remote[CoverageStep.DeskTerritory.Id] = deskSchedule;
        effort.AddRange(MixDelivery.Effort(deskPlan, CoverageStep.DeskTerritory.Id, deskSchedule.Blocks));

        // Each territory against what its roles can deliver: the target, but remote work only for the desk.
        var delivered = MixDelivery.Compare(mix.TeamTargets, effort, MixDivergenceMeasure.TotalVariation);
        if (delivered.TryPickT1(out var compareFailure, out var reports))
        {
            output.WriteLine($"  the delivered mix cannot be compared: {compareFailure}");
            return null;
        }

        var byTerritory = reports.ToDictionary(r => r.Territory);
        output.WriteLine("  territory strategy  working h  travel h  visits h  remote h placed/asked  field divergence  whole-mix divergence");
        foreach (var territory in mix.Territories)
        {
            var report = byTerritory[territory.Territory];
            var schedule = remote[territory.Territory];
            output.WriteLine(Invariant(
                $"  {territory.Territory.Value,-9} {territory.Derivation.Strategy,-9} {territory.WorkingTime.TotalHours,9:0} {territory.Travel.TotalHours,9:0} {territory.Service.TotalHours,9:0} {schedule.PlacedTime.TotalHours,10:0} / {schedule.AskedTime.TotalHours,-9:0} {report.FieldDivergence,16:0.000} {report.Divergence,21:0.000}"));
        }

        output.WriteLine($"  {reports[0]}");
        var desk = deskMix.Roles.Single();
        var deskSlack = desk.Allocation.Slack.Where(x => x.Units > 0).ToList();
        var needed = desk.Allocation.Accounts.Aggregate(TimeSpan.Zero, (t, a) => t + a.RemoteTime);
        output.WriteLine(Invariant($"  D01 (inside sales): {desk.Allocation.Accounts.Count(a => a.RemoteTime > TimeSpan.Zero)} phone outlets, {needed.TotalHours:0} h of calls as they need, no visits; the other {desk.Allocation.SlackTime.TotalHours:0} h are slack for remote work beyond them: {string.Join(", ", deskSlack.OrderByDescending(x => x.Units).Select(x => Invariant($"{x.Activity} {x.Time.TotalHours:0} h")))}"));
        var team = effort.GroupBy(e => e.Activity).Select(g => (Activity: g.Key, Hours: g.Sum(e => e.Time.TotalHours))).OrderByDescending(x => x.Hours).ToList();
        var teamHours = team.Sum(x => x.Hours);
        var remoteIds = ActivityType.Defaults.Where(t => t.Channel == ActivityChannel.Remote).Select(t => t.Id).ToHashSet();
        var teamRemote = team.Where(x => remoteIds.Contains(x.Activity)).Sum(x => x.Hours);
        var deskRemote = effort.Where(e => e.Territory == CoverageStep.DeskTerritory.Id).Sum(e => e.Time.TotalHours);
        output.WriteLine(Invariant($"  team ({aligned.Positions.Length} representatives and the desk): {teamHours:N0} h delivered, the sum of the territories'; {string.Join(", ", team.Select(x => $"{x.Activity} {x.Hours / teamHours:P0}"))}; the desk does {deskRemote / Math.Max(teamRemote, 1e-9):P0} of the remote work"));
        output.WriteLine("  (visits h: the outlets' class frequencies x visit minutes, never more, each visit carrying a field activity of the mix;");
        output.WriteLine("   remote h: desk blocks in the days' free time, up to the mix's remote share of what is left after travel and visits;");
        output.WriteLine("   field divergence: visits against the target's field shares; whole-mix divergence: everything against the target)");
        Directory.CreateDirectory("out");
        MixCsvWriter.WriteFile(OutputPath, mix.Allocations);
        return aligned.Positions.Select(p => (p.Position.Id, Schedule: remote[p.Territory.Id]))
            .Append((CoverageStep.Desk.Id, Schedule: deskSchedule))
            .ToDictionary(x => x.Id, x => x.Schedule);
    }

    // Waiting for outlets to open is time the position cannot give to the mix either.
    private static TimeSpan WaitingTime(AlignedPosition position) =>
        position.Plan.Routes.Aggregate(TimeSpan.Zero, (sum, r) => sum + (r.WorkingTime - r.TravelTime - r.ServiceTime));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
