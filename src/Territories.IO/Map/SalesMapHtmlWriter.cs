using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using NetTopologySuite.Geometries;
using Territories.Model;

namespace Territories.IO.Map;

/// <summary>Writes a sales map as one self-contained HTML file: boundaries, accounts, bases and each day's routes.</summary>
/// <remarks>
/// <para>
/// The file needs no network: no tile server, no library, no font download. Its own script draws
/// SVG in an equirectangular projection whose longitudes are scaled by the cosine of the map's
/// middle latitude, so shapes keep their proportions. Territories are filled so that neighbours
/// differ and labelled with their names; accounts are coloured by class; bases and routes by
/// position. A selector picks the cycle day (and a position), the wheel zooms about the pointer, a
/// drag pans; hovering or clicking shows the details of a territory (metrics), an account or a
/// route; a legend explains every colour. Works in current Chromium and Firefox.
/// </para>
/// <para>
/// The data is embedded as JSON in a <c>&lt;script type="application/json"&gt;</c> element with
/// <c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c> and quotes escaped, and every name reaches the page as
/// text (never as markup), so no name can end the script or inject markup. For automated checks the
/// page keeps an element <c>#map-status</c> whose attributes give the drawn counts
/// (<c>data-territories</c>, <c>data-routes</c>, <c>data-accounts</c>, <c>data-bases</c>, the
/// expected <c>data-territories-expected</c> and <c>data-routes-expected</c>), the shown
/// <c>data-day</c>, the view as "scale translateX translateY" in <c>data-view</c>, <c>data-state</c> (<c>ready</c> or <c>error</c>) and <c>data-errors</c> (script
/// errors caught by <c>window.onerror</c>, listed in <c>#map-errors</c>); every drawn element has
/// <c>data-territory-id</c>, <c>data-account-id</c> or <c>data-route-position</c> and
/// <c>data-route-day</c>.
/// </para>
/// <para>
/// The same map and options give the same bytes (no time stamp). Size and time are linear in the
/// map (about the size of its GeoJSON). Thread-safe: the options are copied when the writer is
/// built.
/// </para>
/// </remarks>
public sealed class SalesMapHtmlWriter
{
    private static readonly JsonWriterOptions JsonOptions = new()
    {
        // UnicodeRanges.All keeps letters readable; the encoder still escapes < > & ' " + and `, which
        // is what makes the JSON safe inside a script element.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly string _title;
    private readonly int? _initialDay;
    private readonly bool _showAccounts;

    /// <summary>Builds a writer; the options are validated and copied.</summary>
    /// <param name="options">The options; null for the defaults.</param>
    /// <exception cref="ArgumentException">The title is null, or the initial day is negative.</exception>
    public SalesMapHtmlWriter(SalesMapHtmlOptions? options = null)
    {
        options ??= new SalesMapHtmlOptions();
        var problems = new List<string>();
        if (options.Title is null)
        {
            problems.Add($"{nameof(SalesMapHtmlOptions.Title)} is null.");
        }

        if (options.InitialDay < 0)
        {
            problems.Add($"{nameof(SalesMapHtmlOptions.InitialDay)} is {options.InitialDay}; a cycle day is 0 or more.");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("The sales map options are not valid: " + string.Join(" ", problems), nameof(options));
        }

        _title = options.Title!;
        _initialDay = options.InitialDay;
        _showAccounts = options.ShowAccounts;
    }

    /// <summary>Writes the page to a stream as UTF-8.</summary>
    /// <param name="stream">Where to write; left open.</param>
    /// <param name="map">The map.</param>
    public void Write(Stream stream, SalesMapData map)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(map);
        var page = Render(map);
        stream.Write(page);
    }

