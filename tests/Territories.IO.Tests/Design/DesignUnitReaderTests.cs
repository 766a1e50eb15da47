using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Territories.Design;
using Territories.IO.Design;

namespace Territories.IO.Tests.Design;

public class DesignUnitReaderTests
{
    private const string OhioLike = "id,name,lat,lon,population,county_id\n";

    private static (List<DesignUnit> Units, List<ReadError> Problems) Csv(string text, params string[] attributes)
    {
        var read = Reader("id", attributes.Length == 0 ? ["population"] : attributes).ParseCsv(text);
        return ([.. read.Items], [.. read.Errors]);
    }

    private static (List<DesignUnit> Units, List<ReadError> Problems) GeoJson(string text, string idProperty = "GEOID")
    {
        var read = Reader(idProperty, ["population_zip"]).ParseGeoJson(text);
        return ([.. read.Items], [.. read.Errors]);
    }

    private static DesignUnitReader Reader(string idProperty, string[] attributes) =>
        new(new DesignUnitReaderOptions { IdProperty = idProperty, Attributes = attributes });

    private static string Feature(string idMember, string properties, string geometry) =>
        $$"""{"type":"Feature",{{idMember}}"properties":{{{properties}}},"geometry":{{geometry}}}""";

    private static string Collection(params string[] features) => $$"""{"type":"FeatureCollection","features":[{{string.Join(",", features)}}]}""";

    private const string Square = """{"type":"Polygon","coordinates":[[[-83,40],[-82,40],[-82,41],[-83,41],[-83,40]]]}""";

    // Found by fuzzing (benchmarks/fuzz, target units-csv): Sep threw ArgumentException on a header naming a column twice.
    [Fact]
    public void ParseCsv_HeaderNamesAColumnTwice_DuplicateColumnAndTheFirstIsRead()
    {
        var text = "id,lat,lon,population,act,lon,population,12.5,4\nu1,40.01,-83.0,7,3,-95,9,0,0\n";

        var (units, problems) = Csv(text);

        Assert.Equal([("lon", ReadErrorCode.DuplicateColumn), ("population", ReadErrorCode.DuplicateColumn)], problems.Select(p => (p.Field!, p.Code)));
        var unit = Assert.Single(units);
        Assert.Equal(-83.0, unit.Location!.Value.Longitude);
        Assert.Equal(7, unit.Attributes[0]);
    }

    [Fact]
    public void ParseCsv_TheFuzzedInput_ReportsInsteadOfThrowing()
    {
        var text = "id,lat,lon,workload,act,lon,workload,12.5,4\n\"u,2\",40.01,95,7,3\nu3,40.10N90,1e2,1";

        var result = Reader("id", ["workload"]).ParseCsv(text);

        Assert.Contains(result.Errors, e => e.Code == ReadErrorCode.DuplicateColumn && e.Field == "lon");
    }

    [Fact]
    public void ParseCsv_BomCrlfQuotedCommasExtraColumnsOtherOrder_ReadsEveryUnit()
    {
        var text = "\uFEFFcounty_id,population,name,region,lon,id,lat\r\n"
            + "11001,689545,\"Washington, DC\",\"Mid-Atlantic, US\",-77.0369,20001,38.9072\r\n"
            + "39049,31002,\"Blacklick \"\"East\"\"\",Midwest,-82.80025,43004,40.01664\r\n";
        var (units, problems) = Csv(text);
        Assert.Empty(problems);
        Assert.Equal(["20001", "43004"], units.Select(u => u.Id));
        Assert.Equal(689545, units[0].Attributes[0]);
        Assert.Equal((-77.0369, 38.9072), (units[0].Location!.Value.Longitude, units[0].Location!.Value.Latitude));
    }

    [Fact]
    public void ParseCsv_QuotedNumbersZeroAndLeadingZeroIds_ReadAsNumbersAndTextIds()
    {
        var (units, problems) = Csv(OhioLike + "01001,A,32.5,-86.6,\"1234\",01001\n01003,B,30.7,-87.7,0,01003\n01005,C,31.8,-85.3, 1.5e3 ,01005\n");
        Assert.Empty(problems);
        Assert.Equal(["01001", "01003", "01005"], units.Select(u => u.Id));
        Assert.Equal([1234.0, 0.0, 1500.0], units.Select(u => u.Attributes[0]));
    }

