using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using NetTopologySuite.Geometries;
using Territories.Internal;
using Territories.Model;

namespace Territories.IO.GeoJson;

/// <summary>Reads territories from a GeoJSON <c>FeatureCollection</c>: one territory per <c>Polygon</c> or <c>MultiPolygon</c> feature.</summary>
/// <remarks>
/// <para>
/// Each feature becomes a <see cref="Territory"/> whose id, name, parent and level come from the
/// properties named in <see cref="TerritoryGeoJsonOptions"/> and whose boundary is the feature's
/// geometry (<see cref="TerritoryBoundary.FromGeometry"/>); its other properties are kept as
/// <see cref="Territory.Attributes"/> (strings as they are, numbers and booleans as written, objects
/// and arrays as JSON text, nulls left out). Every feature is checked on its own and
/// every problem is reported as a <see cref="ReadError"/> with the feature's index, the line it
/// starts on and its id when known: no id, a duplicate id (the first feature keeps it), no geometry,
/// a geometry that is not a polygon, malformed coordinates, a ring with fewer than four positions or
/// not closed, a coordinate outside WGS84. A feature with any problem is left out; the others are
/// kept. Malformed JSON stops reading where it occurs; the features before it are kept.
/// </para>
/// <para>
/// Not checked here, because the whole-model validation does it with the territory's id:
/// self-intersections, holes outside their shell and other polygon validity rules
/// (<see cref="ModelValidator"/>). Coordinates are WGS84 longitude, latitude (RFC 7946); a third
/// number (altitude) is ignored. The input must be UTF-8; a byte-order mark is skipped and comments
/// are allowed.
/// </para>
/// <para>
/// Immutable once built and thread-safe. Reading is linear in the size of the document and holds
/// one feature's JSON tree at a time, on top of the document's bytes and the territories read.
/// Output is in file order, so the same bytes give the same result.
/// </para>
/// </remarks>
public sealed class TerritoryGeoJsonReader
{
    private const int MaxValueLength = 80;
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);
    private static readonly JsonReaderOptions JsonOptions = new() { CommentHandling = JsonCommentHandling.Skip };
    private readonly TerritoryGeoJsonOptions _options;

    /// <summary>Creates a reader with the default options: the feature <c>id</c>, and the <c>name</c>, <c>parent</c> and <c>level</c> properties.</summary>
    public TerritoryGeoJsonReader()
        : this(new TerritoryGeoJsonOptions())
    {
    }

    /// <summary>Creates a reader with <paramref name="options"/>, validated once and copied.</summary>
    /// <param name="options">Which properties to read.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The options are not sound; the message lists every failure.</exception>
    public TerritoryGeoJsonReader(TerritoryGeoJsonOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = EngineOptions.Checked(options);
    }

    /// <summary>Reads a GeoJSON document from <paramref name="stream"/> (UTF-8) to its end; the stream is left open.</summary>
    /// <param name="stream">The document.</param>
    /// <returns>The territories read and every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    public ReadResult<Territory> Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return ReadUtf8(buffer.ToArray());
    }

    /// <summary>Reads a GeoJSON document from <paramref name="stream"/> (UTF-8) to its end without blocking; the stream is left open.</summary>
    /// <param name="stream">The document.</param>
    /// <param name="cancellationToken">Cancels reading the stream.</param>
    /// <returns>The territories read and every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    public Task<ReadResult<Territory>> ReadAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return ReadCoreAsync(stream, cancellationToken);
    }

    /// <summary>Reads a GeoJSON document held in a string.</summary>
    /// <param name="geoJson">The document's text.</param>
    /// <returns>The territories read and every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="geoJson"/> is null.</exception>
    public ReadResult<Territory> Parse(string geoJson)
    {
        ArgumentNullException.ThrowIfNull(geoJson);
        return ReadUtf8(Encoding.UTF8.GetBytes(geoJson));
    }

    /// <summary>Reads the GeoJSON file at <paramref name="path"/>.</summary>
    /// <param name="path">The file's path.</param>
    /// <returns>The territories read and every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="IOException">The file cannot be opened or read.</exception>
    public ReadResult<Territory> ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return ReadUtf8(File.ReadAllBytes(path));
    }

    private async Task<ReadResult<Territory>> ReadCoreAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return ReadUtf8(buffer.ToArray());
    }

    private ReadResult<Territory> ReadUtf8(ReadOnlyMemory<byte> document)
    {
        if (document.Span.StartsWith("\uFEFF"u8))
        {
            document = document[3..];
        }

        var state = new ReadState(document);
        if (document.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            state.Errors.Add(new ReadError(ReadErrorCode.EmptyFile, null, null, null, null, null, "The document is empty."));
            return state.ToResult();
        }

        var reader = new Utf8JsonReader(document.Span, JsonOptions);
        int? featureIndex = null;
        try
        {
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                state.Errors.Add(new ReadError(ReadErrorCode.NotAFeatureCollection, state.LineOf(reader.TokenStartIndex), null, null, null, reader.TokenType.ToString(), "A GeoJSON FeatureCollection is a JSON object."));
                return state.ToResult();
            }

            string? type = null;
            var sawFeatures = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                if (name == "type")
                {
                    type = reader.TokenType == JsonTokenType.String ? reader.GetString() : reader.TokenType.ToString();
                    reader.Skip();
                }
                else if (name == "features" && reader.TokenType == JsonTokenType.StartArray)
                {
                    sawFeatures = true;
                    var index = 0;
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        featureIndex = index;
                        var line = state.LineOf(reader.TokenStartIndex);
                        using (var feature = JsonDocument.ParseValue(ref reader))
                        {
                            ReadFeature(feature.RootElement, index, line, state);
                        }

                        index++;
                    }

                    featureIndex = null;
                    if (index == 0)
                    {
                        state.Errors.Add(new ReadError(ReadErrorCode.NoFeatures, state.LineOf(reader.TokenStartIndex), null, null, "features", "[]", "The FeatureCollection has no features: there is no territory to read."));
                    }
                }
                else
                {
                    reader.Skip();
                }
            }

            // A second value after the document is malformed; reading on makes the reader say so.
            reader.Read();
            if (type != "FeatureCollection" || !sawFeatures)
            {
                state.Errors.Add(new ReadError(ReadErrorCode.NotAFeatureCollection, 1, null, null, "type", type, "The document is not a GeoJSON FeatureCollection with a \"features\" array."));
            }
        }
        catch (JsonException ex)
        {
            state.Errors.Add(new ReadError(ReadErrorCode.MalformedJson, ex.LineNumber is { } l ? (int)l + 1 : null, featureIndex, null, null, null, $"The JSON is not well formed; reading stopped here: {ex.Message}"));
        }
        catch (InvalidOperationException ex)
        {
            state.Errors.Add(new ReadError(ReadErrorCode.MalformedJson, null, featureIndex, null, null, null, $"The JSON is not valid UTF-8 text; reading stopped here: {ex.Message}"));
        }

        return state.ToResult();
    }

    private void ReadFeature(JsonElement feature, int index, int line, ReadState state)
    {
        var problems = new FeatureProblems(index, line);
        if (feature.ValueKind != JsonValueKind.Object)
        {
            problems.Add(ReadErrorCode.InvalidFeature, null, null, feature.ValueKind.ToString(), $"Feature {index} is a JSON {feature.ValueKind}, not an object.");
            state.Errors.AddRange(problems.Errors);
            return;
        }

        if (!feature.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != "Feature")
        {
            // Something that is not a Feature at all (a bare geometry, a stray object) has no id or geometry to report on.
            problems.Add(ReadErrorCode.InvalidFeature, null, "type", Show(type), $"Feature {index} does not have \"type\": \"Feature\".");
            state.Errors.AddRange(problems.Errors);
            return;
        }

        JsonElement? properties = null;
        if (feature.TryGetProperty("properties", out var p))
        {
            if (p.ValueKind == JsonValueKind.Object)
            {
                properties = p;
            }
            else if (p.ValueKind != JsonValueKind.Null)
            {
                problems.Add(ReadErrorCode.InvalidFeature, null, "properties", Show(p), $"The properties of feature {index} are a JSON {p.ValueKind}, not an object or null.");
            }
        }

        var id = ReadId(feature, properties, index, state, problems);
        var name = ReadText(properties, _options.NameProperty, id, problems);
        var parent = ReadText(properties, _options.ParentProperty, id, problems);
        var level = ReadText(properties, _options.LevelProperty, id, problems);

        Geometry? geometry = null;
        if (!feature.TryGetProperty("geometry", out var g) || g.ValueKind == JsonValueKind.Null)
        {
            problems.Add(ReadErrorCode.MissingGeometry, id, "geometry", null, $"Feature {index} has no geometry; a territory needs a Polygon or MultiPolygon.");
        }
        else
        {
            geometry = ReadGeometry(g, id, problems);
        }

        if (problems.Errors.Count == 0 && id is not null && geometry is not null)
        {
            state.Items.Add(new Territory(new TerritoryId(id))
            {
                Name = string.IsNullOrWhiteSpace(name) ? null : name,
                Parent = string.IsNullOrWhiteSpace(parent) ? (TerritoryId?)null : new TerritoryId(parent),
                Level = string.IsNullOrWhiteSpace(level) ? _options.DefaultLevel : level,
                Boundary = TerritoryBoundary.FromGeometry(geometry),
                Attributes = Attributes(properties),
            });
        }

        state.Errors.AddRange(problems.Errors);
    }

    /// <summary>The feature's properties other than the mapped ones, as text: strings as they are, numbers and booleans as written, objects and arrays as JSON; nulls left out.</summary>
    private ImmutableDictionary<string, string> Attributes(JsonElement? properties)
    {
        if (properties is not { ValueKind: JsonValueKind.Object } p)
        {
            return ImmutableDictionary<string, string>.Empty;
        }

        var attributes = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var property in p.EnumerateObject())
        {
            var name = property.Name;
            if (name == _options.IdProperty || name == _options.NameProperty || name == _options.ParentProperty || name == _options.LevelProperty
                || property.Value.ValueKind == JsonValueKind.Null || attributes.ContainsKey(name))
            {
                continue;
            }

            attributes[name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
        }

        return attributes.ToImmutable();
    }

    private string? ReadId(JsonElement feature, JsonElement? properties, int index, ReadState state, FeatureProblems problems)
    {
        var field = _options.IdProperty is null ? "id" : $"properties.{_options.IdProperty}";
        var element = _options.IdProperty is null ? Member(feature, "id") : Member(properties, _options.IdProperty);
        if (!TryScalar(element, out var id))
        {
            problems.Add(ReadErrorCode.InvalidValue, null, field, Show(element), $"The id of feature {index} ({field}) is a JSON {element?.ValueKind}, not a string or number.");
            return null;
        }

        if (string.IsNullOrWhiteSpace(id))
        {
            problems.Add(ReadErrorCode.MissingId, null, field, id, $"Feature {index} has no id ({field}).");
            return null;
        }

        if (!state.FirstFeatureById.TryAdd(id, index))
        {
            problems.Add(ReadErrorCode.DuplicateId, id, field, id, $"Feature {index} has the id '{id}' of feature {state.FirstFeatureById[id]}, which is kept.");
        }

        return id;
    }

    private static string? ReadText(JsonElement? properties, string? property, string? id, FeatureProblems problems)
    {
        if (property is null)
        {
            return null;
        }

        var element = Member(properties, property);
        if (TryScalar(element, out var text))
        {
            return text;
        }

        problems.Add(ReadErrorCode.InvalidValue, id, $"properties.{property}", Show(element), $"The property '{property}' is a JSON {element?.ValueKind}, not a string or number.");
        return null;
    }

    private static Geometry? ReadGeometry(JsonElement geometry, string? id, FeatureProblems problems)
    {
        if (geometry.ValueKind != JsonValueKind.Object)
        {
            problems.Add(ReadErrorCode.InvalidGeometry, id, "geometry", Show(geometry), $"The geometry is a JSON {geometry.ValueKind}, not an object.");
            return null;
        }

        var type = Member(geometry, "type") is { ValueKind: JsonValueKind.String } t ? t.GetString() : null;
        var coordinates = Member(geometry, "coordinates");
        switch (type)
        {
            case "Polygon":
                return ReadPolygon(coordinates, "geometry.coordinates", id, problems);
            case "MultiPolygon":
                if (coordinates is not { ValueKind: JsonValueKind.Array } array || array.GetArrayLength() == 0)
                {
                    problems.Add(ReadErrorCode.InvalidGeometry, id, "geometry.coordinates", Show(coordinates), "A MultiPolygon's coordinates are a non-empty array of polygons.");
                    return null;
                }

                var polygons = new List<Polygon>();
                var ok = true;
                var i = 0;
                foreach (var polygon in array.EnumerateArray())
                {
                    var read = ReadPolygon(polygon, $"geometry.coordinates[{i++}]", id, problems);
                    ok &= read is not null;
                    if (read is not null)
                    {
                        polygons.Add(read);
                    }
                }

                return ok ? Factory.CreateMultiPolygon([.. polygons]) : null;
            default:
                problems.Add(ReadErrorCode.UnsupportedGeometry, id, "geometry.type", type ?? Show(Member(geometry, "type")), $"A territory boundary is a Polygon or MultiPolygon, not {(type is null ? "a geometry without a type" : $"a {type}")}.");
                return null;
        }
    }

    private static Polygon? ReadPolygon(JsonElement? coordinates, string path, string? id, FeatureProblems problems)
    {
        if (coordinates is not { ValueKind: JsonValueKind.Array } rings || rings.GetArrayLength() == 0)
        {
            problems.Add(ReadErrorCode.InvalidGeometry, id, path, Show(coordinates), "A polygon's coordinates are a non-empty array of rings.");
            return null;
        }

        var read = new List<LinearRing>();
        var ok = true;
        var r = 0;
        foreach (var ring in rings.EnumerateArray())
        {
            var points = ReadRing(ring, $"{path}[{r++}]", id, problems);
            ok &= points is not null;
            if (points is not null)
            {
                read.Add(Factory.CreateLinearRing(points));
            }
        }

        return ok ? Factory.CreatePolygon(read[0], [.. read.Skip(1)]) : null;
    }

    private static Coordinate[]? ReadRing(JsonElement ring, string path, string? id, FeatureProblems problems)
    {
        if (ring.ValueKind != JsonValueKind.Array)
        {
            problems.Add(ReadErrorCode.InvalidGeometry, id, path, Show(ring), "A ring is an array of positions.");
            return null;
        }

        var points = new List<Coordinate>(ring.GetArrayLength());
        var outOfRange = false;
        var k = 0;
        foreach (var position in ring.EnumerateArray())
        {
            if (position.ValueKind != JsonValueKind.Array || position.GetArrayLength() < 2
                || position[0].ValueKind != JsonValueKind.Number || position[1].ValueKind != JsonValueKind.Number)
            {
                problems.Add(ReadErrorCode.InvalidGeometry, id, $"{path}[{k}]", Show(position), "A position is an array of at least two numbers: longitude, latitude.");
                return null;
            }

            var longitude = position[0].TryGetDouble(out var x) ? x : double.NaN;
            var latitude = position[1].TryGetDouble(out var y) ? y : double.NaN;
            if (!outOfRange && !new GeoPoint(longitude, latitude).IsValid)
            {
                // One report per ring: a ring in the wrong projection would otherwise flood the list.
                outOfRange = true;
                problems.Add(ReadErrorCode.InvalidCoordinate, id, $"{path}[{k}]", new GeoPoint(longitude, latitude).ToString(), "Longitude must be -180 to 180 and latitude -90 to 90 (WGS84 degrees, longitude first).");
            }

            points.Add(new Coordinate(longitude, latitude));
            k++;
        }

        if (outOfRange)
        {
            return null;
        }

        if (points.Count < 4)
        {
            problems.Add(ReadErrorCode.TooFewPoints, id, path, points.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), $"A ring needs at least 4 positions (3 corners and the closing one), not {points.Count}.");
            return null;
        }

        if (!points[0].Equals2D(points[^1]))
        {
            problems.Add(ReadErrorCode.UnclosedRing, id, path, $"{new GeoPoint(points[0].X, points[0].Y)} != {new GeoPoint(points[^1].X, points[^1].Y)}", "A ring must end at the position it starts from.");
            return null;
        }

        return [.. points];
    }

    private static JsonElement? Member(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(name, out var value) ? value : null;

    private static bool TryScalar(JsonElement? element, out string? text)
    {
        switch (element?.ValueKind)
        {
            case null or JsonValueKind.Null or JsonValueKind.Undefined:
                text = null;
                return true;
            case JsonValueKind.String:
                text = element.Value.GetString();
                return true;
            case JsonValueKind.Number:
                text = element.Value.GetRawText();
                return true;
            default:
                text = null;
                return false;
        }
    }

    private static string? Show(JsonElement? element)
    {
        if (element is not { } e || e.ValueKind == JsonValueKind.Undefined)
        {
            return null;
        }

        var raw = e.ValueKind == JsonValueKind.String ? e.GetString() ?? string.Empty : e.GetRawText();
        return raw.Length <= MaxValueLength ? raw : string.Concat(raw.AsSpan(0, MaxValueLength), "…");
    }

    private sealed class FeatureProblems(int index, int line)
    {
        public List<ReadError> Errors { get; } = [];

        public void Add(ReadErrorCode code, string? id, string? field, string? value, string message) =>
            Errors.Add(new ReadError(code, line, index, id, field, value, message));
    }

    private sealed class ReadState(ReadOnlyMemory<byte> document)
    {
        private int _countedTo;
        private int _line = 1;

        public List<Territory> Items { get; } = [];

        public List<ReadError> Errors { get; } = [];

        public Dictionary<string, int> FirstFeatureById { get; } = new(StringComparer.Ordinal);

        /// <summary>The 1-based line of a byte offset; offsets are asked in increasing order, so counting is linear overall.</summary>
        public int LineOf(long offset)
        {
            var end = (int)Math.Min(offset, document.Length);
            if (end > _countedTo)
            {
                _line += document.Span[_countedTo..end].Count((byte)'\n');
                _countedTo = end;
            }

            return _line;
        }

        public ReadResult<Territory> ToResult() => new([.. Items], [.. Errors]);
    }
}
