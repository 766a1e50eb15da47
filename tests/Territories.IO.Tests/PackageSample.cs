// PACKAGE-SAMPLE-START
using Territories.IO.Csv;
using Territories.Journeys;
using Territories.Journeys.Planning;
using Territories.Model;
using Territories.Travel;

namespace MyCrm;

public static class PackageSample
{
    /// <summary>A 4-week beat plan for one representative and three shops, as CSV.</summary>
    public static string PlanOneRepresentative()
    {
        var cycle = JourneyCycle.Create(weeks: 4);
        var rep = new SalesPosition(new PositionId("rep-1")) { Base = new GeoPoint(-83.00, 39.96) };
        Account[] shops =
        [
            new(new AccountId("shop-1"), new GeoPoint(-82.95, 39.98)) { Visit = VisitRequirement.Of(VisitFrequency.PerWeek(1)) },
            new(new AccountId("shop-2"), new GeoPoint(-83.05, 40.01)) { Visit = VisitRequirement.Of(VisitFrequency.EveryWeeks(2)) },
            new(new AccountId("shop-3"), new GeoPoint(-83.10, 39.90)) { Visit = VisitRequirement.Of(VisitFrequency.PerCycle(1)) },
        ];
        var request = new JourneyPlanRequest([rep], cycle, [.. shops], new GreatCircleTravelModel());
        var planner = new JourneyPlanner(new JourneyPlannerOptions { MaxIterations = 500 });

        return planner.Plan(request).Match(
            plan =>
            {
                using var csv = new StringWriter();
                JourneyPlanCsvWriter.Write(csv, plan, request);
                return csv.ToString();
            },
            failure => string.Join(Environment.NewLine, failure.Errors));
    }
}
// PACKAGE-SAMPLE-END
