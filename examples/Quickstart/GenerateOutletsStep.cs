using System.Collections.Immutable;
using System.Globalization;
using Territories.Model;

namespace Quickstart;

/// <summary>
/// Step 2: a deterministic set of outlets (shops) scattered around the places, more where population
/// is larger (outlets grow with population^0.75: small towns have more shops per head). Each outlet
/// has a class (A 10 %, B 25 %, C 65 %), a visit frequency from its class (weekly, fortnightly,
/// monthly), a 5–15 minute visit and opening hours. Its territory is first the place's county. The
/// C outlets of villages under <see cref="PhoneVillage"/> people are in the trade channel
/// <see cref="PhoneChannel"/>: they order by phone (a weekly order call of 5 minutes and 3 minutes of
/// their own calls in, per cycle), and the coverage model (<see cref="CoverageStep"/>) serves them from the inside-sales desk.
/// </summary>
internal static class GenerateOutletsStep
{
    private const double KmPerDegree = 111.32;

    private static readonly TimeWindow Shop = TimeWindow.FromHours(8, 0, 18, 0);
    private static readonly TimeWindow Early = TimeWindow.FromHours(7, 0, 15, 0);
    private static readonly TimeWindow Late = TimeWindow.FromHours(10, 0, 19, 0);
    private static readonly DayOfWeek[] Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];
    private static readonly DayOfWeek[] Shopdays = [.. Weekdays, DayOfWeek.Saturday];

    /// <summary>The outlets' class rules: class, share, visit frequency, shortest and longest visit in minutes.</summary>
    public static readonly (string Class, double Share, VisitFrequency Frequency, int MinMinutes, int MaxMinutes)[] Classes =
    [
        ("A", 0.10, VisitFrequency.PerWeek(1), 10, 15),
        ("B", 0.25, VisitFrequency.EveryWeeks(2), 7, 12),
        ("C", 0.65, VisitFrequency.EveryWeeks(4), 5, 10),
    ];

    /// <summary>The trade channel of outlets that order by phone.</summary>
    public const string PhoneChannel = "phone";

    /// <summary>Below this population a place is a village whose C outlets order by phone.</summary>
    public const decimal PhoneVillage = 2_000m;

    /// <summary>The remote work a phone outlet needs, in hours per 4-week cycle: a weekly 5-minute order call (outbound), and 3 minutes of its own calls (inbound).</summary>
    public static readonly ImmutableDictionary<string, double> PhoneNeeds =
        ImmutableDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("outbound", 20 / 60.0), KeyValuePair.Create("inbound", 3 / 60.0)]);

    public static ImmutableArray<Account> Run(IReadOnlyList<Account> places, int total, int seed)
    {
        var random = new Random(seed);
        var ordered = places
            .Where(p => p.Location.IsValid && p.Territory is not null)
            .OrderBy(p => p.Id.Value, StringComparer.Ordinal)
            .ToList();
        var weights = ordered.Select(p => Math.Pow((double)Math.Max(p.Potential, 1m), 0.75)).ToArray();
        var sum = weights.Sum();
        var outlets = ImmutableArray.CreateBuilder<Account>(total + ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var place = ordered[i];
            var count = Math.Max(1, (int)Math.Round(total * weights[i] / sum));

            // Cities spread wider: about 1 km for a village, 10 km for a city of a million.
            var spreadKm = 0.8 + (Math.Sqrt((double)Math.Max(place.Potential, 0m)) / 100);
            for (var j = 0; j < count; j++)
            {
                outlets.Add(Outlet(place, j + 1, spreadKm, random));
            }
        }

        return outlets.ToImmutable();
    }

    /// <summary>Field hours an account needs per cycle: visits per cycle times visit duration.</summary>
    public static double HoursPerCycle(Account account, JourneyCycle cycle) =>
        account.Visit is { Frequency: { } frequency } visit
            ? (frequency.VisitsPerCycle(cycle) ?? 0) * (visit.Duration ?? account.ServiceTime).TotalHours
            : 0;

    private static Account Outlet(Account place, int number, double spreadKm, Random random)
    {
        var (dx, dy) = Gaussian(random);
        var latitude = place.Location.Latitude + (dy * spreadKm / KmPerDegree);
        var longitude = place.Location.Longitude + (dx * spreadKm / (KmPerDegree * Math.Cos(latitude * Math.PI / 180)));
        var draw = random.NextDouble();
        var rule = Classes[^1];
        var cumulative = 0.0;
        foreach (var candidate in Classes)
        {
            cumulative += candidate.Share;
            if (draw < cumulative)
            {
                rule = candidate;
                break;
            }
        }

        var minutes = random.Next(rule.MinMinutes, rule.MaxMinutes + 1);
        var hours = random.Next(10) switch
        {
            < 6 => OpeningHours.Weekly(Weekdays, Shop),
            < 8 => OpeningHours.Weekly(Weekdays, Early),
            _ => OpeningHours.Weekly(Shopdays, Late),
        };
        var duration = TimeSpan.FromMinutes(minutes);
        var phone = rule.Class == "C" && place.Potential < PhoneVillage;
        return new Account(new AccountId(string.Create(CultureInfo.InvariantCulture, $"{place.Id.Value}-{number:D3}")), new GeoPoint(Math.Round(longitude, 6), Math.Round(latitude, 6)))
        {
            Name = string.Create(CultureInfo.InvariantCulture, $"{place.Name} #{number}"),
            Class = rule.Class,
            Channel = phone ? PhoneChannel : "retail",
            ActivityNeeds = phone ? PhoneNeeds : ImmutableDictionary<string, double>.Empty,
            Potential = rule.Class switch { "A" => 50_000m, "B" => 15_000m, _ => 4_000m },
            OpeningHours = hours,
            ServiceTime = duration,
            Visit = new VisitRequirement { Frequency = rule.Frequency, Duration = duration, Activity = "order-taking" },
            Territory = place.Territory,
        };
    }

    private static (double X, double Y) Gaussian(Random random)
    {
        // Box–Muller; 1 - NextDouble() is in (0, 1], so the logarithm is finite.
        var radius = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble()));
        var angle = 2 * Math.PI * random.NextDouble();
        return (radius * Math.Cos(angle), radius * Math.Sin(angle));
    }
}
