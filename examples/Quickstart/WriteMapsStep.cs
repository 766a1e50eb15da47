using System.Collections.Immutable;
using System.Globalization;
using Territories.IO.GeoJson;
using Territories.IO.Map;

namespace Quickstart;

/// <summary>
/// Step 8: the designed territories (with their figures), the outlets (with the position that visits
/// them), the bases and every route as GeoJSON layers, and all of it as one HTML map.
/// </summary>
internal static class WriteMapsStep
{
    public static void Run(ImmutableArray<PositionPlan> plans, TextWriter output)
    {
        var data = Data(plans);
        Directory.CreateDirectory("out");
        Write("out/territories.geojson", s => SalesMapGeoJsonWriter.Write(s, data, SalesMapLayers.Territories), output);
        Write("out/accounts.geojson", s => SalesMapGeoJsonWriter.Write(s, data, SalesMapLayers.Accounts | SalesMapLayers.Bases), output);
        Write("out/routes.geojson", s => SalesMapGeoJsonWriter.Write(s, data, SalesMapLayers.Routes), output);
        var html = new SalesMapHtmlWriter(new SalesMapHtmlOptions { Title = "Territories quickstart: designed territories and 4-week journey plans", InitialDay = 0 });
        Write("out/map.html", s => html.Write(s, data), output);
    }

    private static SalesMapData Data(ImmutableArray<PositionPlan> plans)
    {
        var territories = new List<MapTerritory>();
        var accounts = new List<MapAccount>();
        var bases = new List<MapPositionBase>();
        var routes = new List<MapRoute>();
        foreach (var p in plans)
        {
            var k = p.Plan.Kpis;
            var cycle = p.Request.Cycle;
            territories.Add(MapTerritory.FromTerritory(p.Territory) with
            {
                Metrics =
                [
                    MapMetric.FromText("position", p.Position.Id.Value),
                    MapMetric.FromNumber("outlets", p.Request.Accounts.Length),
                    MapMetric.FromNumber("field hours per cycle", Math.Round(p.Request.Accounts.Sum(a => GenerateOutletsStep.HoursPerCycle(a, cycle)), 1)),
                    MapMetric.FromNumber("km per day", k.Routes == 0 ? 0 : Math.Round(k.TotalDistanceMetres / 1000 / k.Routes)),
                    MapMetric.FromNumber("utilisation %", Math.Round(k.Utilisation * 100)),
                ],
            });
            accounts.AddRange(p.Request.Accounts.Select(a => MapAccount.FromAccount(a) with { Position = p.Position.Id }));
            if (MapPositionBase.FromPosition(p.Position) is { } home)
            {
                bases.Add(home);
            }

            var locations = p.Request.Accounts.ToDictionary(a => a.Id, a => a.Location);
            routes.AddRange(p.Plan.Routes.Select(r => new MapRoute(r.Position, r.Day)
            {
                DayLabel = string.Create(CultureInfo.InvariantCulture, $"W{cycle.WeekOf(r.Day) + 1} {cycle.WeekdayOf(r.Day).ToString()[..3]}"),
                Start = p.Position.Base,
                End = p.Position.Base,
                Stops = [.. r.Visits.Select(v => new MapRouteStop(locations[v.Account], v.Account) { Arrival = TimeOnly.FromTimeSpan(v.Arrival) })],
                DistanceMetres = r.DistanceMetres,
                Duration = r.WorkingTime,
            }));
        }

        return new SalesMapData(territories, accounts, bases, routes);
    }

    private static void Write(string path, Action<Stream> write, TextWriter output)
    {
        using (var stream = File.Create(path))
        {
            write(stream);
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {path,-22} {new FileInfo(path).Length / 1024.0,8:N0} KB"));
    }
}
