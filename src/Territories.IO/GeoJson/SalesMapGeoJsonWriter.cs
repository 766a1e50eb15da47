using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using NetTopologySuite.Geometries;
using Territories.IO.Map;
using Territories.Model;

namespace Territories.IO.GeoJson;

/// <summary>Writes the layers of a sales map (territories, accounts, bases, routes) as one GeoJSON FeatureCollection.</summary>
/// <remarks>
/// The output follows RFC 7946: UTF-8, positions as [longitude, latitude], exterior rings
/// counter-clockwise and holes clockwise, no <c>crs</c> member; it opens in QGIS, geojson.io and
/// Leaflet. Every feature has a string <c>id</c> and a <c>layer</c> property (<c>territory</c>,
/// <c>account</c>, <c>base</c>, <c>route</c>) so that a combined file can be split by it:
/// <list type="bullet">
/// <item>territory (id = territory id; Polygon or MultiPolygon, null without a boundary): <c>name</c>, then every metric by its name;</item>
/// <item>account (id = account id; Point): <c>name</c>, <c>class</c>, <c>territoryId</c>, <c>frequency</c>, <c>positionId</c>, <c>weekday</c>;</item>
/// <item>base (id = position id; Point): <c>positionId</c>, <c>name</c>;</item>
/// <item>route (id = "position/day"; LineString of start, stops, end; a single point is repeated, no point gives a null geometry):
/// <c>positionId</c>, <c>day</c> (0-based), <c>dayLabel</c>, <c>distanceMetres</c>, <c>durationMinutes</c>, <c>visitCount</c>, <c>accountIds</c>.</item>
/// </list>
/// Missing values are JSON null. Numbers are written in the shortest form that reads back to the
/// same double, so coordinates round-trip exactly. Features come in layer order, then in the order
/// of <see cref="SalesMapData"/> (sorted by id), so the same map gives the same bytes. Time and
/// memory are linear in the size of the map; the async form flushes every 64 KiB. Thread-safe.
/// </remarks>
public static class SalesMapGeoJsonWriter
{
    private const int FlushThreshold = 64 * 1024;

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // Letters of every script stay readable UTF-8; quotes, control characters and the
        // HTML-sensitive characters are escaped.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        SkipValidation = false,
    };

    /// <summary>Writes the chosen layers to a stream as UTF-8 GeoJSON.</summary>
    /// <param name="utf8Json">Where to write; left open.</param>
    /// <param name="map">The map.</param>
    /// <param name="layers">The layers to write; <see cref="SalesMapLayers.None"/> writes an empty collection.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="layers"/> has bits that name no layer.</exception>
    public static void Write(Stream utf8Json, SalesMapData map, SalesMapLayers layers = SalesMapLayers.All)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        ArgumentNullException.ThrowIfNull(map);
        CheckLayers(layers);
        using var writer = new Utf8JsonWriter(utf8Json, WriterOptions);
        foreach (var _ in Steps(writer, map, layers))
        {
            if (writer.BytesPending > FlushThreshold)
            {
                writer.Flush();
            }
        }

        writer.Flush();
    }

    /// <summary>Writes the chosen layers to a stream as UTF-8 GeoJSON, flushing asynchronously.</summary>
    /// <param name="utf8Json">Where to write; left open.</param>
    /// <param name="map">The map.</param>
    /// <param name="layers">The layers to write; <see cref="SalesMapLayers.None"/> writes an empty collection.</param>
    /// <param name="cancellationToken">Stops the writing between features.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="layers"/> has bits that name no layer.</exception>
    public static async Task WriteAsync(Stream utf8Json, SalesMapData map, SalesMapLayers layers = SalesMapLayers.All, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        ArgumentNullException.ThrowIfNull(map);
        CheckLayers(layers);
        var writer = new Utf8JsonWriter(utf8Json, WriterOptions);
        await using (writer.ConfigureAwait(false))
        {
            foreach (var _ in Steps(writer, map, layers))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (writer.BytesPending > FlushThreshold)
                {
                    await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The chosen layers as a GeoJSON string.</summary>
    /// <param name="map">The map.</param>
    /// <param name="layers">The layers to write; <see cref="SalesMapLayers.None"/> writes an empty collection.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="layers"/> has bits that name no layer.</exception>
    public static string WriteToString(SalesMapData map, SalesMapLayers layers = SalesMapLayers.All)
    {
        ArgumentNullException.ThrowIfNull(map);
        CheckLayers(layers);
        using var stream = new MemoryStream();
        Write(stream, map, layers);
        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    private static void CheckLayers(SalesMapLayers layers)
    {
        if ((layers & ~SalesMapLayers.All) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(layers), layers, "The value combines flags that name no layer.");
        }
    }

    /// <summary>Writes the collection one feature at a time, yielding after each so the caller can flush.</summary>
    private static IEnumerable<bool> Steps(Utf8JsonWriter writer, SalesMapData map, SalesMapLayers layers)
    {
        writer.WriteStartObject();
        writer.WriteString("type", "FeatureCollection");
        writer.WriteStartArray("features");

        if (layers.HasFlag(SalesMapLayers.Territories))
        {
            foreach (var territory in map.Territories)
            {
                WriteTerritory(writer, territory);
                yield return true;
            }
        }

        if (layers.HasFlag(SalesMapLayers.Accounts))
        {
            foreach (var account in map.Accounts)
            {
                WriteAccount(writer, account);
                yield return true;
            }
        }

        if (layers.HasFlag(SalesMapLayers.Bases))
        {
            foreach (var b in map.Bases)
            {
                WriteBase(writer, b);
                yield return true;
            }
        }

        if (layers.HasFlag(SalesMapLayers.Routes))
        {
            var labels = map.Days.ToDictionary(d => d.Day, d => d.Label);
            foreach (var route in map.Routes)
            {
                WriteRoute(writer, route, labels[route.Day]);
                yield return true;
            }
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteTerritory(Utf8JsonWriter writer, MapTerritory territory)
    {
        StartFeature(writer, territory.Id.Value);
        writer.WritePropertyName("geometry");
        if (territory.Boundary is { IsEmpty: false } boundary)
        {
            var geometry = boundary.ToGeometry();
            var polygons = Map.BoundaryRings.Polygons(geometry);
            writer.WriteStartObject();
            if (Map.BoundaryRings.IsMulti(geometry))
            {
                writer.WriteString("type", "MultiPolygon");
                writer.WriteStartArray("coordinates");
                foreach (var polygon in polygons)
                {
                    WritePolygonRings(writer, polygon);
                }

                writer.WriteEndArray();
            }
            else
            {
                writer.WriteString("type", "Polygon");
                writer.WritePropertyName("coordinates");
                WritePolygonRings(writer, polygons[0]);
            }

            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNullValue();
        }

        writer.WriteStartObject("properties");
        writer.WriteString("layer", "territory");
        writer.WriteString("name", territory.Name);
        foreach (var metric in territory.Metrics)
        {
            if (metric.Number is { } number)
            {
                writer.WriteNumber(metric.Name, number);
            }
            else
            {
                writer.WriteString(metric.Name, metric.Text);
            }
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteAccount(Utf8JsonWriter writer, MapAccount account)
    {
        StartFeature(writer, account.Id.Value);
        WritePointGeometry(writer, account.Location);
        writer.WriteStartObject("properties");
        writer.WriteString("layer", "account");
        writer.WriteString("name", account.Name);
        writer.WriteString("class", account.Class);
        writer.WriteString("territoryId", account.Territory?.Value);
        writer.WriteString("frequency", account.Frequency);
        writer.WriteString("positionId", account.Position?.Value);
        writer.WriteString("weekday", account.Weekday);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteBase(Utf8JsonWriter writer, MapPositionBase b)
    {
        StartFeature(writer, b.Position.Value);
        WritePointGeometry(writer, b.Location);
        writer.WriteStartObject("properties");
        writer.WriteString("layer", "base");
        writer.WriteString("positionId", b.Position.Value);
        writer.WriteString("name", b.Name);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteRoute(Utf8JsonWriter writer, MapRoute route, string dayLabel)
    {
        StartFeature(writer, $"{route.Position.Value}/{route.Day}");
        writer.WritePropertyName("geometry");
        var points = route.LinePoints;
        if (points.IsEmpty)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStartObject();
            writer.WriteString("type", "LineString");
            writer.WriteStartArray("coordinates");
            foreach (var point in points)
            {
                WritePosition(writer, point.Longitude, point.Latitude);
            }

            // A LineString needs two positions: a one-stop route stays where it is.
            if (points.Length == 1)
            {
                WritePosition(writer, points[0].Longitude, points[0].Latitude);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteStartObject("properties");
        writer.WriteString("layer", "route");
        writer.WriteString("positionId", route.Position.Value);
        writer.WriteNumber("day", route.Day);
        writer.WriteString("dayLabel", dayLabel);
        writer.WriteNumber("distanceMetres", route.DistanceMetres);
        writer.WriteNumber("durationMinutes", route.Duration.TotalMinutes);
        writer.WriteNumber("visitCount", route.VisitCount);
        writer.WriteStartArray("accountIds");
        foreach (var stop in route.Stops)
        {
            if (stop.Account is { } account)
            {
                writer.WriteStringValue(account.Value);
            }
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void StartFeature(Utf8JsonWriter writer, string id)
    {
        writer.WriteStartObject();
        writer.WriteString("type", "Feature");
        writer.WriteString("id", id);
    }

    private static void WritePointGeometry(Utf8JsonWriter writer, GeoPoint point)
    {
        writer.WriteStartObject("geometry");
        writer.WriteString("type", "Point");
        writer.WritePropertyName("coordinates");
        WritePosition(writer, point.Longitude, point.Latitude);
        writer.WriteEndObject();
    }

    private static void WritePolygonRings(Utf8JsonWriter writer, List<Coordinate[]> rings)
    {
        writer.WriteStartArray();
        foreach (var ring in rings)
        {
            writer.WriteStartArray();
            foreach (var c in ring)
            {
                WritePosition(writer, c.X, c.Y);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndArray();
    }

    private static void WritePosition(Utf8JsonWriter writer, double longitude, double latitude)
    {
        writer.WriteStartArray();
        writer.WriteNumberValue(longitude);
        writer.WriteNumberValue(latitude);
        writer.WriteEndArray();
    }
}
