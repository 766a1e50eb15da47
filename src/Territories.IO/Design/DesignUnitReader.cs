using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Geometries;
using Territories.Design;
using Territories.IO.Csv;
using Territories.Internal;
using Territories.Model;

namespace Territories.IO.Design;

/// <summary>
/// Reads design units (the building blocks of <see cref="TerritoryDesigner"/>) from a GeoJSON
/// <c>FeatureCollection</c> of polygons or points, or from a CSV of points.
/// </summary>
/// <remarks>
/// <para>
/// A GeoJSON feature becomes a polygon unit (<c>Polygon</c>, <c>MultiPolygon</c>) or a point unit
/// (<c>Point</c>); a CSV row becomes a point unit from its <c>lat</c> (or <c>latitude</c>) and
/// <c>lon</c> (<c>lng</c>, <c>long</c>, <c>longitude</c>) columns. The id and the attributes come from
/// the columns or properties named in <see cref="DesignUnitReaderOptions"/>, in any order, names
/// matched exactly, else ignoring case.
/// </para>
/// <para>
/// Every problem is reported as a <see cref="ReadError"/> naming the unit, the field and the value
/// (with the CSV line, or the index of the GeoJSON feature), and reading goes on: no id, a duplicate
/// id (the first keeps it), a CSV header naming a column twice (the first is read), a missing, null or non-numeric attribute, coordinates outside WGS84 or not
/// numbers, a short row, no usable geometry, a FeatureCollection with no feature. A unit with any problem is left out. A column or property
/// that no row or feature has is one <see cref="ReadErrorCode.MissingColumn"/> error, not one per unit.
/// </para>
/// <para>
/// Tolerated as real files have them: a UTF-8 byte order mark, CRLF line ends, quoted fields with
/// commas or quotes, extra columns, blank lines; numbers written as JSON strings (<c>"1234"</c>);
/// ids as JSON numbers or strings, taken from the id property or, when a feature lacks it, from the
/// feature's own <c>id</c>; a <c>crs</c> or <c>bbox</c> member (ignored: coordinates are read as
/// WGS84 longitude, latitude); 3D positions (z dropped); rings not closed (closed here); a
/// <c>GeometryCollection</c> of polygons (one unit), a <c>MultiPoint</c> of one point; comments and
/// trailing commas in JSON. Holes and multipolygons are kept as they are. Rings that simplification
/// collapsed to a line or a point are repaired and reported in <see cref="ReadResult{T}.Warnings"/>:
/// a collapsed hole or part is dropped (<see cref="ReadErrorCode.DroppedRing"/>), a collapsed shell is
/// kept with no area (<see cref="ReadErrorCode.CollapsedPolygon"/>) so that the unit is still
/// assigned.
/// </para>
/// <para>
/// Immutable once built and thread-safe. Reading is linear in the size of the file and holds the
/// whole document; output is in file order, so the same bytes give the same result. Pass
/// <see cref="ReadResult{T}.Items"/> to <see cref="DesignInput.Create"/> with the same attributes.
/// </para>
/// </remarks>
public sealed class DesignUnitReader
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);
    private static readonly JsonDocumentOptions JsonOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };
    private readonly string _idProperty;
    private readonly ImmutableArray<string> _attributes;

    /// <summary>Creates a reader with <paramref name="options"/>, validated once and copied.</summary>
    /// <param name="options">Which columns or properties hold the id and the attributes.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The options are not sound; the message lists every failure.</exception>
    public DesignUnitReader(DesignUnitReaderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var copy = EngineOptions.Checked(options);
        _idProperty = copy.IdProperty;
        _attributes = [.. copy.Attributes];
    }

    /// <summary>Reads the file at <paramref name="path"/>: CSV when its name ends in <c>.csv</c> (any case), GeoJSON otherwise.</summary>
    /// <param name="path">The file's path.</param>
    /// <returns>The units read, every problem found and every repair made.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="IOException">The file cannot be opened or read.</exception>
    public ReadResult<DesignUnit> ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        // Bytes that are not UTF-8 decode to a marker the parsers report (InvalidEncoding), not to U+FFFD.
        var text = File.ReadAllText(path, Utf8Input.Encoding);
        return path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? ParseCsv(text) : ParseGeoJson(text);
    }

    /// <summary>Reads a GeoJSON <c>FeatureCollection</c> held in a string.</summary>
    /// <param name="geoJson">The document's text.</param>
    /// <returns>The units read, every problem found and every repair made.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="geoJson"/> is null.</exception>
    public ReadResult<DesignUnit> ParseGeoJson(string geoJson)
    {
        ArgumentNullException.ThrowIfNull(geoJson);
        var sink = new Sink();
        if (string.IsNullOrWhiteSpace(geoJson.TrimStart('\uFEFF')))
        {
            sink.Errors.Add(new ReadError(ReadErrorCode.EmptyFile, null, null, null, null, null, "The document is empty."));
            return sink.Result([]);
        }

        try
        {
            return sink.Result(ReadGeoJson(geoJson.TrimStart('\uFEFF'), sink));
        }
        catch (JsonException ex)
        {
            sink.Errors.Add(new ReadError(ReadErrorCode.MalformedJson, ex.LineNumber is { } line ? (int)line + 1 : null, null, null, null, null, $"The JSON is not well formed: {ex.Message}"));
            return sink.Result([]);
        }
    }

    /// <summary>Reads a CSV of point units (comma-separated, header first) held in a string.</summary>
    /// <param name="csv">The file's text.</param>
    /// <returns>The units read and every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="csv"/> is null.</exception>
    public ReadResult<DesignUnit> ParseCsv(string csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var sink = new Sink();
        if (string.IsNullOrWhiteSpace(csv.TrimStart('\uFEFF')))
        {
            sink.Errors.Add(new ReadError(ReadErrorCode.EmptyFile, null, null, null, null, null, "The file is empty."));
            return sink.Result([]);
        }

        return sink.Result(ReadCsv(csv, sink));
    }

    private static ReadError Problem(ReadErrorCode code, int? line, int? feature, string? id, string? field, string? value, string message) =>
        new(code, line, feature, id, field, value, message);

    private List<DesignUnit> ReadGeoJson(string text, Sink sink)
    {
        var (idProperty, attributes, problems) = (_idProperty, _attributes, sink.Errors);
        var units = new List<DesignUnit>();
        using var document = JsonDocument.Parse(text, JsonOptions);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
        {
            problems.Add(Problem(ReadErrorCode.NotAFeatureCollection, null, null, null, null, root.ValueKind.ToString(), "The document is not a GeoJSON FeatureCollection (no 'features' array)."));
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
            problems.Add(Problem(ReadErrorCode.MissingColumn, null, null, null, name, null, $"No feature has the property '{name}'."));
        }

        if (absent.Count > 0)
        {
            return units;
        }

        if (features.GetArrayLength() == 0)
        {
            problems.Add(Problem(ReadErrorCode.NoFeatures, null, null, null, "features", "[]", "The FeatureCollection has no features: there is no unit to read."));
            return units;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var row = 0;
        foreach (var feature in features.EnumerateArray())
        {
            var index = row++;
            var properties = feature.ValueKind == JsonValueKind.Object && feature.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
            var id = Text(properties, idProperty) ?? (feature.ValueKind == JsonValueKind.Object && feature.TryGetProperty("id", out var fid) ? Scalar(fid) : null);
            if (string.IsNullOrWhiteSpace(id))
            {
                problems.Add(Problem(ReadErrorCode.MissingId, null, index, null, idProperty, null, $"Feature #{row} has no property '{idProperty}' and no feature id."));
                continue;
            }

            id = id.Trim();
            if (id.Contains(Utf8Input.Invalid, StringComparison.Ordinal))
            {
                problems.Add(Problem(ReadErrorCode.InvalidEncoding, null, index, id, idProperty, id, $"Feature #{row}: its id holds bytes that are not UTF-8; save the file as UTF-8."));
                continue;
            }

            if (!seen.Add(id))
            {
                problems.Add(Problem(ReadErrorCode.DuplicateId, null, index, id, idProperty, id, $"Unit id '{id}' appears more than once (again at feature #{row})."));
                continue;
            }

            var before = problems.Count;
            var values = new List<double>(attributes.Length);
            foreach (var a in attributes)
            {
                values.Add(Number(Text(properties, a), null, index, id, a, problems));
            }

            var geometry = feature.ValueKind == JsonValueKind.Object && feature.TryGetProperty("geometry", out var g) ? g : default;
            var (shape, code, why) = ReadGeometry(geometry);
            if (shape is null)
            {
                problems.Add(Problem(code, null, index, id, "geometry", GeometryType(geometry), $"Feature '{id}' (#{row}) has no usable polygon or point: {why}"));
            }
            else if (OutsideWgs84(shape) is { } outside)
            {
                // Coordinates in a projection (metres) would otherwise be designed on as if they were degrees.
                problems.Add(Problem(ReadErrorCode.InvalidCoordinate, null, index, id, "geometry", outside.ToString(),
                    $"Feature '{id}' (#{row}) has the position {outside}, outside WGS84 (longitude -180 to 180, latitude -90 to 90); coordinates are read as WGS84 longitude, latitude: reproject the file."));
            }
            else if (problems.Count == before && shape is Polygon or MultiPolygon)
            {
                units.Add(DesignUnit.FromPolygon(id, TerritoryBoundary.FromGeometry(shape), values));
                Repairs(geometry, shape, index, id, sink.Warnings);
            }
            else if (problems.Count == before && shape is Point point)
            {
                units.Add(DesignUnit.FromPoint(id, new GeoPoint(point.X, point.Y), values));
            }
        }

        return units;
    }

    /// <summary>Notes what reading changed in a unit's polygon: rings dropped as collapsed, or a polygon with no area left.</summary>
    private static void Repairs(JsonElement geometry, Geometry shape, int index, string id, List<ReadError> warnings)
    {
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
            warnings.Add(Problem(ReadErrorCode.CollapsedPolygon, null, index, id, "geometry", shape.GeometryType,
                $"Unit '{id}' has no area (its polygon collapsed to a line or a point); it is kept, a neighbour of the units whose borders it lies on, else island-linked."));
        }
        else if (kept < read)
        {
            warnings.Add(Problem(ReadErrorCode.DroppedRing, null, index, id, "geometry", (read - kept).ToString(CultureInfo.InvariantCulture),
                $"Unit '{id}': {read - kept} ring(s) collapsed to a line or a point were dropped."));
        }
    }

    private List<DesignUnit> ReadCsv(string text, Sink sink)
    {
        var (idProperty, attributes, problems) = (_idProperty, _attributes, sink.Errors);
        var units = new List<DesignUnit>();
        // The reader the account and plan CSV readers share: a stray quote costs its row, not the rest of the file.
        using var textReader = new StringReader(text.TrimStart('\uFEFF'));
        var reader = new CsvRecordReader(textReader, ',');
        var header = new List<string>();
        if (reader.TryRead(null, out var first))
        {
            header.AddRange(first.Fields.Select(f => f.Trim().TrimStart('\uFEFF')));
        }

        foreach (var duplicate in header.Where(h => h.Length > 0).GroupBy(h => h, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            problems.Add(Problem(ReadErrorCode.DuplicateColumn, 1, null, null, duplicate.Key, duplicate.Key, $"The header names column '{duplicate.Key}' {duplicate.Count()} times; the first is read."));
        }

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
            problems.Add(Problem(ReadErrorCode.MissingColumn, 1, null, null, column, null, $"The header has no column '{column}' (columns: {string.Join(", ", header)})."));
        }

        if (missing.Count > 0)
        {
            return units;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var rows = 0;
        while (reader.TryRead(header.Count, out var record))
        {
            var line = record.Line;
            var fields = record.Fields.Select(f => f.Trim()).ToArray();
            string Field(int column) => column < fields.Length ? fields[column] : string.Empty;
            if (record.Error is { } quote)
            {
                rows++;
                var column = quote.Field < header.Count ? header[quote.Field] : $"#{quote.Field + 1}";
                problems.Add(Problem(ReadErrorCode.UnterminatedQuote, line, null, Field(idColumn) is { Length: > 0 } known ? known : null, column, quote.Excerpt.Length <= 80 ? quote.Excerpt : string.Concat(quote.Excerpt.AsSpan(0, 80), "…"),
                    $"Line {line}, column '{column}': the quote that opens this value is not closed where a value can end (before a comma or a line end, with the row whole); the row is left out and reading resumes at the next line. Close the quote, or double a quote inside a quoted value."));
                continue;
            }

            if (fields.All(f => f.Length == 0))
            {
                continue;
            }

            rows++;
            var before = problems.Count;
            var id = Field(idColumn);
            if (Utf8Input.FirstInvalid(fields) is var bad and >= 0)
            {
                var column = bad < header.Count ? header[bad] : $"#{bad + 1}";
                problems.Add(Problem(ReadErrorCode.InvalidEncoding, line, null, id, column, fields[bad], $"Line {line}, column '{column}': the value holds bytes that are not UTF-8; save the file as UTF-8."));
                continue;
            }

            if (id.Length == 0)
            {
                problems.Add(Problem(ReadErrorCode.MissingId, line, null, null, idProperty, null, $"Line {line} has no '{idProperty}'."));
                continue;
            }

            if (!seen.Add(id))
            {
                problems.Add(Problem(ReadErrorCode.DuplicateId, line, null, id, idProperty, id, $"Unit id '{id}' appears more than once (again on line {line})."));
                continue;
            }

            if (fields.Length < header.Count)
            {
                problems.Add(Problem(ReadErrorCode.FieldCountMismatch, line, null, id, null, fields.Length.ToString(CultureInfo.InvariantCulture),
                    $"Line {line} (unit '{id}') has {fields.Length} field(s); the header has {header.Count}."));
            }

            var lat = Number(Field(latColumn), line, null, id, "lat", problems);
            var lon = Number(Field(lonColumn), line, null, id, "lon", problems);
            if (double.IsFinite(lat) && Math.Abs(lat) > 90)
            {
                problems.Add(Problem(ReadErrorCode.InvalidCoordinate, line, null, id, "lat", Field(latColumn), $"Unit '{id}' has lat {Field(latColumn)}, outside -90..90."));
                lat = double.NaN;
            }

            if (double.IsFinite(lon) && Math.Abs(lon) > 180)
            {
                problems.Add(Problem(ReadErrorCode.InvalidCoordinate, line, null, id, "lon", Field(lonColumn), $"Unit '{id}' has lon {Field(lonColumn)}, outside -180..180."));
                lon = double.NaN;
            }

            var values = new List<double>(attributes.Length);
            for (var k = 0; k < attributes.Length; k++)
            {
                values.Add(Number(Field(attributeColumns[k]), line, null, id, attributes[k], problems));
            }

            if (problems.Count == before)
            {
                units.Add(DesignUnit.FromPoint(id, new GeoPoint(lon, lat), values));
            }
        }

        if (rows == 0)
        {
            problems.Add(Problem(ReadErrorCode.NoRows, null, null, null, null, null, "The file has a header but no data row."));
        }

        return units;
    }

    /// <summary>The number in <paramref name="text"/>; NaN, with a problem naming unit, field and value, when it is missing or not a finite number.</summary>
    private static double Number(string? text, int? line, int? feature, string id, string field, List<ReadError> problems)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v))
        {
            return v;
        }

        problems.Add(Problem(string.IsNullOrWhiteSpace(text) ? ReadErrorCode.MissingValue : ReadErrorCode.InvalidNumber, line, feature, id, field, string.IsNullOrWhiteSpace(text) ? null : text,
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

    /// <summary>A Polygon, MultiPolygon or Point from a GeoJSON geometry (x, y of each position; z and beyond dropped), or null with the error code and why not.</summary>
    private static (Geometry? Shape, ReadErrorCode Code, string Why) ReadGeometry(JsonElement geometry)
    {
        var factory = Factory;
        if (geometry.ValueKind != JsonValueKind.Object)
        {
            return (null, ReadErrorCode.MissingGeometry, "the geometry is null.");
        }

        var type = GeometryType(geometry);
        if (type == "GeometryCollection" && geometry.TryGetProperty("geometries", out var members) && members.ValueKind == JsonValueKind.Array)
        {
            // Some exports wrap a unit's polygons in a collection: its polygons are the unit.
            var polygons = new List<Polygon>();
            foreach (var member in members.EnumerateArray())
            {
                var (shape, code, why) = ReadGeometry(member);
                switch (shape)
                {
                    case Polygon p:
                        polygons.Add(p);
                        break;
                    case MultiPolygon mp:
                        polygons.AddRange(Enumerable.Range(0, mp.NumGeometries).Select(i => (Polygon)mp.GetGeometryN(i)));
                        break;
                    default:
                        return (null, shape is null ? code : ReadErrorCode.UnsupportedGeometry, $"a GeometryCollection member is not a polygon ({(shape is null ? why : shape.GeometryType)})");
                }
            }

            return polygons.Count switch
            {
                0 => (null, ReadErrorCode.MissingGeometry, "an empty GeometryCollection."),
                1 => (polygons[0], default, string.Empty),
                _ => (factory.CreateMultiPolygon([.. polygons]), default, string.Empty),
            };
        }

        if (!geometry.TryGetProperty("coordinates", out var coordinates) || coordinates.ValueKind != JsonValueKind.Array)
        {
            return (null, ReadErrorCode.InvalidGeometry, $"a {type} without a 'coordinates' array.");
        }

        switch (type)
        {
            case "Point":
                var point = Position(coordinates);
                return point is null ? (null, ReadErrorCode.InvalidGeometry, "the point's position is not two finite numbers.") : (factory.CreatePoint(point), default, string.Empty);
            case "MultiPoint" when coordinates.GetArrayLength() == 1:
                var only = Position(coordinates[0]);
                return only is null ? (null, ReadErrorCode.InvalidGeometry, "the point's position is not two finite numbers.") : (factory.CreatePoint(only), default, string.Empty);
            case "Polygon":
                var polygon = ReadPolygon(coordinates, factory, out var why);
                return (polygon, ReadErrorCode.InvalidGeometry, why);
            case "MultiPolygon":
                var parts = new List<Polygon>();
                var number = 0;
                foreach (var part in coordinates.EnumerateArray())
                {
                    number++;
                    var p = ReadPolygon(part, factory, out var partWhy);
                    if (p is null)
                    {
                        return (null, ReadErrorCode.InvalidGeometry, $"part {number}: {partWhy}");
                    }

                    parts.Add(p);
                }

                // Parts that simplification collapsed to a line or a point are dropped while a part with area is left.
                var kept = parts.Where(p => p.Area > 0).ToArray();
                return parts.Count == 0 ? (null, ReadErrorCode.InvalidGeometry, "a MultiPolygon with no parts.")
                    : kept.Length == 1 ? (kept[0], default, string.Empty)
                    : (factory.CreateMultiPolygon(kept.Length > 0 ? kept : [.. parts]), default, string.Empty);
            default:
                return (null, ReadErrorCode.UnsupportedGeometry, $"geometry type {type ?? "(none)"}; a unit is a Polygon, MultiPolygon or Point.");
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

    /// <summary>The first position of <paramref name="shape"/> outside WGS84 degrees, or null.</summary>
    private static GeoPoint? OutsideWgs84(Geometry shape)
    {
        foreach (var c in shape.Coordinates)
        {
            if (new GeoPoint(c.X, c.Y) is { IsValid: false } at)
            {
                return at;
            }
        }

        return null;
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

    /// <summary>The problems and repairs of one read.</summary>
    private sealed class Sink
    {
        public List<ReadError> Errors { get; } = [];

        public List<ReadError> Warnings { get; } = [];

        public ReadResult<DesignUnit> Result(List<DesignUnit> units) => new([.. units], [.. Errors], [.. Warnings]);
    }
}