    [Theory]
    [InlineData("", ReadErrorCode.MissingValue, null)]
    [InlineData("NULL", ReadErrorCode.InvalidNumber, "NULL")]
    [InlineData("n/a", ReadErrorCode.InvalidNumber, "n/a")]
    [InlineData("1,234", ReadErrorCode.InvalidNumber, "1,234")]
    public void ParseCsv_BadAttribute_ProblemNamesUnitFieldValueAndLine(string value, ReadErrorCode code, string? reported)
    {
        var field = value.Contains(',', StringComparison.Ordinal) ? $"\"{value}\"" : value;
        var (_, problems) = Csv(OhioLike + "43001,A,40.1,-82.6,2537,39089\n43002,B,40.0,-83.1," + field + ",39049\n");
        var problem = Assert.Single(problems);
        Assert.Equal((code, "43002", "population", reported, 3), (problem.Code, problem.Id, problem.Field, problem.Value, problem.Line));
    }

    [Theory]
    [InlineData("n/a", "40.0", "lat", ReadErrorCode.InvalidNumber)]
    [InlineData("40.0", "", "lon", ReadErrorCode.MissingValue)]
    [InlineData("95", "-83.1", "lat", ReadErrorCode.InvalidCoordinate)]
    public void ParseCsv_BadLatLon_ProblemNamesUnitAndField(string lat, string lon, string field, ReadErrorCode code)
    {
        var (units, problems) = Csv(OhioLike + $"43002,B,{lat},{lon},776,39049\n");
        Assert.Empty(units);
        var problem = Assert.Single(problems);
        Assert.Equal((code, "43002", field), (problem.Code, problem.Id, problem.Field));
    }

    [Fact]
    public void ParseCsv_DuplicateId_ProblemNamesTheId()
    {
        var (_, problems) = Csv(OhioLike + "43001,A,40.1,-82.6,2537,39089\n43001,Again,40.2,-82.7,5,39089\n");
        var problem = Assert.Single(problems);
        Assert.Equal((ReadErrorCode.DuplicateId, "43001", "id", "43001", 3), (problem.Code, problem.Id, problem.Field, problem.Value, problem.Line));
    }

    [Fact]
    public void ParseCsv_ShortRowAndBlankLines_ShortRowReportedBlankLinesSkipped()
    {
        var (units, problems) = Csv(OhioLike + "43001,A,40.1,-82.6,2537,39089\n\n43002,B,40.0\n\n");
        Assert.Single(units);
        Assert.Contains(problems, p => p is { Code: ReadErrorCode.FieldCountMismatch, Id: "43002", Line: 4 });
        Assert.Contains(problems, p => p is { Code: ReadErrorCode.MissingValue, Id: "43002", Field: "lon" });
    }

    [Fact]
    public void ParseCsv_MissingColumn_ProblemNamesTheColumn()
    {
        var (_, problems) = Csv("id,name,lat,lon\n43001,A,40.1,-82.6\n");
        var problem = Assert.Single(problems);
        Assert.Equal((ReadErrorCode.MissingColumn, "population"), (problem.Code, problem.Field));
    }

    [Property(MaxTest = 50)]
    public Property ParseCsv_AnyColumnOrderAndQuotedNames_ReadsBackIdsLocationsAndValues(int seed)
    {
        var random = new Random(seed);
        var names = new[] { "Washington, DC", "O\"Hara", "plain", "comma,and \"quote\"", string.Empty, "  spaced  " };
        var columns = new[] { "id", "name", "lat", "lon", "population", "extra" }.OrderBy(_ => random.Next()).ToArray();
        var rows = Enumerable.Range(0, 1 + random.Next(8)).Select(i => new Dictionary<string, string>
        {
            ["id"] = (10000 + i).ToString(CultureInfo.InvariantCulture),
            ["name"] = names[random.Next(names.Length)],
            ["lat"] = (30 + (random.Next(1000) / 100.0)).ToString(CultureInfo.InvariantCulture),
            ["lon"] = (-90 + (random.Next(1000) / 100.0)).ToString(CultureInfo.InvariantCulture),
            ["population"] = random.Next(100_000).ToString(CultureInfo.InvariantCulture),
            ["extra"] = names[random.Next(names.Length)],
        }).ToList();
        static string Field(string v) => v.AsSpan().IndexOfAny(",\"") >= 0 ? "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : v;
        var newline = random.Next(2) == 0 ? "\n" : "\r\n";
        var text = new StringBuilder(random.Next(2) == 0 ? "\uFEFF" : string.Empty).Append(string.Join(",", columns)).Append(newline);
        foreach (var row in rows)
        {
            text.Append(string.Join(",", columns.Select(c => Field(row[c])))).Append(newline);
        }

        var (units, problems) = Csv(text.ToString());
        var expected = rows.Select(r => (r["id"], double.Parse(r["lat"], CultureInfo.InvariantCulture), double.Parse(r["lon"], CultureInfo.InvariantCulture), double.Parse(r["population"], CultureInfo.InvariantCulture)));
        var actual = units.Select(u => (u.Id, u.Location!.Value.Latitude, u.Location!.Value.Longitude, u.Attributes[0]));
        return (problems.Count == 0 && expected.SequenceEqual(actual)).Label($"columns {string.Join(",", columns)}; {problems.Count} problem(s)");
    }

