using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Geometries;
using nietras.SeparatedValues;
using Territories.Design;
using Territories.Model;

namespace Territories.Quality;

/// <summary>
/// Reads design units from a GeoJSON FeatureCollection of polygons or points, or a CSV of points
/// (id, lat, lon and attribute columns, in any order, names matched case-insensitively). Problems with
/// single rows (no id, a duplicate id, a missing, null or non-numeric attribute, unusable coordinates
/// or geometry, a short row) are all collected, each naming the unit, field and value, instead of
/// stopping at the first; a file that cannot be read at all is one problem.
/// </summary>
/// <remarks>
/// Tolerated as real files have them: a UTF-8 byte order mark, CRLF line ends, quoted fields with
/// commas or quotes, extra columns, blank lines; numbers written as JSON strings (<c>"1234"</c>);
/// ids as JSON numbers or strings, taken from the id property or, when a feature lacks it, from the
/// feature's own <c>id</c>; a <c>crs</c> or <c>bbox</c> member (ignored: coordinates are read as
/// WGS84 lon/lat); 3D positions (z dropped); rings not closed (closed here); property names in
/// another case than asked; a GeometryCollection of polygons (one unit), a MultiPoint of one point.
/// Holes and MultiPolygons are kept as they are.
/// </remarks>
internal static class DesignUnitsFile
{
    /// <summary>The units, or null with every problem found.</summary>
    /// <param name="path">The units file (.csv, else GeoJSON).</param>
    /// <param name="idProperty">The id column or property.</param>
    /// <param name="attributes">The attribute columns or properties.</param>
    /// <param name="problems">Receives every problem that stops the design.</param>
    /// <param name="warnings">Receives what was repaired and how (collapsed polygons kept without area, collapsed rings dropped), each naming the unit.</param>
    public static DesignInput? Read(string path, string idProperty, IReadOnlyList<string> attributes, List<InputProblem> problems, List<InputProblem>? warnings = null)
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
                ? ReadCsv(File.ReadAllText(path), path, idProperty, attributes, problems)
                : ReadGeoJson(File.ReadAllText(path), path, idProperty, attributes, problems, warnings);
        }
        catch (Exception ex) when (ex is JsonException or IOException or FormatException or InvalidOperationException or ArgumentException or NotSupportedException or InvalidDataException or UnauthorizedAccessException)
        {
            problems.Add(new InputProblem("UnreadableFile", null, "units", path, $"'{path}' could not be read: {ex.Message}"));
            return null;
        }

        return problems.Count > 0 ? null : DesignInput.Create(attributes, units);
    }

    /// <summary>Units from GeoJSON text; <paramref name="source"/> names the file in messages.</summary>
    internal static List<DesignUnit> ReadGeoJson(string text, string source, string idProperty, IReadOnlyList<string> attributes, List<InputProblem> problems, List<InputProblem>? warnings = null)
    {
        var units = new List<DesignUnit>();
        using var document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
        {
            problems.Add(new InputProblem("UnreadableFile", null, "units", source, $"'{source}' is not a GeoJSON FeatureCollection (no 'features' array)."));
            return units;
        }

        // A property that no feature has is one problem (a misspelt name), not one per feature.
        static bool Has(JsonElement feature, string name) =>
            feature.ValueKind == JsonValueKind.Object && feature.TryGetProperty("properties", out var p) && Property(p, name) is not null;
        var absent = attributes.Where(a => features.GetArrayLength() > 0 && !features.EnumerateArray().Any(f => Has(f, a))).ToList();
        if (features.GetArrayLength() > 0 && !features.EnumerateArray().Any(f => Has(f, idProperty) || (f.ValueKind == JsonValueKind.Object && f.TryGetProperty("id", out _))))
        {
            absent.Insert(0, idProperty);
        }

        foreach (var name in absent)
        {
            problems.Add(new InputProblem("MissingColumn", null, name, null, $"No feature of '{source}' has the property '{name}'."));
        }

        if (absent.Count > 0)
        {
            return units;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var row = 0;
        foreach (var feature in features.EnumerateArray())
        {
            row++;
            var properties = feature.ValueKind == JsonValueKind.Object && feature.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
            var id = Text(properties, idProperty) ?? (feature.ValueKind == JsonValueKind.Object && feature.TryGetProperty("id", out var fid) ? Scalar(fid) : null);
            if (string.IsNullOrWhiteSpace(id))
            {
                problems.Add(new InputProblem("MissingId", null, idProperty, null, $"Feature #{row} has no property '{idProperty}' and no feature id."));
                continue;
            }

            id = id.Trim();
            if (!seen.Add(id))
            {
                problems.Add(new InputProblem("DuplicateUnit", id, idProperty, id, $"Unit id '{id}' appears more than once (again at feature #{row})."));
                continue;
            }

            var values = new List<double>(attributes.Count);
            foreach (var a in attributes)
            {
                values.Add(Number(Text(properties, a), id, a, problems));
            }

            var geometry = feature.ValueKind == JsonValueKind.Object && feature.TryGetProperty("geometry", out var g) ? g : default;
            var (shape, why) = ReadGeometry(geometry);
            switch (shape)
            {
                case Polygon or MultiPolygon:
                    units.Add(DesignUnit.FromPolygon(id, TerritoryBoundary.FromGeometry(shape), values));
                    Repairs(geometry, shape, id, warnings);
                    break;
                case Point point:
                    units.Add(DesignUnit.FromPoint(id, new GeoPoint(point.X, point.Y), values));
                    break;
                default:
                    problems.Add(new InputProblem("InvalidGeometry", id, "geometry", GeometryType(geometry),
                        $"Feature '{id}' (#{row}) has no usable polygon or point: {why}"));
                    break;
            }
        }

        return units;
    }

    /// <summary>Notes what reading changed in a unit's polygon: rings dropped as collapsed, or a polygon with no area left.</summary>
    private static void Repairs(JsonElement geometry, Geometry shape, string id, List<InputProblem>? warnings)
    {
        if (warnings is null)
        {
            return;
        }

        static int Rings(JsonElement g) => GeometryType(g) switch
        {
            "Polygon" => g.GetProperty("coordinates").GetArrayLength(),
            "MultiPolygon" => g.GetProperty("coordinates").EnumerateArray().Sum(p => p.ValueKind == JsonValueKind.Array ? p.GetArrayLength() : 0),
            "GeometryCollection" => g.GetProperty("geometries").EnumerateArray().Sum(Rings),
            _ => 0,
        };
        var kept = Enumerable.Range(0, shape.NumGeometries).Select(shape.GetGeometryN).OfType<Polygon>().Sum(p => 1 + p.NumInteriorRings);
        var read = Rings(geometry);
        if (shape.Area <= 0)
        {
            warnings.Add(new InputProblem("CollapsedPolygon", id, "geometry", shape.GeometryType,
                $"Unit '{id}' has no area (its polygon collapsed to a line or a point); it is kept, a neighbour of the units whose borders it lies on, else island-linked."));
        }
        else if (kept < read)
        {
            warnings.Add(new InputProblem("DroppedRing", id, "geometry", (read - kept).ToString(CultureInfo.InvariantCulture),
                $"Unit '{id}': {read - kept} ring(s) collapsed to a line or a point were dropped."));
        }
    }

    /// <summary>Units from CSV text; <paramref name="source"/> names the file in messages.</summary>
    internal static List<DesignUnit> ReadCsv(string text, string source, string idProperty, IReadOnlyList<string> attributes, List<InputProblem> problems)
    {
        var units = new List<DesignUnit>();
        using var reader = Sep.Reader(o => o with { Unescape = true, DisableColCountCheck = true, Sep = new Sep(',') }).FromText(text.TrimStart('\uFEFF'));
        var header = reader.Header.ColNames.Select(n => n.Trim().TrimStart('\uFEFF')).ToList();
        int Column(params string[] names) => names.Select(n => header.FindIndex(h => string.Equals(h, n, StringComparison.OrdinalIgnoreCase))).FirstOrDefault(i => i >= 0, -1);
        var idColumn = Column(idProperty);
        var latColumn = Column("lat", "latitude");
        var lonColumn = Column("lon", "lng", "long", "longitude");
        var attributeColumns = attributes.Select(a => Column(a)).ToArray();
        var missing = new List<string>();
        if (idColumn < 0)
        {
            missing.Add(idProperty);
        }

        if (latColumn < 0)
        {
            missing.Add("lat");
        }

        if (lonColumn < 0)
        {
            missing.Add("lon");
        }

        missing.AddRange(attributes.Where((_, k) => attributeColumns[k] < 0));
        foreach (var column in missing)
        {
            problems.Add(new InputProblem("MissingColumn", null, column, null, $"'{source}' has no column '{column}' (columns: {string.Join(", ", header)})."));
        }

        if (missing.Count > 0)
        {
            return units;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in reader)
        {
            var line = row.LineNumberFrom;
            var fields = new string[row.ColCount];
            for (var c = 0; c < fields.Length; c++)
            {
                fields[c] = row[c].ToString().Trim();
            }

            string Field(int column) => column < fields.Length ? fields[column] : string.Empty;
            if (fields.All(f => f.Length == 0))
            {
                continue;
            }

            var id = Field(idColumn);
            if (id.Length == 0)
            {
                problems.Add(new InputProblem("MissingId", null, idProperty, null, $"Line {line} has no '{idProperty}'."));
                continue;
            }

            if (!seen.Add(id))
            {
                problems.Add(new InputProblem("DuplicateUnit", id, idProperty, id, $"Unit id '{id}' appears more than once (again on line {line})."));
                continue;
            }

            if (fields.Length < header.Count)
            {
                problems.Add(new InputProblem("ShortRow", id, "columns", fields.Length.ToString(CultureInfo.InvariantCulture),
                    $"Line {line} (unit '{id}') has {fields.Length} field(s); the header has {header.Count}."));
            }

            var lat = Number(Field(latColumn), id, "lat", problems);
            var lon = Number(Field(lonColumn), id, "lon", problems);
            if (double.IsFinite(lat) && Math.Abs(lat) > 90)
            {
                problems.Add(new InputProblem("OutOfRange", id, "lat", Field(latColumn), $"Unit '{id}' has lat {Field(latColumn)}, outside -90..90."));
                lat = double.NaN;
            }

            if (double.IsFinite(lon) && Math.Abs(lon) > 180)
            {
                problems.Add(new InputProblem("OutOfRange", id, "lon", Field(lonColumn), $"Unit '{id}' has lon {Field(lonColumn)}, outside -180..180."));
                lon = double.NaN;
            }

            var values = new List<double>(attributes.Count);
            for (var k = 0; k < attributes.Count; k++)
            {
                values.Add(Number(Field(attributeColumns[k]), id, attributes[k], problems));
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

    /// <summary>A property as text: strings as they are, numbers as written, null and absent as null, anything else as its JSON.</summary>
    private static string? Text(JsonElement properties, string name) =>
        Property(properties, name) is { } value ? Scalar(value) : null;

    /// <summary>The property of that name, matched exactly, else ignoring case (a file's GEOID for --id-property geoid).</summary>
    private static JsonElement? Property(JsonElement properties, string name)
    {
        if (properties.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (properties.TryGetProperty(name, out var exact))
        {
            return exact;
        }

        foreach (var p in properties.EnumerateObject())
        {
            if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return p.Value;
            }
        }

        return null;
    }

    private static string? Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => value.GetRawText(),
    };

    private static string? GeometryType(JsonElement geometry) =>
        geometry.ValueKind == JsonValueKind.Object && geometry.TryGetProperty("type", out var t) ? Scalar(t) : geometry.ValueKind.ToString();

    /// <summary>A Polygon, MultiPolygon or Point from a GeoJSON geometry (x, y of each position; z and beyond dropped), or null and why not.</summary>
    private static (Geometry? Shape, string Why) ReadGeometry(JsonElement geometry)
    {
        var factory = Territories.Internal.Geometries.Factory;
        if (geometry.ValueKind != JsonValueKind.Object)
        {
            return (null, "the geometry is null.");
        }

        var type = GeometryType(geometry);
        if (type == "GeometryCollection" && geometry.TryGetProperty("geometries", out var members) && members.ValueKind == JsonValueKind.Array)
        {
            // Some exports wrap a unit's polygons in a collection: its polygons are the unit.
            var polygons = new List<Polygon>();
            foreach (var member in members.EnumerateArray())
            {
                var (shape, why) = ReadGeometry(member);
                switch (shape)
                {
                    case Polygon p:
                        polygons.Add(p);
                        break;
                    case MultiPolygon mp:
                        polygons.AddRange(Enumerable.Range(0, mp.NumGeometries).Select(i => (Polygon)mp.GetGeometryN(i)));
                        break;
                    default:
                        return (null, $"a GeometryCollection member is not a polygon ({(shape is null ? why : shape.GeometryType)})");
                }
            }

            return polygons.Count switch
            {
                0 => (null, "an empty GeometryCollection."),
                1 => (polygons[0], string.Empty),
                _ => (factory.CreateMultiPolygon([.. polygons]), string.Empty),
            };
        }

        if (!geometry.TryGetProperty("coordinates", out var coordinates) || coordinates.ValueKind != JsonValueKind.Array)
        {
            return (null, $"a {type} without a 'coordinates' array.");
        }

        switch (type)
        {
            case "Point":
                var point = Position(coordinates);
                return point is null ? (null, "the point's position is not two finite numbers.") : (factory.CreatePoint(point), string.Empty);
            case "MultiPoint" when coordinates.GetArrayLength() == 1:
                var only = Position(coordinates[0]);
                return only is null ? (null, "the point's position is not two finite numbers.") : (factory.CreatePoint(only), string.Empty);
            case "Polygon":
                var polygon = ReadPolygon(coordinates, factory, out var why);
                return (polygon, why);
            case "MultiPolygon":
                var parts = new List<Polygon>();
                var number = 0;
                foreach (var part in coordinates.EnumerateArray())
                {
                    number++;
                    var p = ReadPolygon(part, factory, out var partWhy);
                    if (p is null)
                    {
                        return (null, $"part {number}: {partWhy}");
                    }

                    parts.Add(p);
                }

                // Parts that simplification collapsed to a line or a point are dropped while a part with area is left.
                var kept = parts.Where(p => p.Area > 0).ToArray();
                return parts.Count == 0 ? (null, "a MultiPolygon with no parts.")
                    : kept.Length == 1 ? (kept[0], string.Empty)
                    : (factory.CreateMultiPolygon(kept.Length > 0 ? kept : [.. parts]), string.Empty);
            default:
                return (null, $"geometry type {type ?? "(none)"}; a unit is a Polygon, MultiPolygon or Point.");
        }
    }

    private static Polygon? ReadPolygon(JsonElement rings, GeometryFactory factory, out string why)
    {
        var list = new List<LinearRing>();
        if (rings.ValueKind != JsonValueKind.Array)
        {
            why = "a polygon's coordinates are not an array of rings.";
            return null;
        }

        foreach (var ring in rings.EnumerateArray())
        {
            var positions = new List<Coordinate>();
            if (ring.ValueKind == JsonValueKind.Array)
            {
                foreach (var position in ring.EnumerateArray())
                {
                    if (Position(position) is not { } c)
                    {
                        why = $"ring {list.Count + 1} has a position that is not two finite numbers ({position.GetRawText()}).";
                        return null;
                    }

                    positions.Add(c);
                }
            }

            if (positions.Count == 0)
            {
                why = $"ring {list.Count + 1} has no position.";
                return null;
            }

            if (!positions[0].Equals2D(positions[^1]))
            {
                positions.Add(positions[0].Copy());
            }

            // Simplification can collapse a small ring to a line or a point (the closing position
            // repeated): a collapsed hole is dropped, a collapsed shell kept with no area (padded to
            // the four positions a ring needs), so the unit is still there to be assigned.
            while (positions.Count < 4)
            {
                positions.Add(positions[^1].Copy());
            }

            if (list.Count == 0 || Area(positions) > 0)
            {
                list.Add(factory.CreateLinearRing([.. positions]));
            }
        }

        if (list.Count == 0)
        {
            why = "a polygon with no rings.";
            return null;
        }

        why = string.Empty;
        return factory.CreatePolygon(list[0], [.. list.Skip(1)]);
    }

    /// <summary>The absolute planar area of a closed ring (shoelace), zero for a ring collapsed to a line or point.</summary>
    private static double Area(List<Coordinate> ring)
    {
        var twice = 0.0;
        for (var k = 1; k < ring.Count; k++)
        {
            twice += (ring[k - 1].X * ring[k].Y) - (ring[k].X * ring[k - 1].Y);
        }

        return Math.Abs(twice) / 2;
    }

    private static Coordinate? Position(JsonElement position)
    {
        if (position.ValueKind != JsonValueKind.Array || position.GetArrayLength() < 2)
        {
            return null;
        }

        var x = position[0];
        var y = position[1];
        return x.ValueKind == JsonValueKind.Number && y.ValueKind == JsonValueKind.Number && x.TryGetDouble(out var lon) && y.TryGetDouble(out var lat) && double.IsFinite(lon) && double.IsFinite(lat)
            ? new Coordinate(lon, lat)
            : null;
    }
}
