using Territories.Design;
using Territories.Model;

namespace Territories.Quality;

/// <summary>Seeded synthetic accounts: clustered points around Ohio's centre with a skewed workload, for the scale runs.</summary>
internal static class SyntheticUnits
{
    public static DesignInput Accounts(int count, int seed)
    {
        var random = new Random(seed);
        var clusters = Enumerable.Range(0, 40).Select(_ => (Lon: -84.5 + (random.NextDouble() * 4), Lat: 38.6 + (random.NextDouble() * 3), Spread: 0.05 + (random.NextDouble() * 0.3))).ToArray();
        var units = new List<DesignUnit>(count);
        for (var i = 0; i < count; i++)
        {
            double lon, lat;
            if (random.NextDouble() < 0.3)
            {
                lon = -84.5 + (random.NextDouble() * 4);
                lat = 38.6 + (random.NextDouble() * 3);
            }
            else
            {
                var c = clusters[random.Next(clusters.Length)];
                lon = c.Lon + (Gaussian(random) * c.Spread);
                lat = c.Lat + (Gaussian(random) * c.Spread * 0.8);
            }

            var workload = Math.Round(0.5 + (-Math.Log(1 - random.NextDouble()) * 2), 2);
            units.Add(DesignUnit.FromPoint($"A{i:D6}", new GeoPoint(lon, lat), [workload]));
        }

        return DesignInput.Create(["workload"], units);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
