using System.Text;
using Territories.IO.GeoJson;
using Territories.Model;

namespace Territories.IO.Tests.GeoJson;

public class TerritoryGeoJsonReaderTests
{
    private const string Square = "[[[0,0],[1,0],[1,1],[0,1],[0,0]]]";

    private static readonly TerritoryGeoJsonReader Counties = new(new TerritoryGeoJsonOptions { NameProperty = "NAME" });

    private static string Feature(string id, string geometry = $$"""{"type":"Polygon","coordinates":{{Square}}}""", string properties = "{}") =>
        $$"""{"type":"Feature","id":{{id}},"properties":{{properties}},"geometry":{{geometry}}}""";

    private static string Collection(params string[] features) =>
        "{\"type\":\"FeatureCollection\",\"features\":[\n" + string.Join(",\n", features) + "\n]}";

    private static ReadError Single(ReadResult<Territory> result) => Assert.Single(result.Errors);

    [Fact]
    public void ReadFile_OhioCounties_Reads88TerritoriesWithoutErrors()
    {
        var result = Counties.ReadFile(SampleData.Ohio("counties.geojson"));

        Assert.Empty(result.Errors);
        Assert.Equal(88, result.Items.Length);
        Assert.Equal(88, result.Items.Select(t => t.Id).Distinct().Count());
        var franklin = Assert.Single(result.Items, t => t.Id.Value == "39049");
        Assert.Equal("Franklin", franklin.Name);
        Assert.Equal(SalesModel.TerritoryLevel, franklin.Level);
        Assert.Null(franklin.Parent);
        Assert.Equal(2, result.Items.Count(t => t.Boundary!.ToGeometry() is NetTopologySuite.Geometries.MultiPolygon));
        Assert.Equal(1250, result.Items.Sum(t => t.Boundary!.PointCount));
    }

    [Fact]
    public void ReadFile_OhioCounties_PassModelValidation()
    {
        var territories = Counties.ReadFile(SampleData.Ohio("counties.geojson")).Items;

        Assert.Empty(ModelValidator.Validate(new SalesModelInput { Territories = territories }));
    }

    [Fact]
    public void Read_IdFromProperty_UsesThatProperty()
    {
        var reader = new TerritoryGeoJsonReader(new TerritoryGeoJsonOptions { IdProperty = "COUNTYFP", NameProperty = "NAME" });
        using var stream = File.OpenRead(SampleData.Ohio("counties.geojson"));

        var result = reader.Read(stream);

        Assert.Empty(result.Errors);
        Assert.Equal("Franklin", Assert.Single(result.Items, t => t.Id.Value == "049").Name);
    }

    [Fact]
    public void Read_Stream_LeavesStreamOpenAndMatchesParse()
    {
        var json = Collection(Feature("\"a\""), Feature("7"));
        using var stream = new MemoryStream(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(json)).ToArray());

        var fromStream = Counties.Read(stream);