    [Fact]
    public void ParseGeoJson_FeatureIdsInsteadOfTheProperty_StringAndNumberIdsRead()
    {
        var (units, problems) = GeoJson(Collection(
            Feature("\"id\":\"39049\",", "\"population_zip\":5", Square),
            Feature("\"id\":39041,", "\"population_zip\":6", Square)));
        Assert.Empty(problems);
        Assert.Equal(["39049", "39041"], units.Select(u => u.Id));
    }

    [Fact]
    public void ParseGeoJson_NumericIdPropertyAndStringAttribute_ReadAsTextAndNumber()
    {
        var (units, problems) = GeoJson(Collection(Feature(string.Empty, "\"GEOID\":39049,\"population_zip\":\"1234\"", Square)));
        Assert.Empty(problems);
        Assert.Equal(("39049", 1234.0), (units[0].Id, units[0].Attributes[0]));
    }

    [Fact]
    public void ParseGeoJson_CrsMemberThreeDimensionalAndUnclosedRings_Read()
    {
        const string Polygon3D = """{"type":"Polygon","coordinates":[[[-83,40,250.5],[-82,40,251],[-82,41,260],[-83,41,255],[-83,40,250.5]]]}""";
        const string Unclosed = """{"type":"Polygon","coordinates":[[[-82,40],[-81,40],[-81,41],[-82,41]]]}""";
        const string Point3D = """{"type":"Point","coordinates":[-81.5,40.5,12]}""";
        var text = """{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:OGC:1.3:CRS84"}},"bbox":[-83,40,-81,41],"features":["""
            + Feature(string.Empty, "\"GEOID\":\"a\",\"population_zip\":1", Polygon3D) + ","
            + Feature(string.Empty, "\"GEOID\":\"b\",\"population_zip\":2", Unclosed) + ","
            + Feature(string.Empty, "\"GEOID\":\"c\",\"population_zip\":3", Point3D) + "]}";
        var (units, problems) = GeoJson(text);
        Assert.Empty(problems);
        Assert.Equal(1.0, units[0].Boundary!.ToGeometry().Area, 1e-9);
        Assert.Equal(1.0, units[1].Boundary!.ToGeometry().Area, 1e-9);
        Assert.Equal((-81.5, 40.5), (units[2].Location!.Value.Longitude, units[2].Location!.Value.Latitude));
    }

    [Fact]
    public void ParseGeoJson_RingsCollapsedBySimplification_HolesAndPartsDroppedShellsKept()
    {
        // As in real Virginia after us-atlas simplification: a one-position hole, a one-position part
        // of a MultiPolygon, and a whole city drawn as a two-position line.
        const string Holed = """{"type":"Polygon","coordinates":[[[-83,40],[-82,40],[-82,41],[-83,41],[-83,40]],[[-82.5,40.5]]]}""";
        const string Parted = """{"type":"MultiPolygon","coordinates":[[[[-80.5,37.1]]],[[[-81,37],[-80,37],[-80,38],[-81,38],[-81,37]]]]}""";
        const string Line = """{"type":"Polygon","coordinates":[[[-77.17,38.89],[-77.15,38.87],[-77.17,38.89]]]}""";
        var read = Reader("GEOID", ["population_zip"]).ParseGeoJson(Collection(
            Feature(string.Empty, "\"GEOID\":\"holed\",\"population_zip\":1", Holed),
            Feature(string.Empty, "\"GEOID\":\"parted\",\"population_zip\":1", Parted),
            Feature(string.Empty, "\"GEOID\":\"line\",\"population_zip\":1", Line)));
        var units = read.Items;
        Assert.Empty(read.Errors);
        Assert.Equal(
            [(ReadErrorCode.DroppedRing, "holed", (int?)0), (ReadErrorCode.DroppedRing, "parted", 1), (ReadErrorCode.CollapsedPolygon, "line", 2)],
            read.Warnings.Select(w => (w.Code, w.Id, w.FeatureIndex)));
        Assert.Equal((0, 1.0), (((NetTopologySuite.Geometries.Polygon)units[0].Boundary!.ToGeometry()).NumInteriorRings, units[0].Boundary!.ToGeometry().Area));
        Assert.Equal(("Polygon", 1.0), (units[1].Boundary!.ToGeometry().GeometryType, units[1].Boundary!.ToGeometry().Area));
        Assert.Equal((0.0, 4), (units[2].Boundary!.ToGeometry().Area, units[2].Boundary!.PointCount));
    }

