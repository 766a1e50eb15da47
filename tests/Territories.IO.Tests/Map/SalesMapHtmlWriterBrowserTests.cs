using Territories.IO.Map;
using Territories.Model;

namespace Territories.IO.Tests.Map;

/// <summary>
/// Opens generated maps in headless Chromium and checks, from the DOM after the script ran, that
/// everything was drawn without script errors. The page and a screenshot stay under the test output
/// folder (bin/…/artifacts/map) for a person to look at.
/// </summary>
public sealed class SalesMapHtmlWriterBrowserTests
{
    private static readonly string ArtifactFolder = Path.Combine(AppContext.BaseDirectory, "artifacts", "map");

    [Fact]
    public async Task Write_OhioCountiesWithRoutes_BrowserDrawsEveryTerritoryAndEveryRouteOfTheDay()
    {
        HeadlessChromium.Require();
        const int day = 2;
        var map = OhioSampleMap.Build();
        var page = await WritePageAsync(map, "ohio-sales-map", new SalesMapHtmlOptions { Title = "Ohio sales map", InitialDay = day });

        var dom = await HeadlessChromium.DumpDomAsync(page, "", Path.ChangeExtension(page, ".png"), TestContext.Current.CancellationToken);

        var status = HeadlessChromium.StatusAttributes(dom);
        Assert.Equal("0", status["errors"]);
        Assert.Equal("ready", status["state"]);
        Assert.Equal(day.ToString(System.Globalization.CultureInfo.InvariantCulture), status["day"]);
        Assert.Equal(OhioSampleMap.CountyCount.ToString(System.Globalization.CultureInfo.InvariantCulture), status["territories"]);
        Assert.Equal(map.Accounts.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), status["accounts"]);
        Assert.Equal("3", status["bases"]);
        Assert.Equal("3", status["routes"]);

        var drawnTerritories = HeadlessChromium.AttributeValues(dom, "data-territory-id").ToHashSet(StringComparer.Ordinal);
        Assert.Subset(drawnTerritories, OhioSampleMap.CountyIds.ToHashSet(StringComparer.Ordinal));
        var routeDays = HeadlessChromium.AttributeValues(dom, "data-route-day");
        Assert.Equal(["2", "2", "2"], routeDays);
        Assert.Equal(OhioSampleMap.PositionIds.Order(StringComparer.Ordinal), HeadlessChromium.AttributeValues(dom, "data-route-position").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Write_DayChosenInAddress_BrowserShowsThatDay()
    {
        HeadlessChromium.Require();
        var map = OhioSampleMap.Build();
        var page = await WritePageAsync(map, "ohio-sales-map-day4", new SalesMapHtmlOptions());

        var dom = await HeadlessChromium.DumpDomAsync(page, "#day=4&position=P-CMH", null, TestContext.Current.CancellationToken);

        var status = HeadlessChromium.StatusAttributes(dom);
        Assert.Equal("0", status["errors"]);
        Assert.Equal("4", status["day"]);
        Assert.Equal("1", status["routes"]);
        Assert.Equal(["P-CMH"], HeadlessChromium.AttributeValues(dom, "data-route-position"));
    }

    [Fact]
    public async Task Write_NamesWithMarkupQuotesAndNonAsciiLetters_BrowserShowsThemAsText()
    {
        HeadlessChromium.Require();
        const string hostile = "</script><script>document.title='x'</script> \"Zürich\", Ærø's <b>bold</b>\nline";
        var map = new SalesMapData(
            [new MapTerritory("T</script>1") { Name = hostile, Boundary = TerritoryBoundary.Rectangle(8, 47, 9, 48), Metrics = [MapMetric.FromText("note", hostile)] }],
            [new MapAccount("A&1", new GeoPoint(8.5, 47.5)) { Name = hostile, Class = "A\"" }],
            [new MapPositionBase("P<1>", new GeoPoint(8.2, 47.2)) { Name = hostile }],
            [new MapRoute("P<1>", 0) { DayLabel = hostile, Start = new GeoPoint(8.2, 47.2), Stops = [new MapRouteStop(new GeoPoint(8.5, 47.5), "A&1")] }]);
        var page = await WritePageAsync(map, "hostile-names", new SalesMapHtmlOptions { Title = hostile });

        var dom = await HeadlessChromium.DumpDomAsync(page, "", null, TestContext.Current.CancellationToken);

        var status = HeadlessChromium.StatusAttributes(dom);
        Assert.Equal("0", status["errors"]);
        Assert.Equal("1", status["territories"]);
        Assert.Equal("1", status["routes"]);
        Assert.Equal(["T</script>1"], HeadlessChromium.AttributeValues(dom, "data-territory-id").Distinct());
        Assert.Contains("&lt;/script&gt;&lt;script&gt;document.title='x'&lt;/script&gt; \"Zürich\", Ærø's &lt;b&gt;bold&lt;/b&gt;", dom, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>bold</b>", dom, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_EmptyMap_BrowserShowsItWithoutErrors()
    {
        HeadlessChromium.Require();
        var page = await WritePageAsync(SalesMapData.Empty, "empty-map", new SalesMapHtmlOptions());

        var dom = await HeadlessChromium.DumpDomAsync(page, "", null, TestContext.Current.CancellationToken);

        var status = HeadlessChromium.StatusAttributes(dom);
        Assert.Equal("0", status["errors"]);
        Assert.Equal("ready", status["state"]);
        Assert.Equal("0", status["territories"]);
        Assert.Equal("0", status["routes"]);
    }

    [Fact]
    public async Task StatusElement_ScriptErrorAfterLoad_IsReported()
    {
        // The status must be able to fail: a page whose data breaks the script reports the error.
        HeadlessChromium.Require();
        var html = new SalesMapHtmlWriter().WriteToString(SalesMapData.Empty)
            .Replace("\"territories\":[]", "\"territories\":null", StringComparison.Ordinal);
        Directory.CreateDirectory(ArtifactFolder);
        var page = Path.Combine(ArtifactFolder, "broken-map.html");
        await File.WriteAllTextAsync(page, html, TestContext.Current.CancellationToken);

        var dom = await HeadlessChromium.DumpDomAsync(page, "", null, TestContext.Current.CancellationToken);

        var status = HeadlessChromium.StatusAttributes(dom);
        Assert.Equal("error", status["state"]);
        Assert.Equal("1", status["errors"]);
    }

    private static async Task<string> WritePageAsync(SalesMapData map, string name, SalesMapHtmlOptions options)
    {
        Directory.CreateDirectory(ArtifactFolder);
        var path = Path.Combine(ArtifactFolder, name + ".html");
        await using (var file = File.Create(path))
        {
            await new SalesMapHtmlWriter(options).WriteAsync(file, map, TestContext.Current.CancellationToken);
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"map: {path}");
        return path;
    }
}
