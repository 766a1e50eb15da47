using System.Globalization;
using System.Text;

namespace Territories.Quality;

/// <summary>
/// <c>outlets</c>: writes a realistic outlet file for <c>align</c>: outlets scattered around a region's
/// places (more where more people live: count ∝ population^0.75, spread from about 1 km for a village
/// to 10 km for a city of a million), 15 % weekly, 30 % fortnightly and 55 % monthly over a 4-week
/// cycle, 5–15 minutes a visit. Deterministic for a seed.
/// </summary>
internal sealed class OutletsCommand : ICommand
{
    private const double KmPerDegreeLatitude = 111.2;

    public string Name => "outlets";

    public string Usage => "outlets --places FILE.csv (id,name,lat,lon,population) --count N [--seed N] --out FILE.csv";

    public int Run(Options options)
    {
        var csv = Generate(options.Required("places"), options.Int("count", 2500), options.Int("seed", 1));
        File.WriteAllText(options.Required("out"), csv);
        Console.WriteLine($"{options.Int("count", 2500)} outlets written to {options.Required("out")}");
        return 0;
    }

    /// <summary>The outlet file's text for <paramref name="count"/> outlets around the places of <paramref name="placesPath"/>.</summary>
    public static string Generate(string placesPath, int count, int seed)
    {
        var random = new Random(seed);
        var places = File.ReadAllLines(placesPath).Skip(1)
            .Where(l => l.Length > 0)
            .Select(l => l.Split(','))
            .Select(f => (Id: f[0], Name: f[1], Lat: Parse(f[2]), Lon: Parse(f[3]), Population: Math.Max(1, Parse(f[4]))))
            .OrderBy(p => p.Id, StringComparer.Ordinal)
            .ToList();
        var weights = places.Select(p => Math.Pow(p.Population, 0.75)).ToArray();
        var total = weights.Sum();
        var cumulative = new double[weights.Length];
        for (var i = 0; i < weights.Length; i++)
        {
            cumulative[i] = (i > 0 ? cumulative[i - 1] : 0) + (weights[i] / total);
        }

        var csv = new StringBuilder("id,lat,lon,visits_per_cycle,service_minutes,class,name\n");
        for (var o = 0; o < count; o++)
        {
            var at = Array.BinarySearch(cumulative, random.NextDouble());
            var place = places[Math.Min(places.Count - 1, at < 0 ? ~at : at)];
            var spreadKm = 0.8 + (Math.Sqrt(place.Population) / 100);
            var radius = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * spreadKm;
            var angle = 2 * Math.PI * random.NextDouble();
            var lat = place.Lat + (radius * Math.Sin(angle) / KmPerDegreeLatitude);
            var lon = place.Lon + (radius * Math.Cos(angle) / (KmPerDegreeLatitude * Math.Cos(lat * Math.PI / 180)));
            var draw = random.NextDouble();
            var (visits, kind) = draw < 0.15 ? (4, "A") : draw < 0.45 ? (2, "B") : (1, "C");
            var minutes = random.Next(5, 16);
            csv.Append(CultureInfo.InvariantCulture, $"O{o + 1:D5},{lat:0.######},{lon:0.######},{visits},{minutes},{kind},{place.Name.Replace(",", " ", StringComparison.Ordinal)} outlet\n");
        }

        return csv.ToString();
    }

    private static double Parse(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
