using System.Globalization;
using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using NetTopologySuite.IO.Converters;
using Territories.IO.GeoJson;
using Territories.IO.Map;
using Territories.Model;

namespace Territories.IO.Tests.GeoJson;

public sealed class SalesMapGeoJsonWriterTests
{
    private static readonly JsonSerializerOptions ReadOptions = new() { Converters = { new GeoJsonConverterFactory() } };

    // Exterior clockwise and hole counter-clockwise: the writer must turn both round.
    private const string ClockwiseWithHole =
        "POLYGON ((0 0, 0 10, 10 10, 10 0, 0 0), (2 2, 4 2, 4 4, 2 4, 2 2))";

    private const string RightHandWithHole =
        "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 2 4, 4 4, 4 2, 2 2))";

    private const string TwoParts =
        "MULTIPOLYGON (((20 0, 25 0, 25 5, 20 5, 20 0)), ((30 0, 31.5 0, 31.5 1.25, 30 0)))";

    [Fact]
    public void Write_Territories_RoundTripsIdsPropertiesAndCoordinates()
    {
        var map = new SalesMapData(
            [
                new MapTerritory(new TerritoryId("T1"))
                {
                    Name = "North",
                    Boundary = TerritoryBoundary.FromWkt(RightHandWithHole),
                    Metrics = [MapMetric.FromNumber("accounts", 42), MapMetric.FromNumber("workloadHours", 123.456789), MapMetric.FromText("strategy", "develop")],
                },
                new MapTerritory(new TerritoryId("T2")) { Boundary = TerritoryBoundary.FromWkt(TwoParts) },
            ],
            [], [], []);

        var features = Read(SalesMapGeoJsonWriter.WriteToString(map, SalesMapLayers.Territories));

        Assert.Equal(["T1", "T2"], features.Select(Id));
        var north = features[0];
        Assert.Equal("territory", north.Attributes["layer"]);
        Assert.Equal("North", north.Attributes["name"]);
        Assert.Equal(42d, Number(north, "accounts"));
        Assert.Equal(123.456789, Number(north, "workloadHours"));
        Assert.Equal("develop", north.Attributes["strategy"]);
        Assert.True(north.Geometry.EqualsExact(Wkt(RightHandWithHole)), north.Geometry.AsText());
        Assert.Null(features[1].Attributes["name"]);
        Assert.True(features[1].Geometry.EqualsExact(Wkt(TwoParts)), features[1].Geometry.AsText());
    }

    [Fact]
    public void Write_ClockwiseExterior_RingsFollowTheRightHandRule()
    {
        var map = new SalesMapData(
            [
                new MapTerritory(new TerritoryId("T1")) { Boundary = TerritoryBoundary.FromWkt(ClockwiseWithHole) },
                new MapTerritory(new TerritoryId("T2")) { Boundary = TerritoryBoundary.FromWkt("MULTIPOLYGON (((20 0, 20 5, 25 5, 25 0, 20 0)), ((30 0, 30 1, 31 1, 30 0)))") },
            ],
            [], [], []);

        using var json = JsonDocument.Parse(SalesMapGeoJsonWriter.WriteToString(map));

        var features = json.RootElement.GetProperty("features").EnumerateArray().ToList();
        var polygon = features[0].GetProperty("geometry").GetProperty("coordinates");
        Assert.True(ShoelaceArea(polygon[0]) > 0, "the exterior ring must be counter-clockwise");
        Assert.True(ShoelaceArea(polygon[1]) < 0, "a hole must be clockwise");
        foreach (var part in features[1].GetProperty("geometry").GetProperty("coordinates").EnumerateArray())
        {
            Assert.True(ShoelaceArea(part[0]) > 0, "every exterior ring of a multipolygon must be counter-clockwise");
        }
    }

