using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Territories.Design;
using Territories.Quality;

namespace Territories.Tests.Design;

public class DesignUnitsFileTests
{
    private const string OhioLike = "id,name,lat,lon,population,county_id\n";

    private static (List<DesignUnit> Units, List<InputProblem> Problems) Csv(string text, params string[] attributes)
    {
        var problems = new List<InputProblem>();
        var units = DesignUnitsFile.ReadCsv(text, "test.csv", "id", attributes.Length == 0 ? ["population"] : attributes, problems);
        return (units, problems);
    }

    private static (List<DesignUnit> Units, List<InputProblem> Problems) GeoJson(string text, string idProperty = "GEOID")
    {
        var problems = new List<InputProblem>();
        var units = DesignUnitsFile.ReadGeoJson(text, "test.geojson", idProperty, ["population_zip"], problems);
        return (units, problems);
    }

    private static string Feature(string idMember, string properties, string geometry) =>
        $$"""{"type":"Feature",{{idMember}}"properties":{{{properties}}},"geometry":{{geometry}}}""";

    private static string Collection(params string[] features) => $$"""{"type":"FeatureCollection","features":[{{string.Join(",", features)}}]}""";

    private const string Square = """{"type":"Polygon","coordinates":[[[-83,40],[-82,40],[-82,41],[-83,41],[-83,40]]]}""";

    [Fact]
    public void ReadCsv_BomCrlfQuotedCommasExtraColumnsOtherOrder_ReadsEveryUnit()
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
    public void ReadCsv_QuotedNumbersZeroAndLeadingZeroIds_ReadAsNumbersAndTextIds()
    {
        var (units, problems) = Csv(OhioLike + "01001,A,32.5,-86.6,\"1234\",01001\n01003,B,30.7,-87.7,0,01003\n01005,C,31.8,-85.3, 1.5e3 ,01005\n");
        Assert.Empty(problems);
        Assert.Equal(["01001", "01003", "01005"], units.Select(u => u.Id));
        Assert.Equal([1234.0, 0.0, 1500.0], units.Select(u => u.Attributes[0]));
    }

    [Theory]
    [InlineData("", "MissingValue", null)]
    [InlineData("NULL", "NotANumber", "NULL")]
    [InlineData("n/a", "NotANumber", "n/a")]
    [InlineData("1,234", "NotANumber", "1,234")]
    public void ReadCsv_BadAttribute_ProblemNamesUnitFieldAndValue(string value, string code, string? reported)
    {
        var field = value.Contains(',', StringComparison.Ordinal) ? $"\"{value}\"" : value;
        var (_, problems) = Csv(OhioLike + "43001,A,40.1,-82.6,2537,39089\n43002,B,40.0,-83.1," + field + ",39049\n");
        var problem = Assert.Single(problems);
        Assert.Equal((code, "43002", "population", reported), (problem.Code, problem.Unit, problem.Field, string.IsNullOrEmpty(problem.Value) ? null : problem.Value));
    }

    [Theory]
    [InlineData("n/a", "40.0", "lat", "NotANumber")]
    [InlineData("40.0", "", "lon", "MissingValue")]
    [InlineData("95", "-83.1", "lat", "OutOfRange")]
    public void ReadCsv_BadLatLon_ProblemNamesUnitAndField(string lat, string lon, string field, string code)
    {
        var (units, problems) = Csv(OhioLike + $"43002,B,{lat},{lon},776,39049\n");
        Assert.Empty(units);
        var problem = Assert.Single(problems);
        Assert.Equal((code, "43002", field), (problem.Code, problem.Unit, problem.Field));
    }

    [Fact]
    public void ReadCsv_DuplicateId_ProblemNamesTheId()
    {
        var (_, problems) = Csv(OhioLike + "43001,A,40.1,-82.6,2537,39089\n43001,Again,40.2,-82.7,5,39089\n");
        var problem = Assert.Single(problems);
        Assert.Equal(("DuplicateUnit", "43001", "id", "43001"), (problem.Code, problem.Unit, problem.Field, problem.Value));
    }

