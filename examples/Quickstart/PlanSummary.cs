using System.Collections.Immutable;
using System.Globalization;

namespace Quickstart;

/// <summary>Step 7: per territory, what its representative has to do and what the plan makes of it.</summary>
internal static class PlanSummary
{
    public static void Print(ImmutableArray<PositionPlan> plans, TextWriter output)
    {
        output.WriteLine("  territory base              outlets  A    B    C   field h/cycle  visits  days  km/day  h/day  utilisation  unplanned");
        foreach (var p in plans)
        {
            var outlets = p.Request.Accounts;
            var hours = outlets.Sum(a => GenerateOutletsStep.HoursPerCycle(a, p.Request.Cycle));
            var k = p.Plan.Kpis;
            var kmPerDay = k.Routes == 0 ? 0 : k.TotalDistanceMetres / 1000 / k.Routes;
            output.WriteLine(Invariant(
                $"  {p.Territory.Id.Value,-9} {Truncate(p.Territory.Name ?? "-", 16),-16} {outlets.Length,8} {outlets.Count(a => a.Class == "A"),4} {outlets.Count(a => a.Class == "B"),4} {outlets.Count(a => a.Class == "C"),4} {hours,14:0.0} {k.Visits,7} {k.Routes,5} {kmPerDay,7:0} {k.MeanWorkingHours,6:0.0} {k.Utilisation,12:P0} {p.Plan.Unplanned.Length,10}"));
        }

        var all = plans.Select(p => p.Plan.Kpis).ToList();
        var routes = all.Sum(k => k.Routes);
        output.WriteLine(Invariant(
            $"  total: {plans.Sum(p => p.Request.Accounts.Length)} outlets, {all.Sum(k => k.Visits)} visits on {routes} position-days, {all.Sum(k => k.TotalDistanceMetres) / 1000:N0} km ({(routes == 0 ? 0 : all.Sum(k => k.TotalDistanceMetres) / 1000 / routes):0} km/day), {plans.Sum(p => p.Plan.Unplanned.Length)} outlet(s) unplanned, {plans.Count(p => p.Evaluation.IsFeasible)}/{plans.Length} plans feasible"));
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
