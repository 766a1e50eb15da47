using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using nietras.SeparatedValues;
using Territories.Design;
using Territories.Model;

namespace Territories.Quality;

/// <summary>Reads design units from a GeoJSON FeatureCollection of polygons or points, or a CSV of points (id,lat,lon + attribute columns).</summary>
internal static class DesignUnitsFile
{
    private static readonly JsonSerializerOptions JsonOptions = new() { Converters = { new GeoJsonConverterFactory() } };

    public static DesignInput Read(string path, string idProperty, IReadOnlyList<string> attributes)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"No such file '{path}'.");
        }

        var units = path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)
            ? ReadCsv(path, idProperty, attributes)
            : ReadGeoJson(path, idProperty, attributes);
        return DesignInput.Create(attributes, units);
    }

    private static List<DesignUnit> ReadGeoJson(string path, string idProperty, IReadOnlyList<string> attributes)
    {
        var collection = JsonSerializer.Deserialize<FeatureCollection>(File.ReadAllText(path), JsonOptions)
            ?? throw new UsageException($"'{path}' is not a GeoJSON FeatureCollection.");
        var units = new List<DesignUnit>();
        foreach (var feature in collection)
        {
            var table = feature.Attributes;
            var id = table?.Exists(idProperty) == true ? Convert.ToString(table[idProperty], CultureInfo.InvariantCulture) : null;
            if (string.IsNullOrWhiteSpace(id))
            {
                throw new UsageException($"A feature of '{path}' has no property '{idProperty}'.");
            }

            var values = attributes.Select(a => table!.Exists(a) && table[a] is not null
                ? Convert.ToDouble(table[a], CultureInfo.InvariantCulture)
                : throw new UsageException($"Feature '{id}' has no property '{a}'.")).ToList();
            units.Add(feature.Geometry switch
            {
                Polygon or MultiPolygon => DesignUnit.FromPolygon(id, TerritoryBoundary.FromGeometry(feature.Geometry), values),
                Point p => DesignUnit.FromPoint(id, new GeoPoint(p.X, p.Y), values),
                _ => throw new UsageException($"Feature '{id}' is a {feature.Geometry?.GeometryType ?? "null"}, not a polygon or point."),
            });
        }

        return units;
    }

    private static List<DesignUnit> ReadCsv(string path, string idProperty, IReadOnlyList<string> attributes)
    {
        using var reader = Sep.Reader(o => o with { Unescape = true }).FromFile(path);
        foreach (var column in new[] { idProperty, "lat", "lon" }.Concat(attributes))
        {
            if (!reader.Header.ColNames.Contains(column))
            {
                throw new UsageException($"'{path}' has no column '{column}'.");
            }
        }

        var units = new List<DesignUnit>();
        foreach (var row in reader)
        {
            var id = row[idProperty].ToString();
            var lat = double.Parse(row["lat"].Span, CultureInfo.InvariantCulture);
            var lon = double.Parse(row["lon"].Span, CultureInfo.InvariantCulture);
            var values = new List<double>(attributes.Count);
            foreach (var a in attributes)
            {
                values.Add(double.Parse(row[a].Span, CultureInfo.InvariantCulture));
            }

            units.Add(DesignUnit.FromPoint(id, new GeoPoint(lon, lat), values));
        }

        return units;
    }
}