    [Fact]
    public void ReadCsv_ShortRowAndBlankLines_ShortRowReportedBlankLinesSkipped()
    {
        var (units, problems) = Csv(OhioLike + "43001,A,40.1,-82.6,2537,39089\n\n43002,B,40.0\n\n");
        Assert.Single(units);
        Assert.Contains(problems, p => p is { Code: "ShortRow", Unit: "43002" });
        Assert.Contains(problems, p => p is { Code: "MissingValue", Unit: "43002", Field: "lon" });
    }

    [Fact]
    public void ReadCsv_MissingColumn_ProblemNamesTheColumn()
    {
        var (_, problems) = Csv("id,name,lat,lon\n43001,A,40.1,-82.6\n");
        var problem = Assert.Single(problems);
        Assert.Equal(("MissingColumn", "population"), (problem.Code, problem.Field));
    }

    [Property(MaxTest = 50)]
    public Property ReadCsv_AnyColumnOrderAndQuotedNames_ReadsBackIdsLocationsAndValues(int seed)
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
    public void ReadGeoJson_FeatureIdsInsteadOfTheProperty_StringAndNumberIdsRead()
    {
        var (units, problems) = GeoJson(Collection(
            Feature("\"id\":\"39049\",", "\"population_zip\":5", Square),
            Feature("\"id\":39041,", "\"population_zip\":6", Square)));
        Assert.Empty(problems);
        Assert.Equal(["39049", "39041"], units.Select(u => u.Id));
    }

    [Fact]
    public void ReadGeoJson_NumericIdPropertyAndStringAttribute_ReadAsTextAndNumber()
    {
        var (units, problems) = GeoJson(Collection(Feature(string.Empty, "\"GEOID\":39049,\"population_zip\":\"1234\"", Square)));
        Assert.Empty(problems);
        Assert.Equal(("39049", 1234.0), (units[0].Id, units[0].Attributes[0]));
    }

