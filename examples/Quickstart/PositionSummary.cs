using System.Globalization;
using Territories.Journeys;
using Territories.Model;
using Territories.Workload;

namespace Quickstart;

/// <summary>
/// Step 7: per position, its territory, base, work and plan, each plan checked by
/// <see cref="JourneyPlanEvaluator"/>; utilisation of the plan alone and with the desk blocks of step 6
/// (<see cref="JourneyPlanKpis.FromRoutes"/> with the blocks).
/// </summary>
internal static class PositionSummary
{
    public static bool Print(AlignmentResult result, IReadOnlyDictionary<PositionId, RemoteSchedule> desk, int phoneOutlets, IReadOnlyList<Account> places, TextWriter output)
    {
        var towns = places.Where(p => p.Location.IsValid).GroupBy(p => p.Location).ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.Potential).First().Name);
        output.WriteLine("  position  base              outlets  A   B    C   visits  days  h/day  km/day  util.  +desk  est.  unplanned  check");
        var feasible = 0;
        foreach (var p in result.Positions)
        {
            var outlets = p.Request.Accounts;
            var k = p.Plan.Kpis;
            var evaluation = JourneyPlanEvaluator.Evaluate(p.Request, p.Plan);
            feasible += evaluation.IsFeasible ? 1 : 0;
            var home = p.Position.Base is { } b ? towns.GetValueOrDefault(b) ?? "-" : "-";
            var kmPerDay = k.Routes == 0 ? 0 : k.TotalDistanceMetres / 1000 / k.Routes;
            var withDesk = JourneyPlanKpis.FromRoutes(p.Plan.Routes, [p.Position], result.Request.Cycle, desk[p.Position.Id].Blocks).Utilisation;
            output.WriteLine(Invariant(
                $"  {p.Position.Id.Value,-9} {Truncate(home, 16),-16} {outlets.Length,8} {outlets.Count(a => a.Class == "A"),3} {outlets.Count(a => a.Class == "B"),3} {outlets.Count(a => a.Class == "C"),4} {k.Visits,8} {k.Routes,5} {k.MeanWorkingHours,6:0.0} {kmPerDay,7:0} {p.Utilisation,6:P0} {withDesk,6:P0} {p.Estimate.Utilisation,5:P0} {p.Unplanned,10}  {(evaluation.IsFeasible ? "feasible" : $"{evaluation.Violations.Length} violation(s)")}"));
            foreach (var violation in evaluation.Violations.Take(3))
            {
                output.WriteLine(Invariant($"      {violation.Code} {violation.Account} day {violation.Day}: {violation.Message}"));
            }

            foreach (var unplanned in p.Plan.Unplanned.Take(3))
            {
                output.WriteLine(Invariant($"      unplanned {unplanned.Account}: {unplanned.Reason}, {unplanned.Message}"));
            }
        }

        var calls = desk[CoverageStep.Desk.Id];
        var deskUtilisation = JourneyPlanKpis.FromRoutes([], [CoverageStep.Desk], result.Request.Cycle, calls.Blocks).Utilisation;
        output.WriteLine(Invariant(
            $"  {CoverageStep.Desk.Id.Value,-9} {"Columbus (desk)",-16} {phoneOutlets,8} {"by phone",-13} {0,8} {calls.Blocks.Select(b => b.Day).Distinct().Count(),5} {"-",6} {0,7} {0,6:P0} {deskUtilisation,6:P0} {"-",5} {0,10}  {(calls.IsComplete ? "calls placed" : $"{calls.NotPlacedTime.TotalHours:0} h not placed")}"));
        var all = result.Positions.Select(p => p.Plan.Kpis).ToList();
        var routes = all.Sum(k => k.Routes);
        var km = all.Sum(k => k.TotalDistanceMetres) / 1000;
        output.WriteLine(Invariant(
            $"  total: {result.Positions.Sum(p => p.Request.Accounts.Length)} outlets, {all.Sum(k => k.Visits)} visits on {routes} position-days, {km:N0} km ({(routes == 0 ? 0 : km / routes):0} km/day), {result.Positions.Sum(p => p.Unplanned)} outlet(s) unplanned, utilisation {result.Best.MinUtilisation:P0} to {result.Best.MaxUtilisation:P0} (spread {result.Best.Spread:0.00}), {feasible}/{result.Positions.Length} plans feasible"));
        output.WriteLine("  (util. = working time of the plan (travel, visits, waiting) / working time of the position; +desk = with the desk blocks");
        output.WriteLine("   of the remote mix placed in step 6; est. = the workload estimate before planning)");
        return feasible == result.Positions.Length;
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
