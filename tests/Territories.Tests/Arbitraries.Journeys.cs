using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using Territories.Journeys;
using Territories.Model;
using Territories.Travel;

namespace Territories.Tests;

/// <summary>A journey request generated from a seed, small enough to plan in a fraction of a second.</summary>
/// <param name="Seed">The seed the request is built from.</param>
public sealed record JourneyCase(int Seed)
{
    /// <summary>The request: 1–3 positions, 1–2 weeks of 5 days, 4–24 accounts with mixed frequencies, service times and opening hours.</summary>
    public JourneyPlanRequest Request { get; } = Arbitraries.JourneyRequest(Seed);

    /// <inheritdoc />
    public override string ToString() => $"JourneyCase({Seed})";
}

/// <summary>One position's plan and remote time to schedule, generated from a seed.</summary>
/// <param name="Seed">The seed the case is built from.</param>
public sealed record RemoteCase(int Seed)
{
    private readonly (JourneyPlan Plan, JourneyPlanRequest Request, ImmutableSortedDictionary<string, TimeSpan> Time) _case = Arbitraries.RemoteScheduling(Seed);

    /// <summary>Routes of position <c>p0</c> on some days (a few overrunning its hours), and one of <c>p1</c>.</summary>
    public JourneyPlan Plan => _case.Plan;

    /// <summary>Positions <c>p0</c> (random hours, break, weekdays, days off) and <c>p1</c>; 1 to 2 weeks.</summary>
    public JourneyPlanRequest Request => _case.Request;

    /// <summary>0 to 4 remote activities of 0 to 3,000 minutes, some with seconds.</summary>
    public ImmutableSortedDictionary<string, TimeSpan> Time => _case.Time;

    /// <inheritdoc />
    public override string ToString() => $"RemoteCase({Seed})";
}

public static partial class Arbitraries
{
    /// <summary>Remote scheduling cases over seeds 0–100,000.</summary>
    public static Arbitrary<RemoteCase> RemoteCases() => Gen.Choose(0, 100_000).Select(s => new RemoteCase(s)).ToArbitrary();

