using System.Collections.Immutable;
using System.Globalization;
using Territories.Model;

namespace NationalPlan;

/// <summary>
/// A generated national instance: towns over a region of about 1,000 km × 900 km (12° × 8°, the size
/// of a large country or a US census division) for 300,000 accounts, shrunk for fewer accounts so the
/// density of towns and accounts (and so a territory's size and travel) stays the same; town
/// populations drawn from a Zipf-like law, and
/// accounts (outlets) scattered around them, more where population is larger (∝ population^0.75, as
/// the Quickstart does). Frequencies and service times are the Quickstart's: class A (10 %) weekly for
/// 10–15 minutes, B (25 %) fortnightly for 7–12, C (65 %) every four weeks for 5–10. Shops open
/// Monday to Saturday: 60 % 08:00–18:00, 20 % 07:00–15:00, 20 % 10:00–19:00.
/// </summary>
/// <remarks>Deterministic: the same counts and seed give the same instance, in any process.</remarks>
internal sealed record NationalInstance(ImmutableArray<Town> Towns, ImmutableArray<Account> Accounts)
{
    private const double West = -92;
    private const double South = 36;
    private const double Width = 12;
    private const double Height = 8;
    private const int NationalAccounts = 300_000;
    private const double KmPerDegree = 111.195;

    private static readonly string[] Stems = ["Ash", "Bel", "Brook", "Cedar", "Clay", "Elm", "Fair", "Glen", "Green", "Hart", "High", "Lake", "Lin", "Mill", "Marl", "North", "Oak", "Pine", "Red", "River", "Rock", "Spring", "Stone", "West", "Wood", "York"];
    private static readonly string[] Endings = ["field", "ford", "ton", "ville", "burg", "dale", "port", "wood", "mont", "view", "bridge", "haven", "ham", "wick"];
    private static readonly DayOfWeek[] Shopdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday];

    /// <summary>The outlets' class rules, as in the Quickstart: class, share, frequency, shortest and longest visit in minutes.</summary>
    public static readonly (string Class, double Share, VisitFrequency Frequency, int MinMinutes, int MaxMinutes)[] Classes =
    [
        ("A", 0.10, VisitFrequency.PerWeek(1), 10, 15),
        ("B", 0.25, VisitFrequency.EveryWeeks(2), 7, 12),
        ("C", 0.65, VisitFrequency.EveryWeeks(4), 5, 10),
    ];

    /// <summary>Opening hours by kind: 0 weekday shop hours, 1 early, 2 late (all Monday to Saturday).</summary>
    public static readonly ImmutableArray<OpeningHours> Hours =
    [
        OpeningHours.Weekly(Shopdays, TimeWindow.FromHours(8, 0, 18, 0)),
        OpeningHours.Weekly(Shopdays, TimeWindow.FromHours(7, 0, 15, 0)),
        OpeningHours.Weekly(Shopdays, TimeWindow.FromHours(10, 0, 19, 0)),
    ];

    /// <summary>Generates <paramref name="accounts"/> accounts around one town per 150 accounts (at least 8).</summary>
    public static NationalInstance Generate(int accounts, int seed)
    {
        var random = new Random(seed);
        var towns = ImmutableArray.CreateBuilder<Town>();
        var townCount = Math.Max(8, accounts / 150);
        var scale = Math.Sqrt((double)accounts / NationalAccounts);
        for (var i = 0; i < townCount; i++)
        {
            // Zipf-like populations: a few cities, many villages (500 people to a few million).
            var population = Math.Min(3_000_000, 500 / Math.Pow(1 - random.NextDouble(), 1 / 0.9));
            var longitude = West + (random.NextDouble() * Width * scale);
            var latitude = South + (random.NextDouble() * Height * scale);
            var name = Stems[random.Next(Stems.Length)] + Endings[random.Next(Endings.Length)];
            towns.Add(new Town(Invariant($"P{i + 1:D5}"), name, new GeoPoint(longitude, latitude), (int)population));
        }

        var cumulative = new double[townCount];
        var sum = 0.0;
        for (var i = 0; i < townCount; i++)
        {
            sum += Math.Pow(towns[i].Population, 0.75);
            cumulative[i] = sum;
        }

        var width = Math.Max(6, accounts.ToString(CultureInfo.InvariantCulture).Length);
        var result = ImmutableArray.CreateBuilder<Account>(accounts);
        var perTown = new int[townCount];
        for (var i = 0; i < accounts; i++)
        {
            var index = Array.BinarySearch(cumulative, random.NextDouble() * sum);
            var t = index >= 0 ? index : Math.Min(~index, townCount - 1);
            perTown[t]++;
            var id = "A" + (i + 1).ToString(CultureInfo.InvariantCulture).PadLeft(width, '0');
            result.Add(Outlet(id, towns[t], perTown[t], random));
        }

        return new NationalInstance(towns.ToImmutable(), result.MoveToImmutable());
    }

    /// <summary>Field hours an account needs per cycle: visits per cycle times visit duration.</summary>
    public static double HoursPerCycle(Account account, JourneyCycle cycle) =>
        account.Visit is { Frequency: { } frequency } visit
            ? (frequency.VisitsPerCycle(cycle) ?? 0) * (visit.Duration ?? account.ServiceTime).TotalHours
            : 0;

    private static Account Outlet(string id, Town town, int number, Random random)
    {
        // Cities spread wider: about 1 km around a village, 10 km around a city of a million.
        var spreadKm = 0.8 + (Math.Sqrt(town.Population) / 100);
        var radius = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble()));
        var angle = 2 * Math.PI * random.NextDouble();
        var latitude = Math.Clamp(town.Location.Latitude + (radius * Math.Sin(angle) * spreadKm / KmPerDegree), -85, 85);
        var longitude = town.Location.Longitude + (radius * Math.Cos(angle) * spreadKm / (KmPerDegree * Math.Cos(latitude * Math.PI / 180)));
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
        var hours = random.Next(10) switch { < 6 => 0, < 8 => 1, _ => 2 };
        return Create(id, Math.Round(longitude, 6), Math.Round(latitude, 6), rule.Class, minutes, hours, Invariant($"{town.Name} #{number}"));
    }

    /// <summary>Builds an account from its compact form (the form a grain call carries).</summary>
    public static Account Create(string id, double longitude, double latitude, string accountClass, int serviceMinutes, int hoursKind, string? name)
    {
        var duration = TimeSpan.FromMinutes(serviceMinutes);
        var frequency = Array.Find(Classes, c => c.Class == accountClass).Frequency;
        return new Account(new AccountId(id), new GeoPoint(longitude, latitude))
        {
            Name = name,
            Class = accountClass,
            Channel = "retail",
            OpeningHours = Hours[hoursKind],
            ServiceTime = duration,
            Visit = new VisitRequirement { Frequency = frequency, Duration = duration, Activity = "order-taking" },
        };
    }

    /// <summary>The kind of opening hours of <paramref name="account"/> (an index into <see cref="Hours"/>).</summary>
    public static int HoursKind(Account account) => Math.Max(0, Hours.IndexOf(account.OpeningHours));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A town accounts are scattered around.</summary>
internal sealed record Town(string Id, string Name, GeoPoint Location, int Population);
