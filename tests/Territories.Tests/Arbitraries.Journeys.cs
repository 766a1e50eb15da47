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

public static partial class Arbitraries
{
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
