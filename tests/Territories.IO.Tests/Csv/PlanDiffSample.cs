using System.Collections.Immutable;
using Territories.Journeys;
using Territories.Journeys.Replanning;
using Territories.Model;

namespace Territories.IO.Tests.Csv;

/// <summary>Two small plans whose diff has one change of every kind (an account id with a comma tests the quoting).</summary>
internal static class PlanDiffSample
{
    public static PlanDiff Diff() => PlanDiff.Between(
        Plan(("p1", 0, ["a", "b", "c", "d", "b2"]), ("p1", 1, ["e", "gone"]), ("p2", 1, ["f"])),
        Plan(("p1", 0, ["b", "c", "d", "a"]), ("p1", 2, ["e"]), ("p2", 1, ["f", "new,1"]), ("p2", 0, ["b2"])));

    private static JourneyPlan Plan(params (string Position, int Day, string[] Accounts)[] routes)
    {
        var built = routes.Select(r => new JourneyRoute
        {
            Position = new PositionId(r.Position),
            Day = r.Day,
            Visits = [.. r.Accounts.Select(a => new PlannedVisit(new AccountId(a), TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, 0, TimeSpan.Zero, null))],
            Start = TimeSpan.Zero,
            End = TimeSpan.Zero,
            DistanceMetres = 0,
            TravelTime = TimeSpan.Zero,
            ServiceTime = TimeSpan.Zero,
            Load = 0,
        }).ToImmutableArray();
        return new JourneyPlan
        {
            Routes = built,
            Unplanned = [],
            Kpis = JourneyPlanKpis.FromRoutes(built, [], JourneyCycle.Create(1)),
            Capacity = [],
            Crossings = [],
            Status = JourneyPlanStatus.Completed,
            Cost = 0,
            Iterations = 0,
        };
    }
}
