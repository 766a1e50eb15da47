using Territories.IO.Design;

namespace Territories.IO.Tests.Design;

/// <summary>The bad-input classes of docs/bad-input.md that <see cref="DesignUnitReaderTests"/> does not already show.</summary>
public class DesignUnitReaderBadInputTests
{
    private const string Header = "id,lat,lon,population\n";

    private const string Square = """{"type":"Polygon","coordinates":[[[-83,40],[-82,40],[-82,41],[-83,41],[-83,40]]]}""";

    private static readonly DesignUnitReader Reader = new(new DesignUnitReaderOptions { IdProperty = "id", Attributes = ["population"] });

    private static string Feature(string id, string geometry = Square, string population = "1") =>
        $$"""{"type":"Feature","properties":{"id":"{{id}}","population":{{population}}},"geometry":{{geometry}}}""";

    private static string Collection(params string[] features) => $$"""{"type":"FeatureCollection","features":[{{string.Join(",", features)}}]}""";

    [Theory]
    [InlineData("NaN", "40", "-83", "population", ReadErrorCode.InvalidNumber)]
    [InlineData("Infinity", "40", "-83", "population", ReadErrorCode.InvalidNumber)]
    [InlineData("1e400", "40", "-83", "population", ReadErrorCode.InvalidNumber)]
    [InlineData("5", "-Infinity", "-83", "lat", ReadErrorCode.InvalidNumber)]
    [InlineData("5", "40", "NaN", "lon", ReadErrorCode.InvalidNumber)]
    [InlineData("5", "40", "-183", "lon", ReadErrorCode.InvalidCoordinate)]
    public void ParseCsv_NaNInfinityOrOutOfRange_ProblemNamesLineUnitField(string population, string lat, string lon, string field, ReadErrorCode code)
    {
        var result = Reader.ParseCsv(Header + $"ok,40,-83,1\nbad,{lat},{lon},{population}\n");

        Assert.Equal("ok", Assert.Single(result.Items).Id);
        var error = Assert.Single(result.Errors);
        Assert.Equal((code, 3, "bad", field), (error.Code, error.Line, error.Id, error.Field));
    }

    [Fact]
    public void ParseCsv_Empty_EmptyFile() =>
        Assert.Equal(ReadErrorCode.EmptyFile, Assert.Single(Reader.ParseCsv(string.Empty).Errors).Code);

    [Fact]
    public void ParseCsv_FileCutInsideAQuote_UnterminatedQuoteEarlierRowsRead()
    {
        var result = Reader.ParseCsv(Header + "ok,40,-83,1\n\"cut,40,-8");

        Assert.Equal("ok", Assert.Single(result.Items).Id);
        var error = Assert.Single(result.Errors);
        Assert.Equal((ReadErrorCode.UnterminatedQuote, 3, (string?)null, "id", "\"cut,40,-8"), (error.Code, error.Line, error.Id, error.Field, error.Value));
    }

    // Found building the bad-input matrix: one stray quote swallowed every following row into one
    // field (reported as a single short row), so those units were lost without being named.
    [Fact]
    public void ParseCsv_UnterminatedQuoteMidFile_OnlyThatRowLostAndReported()
    {
        var result = Reader.ParseCsv(Header + "a,40,-83,1\nb,\"40,-83,2\nc,40.5,-83,3\nd,41,-83,\"4\"\n");

        Assert.Equal(["a", "c", "d"], result.Items.Select(u => u.Id));
        var error = Assert.Single(result.Errors);
        Assert.Equal((ReadErrorCode.UnterminatedQuote, 3, "b", "lat"), (error.Code, error.Line, error.Id, error.Field));
    }

    [Fact]
    public void ParseCsv_MegabyteId_ReadWhole()
    {
        var id = new string('u', 1_000_000);

        var unit = Assert.Single(Reader.ParseCsv(Header + $"{id},40,-83,1\n").Items);

        Assert.Equal(id, unit.Id);
    }