    [Fact]
    public void ParseGeoJson_PropertyCaseGeometryCollectionAndSinglePointMultiPoint_Read()
    {
        const string Collected = """{"type":"GeometryCollection","geometries":[{"type":"Polygon","coordinates":[[[-83,40],[-82,40],[-82,41],[-83,41],[-83,40]]]},{"type":"Polygon","coordinates":[[[-83,42],[-82,42],[-82,43],[-83,43],[-83,42]]]}]}""";
        const string OnePoint = """{"type":"MultiPoint","coordinates":[[-81.5,40.5]]}""";
        var (units, problems) = GeoJson(Collection(
            Feature(string.Empty, "\"geoid\":\"c\",\"Population_ZIP\":7", Collected),
            Feature(string.Empty, "\"geoid\":\"p\",\"Population_ZIP\":8", OnePoint)));
        Assert.Empty(problems);
        Assert.Equal([("c", 7.0), ("p", 8.0)], units.Select(u => (u.Id, u.Attributes[0])));
        Assert.Equal(("MultiPolygon", 2.0), (units[0].Boundary!.ToGeometry().GeometryType, units[0].Boundary!.ToGeometry().Area));
        Assert.Equal((-81.5, 40.5), (units[1].Location!.Value.Longitude, units[1].Location!.Value.Latitude));
    }

    [Fact]
    public void ParseGeoJson_NullMissingAndTextAttributes_ProblemsNameUnitFieldAndValue()
    {
        var (_, problems) = GeoJson(Collection(
            Feature(string.Empty, "\"GEOID\":\"n\",\"population_zip\":null", Square),
            Feature(string.Empty, "\"GEOID\":\"m\"", Square),
            Feature(string.Empty, "\"GEOID\":\"t\",\"population_zip\":\"about 5000\"", Square)));
        Assert.Equal(
            [(ReadErrorCode.MissingValue, "n", "population_zip", (string?)null), (ReadErrorCode.MissingValue, "m", "population_zip", null), (ReadErrorCode.InvalidNumber, "t", "population_zip", "about 5000")],
            problems.Select(p => (p.Code, p.Id, p.Field, p.Value)));
    }

    [Fact]
    public void ParseGeoJson_DuplicateIdNullGeometryAndLineString_ProblemsNameTheUnit()
    {
        var (units, problems) = GeoJson(Collection(
            Feature(string.Empty, "\"GEOID\":\"a\",\"population_zip\":1", Square),
            Feature(string.Empty, "\"GEOID\":\"a\",\"population_zip\":1", Square),
            Feature(string.Empty, "\"GEOID\":\"g\",\"population_zip\":1", "null"),
            Feature(string.Empty, "\"GEOID\":\"l\",\"population_zip\":1", """{"type":"LineString","coordinates":[[0,0],[1,1]]}""")));
        Assert.Single(units);
        Assert.Equal(
            [(ReadErrorCode.DuplicateId, "a", (int?)1), (ReadErrorCode.MissingGeometry, "g", 2), (ReadErrorCode.UnsupportedGeometry, "l", 3)],
            problems.Select(p => (p.Code, p.Id, p.FeatureIndex)));
        Assert.Equal("LineString", problems[2].Value);
    }