        Assert.True(stream.CanRead);
        Assert.Equal(Counties.Parse(json).Items.Select(t => t.Id), fromStream.Items.Select(t => t.Id));
        Assert.Equal(["a", "7"], fromStream.Items.Select(t => t.Id.Value));
    }

    [Fact]
    public async Task ReadAsync_Stream_ReadsSameTerritories()
    {
        await using var stream = File.OpenRead(SampleData.Ohio("counties.geojson"));

        var result = await Counties.ReadAsync(stream, TestContext.Current.CancellationToken);

        Assert.Empty(result.Errors);
        Assert.Equal(88, result.Items.Length);
    }

    [Fact]
    public void Parse_NameParentLevel_ReadFromConfiguredProperties()
    {
        var reader = new TerritoryGeoJsonReader(new TerritoryGeoJsonOptions { NameProperty = "n", ParentProperty = "up", LevelProperty = "lvl" });
        var json = Collection(
            Feature("\"r\"", properties: """{"n":"Region","lvl":"region"}"""),
            Feature("\"t\"", properties: """{"n":"Town","up":"r"}"""));

        var result = reader.Parse(json);

        Assert.Empty(result.Errors);
        Assert.Equal(("Region", "region", (TerritoryId?)null), (result.Items[0].Name, result.Items[0].Level, result.Items[0].Parent));
        Assert.Equal(("Town", "territory", (TerritoryId?)"r"), (result.Items[1].Name, result.Items[1].Level, result.Items[1].Parent));
    }

    [Fact]
    public void Parse_OtherProperties_KeptAsAttributesAsText()
    {
        var json = Collection(Feature("\"t\"", properties: """{"name":"Town","population":12500.5,"urban":true,"codes":[1,2],"note":null,"region":"North"}"""));

        var territory = Assert.Single(new TerritoryGeoJsonReader().Parse(json).Items);

        Assert.Equal("Town", territory.Name);
        Assert.Equal(
            [("codes", "[1,2]"), ("population", "12500.5"), ("region", "North"), ("urban", "true")],
            territory.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => (a.Key, a.Value)));
    }

    [Fact]
    public void Parse_MalformedJson_KeepsEarlierFeaturesAndReportsIndexAndLine()
    {
        var json = Collection(Feature("\"a\""), Feature("\"b\"")).Replace("\"b\",\"properties\":{}", "\"b\",\"properties\":{", StringComparison.Ordinal);

        var result = Counties.Parse(json);

        Assert.Equal(["a"], result.Items.Select(t => t.Id.Value));
        var error = Single(result);
        Assert.Equal(ReadErrorCode.MalformedJson, error.Code);
        Assert.Equal(1, error.FeatureIndex);
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void Parse_TruncatedDocument_ReportsMalformedJson()
    {
        var result = Counties.Parse("{\"type\":\"FeatureCollection\",\"features\":[");

        Assert.Equal(ReadErrorCode.MalformedJson, Single(result).Code);
        Assert.Empty(result.Items);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n ")]
    public void Parse_Empty_ReportsEmptyFile(string json) =>
        Assert.Equal(ReadErrorCode.EmptyFile, Single(Counties.Parse(json)).Code);

    [Theory]
    [InlineData("""{"type":"FeatureCollection","features":[]}""")]
    [InlineData("{\n  \"type\": \"FeatureCollection\",\n  \"features\": [ ]\n}")]
    public void Parse_EmptyFeatureCollection_ReportsNoFeatures(string json)
    {
        var error = Single(Counties.Parse(json));

        Assert.Equal((ReadErrorCode.NoFeatures, "features"), (error.Code, error.Field));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("""{"type":"Feature","geometry":null}""")]
    [InlineData("""{"type":"FeatureCollection"}""")]
    public void Parse_NotAFeatureCollection_ReportsIt(string json) =>
        Assert.Equal(ReadErrorCode.NotAFeatureCollection, Single(Counties.Parse(json)).Code);

    [Fact]
    public void Parse_PolygonWithTooFewPoints_ReportsFeatureIndexIdAndRing()
    {
        var json = Collection(Feature("\"a\""), Feature("\"tri\"", """{"type":"Polygon","coordinates":[[[0,0],[1,0],[0,0]]]}"""));

        var result = Counties.Parse(json);

        Assert.Equal(["a"], result.Items.Select(t => t.Id.Value));
        var error = Single(result);
        Assert.Equal((ReadErrorCode.TooFewPoints, 1, 3, "tri", "geometry.coordinates[0]", "3"), (error.Code, error.FeatureIndex, error.Line, error.Id, error.Field, error.Value));
    }

    [Fact]
    public void Parse_UnclosedRing_ReportsIt()
    {
        var result = Counties.Parse(Collection(Feature("\"open\"", """{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1]]]}""")));

        var error = Single(result);
        Assert.Equal((ReadErrorCode.UnclosedRing, 0, "open"), (error.Code, error.FeatureIndex, error.Id));
        Assert.Empty(result.Items);
    }

    [Fact]
    public void Parse_MultiPolygonWithBadHole_NamesThePolygonAndRing()
    {
        var geometry = $$"""{"type":"MultiPolygon","coordinates":[{{Square}},[[[5,5],[6,5],[6,6],[5,5]],[[5.1,5.1],[5.2,5.1],[5.1,5.1]]]]}""";

        var error = Single(Counties.Parse(Collection(Feature("\"m\"", geometry))));

        Assert.Equal((ReadErrorCode.TooFewPoints, "geometry.coordinates[1][1]"), (error.Code, error.Field));
    }

    [Fact]
    public void Parse_FeatureWithoutId_ReportsMissingId()
    {
        var json = Collection(Feature("\"a\""), $$$"""{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":{{{Square}}}}}""", Feature("\" \""));

        var result = Counties.Parse(json);

        Assert.Equal(["a"], result.Items.Select(t => t.Id.Value));
        Assert.Collection(
            result.Errors,
            e => Assert.Equal((ReadErrorCode.MissingId, 1, (string?)null), (e.Code, e.FeatureIndex, e.Id)),
            e => Assert.Equal((ReadErrorCode.MissingId, 2, (string?)null), (e.Code, e.FeatureIndex, e.Id)));
    }

    [Fact]
    public void Parse_IdPropertyMissing_ReportsMissingIdWithThatField()
    {
        var reader = new TerritoryGeoJsonReader(new TerritoryGeoJsonOptions { IdProperty = "GEOID" });

        var error = Single(reader.Parse(Collection(Feature("\"a\"", properties: """{"NAME":"x"}"""))));

        Assert.Equal((ReadErrorCode.MissingId, 0, "properties.GEOID"), (error.Code, error.FeatureIndex, error.Field));
    }

    [Fact]
    public void Parse_DuplicateIds_KeepsFirstAndReportsEveryRepeat()
    {
        var json = Collection(Feature("\"a\""), Feature("\"b\""), Feature("\"a\""), Feature("\"a\""));

        var result = Counties.Parse(json);

        Assert.Equal(["a", "b"], result.Items.Select(t => t.Id.Value));
        Assert.All(result.Errors, e => Assert.Equal((ReadErrorCode.DuplicateId, "a"), (e.Code, e.Id)));
        Assert.Equal([2, 3], result.Errors.Select(e => e.FeatureIndex!.Value));
        Assert.Equal([4, 5], result.Errors.Select(e => e.Line!.Value));
    }

    [Theory]
    [InlineData("[[[0,0],[181,0],[1,1],[0,0]]]", "(181, 0)")]
    [InlineData("[[[0,0],[1,-91],[1,1],[0,0]]]", "(1, -91)")]
    [InlineData("[[[500000,4000000],[500100,4000000],[500100,4000100],[500000,4000000]]]", "(500000, 4000000)")]
    public void Parse_CoordinatesOutOfRange_ReportsFirstBadPosition(string coordinates, string value)
    {
        var error = Single(Counties.Parse(Collection(Feature("\"x\"", $$"""{"type":"Polygon","coordinates":{{coordinates}}}"""))));

        Assert.Equal((ReadErrorCode.InvalidCoordinate, 0, "x", value), (error.Code, error.FeatureIndex, error.Id, error.Value));
    }

    [Theory]
    [InlineData("""{"type":"Point","coordinates":[0,0]}""", ReadErrorCode.UnsupportedGeometry)]
    [InlineData("""{"type":"LineString","coordinates":[[0,0],[1,1]]}""", ReadErrorCode.UnsupportedGeometry)]
    [InlineData("null", ReadErrorCode.MissingGeometry)]
    [InlineData("""{"type":"Polygon","coordinates":[]}""", ReadErrorCode.InvalidGeometry)]
    [InlineData("""{"type":"Polygon","coordinates":[[[0,0],[1,"a"],[1,1],[0,0]]]}""", ReadErrorCode.InvalidGeometry)]
    [InlineData("""{"type":"Polygon","coordinates":[[[0],[1,0],[1,1],[0]]]}""", ReadErrorCode.InvalidGeometry)]
    [InlineData("""{"type":"MultiPolygon","coordinates":[]}""", ReadErrorCode.InvalidGeometry)]
    [InlineData("42", ReadErrorCode.InvalidGeometry)]
    public void Parse_BadGeometry_ReportsCodeWithId(string geometry, ReadErrorCode code)
    {
        var result = Counties.Parse(Collection(Feature("\"g\"", geometry)));

        var error = Single(result);
        Assert.Equal((code, 0, "g"), (error.Code, error.FeatureIndex, error.Id));
        Assert.Empty(result.Items);
    }

    [Theory]
    [InlineData("42")]
    [InlineData("""{"type":"Point"}""")]
    public void Parse_ElementNotAFeature_ReportsInvalidFeature(string element)
    {
        var result = Counties.Parse(Collection(Feature("\"a\""), element));

        var error = Single(result);
        Assert.Equal((ReadErrorCode.InvalidFeature, 1), (error.Code, error.FeatureIndex));
        Assert.Single(result.Items);
    }

    [Fact]
    public void Parse_IdOfWrongType_ReportsInvalidValue()
    {
        var error = Single(Counties.Parse(Collection(Feature("[1]"))));

        Assert.Equal((ReadErrorCode.InvalidValue, "id"), (error.Code, error.Field));
    }

    [Fact]
    public void Parse_SeveralProblemsInOneFeature_ReportsEach()
    {
        var result = Counties.Parse(Collection("""{"type":"Feature","properties":{"NAME":{"x":1}},"geometry":{"type":"Point","coordinates":[0,0]}}"""));

        Assert.Equal(
            [ReadErrorCode.MissingId, ReadErrorCode.InvalidValue, ReadErrorCode.UnsupportedGeometry],
            result.Errors.Select(e => e.Code));
        Assert.All(result.Errors, e => Assert.Equal(0, e.FeatureIndex));
    }

    [Fact]
    public void Parse_MixedGoodAndBad_EveryFeatureIsAnItemOrAnError()
    {
        var json = Collection(
            Feature("\"ok1\""),
            Feature("\"pt\"", """{"type":"Point","coordinates":[0,0]}"""),
            Feature("\"ok2\""),
            Feature("\"ok1\""),
            Feature("\"far\"", """{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,95],[0,0]]]}"""),
            Feature("\"ok3\""));

        var result = Counties.Parse(json);

        Assert.Equal(["ok1", "ok2", "ok3"], result.Items.Select(t => t.Id.Value));
        Assert.Equal([1, 3, 4], result.Errors.Select(e => e.FeatureIndex!.Value));
    }

    [Fact]
    public void Constructor_BadOptions_ListsEveryFailure()
    {
        var options = new TerritoryGeoJsonOptions { IdProperty = " ", DefaultLevel = "" };

        var ex = Assert.Throws<ArgumentException>(() => new TerritoryGeoJsonReader(options));

        Assert.Equal("options", ex.ParamName);
        Assert.Contains("IdProperty", ex.Message, StringComparison.Ordinal);
        Assert.Contains("DefaultLevel", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_OptionsChangedLater_ReaderKeepsItsCopy()
    {
        var options = new TerritoryGeoJsonOptions { NameProperty = "NAME" };
        var reader = new TerritoryGeoJsonReader(options);
        options.NameProperty = "other";

        var result = reader.Parse(Collection(Feature("\"a\"", properties: """{"NAME":"kept"}""")));

        Assert.Equal("kept", Assert.Single(result.Items).Name);
    }
}
