using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using nietras.SeparatedValues;
using Territories.Design;
using Territories.Model;

namespace Territories.Quality;

/// <summary>
/// Reads design units from a GeoJSON FeatureCollection of polygons or points, or a CSV of points
/// (id,lat,lon + attribute columns). Problems with single rows (no id, a missing or non-numeric
/// attribute, unusable coordinates or geometry) are all collected, each naming the unit, field and
/// value, instead of stopping at the first; a file that cannot be read at all is one problem.
/// </summary>
internal static class DesignUnitsFile
{
    private static readonly JsonSerializerOptions JsonOptions = new() { Converters = { new GeoJsonConverterFactory() } };

    /// <summary>The units, or null with every problem found.</summary>
    public static DesignInput? Read(string path, string idProperty, IReadOnlyList<string> attributes, List<InputProblem> problems)
    {
        if (!File.Exists(path))
        {
            problems.Add(new InputProblem("FileNotFound", null, "units", path, $"No such file '{path}'."));
            return null;
        }

        List<DesignUnit> units;
        try
        {
            units = path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)
                ? ReadCsv(path, idProperty, attributes, problems)
                : ReadGeoJson(path, idProperty, attributes, problems);
        }
        catch (Exception ex) when (ex is JsonException or IOException or FormatException or InvalidOperationException or ArgumentException or NotSupportedException)
        {
            problems.Add(new InputProblem("UnreadableFile", null, "units", path, $"'{path}' could not be read: {ex.Message}"));
            return null;
        }

        return problems.Count > 0 ? null : DesignInput.Create(attributes, units);
    }

    private static List<DesignUnit> ReadGeoJson(string path, string idProperty, IReadOnlyList<string> attributes, List<InputProblem> problems)
    {
        var units = new List<DesignUnit>();
        var collection = JsonSerializer.Deserialize<FeatureCollection>(File.ReadAllText(path), JsonOptions);
        if (collection is null)
        {
            problems.Add(new InputProblem("UnreadableFile", null, "units", path, $"'{path}' is not a GeoJSON FeatureCollection."));
            return units;
        }

        var row = 0;
        foreach (var feature in collection)
        {
            row++;
            var table = feature.Attributes;
            var id = table?.Exists(idProperty) == true ? Convert.ToString(table[idProperty], CultureInfo.InvariantCulture) : null;
            if (string.IsNullOrWhiteSpace(id))
            {
                problems.Add(new InputProblem("MissingId", null, idProperty, null, $"Feature #{row} has no property '{idProperty}'."));
                continue;
            }

            var values = new List<double>(attributes.Count);
            foreach (var a in attributes)
            {
                var raw = table!.Exists(a) ? table[a] : null;
                values.Add(Number(raw is null ? null : Convert.ToString(raw, CultureInfo.InvariantCulture), id, a, problems));
            }

            switch (feature.Geometry)
            {
                case Polygon or MultiPolygon when !feature.Geometry.IsEmpty:
                    units.Add(DesignUnit.FromPolygon(id, TerritoryBoundary.FromGeometry(feature.Geometry), values));
                    break;
                case Point p when double.IsFinite(p.X) && double.IsFinite(p.Y):
                    units.Add(DesignUnit.FromPoint(id, new GeoPoint(p.X, p.Y), values));
                    break;
                default:
                    problems.Add(new InputProblem("InvalidGeometry", id, "geometry", feature.Geometry?.GeometryType,
                        $"Feature '{id}' has geometry {feature.Geometry?.GeometryType ?? "null"}, not a non-empty polygon or point."));
                    break;
            }
        }

        return units;
    }

    private static List<DesignUnit> ReadCsv(string path, string idProperty, IReadOnlyList<string> attributes, List<InputProblem> problems)
    {
        var units = new List<DesignUnit>();
        using var reader = Sep.Reader(o => o with { Unescape = true }).FromFile(path);
        var missing = new[] { idProperty, "lat", "lon" }.Concat(attributes).Where(c => !reader.Header.ColNames.Contains(c)).ToList();
        foreach (var column in missing)
        {
            problems.Add(new InputProblem("MissingColumn", null, column, null, $"'{path}' has no column '{column}'."));
        }

        if (missing.Count > 0)
        {
            return units;
        }

        var line = 1;
        foreach (var row in reader)
        {
            line++;
            var id = row[idProperty].ToString().Trim();
            if (id.Length == 0)
            {
                problems.Add(new InputProblem("MissingId", null, idProperty, null, $"Row {line} has no '{idProperty}'."));
                continue;
            }

            var lat = Number(row["lat"].ToString(), id, "lat", problems);
            var lon = Number(row["lon"].ToString(), id, "lon", problems);
            var values = new List<double>(attributes.Count);
            foreach (var a in attributes)
            {
                values.Add(Number(row[a].ToString(), id, a, problems));
            }

            if (double.IsFinite(lat) && double.IsFinite(lon))
            {
                units.Add(DesignUnit.FromPoint(id, new GeoPoint(lon, lat), values));
            }
        }

        return units;
    }

    /// <summary>The number in <paramref name="text"/>; NaN, with a problem naming unit, field and value, when it is missing or not a finite number.</summary>
    private static double Number(string? text, string id, string field, List<InputProblem> problems)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v))
        {
            return v;
        }

        problems.Add(new InputProblem(string.IsNullOrWhiteSpace(text) ? "MissingValue" : "NotANumber", id, field, text,
            string.IsNullOrWhiteSpace(text) ? $"Unit '{id}' has no value for '{field}'." : $"Unit '{id}' has '{text}' for '{field}', which is not a finite number."));
        return double.NaN;
    }
}
