using System.Text;
using Territories.IO.GeoJson;
using Territories.Model;
using Territories.Spatial;

namespace Territories.IO.Tests.GeoJson;

/// <summary>The bad-input classes of docs/bad-input.md that <see cref="TerritoryGeoJsonReaderTests"/> does not already show.</summary>
public class TerritoryGeoJsonReaderBadInputTests
{
    private const string Square = "[[[0,0],[1,0],[1,1],[0,1],[0,0]]]";

    private static readonly TerritoryGeoJsonReader Reader = new();

    private static string Feature(string id, string geometry = $$"""{"type":"Polygon","coordinates":{{Square}}}""", string properties = "{}") =>
        $$"""{"type":"Feature","id":{{id}},"properties":{{properties}},"geometry":{{geometry}}}""";

    private static string Collection(params string[] features) =>
        "{\"type\":\"FeatureCollection\",\"features\":[\n" + string.Join(",\n", features) + "\n]}";

    [Theory]
    [InlineData("""{"type":"FeatureCollection","features":{}}""")]
    [InlineData("""{"type":"FeatureCollection","features":"none"}""")]
    [InlineData("""{"type":7}""")]
    public void Parse_FeaturesOrTypeOfWrongType_NotAFeatureCollection(string json)
    {
        var error = Assert.Single(Reader.Parse(json).Errors);

        Assert.Equal((ReadErrorCode.NotAFeatureCollection, 1, "type"), (error.Code, error.Line, error.Field));
    }

    [Fact]
    public void Parse_CoordinatesAsText_InvalidGeometryNamingFeature()
    {
        var result = Reader.Parse(Collection(Feature("\"s\"", """{"type":"Polygon","coordinates":"[[[0,0],[1,0],[1,1],[0,0]]]"}""")));

        var error = Assert.Single(result.Errors);
        Assert.Equal((ReadErrorCode.InvalidGeometry, 0, "s"), (error.Code, error.FeatureIndex, error.Id));
        Assert.Empty(result.Items);
    }

    [Fact]
    public void Parse_NaNLiteral_MalformedJsonOnItsLineEarlierFeaturesKept()
    {
        var result = Reader.Parse(Collection(Feature("\"a\""), Feature("\"n\"", """{"type":"Polygon","coordinates":[[[0,0],[NaN,0],[1,1],[0,0]]]}""")));

        Assert.Equal("a", Assert.Single(result.Items).Id.Value);
        var error = Assert.Single(result.Errors);
        Assert.Equal((ReadErrorCode.MalformedJson, 3, 1), (error.Code, error.Line, error.FeatureIndex));
    }

    [Theory]
    [InlineData("[[[0,0],[1e400,0],[1,1],[0,0]]]", "geometry.coordinates[0][1]")]
    [InlineData("[[[0,0],[1,0],[1,-1e999],[0,0]]]", "geometry.coordinates[0][2]")]
    public void Parse_NumberBeyondDouble_InvalidCoordinateNamingPosition(string coordinates, string field)
    {
        var result = Reader.Parse(Collection(Feature("\"big\"", $$"""{"type":"Polygon","coordinates":{{coordinates}}}""")));

        var error = Assert.Single(result.Errors);
        Assert.Equal((ReadErrorCode.InvalidCoordinate, 0, "big", field), (error.Code, error.FeatureIndex, error.Id, error.Field));
        Assert.Empty(result.Items);
    }

    [Fact]
    public void Parse_MegabyteIdAndProperty_ReadWhole()
    {
        var id = new string('i', 1_000_000);
        var note = new string('p', 1_000_000);

        var result = Reader.Parse(Collection(Feature($"\"{id}\"", properties: $$"""{"note":"{{note}}"}""")));

        Assert.Empty(result.Errors);
        var territory = Assert.Single(result.Items);
        Assert.Equal((id, note), (territory.Id.Value, territory.Attributes["note"]));
    }

    [Fact]
    public void Parse_MegabyteIdOfWrongType_InvalidValueWithValueClippedTo80Characters()
    {
        var error = Assert.Single(Reader.Parse(Collection(Feature("[\"" + new string('i', 1_000_000) + "\"]"))).Errors);

        Assert.Equal((ReadErrorCode.InvalidValue, 0, "id"), (error.Code, error.FeatureIndex, error.Field));
        Assert.Equal("[\"" + new string('i', 78) + "…", error.Value);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(100_000)]
    public void Parse_PropertyNestedDeeperThan64_MalformedJsonEarlierFeaturesKept(int depth)
    {
        var nested = new string('[', depth) + new string(']', depth);

        var result = Reader.Parse(Collection(Feature("\"a\""), Feature("\"deep\"", properties: $$"""{"x":{{nested}}}""")));

        Assert.Equal("a", Assert.Single(result.Items).Id.Value);
        var error = Assert.Single(result.Errors);
        Assert.Equal((ReadErrorCode.MalformedJson, 3, 1), (error.Code, error.Line, error.FeatureIndex));
    }

    [Fact]
    public void Read_BytesThatAreNotUtf8InAName_MalformedJsonNamingTheFeature()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes(Collection(Feature("\"a\""), Feature("\"b\"", properties: """{"name":"caf@"}""")))];
        using var stream = new MemoryStream([.. bytes.Select(b => b == (byte)'@' ? (byte)0xE9 : b)]);

        var result = Reader.Read(stream);

        Assert.Equal("a", Assert.Single(result.Items).Id.Value);
        var error = Assert.Single(result.Errors);
        Assert.Equal((ReadErrorCode.MalformedJson, 1), (error.Code, error.FeatureIndex));
    }

    [Fact]
    public void Parse_SelfIntersectingBowTie_ReadAndTerritoryValidatorReportsSelfIntersection()
    {
        var result = Reader.Parse(Collection(Feature("\"bow\"", """{"type":"Polygon","coordinates":[[[0,0],[1,1],[1,0],[0,1],[0,0]]]}""")));

        Assert.Empty(result.Errors);
        var validation = TerritoryValidator.Validate(result.Items);
        var problem = Assert.Single(validation.Problems);
        Assert.Equal((TerritoryProblemCode.SelfIntersection, new TerritoryId("bow"), (GeoPoint?)new GeoPoint(0.5, 0.5)), (problem.Code, Assert.Single(problem.Territories), problem.Location));
    }
}