    [Fact]
    public void ParseGeoJson_CoordinatesAsTextOrBeyondDouble_InvalidGeometryNamingFeature()
    {
        var result = Reader.ParseGeoJson(Collection(
            Feature("ok"),
            Feature("text", """{"type":"Polygon","coordinates":[[["-83","40"],[-82,40],[-82,41],[-83,40]]]}"""),
            Feature("huge", """{"type":"Polygon","coordinates":[[[-83,40],[1e400,40],[-82,41],[-83,40]]]}"""),
            Feature("pt", """{"type":"Point","coordinates":[-83,-1e999]}""")));

        Assert.Equal("ok", Assert.Single(result.Items).Id);
        Assert.Equal(
            [(ReadErrorCode.InvalidGeometry, 1, "text"), (ReadErrorCode.InvalidGeometry, 2, "huge"), (ReadErrorCode.InvalidGeometry, 3, "pt")],
            result.Errors.Select(e => (e.Code, e.FeatureIndex!.Value, e.Id!)));
    }

    // Found building the bad-input matrix: a polygon in projected metres was read as degrees, silently,
    // although the CSV path and the docs said coordinates outside WGS84 are a problem.
    [Theory]
    [InlineData("""{"type":"Polygon","coordinates":[[[500000,4000000],[500100,4000000],[500100,4000100],[500000,4000000]]]}""", "(500000, 4000000)")]
    [InlineData("""{"type":"MultiPolygon","coordinates":[[[[-83,40],[-82,40],[-82,41],[-83,40]]],[[[10,95],[11,95],[11,96],[10,95]]]]}""", "(10, 95)")]
    [InlineData("""{"type":"Point","coordinates":[-183,40]}""", "(-183, 40)")]
    public void ParseGeoJson_PositionOutsideWgs84_InvalidCoordinateNamingFeatureAndPosition(string geometry, string value)
    {
        var result = Reader.ParseGeoJson(Collection(Feature("ok"), Feature("far", geometry)));

        Assert.Equal("ok", Assert.Single(result.Items).Id);
        var error = Assert.Single(result.Errors);
        Assert.Equal((ReadErrorCode.InvalidCoordinate, 1, "far", "geometry", value), (error.Code, error.FeatureIndex, error.Id, error.Field, error.Value));
    }

    [Fact]
    public void ParseGeoJson_NoFeatures_NoFeaturesError()
    {
        var result = Reader.ParseGeoJson("""{"type":"FeatureCollection","features":[]}""");

        var error = Assert.Single(result.Errors);
        Assert.Equal((ReadErrorCode.NoFeatures, "features"), (error.Code, error.Field));
        Assert.Empty(result.Items);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(100_000)]
    public void ParseGeoJson_NestedDeeperThan64_OneMalformedJson(int depth)
    {
        var nested = new string('[', depth) + new string(']', depth);

        var result = Reader.ParseGeoJson(Collection(Feature("ok"), Feature("deep", population: "1,\"x\":" + nested)));

        Assert.Empty(result.Items);
        Assert.Equal(ReadErrorCode.MalformedJson, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void ParseGeoJson_NaNLiteral_OneMalformedJsonWithLine()
    {
        var result = Reader.ParseGeoJson("{\"type\":\"FeatureCollection\",\"features\":[\n" + Feature("n", population: "NaN") + "]}");

        Assert.Empty(result.Items);
        var error = Assert.Single(result.Errors);
        Assert.Equal((ReadErrorCode.MalformedJson, 2), (error.Code, error.Line));
    }

    [Fact]
    public void ParseGeoJson_SelfIntersectingBowTie_ReadAsGivenForTheDesignerToRepair()
    {
        var result = Reader.ParseGeoJson(Collection(Feature("bow", """{"type":"Polygon","coordinates":[[[-83,40],[-82,41],[-82,40],[-83,41],[-83,40]]]}""")));

        Assert.Empty(result.Errors);
        var unit = Assert.Single(result.Items);
        Assert.False(unit.Boundary!.ToGeometry().IsValid);
    }

    [Fact]
    public void ParseGeoJson_MegabyteId_ReadWhole()
    {
        var id = new string('u', 1_000_000);

        Assert.Equal(id, Assert.Single(Reader.ParseGeoJson(Collection(Feature(id))).Items).Id);
    }
}
