using System.Globalization;
using System.Text;
using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using Territories.Model;

namespace Territories.Quality;

/// <summary>Reads the harness's inputs: territories from GeoJSON, points from CSV with id, lat and lon columns.</summary>
internal static class TerritoryFiles
{
    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    /// <summary>Polygon and multipolygon features as territories; the id from <paramref name="idProperty"/>, else the feature id, else an <c>id</c> property.</summary>
    public static List<Territory> ReadTerritories(string path, string? idProperty)
    {
        using var stream = File.OpenRead(path);
        var collection = JsonSerializer.Deserialize<FeatureCollection>(stream, GeoJson)
            ?? throw new UsageException($"{path} is not a GeoJSON FeatureCollection.");
        var territories = new List<Territory>();
        var n = 0;
        foreach (var feature in collection)
        {
            n++;
            if (feature.Geometry is not (Polygon or MultiPolygon))
            {
                Console.Error.WriteLine($"warning: feature {n} is a {feature.Geometry?.GeometryType ?? "null geometry"}, skipped");
                continue;
            }

            var id = (idProperty is null
                ? Id(feature) ?? Text(feature.Attributes, GeoJsonConverterFactory.DefaultIdPropertyName) ?? Text(feature.Attributes, "id")
                : Text(feature.Attributes, idProperty))
                ?? throw new UsageException($"Feature {n} has no {(idProperty is null ? "id" : $"property '{idProperty}'")}.");
            territories.Add(new Territory(new TerritoryId(id)) { Boundary = TerritoryBoundary.FromGeometry(feature.Geometry) });
        }

        return territories;
    }

    /// <summary>The id, lat and lon columns of a CSV file (by header name, case-insensitive); an unreadable number becomes NaN.</summary>
    public static (List<string> Ids, double[] Longitudes, double[] Latitudes) ReadPoints(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        var header = Fields(reader.ReadLine() ?? throw new UsageException($"{path} is empty."));
        int Column(string name) => header.FindIndex(h => string.Equals(h.Trim(), name, StringComparison.OrdinalIgnoreCase)) is var i and >= 0
            ? i
            : throw new UsageException($"{path} has no '{name}' column.");
        int idColumn = Column("id"), latColumn = Column("lat"), lonColumn = Column("lon");
        var ids = new List<string>();
        var lon = new List<double>();
        var lat = new List<double>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            var f = Fields(line);
            ids.Add(idColumn < f.Count ? f[idColumn] : string.Empty);
            lat.Add(Number(f, latColumn));
            lon.Add(Number(f, lonColumn));
        }

        return (ids, [.. lon], [.. lat]);
    }

    /// <summary>Quotes a CSV field when it needs it (RFC 4180).</summary>
    public static string Csv(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    private static double Number(List<string> fields, int column) =>
        column < fields.Count && double.TryParse(fields[column], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN;

    private static string? Id(IFeature feature) => feature is IUnique { Id: { } id } ? Value(id) : null;

    private static string? Value(object? value) => value switch
    {
        null => null,
        JsonElement { ValueKind: JsonValueKind.String } e => e.GetString(),
        JsonElement e => e.GetRawText(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        var o => o.ToString(),
    };

    private static string? Text(IAttributesTable? attributes, string name)
    {
        if (attributes is null || !attributes.Exists(name))
        {
            return null;
        }

        return Value(attributes[name]);
    }

    private static List<string> Fields(string line)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else if (c != '\r')
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return fields;
    }
}
