using System.Collections.Immutable;
using Territories.Journeys;
using Territories.Model;
using Territories.Travel;

namespace Territories.Quality;

/// <summary>
/// A realistic beat plan generated from a seed: one position in one metropolitan area, A/B/C accounts
/// on weekly/fortnightly/monthly frequencies, 5 to 15 minutes a visit, a 4-week cycle of 6 working
/// days, opening hours (some with a lunch closure, some closed on Saturday) and 8-hour days.
/// </summary>
/// <remarks>
/// Accounts sit around a handful of trading areas within about 8 km of the base (the rep's home in
/// the city centre, Columbus, Ohio by default coordinates). Class A (10 %) is visited weekly for 10–15
/// minutes, B (20 %) fortnightly for 8–12, C (70 %) every 4 weeks for 5–8.
/// </remarks>
internal static class BeatScenario
{
    public static JourneyPlanRequest Create(int accounts, int seed)
    {
        var random = new Random(seed);
        var centre = new GeoPoint(-82.9988, 39.9612);
        var cycle = JourneyCycle.Create(4, [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday]);
        const double kmPerDegLat = 111.2;
        var kmPerDegLon = kmPerDegLat * Math.Cos(centre.Latitude * Math.PI / 180);
        var areas = Enumerable.Range(0, 8).Select(_ => (X: (random.NextDouble() * 12) - 6, Y: (random.NextDouble() * 12) - 6)).ToArray();
        var sixDays = cycle.WorkingDays;
        var weekdays = sixDays.Take(5).ToArray();
        var list = ImmutableArray.CreateBuilder<Account>(accounts);
        for (var i = 0; i < accounts; i++)
        {
            double x, y;
            if (random.NextDouble() < 0.8)
            {
                var a = areas[random.Next(areas.Length)];
                x = a.X + (Gaussian(random) * 1.2);
                y = a.Y + (Gaussian(random) * 1.2);
            }
            else
            {
                x = (random.NextDouble() * 16) - 8;
                y = (random.NextDouble() * 16) - 8;
            }

            var u = random.NextDouble();
            var (cls, frequency, minMinutes, maxMinutes) = u < 0.1 ? ("A", VisitFrequency.PerWeek(1), 10, 15)
                : u < 0.3 ? ("B", VisitFrequency.EveryWeeks(2), 8, 12)
                : ("C", VisitFrequency.EveryWeeks(4), 5, 8);
            var o = random.NextDouble();
            var hours = o < 0.7 ? OpeningHours.Weekly(sixDays, TimeWindow.FromHours(8, 0, 20, 0))
                : o < 0.9 ? OpeningHours.Weekly(sixDays, TimeWindow.FromHours(9, 0, 13, 0), TimeWindow.FromHours(15, 0, 19, 0))
                : OpeningHours.Weekly(weekdays, TimeWindow.FromHours(10, 0, 18, 0));
            list.Add(new Account(new AccountId($"acc-{i:0000}"), new GeoPoint(centre.Longitude + (x / kmPerDegLon), centre.Latitude + (y / kmPerDegLat)))
            {
                Class = cls,
                OpeningHours = hours,
                ServiceTime = TimeSpan.FromMinutes(random.Next(minMinutes, maxMinutes + 1)),
                Visit = VisitRequirement.Of(frequency) with { Activity = ActivityType.OrderTaking.Id },
            });
        }

        var rep = new SalesPosition(new PositionId("rep-1"))
        {
            Base = centre,
            WorkingDays = sixDays,
            DailyHours = TimeWindow.FromHours(9, 0, 17, 0),
        };
        return new JourneyPlanRequest([rep], cycle, list.MoveToImmutable(), new GreatCircleTravelModel());
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