    /// <summary>Writes the page to a stream as UTF-8, asynchronously.</summary>
    /// <param name="stream">Where to write; left open.</param>
    /// <param name="map">The map.</param>
    /// <param name="cancellationToken">Stops the writing.</param>
    public async Task WriteAsync(Stream stream, SalesMapData map, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(map);
        var page = Render(map);
        await stream.WriteAsync(page, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The page as a string.</summary>
    /// <param name="map">The map.</param>
    public string WriteToString(SalesMapData map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return Utf8.GetString(Render(map));
    }

    private byte[] Render(SalesMapData map)
    {
        using var output = new MemoryStream();
        var title = WebUtility.HtmlEncode(_title);
        Append(output, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        Append(output, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        // No request may leave the page: the policy blocks any that a future change might add.
        Append(output, "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n");
        Append(output, $"<title>{title}</title>\n<style>\n{SalesMapPage.Style}</style>\n</head>\n<body>\n");
        Append(output, "<div id=\"map-status\" data-state=\"loading\" data-errors=\"0\" hidden></div>\n");
        Append(output, $"<script>\n{SalesMapPage.ErrorTrap}</script>\n");
        Append(output, SalesMapPage.Body.Replace("{{TITLE}}", title, StringComparison.Ordinal));
        Append(output, "<script type=\"application/json\" id=\"map-data\">");
        using (var json = new Utf8JsonWriter(output, JsonOptions))
        {
            WriteData(json, map);
        }

        Append(output, "</script>\n<script>\n");
        Append(output, SalesMapPage.Script);
        Append(output, "</script>\n</body>\n</html>\n");
        return output.ToArray();
    }

    private static void Append(MemoryStream output, string text) => output.Write(Utf8.GetBytes(text));

    private void WriteData(Utf8JsonWriter json, SalesMapData map)
    {
        json.WriteStartObject();
        json.WriteString("title", _title);
        var initial = _initialDay is { } day && map.Days.Any(d => d.Day == day) ? day : map.Days.IsEmpty ? (int?)null : map.Days[0].Day;
        if (initial is { } i)
        {
            json.WriteNumber("initialDay", i);
        }
        else
        {
            json.WriteNull("initialDay");
        }

        json.WriteBoolean("showAccounts", _showAccounts);
        WriteTerritories(json, map);
        var classes = WriteClasses(json, map);
        WriteAccounts(json, map, classes);
        WritePositions(json, map);

        json.WriteStartArray("days");
        foreach (var (d, label) in map.Days)
        {
            json.WriteStartObject();
            json.WriteNumber("day", d);
            json.WriteString("label", label);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        WriteRoutes(json, map);
        json.WriteEndObject();
    }

    private static void WriteTerritories(Utf8JsonWriter json, SalesMapData map)
    {
        var geometries = map.Territories.Select(t => t.Boundary is { IsEmpty: false } b ? b.ToGeometry() : null).ToArray();
        var fills = MapPalette.TerritoryFills(geometries);
        json.WriteStartArray("territories");
        for (var i = 0; i < map.Territories.Length; i++)
        {
            var territory = map.Territories[i];
            json.WriteStartObject();
            json.WriteString("id", territory.Id.Value);
            json.WriteString("name", territory.Name ?? territory.Id.Value);
            json.WriteString("color", fills[i]);
            json.WriteStartArray("polygons");
            if (geometries[i] is { } geometry)
            {
                foreach (var polygon in BoundaryRings.Polygons(geometry))
                {
                    json.WriteStartArray();
                    foreach (var ring in polygon)
                    {
                        WriteFlat(json, ring);
                    }

                    json.WriteEndArray();
                }
            }

            json.WriteEndArray();
            WritePointOrNull(json, "label", geometries[i] is { } g ? BoundaryRings.LabelPoint(g) : null);
            json.WriteStartArray("metrics");
            foreach (var metric in territory.Metrics)
            {
                json.WriteStartObject();
                json.WriteString("name", metric.Name);
                if (metric.Number is { } number)
                {
                    json.WriteNumber("value", number);
                }
                else
                {
                    json.WriteString("value", metric.Text);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static Dictionary<string, string> WriteClasses(Utf8JsonWriter json, SalesMapData map)
    {
        var names = map.Accounts.Where(a => a.Class is not null).Select(a => a.Class!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var colours = new Dictionary<string, string>(StringComparer.Ordinal);
        json.WriteStartArray("classes");
        for (var i = 0; i < names.Count; i++)
        {
            colours[names[i]] = MapPalette.ClassColor(i);
            WriteClass(json, names[i], colours[names[i]]);
        }

        if (map.Accounts.Any(a => a.Class is null))
        {
            WriteClass(json, null, MapPalette.UnclassifiedColor);
        }

        json.WriteEndArray();
        return colours;
    }

    private static void WriteClass(Utf8JsonWriter json, string? name, string colour)
    {
        json.WriteStartObject();
        json.WriteString("name", name);
        json.WriteString("color", colour);
        json.WriteEndObject();
    }

    private static void WriteAccounts(Utf8JsonWriter json, SalesMapData map, Dictionary<string, string> classColours)
    {
        json.WriteStartArray("accounts");
        foreach (var account in map.Accounts)
        {
            json.WriteStartObject();
            json.WriteString("id", account.Id.Value);
            json.WriteString("name", account.Name);
            json.WriteString("class", account.Class);
            json.WriteString("color", account.Class is { } c ? classColours[c] : MapPalette.UnclassifiedColor);
            json.WriteString("territory", account.Territory?.Value);
            json.WriteString("frequency", account.Frequency);
            json.WriteString("position", account.Position?.Value);
            json.WriteString("weekday", account.Weekday);
            WritePointOrNull(json, "at", account.Location);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WritePositions(Utf8JsonWriter json, SalesMapData map)
    {
        var bases = map.Bases.ToDictionary(b => b.Position);
        var ids = bases.Keys.Concat(map.Routes.Select(r => r.Position)).Distinct().Order().ToList();
        json.WriteStartArray("positions");
        for (var i = 0; i < ids.Count; i++)
        {
            bases.TryGetValue(ids[i], out var b);
            json.WriteStartObject();
            json.WriteString("id", ids[i].Value);
            json.WriteString("name", b?.Name ?? ids[i].Value);
            json.WriteString("color", MapPalette.PositionColor(i));
            WritePointOrNull(json, "base", b?.Location);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteRoutes(Utf8JsonWriter json, SalesMapData map)
    {
        json.WriteStartArray("routes");
        foreach (var route in map.Routes)
        {
            json.WriteStartObject();
            json.WriteString("position", route.Position.Value);
            json.WriteNumber("day", route.Day);
            json.WriteNumber("distanceMetres", route.DistanceMetres);
            json.WriteNumber("durationMinutes", route.Duration.TotalMinutes);
            json.WriteNumber("visits", route.VisitCount);
            json.WriteStartArray("line");
            foreach (var point in route.LinePoints)
            {
                json.WriteNumberValue(point.Longitude);
                json.WriteNumberValue(point.Latitude);
            }

            json.WriteEndArray();
            json.WriteStartArray("stops");
            foreach (var stop in route.Stops)
            {
                json.WriteStartObject();
                json.WriteString("account", stop.Account?.Value);
                json.WriteString("arrival", stop.Arrival?.ToString("HH:mm", CultureInfo.InvariantCulture));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteFlat(Utf8JsonWriter json, Coordinate[] ring)
    {
        json.WriteStartArray();
        foreach (var c in ring)
        {
            json.WriteNumberValue(c.X);
            json.WriteNumberValue(c.Y);
        }

        json.WriteEndArray();
    }

    private static void WritePointOrNull(Utf8JsonWriter json, string name, GeoPoint? point)
    {
        if (point is { } p)
        {
            json.WriteStartArray(name);
            json.WriteNumberValue(p.Longitude);
            json.WriteNumberValue(p.Latitude);
            json.WriteEndArray();
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
