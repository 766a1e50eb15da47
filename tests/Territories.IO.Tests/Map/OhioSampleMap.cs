using System.Collections.Immutable;
using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using Territories.IO.Map;
using Territories.Model;
using Territories.Travel;

namespace Territories.IO.Tests.Map;

/// <summary>
/// A sales map on the real Ohio counties (one territory per county) with synthetic accounts, three
/// positions and five days of petal-shaped routes from each base. Seeded, so always the same map.
/// </summary>
internal static class OhioSampleMap
{
    public const int Days = 5;

    private static readonly string[] DayLabels = ["W1 Mon", "W1 Tue", "W1 Wed", "W1 Thu", "W1 Fri"];

    private static readonly (string Id, string Name, double Lon, double Lat)[] PositionBases =
    [
        ("P-CLE", "Rep Cleveland", -81.6944, 41.4993),
        ("P-CMH", "Rep Columbus", -82.9988, 39.9612),
        ("P-CVG", "Rep Cincinnati", -84.5120, 39.1031),
    ];

    private static readonly JsonSerializerOptions GeoJsonOptions = new() { Converters = { new GeoJsonConverterFactory() } };

    private static readonly Lazy<ImmutableArray<IFeature>> Counties = new(ReadCounties);

    public static int CountyCount => Counties.Value.Length;

    public static IEnumerable<string> CountyIds => Counties.Value.Select(f => (string)f.Attributes["GEOID"]);

    public static IEnumerable<string> PositionIds => PositionBases.Select(p => p.Id);

    public static SalesMapData Build(int seed = 7)
    {
        var random = new Random(seed);
        var territories = new List<MapTerritory>();
        var accounts = new List<MapAccount>();
        foreach (var county in Counties.Value)
        {
            var id = (string)county.Attributes["GEOID"];
            var name = (string)county.Attributes["NAME"];
            territories.Add(new MapTerritory(new TerritoryId(id))
            {
                Name = name,
                Boundary = TerritoryBoundary.FromGeometry(county.Geometry),
                Metrics =
                [
                    MapMetric.FromNumber("population", Convert.ToDouble(county.Attributes["population"], System.Globalization.CultureInfo.InvariantCulture)),
                    MapMetric.FromNumber("places", Convert.ToDouble(county.Attributes["place_count"], System.Globalization.CultureInfo.InvariantCulture)),
                    MapMetric.FromText("strategy", random.Next(3) switch { 0 => "develop", 1 => "defend", _ => "maintain" }),
                ],
            });

            for (var k = 0; k < 3; k++)
            {
                var location = RandomPointIn(county.Geometry, random);
                var roll = random.NextDouble();
                var cls = roll < 0.2 ? "A" : roll < 0.5 ? "B" : "C";
                var nearest = PositionBases.MinBy(p => Squared(p.Lon - location.Longitude, p.Lat - location.Latitude));
                accounts.Add(new MapAccount(new AccountId($"{id}-{k + 1}"), location)
                {
                    Name = $"{name} outlet {k + 1}",
                    Class = cls,
                    Territory = new TerritoryId(id),
                    Frequency = cls switch { "A" => "A4 weekly", "B" => "B2 every 2 weeks", _ => "C1 monthly" },
                    Position = new PositionId(nearest.Id),
                });
            }
        }

        var routes = new List<MapRoute>();
        var weekdays = new Dictionary<AccountId, string>();
        foreach (var (positionId, _, lon, lat) in PositionBases)
        {
            var home = new GeoPoint(lon, lat);
            var mine = accounts.Where(a => a.Position?.Value == positionId)
                .OrderBy(a => Angle(home, a.Location)).ToList();
            for (var day = 0; day < Days; day++)
            {
                // A petal: the accounts of one angular sector, the nearest seven, visited in angle order.
                var sector = mine.Skip(day * mine.Count / Days).Take(((day + 1) * mine.Count / Days) - (day * mine.Count / Days));
                var stops = sector.OrderBy(a => Squared(a.Location.Longitude - lon, a.Location.Latitude - lat)).Take(7)
                    .OrderBy(a => Angle(home, a.Location)).ToList();
                var points = new List<GeoPoint> { home };
                points.AddRange(stops.Select(s => s.Location));
                points.Add(home);
                var metres = points.Zip(points.Skip(1), GreatCircleTravelModel.HaversineMetres).Sum();
                var time = new TimeOnly(8, 0);
                var routeStops = ImmutableArray.CreateBuilder<MapRouteStop>();
                var previous = home;
                foreach (var stop in stops)
                {
                    time = time.Add(TimeSpan.FromHours(GreatCircleTravelModel.HaversineMetres(previous, stop.Location) / 50_000));
                    routeStops.Add(new MapRouteStop(stop.Location, stop.Id) { Arrival = time });
                    time = time.AddMinutes(20);
                    previous = stop.Location;
                    weekdays[stop.Id] = DayLabels[day][3..];
                }

                routes.Add(new MapRoute(new PositionId(positionId), day)
                {
                    DayLabel = DayLabels[day],
                    Start = home,
                    End = home,
                    Stops = routeStops.ToImmutable(),
                    DistanceMetres = Math.Round(metres),
                    Duration = TimeSpan.FromMinutes(Math.Round((metres / 50_000 * 60) + (20 * stops.Count))),
                });
            }
        }

        accounts = [.. accounts.Select(a => weekdays.TryGetValue(a.Id, out var w) ? a with { Weekday = w } : a)];
        var bases = PositionBases.Select(p => new MapPositionBase(new PositionId(p.Id), new GeoPoint(p.Lon, p.Lat)) { Name = p.Name });
        return new SalesMapData(territories, accounts, bases, routes);
    }

    public static string RepositoryFile(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine([dir.FullName, .. parts]);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"{Path.Combine(parts)} not found above {AppContext.BaseDirectory}.");
    }

    private static ImmutableArray<IFeature> ReadCounties()
    {
        var path = RepositoryFile("examples", "data", "sample-ohio", "counties.geojson");
        var collection = JsonSerializer.Deserialize<FeatureCollection>(File.ReadAllText(path), GeoJsonOptions)
            ?? throw new InvalidDataException($"{path} holds no FeatureCollection.");
        return [.. collection];
    }

    private static GeoPoint RandomPointIn(Geometry area, Random random)
    {
        var envelope = area.EnvelopeInternal;
        while (true)
        {
            var x = envelope.MinX + (random.NextDouble() * envelope.Width);
            var y = envelope.MinY + (random.NextDouble() * envelope.Height);
            if (area.Contains(area.Factory.CreatePoint(new Coordinate(x, y))))
            {
                return new GeoPoint(Math.Round(x, 5), Math.Round(y, 5));
            }
        }
    }

    private static double Angle(GeoPoint from, GeoPoint to) => Math.Atan2(to.Latitude - from.Latitude, to.Longitude - from.Longitude);

    private static double Squared(double dx, double dy) => (dx * dx) + (dy * dy);
}
