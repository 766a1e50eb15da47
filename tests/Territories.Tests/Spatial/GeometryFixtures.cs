using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.IO.Converters;
using Territories.Model;
using Territories.Spatial;

namespace Territories.Tests.Spatial;

/// <summary>The one place geometry fixtures are read: inline WKT, and the Ohio sample data.</summary>
internal static class GeometryFixtures
{
    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    /// <summary>A territory id.</summary>
    public static TerritoryId Id(string id) => new(id);

    /// <summary>A territory with a boundary in WKT.</summary>
    public static Territory Territory(string id, string wkt) => new(new TerritoryId(id)) { Boundary = TerritoryBoundary.FromWkt(wkt) };

    /// <summary>A geometry from WKT.</summary>
    public static NetTopologySuite.Geometries.Geometry Wkt(string wkt) => TerritoryBoundary.FromWkt(wkt).ToGeometry();

    /// <summary>A map that must build.</summary>
    public static TerritoryMap Map(params Territory[] territories) =>
        TerritoryMap.Create(territories).Match(m => m, f => throw new InvalidOperationException(f.ToString()));

    /// <summary>An axis-aligned square as WKT.</summary>
    public static string Square(double west, double south, double size) => string.Create(
        CultureInfo.InvariantCulture,
        $"POLYGON(({west} {south}, {west + size} {south}, {west + size} {south + size}, {west} {south + size}, {west} {south}))");

    /// <summary>The 88 Ohio counties, id = GEOID.</summary>
    public static IReadOnlyList<Territory> OhioCounties()
    {
        using var stream = File.OpenRead(SampleFile("counties.geojson"));
        var collection = JsonSerializer.Deserialize<FeatureCollection>(stream, GeoJson)!;
        return [.. collection.Select(f => new Territory(new TerritoryId((string)f.Attributes["GEOID"].ToString()!)) { Boundary = TerritoryBoundary.FromGeometry(f.Geometry) })];
    }

    /// <summary>The rows of places.csv or zips.csv: id, location, county_id.</summary>
    public static IReadOnlyList<(string Id, GeoPoint Location, string CountyId)> OhioPoints(string file)
    {
        var lines = File.ReadAllLines(SampleFile(file));
        var header = lines[0].Split(',');
        int id = Array.IndexOf(header, "id"), lat = Array.IndexOf(header, "lat"), lon = Array.IndexOf(header, "lon"), county = Array.IndexOf(header, "county_id");
        return [.. lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).Select(f => (
            f[id],
            new GeoPoint(double.Parse(f[lon], CultureInfo.InvariantCulture), double.Parse(f[lat], CultureInfo.InvariantCulture)),
            f[county]))];
    }

    /// <summary>An independent planar estimate of an area in km² for small polygons: degrees² scaled at the mean latitude.</summary>
    public static double PlanarAreaKm2(NetTopologySuite.Geometries.Geometry g)
    {
        const double kmPerDegree = 6371.0088 * Math.PI / 180;
        var lat = g.EnvelopeInternal.Centre.Y * Math.PI / 180;
        return g.Area * kmPerDegree * kmPerDegree * Math.Cos(lat);
    }

    private static string SampleFile(string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "examples", "data", "sample-ohio", file);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"examples/data/sample-ohio/{file} not found above {AppContext.BaseDirectory}.");
    }
}