    [Fact]
    public void ParseGeoJson_MalformedJson_OneMalformedJsonError()
    {
        var (units, problems) = GeoJson("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":");

        Assert.Empty(units);
        Assert.Equal(ReadErrorCode.MalformedJson, Assert.Single(problems).Code);
    }

    [Theory]
    [InlineData("[]", ReadErrorCode.NotAFeatureCollection)]
    [InlineData("{\"type\":\"Feature\"}", ReadErrorCode.NotAFeatureCollection)]
    [InlineData("  \r\n", ReadErrorCode.EmptyFile)]
    public void ParseGeoJson_NoFeatureCollection_OneErrorSayingWhy(string text, ReadErrorCode code) =>
        Assert.Equal(code, Assert.Single(GeoJson(text).Problems).Code);

    [Fact]
    public void ParseCsv_HeaderOnly_NoRowsError() =>
        Assert.Equal(ReadErrorCode.NoRows, Assert.Single(Csv(OhioLike).Problems).Code);

    [Fact]
    public void ReadFile_IdsWithBytesThatAreNotUtf8_InvalidEncodingInsteadOfCollidingIds()
    {
        // Issue 17 item 7: "caf\xE9" and "caf\xE8" (Latin-1) both decoded to "caf\uFFFD" and collided.
        var csv = Path.Combine(Path.GetTempPath(), $"units-{Guid.NewGuid():N}.csv");
        var geoJson = Path.Combine(Path.GetTempPath(), $"units-{Guid.NewGuid():N}.geojson");
        File.WriteAllBytes(csv, [.. Encoding.ASCII.GetBytes("id,lat,lon,population_zip\ncaf"), 0xE9, .. Encoding.ASCII.GetBytes(",40.1,-82.6,1\ncaf"), 0xE8, .. Encoding.ASCII.GetBytes(",40.2,-82.6,2\nok,40.3,-82.6,3\n")]);
        var feature = Encoding.UTF8.GetBytes(Collection(Feature(string.Empty, "\"id\":\"caf@\",\"population_zip\":5", Square), Feature(string.Empty, "\"id\":\"ok\",\"population_zip\":5", Square)));
        File.WriteAllBytes(geoJson, [.. feature.Select(b => b == (byte)'@' ? (byte)0xE9 : b)]);
        try
        {
            var reader = Reader("id", ["population_zip"]);

            var fromCsv = reader.ReadFile(csv);
            var fromJson = reader.ReadFile(geoJson);

            Assert.Equal("ok", Assert.Single(fromCsv.Items).Id);
            Assert.Equal([2, 3], fromCsv.Errors.Select(e => e.Line ?? 0));
            Assert.All(fromCsv.Errors, e => Assert.Equal((ReadErrorCode.InvalidEncoding, "id"), (e.Code, e.Field)));
            Assert.Equal("ok", Assert.Single(fromJson.Items).Id);
            var error = Assert.Single(fromJson.Errors);
            Assert.Equal((ReadErrorCode.InvalidEncoding, (int?)0), (error.Code, error.FeatureIndex));
        }
        finally
        {
            File.Delete(csv);
            File.Delete(geoJson);
        }
    }

    [Fact]
    public void ReadFile_CsvByItsExtensionGeoJsonOtherwise_ReadsBoth()
    {
        var csv = Path.Combine(Path.GetTempPath(), $"units-{Guid.NewGuid():N}.CSV");
        var geoJson = Path.Combine(Path.GetTempPath(), $"units-{Guid.NewGuid():N}.json");
        File.WriteAllText(csv, "id,lat,lon,population_zip\n43001,40.1,-82.6,2537\n");
        File.WriteAllText(geoJson, Collection(Feature(string.Empty, "\"id\":\"39049\",\"population_zip\":5", Square)));
        try
        {
            var reader = Reader("id", ["population_zip"]);

            Assert.Equal("43001", Assert.Single(reader.ReadFile(csv).Items).Id);
            Assert.Equal("39049", Assert.Single(reader.ReadFile(geoJson).Items).Id);
        }
        finally
        {
            File.Delete(csv);
            File.Delete(geoJson);
        }
    }

    [Fact]
    public void ReadFile_OhioCounties_88PolygonUnitsThatMakeADesignInput()
    {
        var read = Reader("GEOID", ["population_zip"]).ReadFile(SampleData.Ohio("counties.geojson"));

        Assert.False(read.HasErrors);
        Assert.Equal(88, read.Items.Length);
        Assert.All(read.Items, u => Assert.NotNull(u.Boundary));
        Assert.Equal(88, DesignInput.Create(["population_zip"], read.Items).Units.Length);
    }

    [Theory]
    [InlineData(" ", "population")]
    [InlineData("id", "")]
    [InlineData("id", "population,Population")]
    public void Constructor_UnsoundOptions_ThrowsArgumentException(string idProperty, string attributes) =>
        Assert.Throws<ArgumentException>("options", () => Reader(idProperty, attributes.Length == 0 ? [] : attributes.Split(',')));
}