    [Fact]
    public void ReadGeoJson_CrsMemberThreeDimensionalAndUnclosedRings_Read()
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
        Assert.Equal(1.0, units[0].Boundary!.Geometry.Area, 9);
        Assert.Equal(1.0, units[1].Boundary!.Geometry.Area, 9);
        Assert.Equal((-81.5, 40.5), (units[2].Location!.Value.Longitude, units[2].Location!.Value.Latitude));
    }

    [Fact]
    public void ReadGeoJson_RingsCollapsedBySimplification_HolesAndPartsDroppedShellsKept()
    {
        // As in real Virginia after us-atlas simplification: a one-position hole, a one-position part
        // of a MultiPolygon, and a whole city drawn as a two-position line.
        const string Holed = """{"type":"Polygon","coordinates":[[[-83,40],[-82,40],[-82,41],[-83,41],[-83,40]],[[-82.5,40.5]]]}""";
        const string Parted = """{"type":"MultiPolygon","coordinates":[[[[-80.5,37.1]]],[[[-81,37],[-80,37],[-80,38],[-81,38],[-81,37]]]]}""";
        const string Line = """{"type":"Polygon","coordinates":[[[-77.17,38.89],[-77.15,38.87],[-77.17,38.89]]]}""";
        var problems = new List<InputProblem>();
        var warnings = new List<InputProblem>();
        var units = DesignUnitsFile.ReadGeoJson(Collection(
            Feature(string.Empty, "\"GEOID\":\"holed\",\"population_zip\":1", Holed),
            Feature(string.Empty, "\"GEOID\":\"parted\",\"population_zip\":1", Parted),
            Feature(string.Empty, "\"GEOID\":\"line\",\"population_zip\":1", Line)), "test.geojson", "GEOID", ["population_zip"], problems, warnings);
        Assert.Empty(problems);
        Assert.Equal([("DroppedRing", "holed"), ("DroppedRing", "parted"), ("CollapsedPolygon", "line")], warnings.Select(w => (w.Code, w.Unit)));
        Assert.Equal((0, 1.0), (((NetTopologySuite.Geometries.Polygon)units[0].Boundary!.Geometry).NumInteriorRings, units[0].Boundary!.Geometry.Area));
        Assert.Equal(("Polygon", 1.0), (units[1].Boundary!.Geometry.GeometryType, units[1].Boundary!.Geometry.Area));
        Assert.Equal((0.0, 4), (units[2].Boundary!.Geometry.Area, units[2].Boundary!.PointCount));
    }

    [Fact]
    public void ReadGeoJson_PropertyCaseGeometryCollectionAndSinglePointMultiPoint_Read()
    {
        const string Collected = """{"type":"GeometryCollection","geometries":[{"type":"Polygon","coordinates":[[[-83,40],[-82,40],[-82,41],[-83,41],[-83,40]]]},{"type":"Polygon","coordinates":[[[-83,42],[-82,42],[-82,43],[-83,43],[-83,42]]]}]}""";
        const string OnePoint = """{"type":"MultiPoint","coordinates":[[-81.5,40.5]]}""";
        var (units, problems) = GeoJson(Collection(
            Feature(string.Empty, "\"geoid\":\"c\",\"Population_ZIP\":7", Collected),
            Feature(string.Empty, "\"geoid\":\"p\",\"Population_ZIP\":8", OnePoint)));
        Assert.Empty(problems);
        Assert.Equal([("c", 7.0), ("p", 8.0)], units.Select(u => (u.Id, u.Attributes[0])));
        Assert.Equal(("MultiPolygon", 2.0), (units[0].Boundary!.Geometry.GeometryType, units[0].Boundary!.Geometry.Area));
        Assert.Equal((-81.5, 40.5), (units[1].Location!.Value.Longitude, units[1].Location!.Value.Latitude));
    }

    [Fact]
    public void ReadGeoJson_NullMissingAndTextAttributes_ProblemsNameUnitFieldAndValue()
    {
        var (_, problems) = GeoJson(Collection(
            Feature(string.Empty, "\"GEOID\":\"n\",\"population_zip\":null", Square),
            Feature(string.Empty, "\"GEOID\":\"m\"", Square),
            Feature(string.Empty, "\"GEOID\":\"t\",\"population_zip\":\"about 5000\"", Square)));
        Assert.Equal(
            [("MissingValue", "n", "population_zip", (string?)null), ("MissingValue", "m", "population_zip", null), ("NotANumber", "t", "population_zip", "about 5000")],
            problems.Select(p => (p.Code, p.Unit, p.Field, p.Value)));
    }

    [Fact]
    public void ReadGeoJson_DuplicateIdNullGeometryAndLineString_ProblemsNameTheUnit()
    {
        var (units, problems) = GeoJson(Collection(
            Feature(string.Empty, "\"GEOID\":\"a\",\"population_zip\":1", Square),
            Feature(string.Empty, "\"GEOID\":\"a\",\"population_zip\":1", Square),
            Feature(string.Empty, "\"GEOID\":\"g\",\"population_zip\":1", "null"),
            Feature(string.Empty, "\"GEOID\":\"l\",\"population_zip\":1", """{"type":"LineString","coordinates":[[0,0],[1,1]]}""")));
        Assert.Single(units);
        Assert.Equal([("DuplicateUnit", "a"), ("InvalidGeometry", "g"), ("InvalidGeometry", "l")], problems.Select(p => (p.Code, p.Unit)));
        Assert.Equal("LineString", problems[2].Value);
    }

    [Fact]
    public void Read_MalformedJsonFile_OneUnreadableFileProblem()
    {
        var path = Path.Combine(Path.GetTempPath(), $"units-{Guid.NewGuid():N}.geojson");
        File.WriteAllText(path, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":");
        try
        {
            var problems = new List<InputProblem>();
            Assert.Null(DesignUnitsFile.Read(path, "GEOID", ["population_zip"], problems));
            Assert.Equal("UnreadableFile", Assert.Single(problems).Code);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
