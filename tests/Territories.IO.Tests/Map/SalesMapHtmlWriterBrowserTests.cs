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
    public async Task Write_NamesWithMarkupQuotesAndNonAsciiLetters_BrowserShowsThemAsText()
    {
        HeadlessChromium.Require();
        const string hostile = "</script><script>document.title='x'</script> \"Zürich\", Ærø's <b>bold</b>\nline";
        var map = new SalesMapData(
            [new MapTerritory(new TerritoryId("T</script>1")) { Name = hostile, Boundary = TerritoryBoundary.Rectangle(8, 47, 9, 48), Metrics = [MapMetric.FromText("note", hostile)] }],
            [new MapAccount(new AccountId("A&1"), new GeoPoint(8.5, 47.5)) { Name = hostile, Class = "A\"" }],
            [new MapPositionBase(new PositionId("P<1>"), new GeoPoint(8.2, 47.2)) { Name = hostile }],
            [new MapRoute(new PositionId("P<1>"), 0) { DayLabel = hostile, Start = new GeoPoint(8.2, 47.2), Stops = [new MapRouteStop(new GeoPoint(8.5, 47.5), new AccountId("A&1"))] }]);
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
    public async Task Page_DayFromAddressThenWheelDragHoverClickAndDayChange_WorkWithoutErrors()
    {
        HeadlessChromium.Require();
        var html = new SalesMapHtmlWriter(new SalesMapHtmlOptions { InitialDay = 0 }).WriteToString(OhioSampleMap.Build());
        Directory.CreateDirectory(ArtifactFolder);
        var page = Path.Combine(ArtifactFolder, "interaction-probe.html");
        await File.WriteAllTextAsync(page, html.Replace("</body>", InteractionProbe + "</body>", StringComparison.Ordinal), TestContext.Current.CancellationToken);

        var dom = await HeadlessChromium.DumpDomAsync(page, "#day=3&position=P-CMH", null, TestContext.Current.CancellationToken);

        var probe = HeadlessChromium.DataAttributes(dom, "probe");
        Assert.Equal("0", probe["errors"]);
        Assert.Equal(("3", "1", "P-CMH"), (probe["initial-day"], probe["initial-routes"], probe["initial-positions"]));
        var (before, zoomed, dragged) = (View(probe["before"]), View(probe["zoomed"]), View(probe["dragged"]));
        Assert.True(zoomed.Scale > before.Scale * 1.2, $"the wheel did not zoom in: {before} -> {zoomed}");
        Assert.Equal(zoomed.Scale, dragged.Scale);
        Assert.Equal(zoomed.X + 100, dragged.X, 1e-6);
        Assert.Equal(zoomed.Y + 50, dragged.Y, 1e-6);
        Assert.StartsWith("Franklin", probe["hover"], StringComparison.Ordinal);
        Assert.Contains("1,283,118", probe["hover"], StringComparison.Ordinal);
        Assert.StartsWith("Adams outlet 1", probe["click"], StringComparison.Ordinal);
        Assert.Equal("4", probe["day"]);
        Assert.Equal("1", probe["routes"]);
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

    /// <summary>Drives the page like a user (wheel, hover, click, day change, drag) and records what changed in #probe.</summary>
    private const string InteractionProbe = """
        <script>
        (function () {
          var svg = document.getElementById('map'), status = document.getElementById('map-status');
          var probe = document.createElement('div');
          probe.id = 'probe';
          document.body.appendChild(probe);
          function record(name, value) { probe.setAttribute('data-' + name, value); }
          record('initial-day', status.getAttribute('data-day'));
          record('initial-routes', status.getAttribute('data-routes'));
          record('initial-positions', Array.from(document.querySelectorAll('.route')).map(function (r) { return r.getAttribute('data-route-position'); }).join(','));
          record('before', status.getAttribute('data-view'));
          svg.dispatchEvent(new WheelEvent('wheel', { deltaY: -300, clientX: 400, clientY: 300, bubbles: true, cancelable: true }));
          record('zoomed', status.getAttribute('data-view'));
          svg.dispatchEvent(new PointerEvent('pointerdown', { button: 0, clientX: 500, clientY: 400, pointerId: 1, bubbles: true }));
          svg.dispatchEvent(new PointerEvent('pointermove', { clientX: 600, clientY: 450, pointerId: 1, bubbles: true }));
          svg.dispatchEvent(new PointerEvent('pointerup', { clientX: 600, clientY: 450, pointerId: 1, bubbles: true }));
          record('dragged', status.getAttribute('data-view'));
          document.querySelector('path[data-territory-id="39049"]').dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
          record('hover', document.getElementById('details').textContent);
          var days = document.getElementById('day-select');
          days.value = '4';
          days.dispatchEvent(new Event('change'));
          var account = document.querySelector('circle[data-account-id="39001-1"]');
          account.dispatchEvent(new PointerEvent('pointerdown', { button: 0, clientX: 10, clientY: 10, pointerId: 1, bubbles: true }));
          account.dispatchEvent(new PointerEvent('pointerup', { button: 0, clientX: 10, clientY: 10, pointerId: 1, bubbles: true }));
          account.dispatchEvent(new MouseEvent('click', { bubbles: true }));
          record('click', document.getElementById('details').textContent);
          record('day', status.getAttribute('data-day'));
          record('routes', status.getAttribute('data-routes'));
          record('errors', String(window.mapErrors.length));
        })();
        </script>

        """;

    private static (double Scale, double X, double Y) View(string view)
    {
        var parts = view.Split(' ').Select(p => double.Parse(p, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        return (parts[0], parts[1], parts[2]);
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
