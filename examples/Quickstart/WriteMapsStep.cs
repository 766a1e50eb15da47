using System.Globalization;
using Territories.IO.GeoJson;
using Territories.IO.Map;
using Territories.Workload;

namespace Quickstart;

/// <summary>
/// Step 8: the designed territories (with their figures), the outlets (with their frequency, the
/// position that visits them and their visit days), the bases and every route as GeoJSON layers, and
/// all of it as one HTML map, built by the library's <see cref="JourneyPlanMap"/> from the sales
/// force's combined plan.
/// </summary>
internal static class WriteMapsStep
{
    public static void Run(AlignmentResult result, TextWriter output)
    {
        var data = JourneyPlanMap.FromPlan(result.Plan, result.Request);
        Directory.CreateDirectory("out");
        Write("out/territories.geojson", s => SalesMapGeoJsonWriter.Write(s, data, SalesMapLayers.Territories), output);
        Write("out/accounts.geojson", s => SalesMapGeoJsonWriter.Write(s, data, SalesMapLayers.Accounts | SalesMapLayers.Bases), output);
        Write("out/routes.geojson", s => SalesMapGeoJsonWriter.Write(s, data, SalesMapLayers.Routes), output);
        var html = new SalesMapHtmlWriter(new SalesMapHtmlOptions { Title = "Territories quickstart: territories, bases and 4-week journey plans shaped together", InitialDay = 0 });
        Write("out/map.html", s => html.Write(s, data), output);
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