    [Fact]
    public void Write_AllLayers_HasNoCrsMemberAndLongitudeFirst()
    {
        var map = new SalesMapData(
            [new MapTerritory(new TerritoryId("T1")) { Boundary = TerritoryBoundary.Rectangle(-84, 39, -83, 40) }],
            [new MapAccount(new AccountId("A1"), new GeoPoint(-83.25, 39.5))],
            [new MapPositionBase(new PositionId("P1"), new GeoPoint(-83.75, 39.25))],
            [new MapRoute(new PositionId("P1"), 0) { Start = new GeoPoint(-83.75, 39.25), Stops = [new MapRouteStop(new GeoPoint(-83.25, 39.5), new AccountId("A1"))] }]);

        var text = SalesMapGeoJsonWriter.WriteToString(map);

        Assert.DoesNotContain("\"crs\"", text, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(text);
        Assert.Equal("FeatureCollection", json.RootElement.GetProperty("type").GetString());
        var account = json.RootElement.GetProperty("features")[1];
        Assert.Equal("Point", account.GetProperty("geometry").GetProperty("type").GetString());
        Assert.Equal(-83.25, account.GetProperty("geometry").GetProperty("coordinates")[0].GetDouble());
        Assert.Equal(39.5, account.GetProperty("geometry").GetProperty("coordinates")[1].GetDouble());
    }

    [Fact]
    public void Write_Accounts_RoundTripsEveryProperty()
    {
        var map = new SalesMapData([],
            [
                new MapAccount(new AccountId("A2"), new GeoPoint(-82.123456789012, 40.987654321098)),
                new MapAccount(new AccountId("A1"), new GeoPoint(-83.5, 39.25))
                {
                    Name = "Corner shop", Class = "A", Territory = new TerritoryId("T1"), Frequency = "A4 weekly", Position = new PositionId("P1"), Weekday = "Tue",
                },
            ],
            [], []);

        var features = Read(SalesMapGeoJsonWriter.WriteToString(map, SalesMapLayers.Accounts));

        Assert.Equal(["A1", "A2"], features.Select(Id));
        var a1 = features[0].Attributes;
        Assert.Equal(
            ["account", "Corner shop", "A", "T1", "A4 weekly", "P1", "Tue"],
            new[] { "layer", "name", "class", "territoryId", "frequency", "positionId", "weekday" }.Select(k => a1[k]));
        Assert.Equal(new Coordinate(-83.5, 39.25), features[0].Geometry.Coordinate);
        Assert.Equal(new Coordinate(-82.123456789012, 40.987654321098), features[1].Geometry.Coordinate);
        Assert.Null(features[1].Attributes["class"]);
        Assert.Null(features[1].Attributes["positionId"]);
    }

    [Fact]
    public void Write_Routes_OneLineStringPerPositionAndDayWithTravelFigures()
    {
        var start = new GeoPoint(-83, 40);
        var map = new SalesMapData([], [], [],
            [
                new MapRoute(new PositionId("P2"), 1) { DayLabel = "W1 Tue", Stops = [new MapRouteStop(new GeoPoint(-82, 41), new AccountId("A9"))] },
                new MapRoute(new PositionId("P1"), 1)
                {
                    DayLabel = "W1 Tue",
                    Start = start,
                    End = start,
                    Stops = [new MapRouteStop(new GeoPoint(-83.5, 40.5), new AccountId("A1")), new MapRouteStop(new GeoPoint(-83.2, 40.7), null), new MapRouteStop(new GeoPoint(-83.1, 40.2), new AccountId("A2"))],
                    DistanceMetres = 87_654.5,
                    Duration = TimeSpan.FromMinutes(412.5),
                },
                new MapRoute(new PositionId("P1"), 3),
            ]);

        var features = Read(SalesMapGeoJsonWriter.WriteToString(map, SalesMapLayers.Routes));

        Assert.Equal(["P1/1", "P1/3", "P2/1"], features.Select(Id));
        var route = features[0];
        Assert.Equal(
            [new Coordinate(-83, 40), new Coordinate(-83.5, 40.5), new Coordinate(-83.2, 40.7), new Coordinate(-83.1, 40.2), new Coordinate(-83, 40)],
            route.Geometry.Coordinates);
        Assert.IsType<LineString>(route.Geometry);
        Assert.Equal("P1", route.Attributes["positionId"]);
        Assert.Equal(1d, Number(route, "day"));
        Assert.Equal("W1 Tue", route.Attributes["dayLabel"]);
        Assert.Equal(87_654.5, Number(route, "distanceMetres"));
        Assert.Equal(412.5, Number(route, "durationMinutes"));
        Assert.Equal(2d, Number(route, "visitCount"));
        Assert.Null(features[1].Geometry);
        Assert.Equal("Day 4", features[1].Attributes["dayLabel"]);
        Assert.Equal([new Coordinate(-82, 41), new Coordinate(-82, 41)], features[2].Geometry.Coordinates);

        using var json = JsonDocument.Parse(SalesMapGeoJsonWriter.WriteToString(map, SalesMapLayers.Routes));
        var ids = json.RootElement.GetProperty("features")[0].GetProperty("properties").GetProperty("accountIds");
        Assert.Equal(["A1", "A2"], ids.EnumerateArray().Select(e => e.GetString()));
    }

    [Property(MaxTest = 60)]
    public Property Write_AnyNames_SurviveTheRoundTrip() =>
        Prop.ForAll(Arb.From(NameGen), Arb.From(NameGen), (name, text) =>
        {
            var map = new SalesMapData(
                [new MapTerritory(new TerritoryId("T" + name)) { Name = name, Boundary = TerritoryBoundary.Rectangle(0, 0, 1, 1), Metrics = [MapMetric.FromText("note " + name, text)] }],
                [new MapAccount(new AccountId("A" + name), new GeoPoint(0.5, 0.5)) { Name = text, Weekday = name }],
                [], []);

            var features = Read(SalesMapGeoJsonWriter.WriteToString(map));

            return Id(features[0]) == "T" + name
                && (string)features[0].Attributes["name"] == name
                && (string)features[0].Attributes["note " + name] == text
                && Id(features[1]) == "A" + name
                && (string)features[1].Attributes["name"] == text
                && (string)features[1].Attributes["weekday"] == name;
        });

    [Fact]
    public void Write_TrickyNames_StayReadableUtf8()
    {
        const string name = "Zürich, \"Ærø\" <Ost>\nΑθήνα & 東京 😀";
        var map = new SalesMapData([new MapTerritory(new TerritoryId("T1")) { Name = name }], [], [], []);

        var text = SalesMapGeoJsonWriter.WriteToString(map);

        Assert.Contains("Zürich", text, StringComparison.Ordinal);
        Assert.Contains("Αθήνα", text, StringComparison.Ordinal);
        Assert.Equal(name, Read(text)[0].Attributes["name"]);
    }

    [Fact]
    public void Write_EmptyMap_GivesAnEmptyFeatureCollection()
    {
        const string empty = """{"type":"FeatureCollection","features":[]}""";

        Assert.Equal(empty, SalesMapGeoJsonWriter.WriteToString(SalesMapData.Empty));
        Assert.Equal(empty, SalesMapGeoJsonWriter.WriteToString(OhioSampleMapForGeoJson(), SalesMapLayers.None));
        Assert.Empty(Read(empty));
    }

    [Fact]
    public void Write_InputInAnyOrder_SameBytes()
    {
        var territories = new[] { new MapTerritory(new TerritoryId("B")) { Boundary = TerritoryBoundary.Rectangle(0, 0, 1, 1) }, new MapTerritory(new TerritoryId("A")) };
        var accounts = new[] { new MapAccount(new AccountId("y"), new GeoPoint(1, 1)), new MapAccount(new AccountId("x"), new GeoPoint(2, 2)) };
        var routes = new[] { new MapRoute(new PositionId("P"), 2), new MapRoute(new PositionId("P"), 1), new MapRoute(new PositionId("O"), 2) };

        var forward = SalesMapGeoJsonWriter.WriteToString(new SalesMapData(territories, accounts, [], routes));
        var backward = SalesMapGeoJsonWriter.WriteToString(new SalesMapData(territories.Reverse(), accounts.Reverse(), [], routes.Reverse()));

        Assert.Equal(forward, backward);
    }

    [Fact]
    public async Task WriteAsync_LargeMap_SameBytesAsWrite()
    {
        var map = OhioSampleMapForGeoJson();
        using var stream = new MemoryStream();

        await SalesMapGeoJsonWriter.WriteAsync(stream, map, SalesMapLayers.All, TestContext.Current.CancellationToken);

        Assert.Equal(SalesMapGeoJsonWriter.WriteToString(map), Encoding.UTF8.GetString(stream.ToArray()));
        Assert.True(stream.Length > 64 * 1024, "the map should be large enough to flush more than once");
    }

    [Fact]
    public void Write_OhioSample_ReadsBackEveryFeature()
    {
        var map = OhioSampleMapForGeoJson();

        var features = Read(SalesMapGeoJsonWriter.WriteToString(map));

        Assert.Equal(map.Territories.Length + map.Accounts.Length + map.Bases.Length + map.Routes.Length, features.Count);
        Assert.Equal(
            map.Territories.Select(t => t.Id.Value),
            features.Where(f => (string)f.Attributes["layer"] == "territory").Select(Id));
        foreach (var (territory, feature) in map.Territories.Zip(features))
        {
            Assert.True(feature.Geometry.EqualsTopologically(territory.Boundary!.ToGeometry()), territory.Id.Value);
        }
    }

    [Fact]
    public async Task Write_BadArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>("utf8Json", () => SalesMapGeoJsonWriter.Write(null!, SalesMapData.Empty));
        Assert.Throws<ArgumentNullException>("map", () => SalesMapGeoJsonWriter.Write(Stream.Null, null!));
        Assert.Throws<ArgumentNullException>("map", () => SalesMapGeoJsonWriter.WriteToString(null!));
        Assert.Throws<ArgumentOutOfRangeException>("layers", () => SalesMapGeoJsonWriter.WriteToString(SalesMapData.Empty, (SalesMapLayers)16));
        await Assert.ThrowsAsync<ArgumentNullException>("utf8Json", () => SalesMapGeoJsonWriter.WriteAsync(null!, SalesMapData.Empty, cancellationToken: TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<ArgumentNullException>("map", () => SalesMapGeoJsonWriter.WriteAsync(Stream.Null, null!, cancellationToken: TestContext.Current.CancellationToken));
    }

    private static readonly Gen<string> NameGen =
        Gen.ListOf(Gen.Elements("a", "Z", "ü", "Æ", "ø", "Ω", "東", "😀", "\"", "'", ",", ";", "\n", "\r\n", "\t", "\\", "/", "<", ">", "&", "</script>", " ", "0", "\u2028"))
            .Select(parts => string.Concat(parts));

    private static SalesMapData OhioSampleMapForGeoJson() => Map.OhioSampleMap.Build();

    private static List<IFeature> Read(string json) =>
        [.. JsonSerializer.Deserialize<FeatureCollection>(json, ReadOptions) ?? throw new InvalidDataException("no collection")];

    private static string Id(IFeature feature) => Convert.ToString(feature.GetOptionalId(GeoJsonConverterFactory.DefaultIdPropertyName), CultureInfo.InvariantCulture) ?? "(no id)";

    private static double Number(IFeature feature, string name) => Convert.ToDouble(feature.Attributes[name], CultureInfo.InvariantCulture);

    private static Geometry Wkt(string wkt) => new WKTReader().Read(wkt);

    /// <summary>Twice the signed area of a GeoJSON ring: positive when counter-clockwise (x east, y north).</summary>
    private static double ShoelaceArea(JsonElement ring)
    {
        var points = ring.EnumerateArray().Select(p => (X: p[0].GetDouble(), Y: p[1].GetDouble())).ToList();
        return points.Zip(points.Skip(1), (a, b) => (a.X * b.Y) - (b.X * a.Y)).Sum();
    }
}