    /// <summary>A plan of routes (not checked against travel: only their times matter), its request and remote time per activity, built from <paramref name="seed"/>.</summary>
    public static (JourneyPlan Plan, JourneyPlanRequest Request, ImmutableSortedDictionary<string, TimeSpan> Time) RemoteScheduling(int seed)
    {
        var random = new Random(seed);
        var cycle = JourneyCycle.Create(random.Next(1, 3));
        var start = random.Next(6, 10);
        var p0 = new SalesPosition(new PositionId("p0"))
        {
            Base = new GeoPoint(0, 0),
            DailyHours = TimeWindow.FromHours(start, 0, start + random.Next(4, 11), 0),
            Break = TimeSpan.FromMinutes(random.Next(0, 4) * 20),
            WorkingDays = random.Next(3) == 0 ? [DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Thursday] : [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
            DaysOff = random.Next(2) == 0 ? [] : [random.Next(cycle.DayCount)],
        };
        var p1 = new SalesPosition(new PositionId("p1")) { Base = new GeoPoint(0, 0) };
        var routes = new List<JourneyRoute>();
        for (var d = 0; d < cycle.DayCount; d++)
        {
            if (random.Next(3) == 0)
            {
                continue;
            }

            var leave = p0.DailyHours.Start + TimeSpan.FromMinutes(random.Next(0, 120));
            var length = TimeSpan.FromMinutes(random.Next(10, (int)p0.DailyHours.Duration.TotalMinutes + 60));
            var visit = new PlannedVisit(new AccountId($"a{d}"), leave + TimeSpan.FromMinutes(5), leave + TimeSpan.FromMinutes(5), leave + TimeSpan.FromMinutes(6), 0, TimeSpan.FromMinutes(5), null);
            routes.Add(new JourneyRoute(p0.Id, d, [visit], leave, leave + length, 0, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(1), 0));
        }

        var other = new PlannedVisit(new AccountId("b"), TimeSpan.FromHours(8), TimeSpan.FromHours(8), TimeSpan.FromHours(16), 0, TimeSpan.Zero, null);
        routes.Add(new JourneyRoute(p1.Id, 0, [other], TimeSpan.FromHours(8), TimeSpan.FromHours(16), 0, TimeSpan.Zero, TimeSpan.FromHours(8), 0));
        var kpis = JourneyPlanKpis.FromRoutes(routes, [p0, p1], cycle);
        var plan = new JourneyPlan([.. routes.OrderBy(r => r.Position).ThenBy(r => r.Day)], [], kpis, [], [], JourneyPlanStatus.Completed, 0, 0);
        var request = new JourneyPlanRequest([p0, p1], cycle, [], new EuclideanTravelModel(1000, 40 / 3.6));
        var time = new[] { "outbound", "inbound", "lead-generation", "enablement" }.Take(random.Next(0, 5))
            .ToImmutableSortedDictionary(a => a, _ => TimeSpan.FromMinutes(random.Next(0, 3001)) + TimeSpan.FromSeconds(random.Next(4) == 0 ? random.Next(60) : 0), StringComparer.Ordinal);
        return (plan, request, time);
    }

    /// <summary>Journey cases over seeds 0–100,000.</summary>
    public static Arbitrary<JourneyCase> JourneyCases() => Gen.Choose(0, 100_000).Select(s => new JourneyCase(s)).ToArbitrary();

    /// <summary>A small valid journey request on planar coordinates (1 unit = 1 km at 40 km/h), built from <paramref name="seed"/>.</summary>
    public static JourneyPlanRequest JourneyRequest(int seed)
    {
        var random = new Random(seed);
        var weeks = random.Next(1, 3);
        var cycle = JourneyCycle.Create(weeks);
        var positions = Enumerable.Range(0, random.Next(1, 4)).Select(p => new SalesPosition(new PositionId($"p{p}"))
        {
            Base = new GeoPoint(random.NextDouble() * 20, random.NextDouble() * 20),
            DailyHours = TimeWindow.FromHours(8, 0, random.Next(14, 18), 0),
            Break = random.Next(2) == 0 ? TimeSpan.Zero : TimeSpan.FromMinutes(30),
            MaxVisitsPerDay = random.Next(3) == 0 ? random.Next(2, 6) : null,
        }).ToImmutableArray();
        var frequencies = new[] { VisitFrequency.PerWeek(1), VisitFrequency.PerWeek(2), VisitFrequency.EveryWeeks(2), VisitFrequency.PerCycle(1), VisitFrequency.PerCycle(3) };
        var accounts = Enumerable.Range(0, random.Next(4, 25)).Select(i =>
        {
            var hours = random.Next(3) switch
            {
                0 => OpeningHours.AlwaysOpen,
                1 => OpeningHours.Weekly(cycle.WorkingDays, TimeWindow.FromHours(9, 0, 12, 0), TimeWindow.FromHours(14, 0, 17, 0)),
                _ => OpeningHours.Weekly(cycle.WorkingDays.Skip(random.Next(3)), TimeWindow.FromHours(random.Next(8, 12), 0, random.Next(13, 19), 0)),
            };
            return new Account(new AccountId($"a{i:00}"), new GeoPoint(random.NextDouble() * 20, random.NextDouble() * 20))
            {
                OpeningHours = hours,
                ServiceTime = TimeSpan.FromMinutes(random.Next(5, 46)),
                Visit = VisitRequirement.Of(frequencies[random.Next(frequencies.Length)]) with { Load = random.Next(0, 3) },
            };
        }).ToImmutableArray();
        return new JourneyPlanRequest(positions, cycle, accounts, new EuclideanTravelModel(1000, 40 / 3.6));
    }
}
