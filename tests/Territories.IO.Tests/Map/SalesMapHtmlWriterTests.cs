using System.Text.Json;
using System.Text.RegularExpressions;
using Territories.IO.Map;
using Territories.Model;

namespace Territories.IO.Tests.Map;

public sealed class SalesMapHtmlWriterTests
{
    private static readonly Regex DataScript = new("<script type=\"application/json\" id=\"map-data\">(.*?)</script>", RegexOptions.Singleline);

    [Fact]
    public void WriteToString_NameEndingTheScript_StaysInsideTheJson()
    {
        const string hostile = "</script><script>alert(1)</script><!-- \"q\" 'a' & Zürich";
        var map = new SalesMapData(
            [new MapTerritory(new TerritoryId("T1")) { Name = hostile, Boundary = TerritoryBoundary.Rectangle(0, 0, 1, 1) }],
            [new MapAccount(new AccountId("A1"), new GeoPoint(0.5, 0.5)) { Name = hostile }], [], []);

        var html = new SalesMapHtmlWriter(new SalesMapHtmlOptions { Title = hostile }).WriteToString(map);

        // Three script elements (error trap, data, drawing) and no other end tag.
        Assert.Equal(3, Regex.Count(html, "</script", RegexOptions.IgnoreCase));
        Assert.DoesNotContain("<!--", html, StringComparison.Ordinal);
        var title = Regex.Match(html, "<title>([^<]*)</title>");
        Assert.True(title.Success, "no plain-text title");
        Assert.Equal(hostile, System.Net.WebUtility.HtmlDecode(title.Groups[1].Value));
        using var data = EmbeddedData(html);
        Assert.Equal(hostile, data.RootElement.GetProperty("territories")[0].GetProperty("name").GetString());
        Assert.Equal(hostile, data.RootElement.GetProperty("accounts")[0].GetProperty("name").GetString());
    }

    [Fact]
    public void WriteToString_AnyMap_ReferencesNothingOutsideTheFile()
    {
        var html = new SalesMapHtmlWriter().WriteToString(OhioSampleMap.Build());

        var withoutSvgNamespace = html.Replace("http://www.w3.org/2000/svg", string.Empty, StringComparison.Ordinal);
        Assert.DoesNotContain("http:", withoutSvgNamespace, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https:", withoutSvgNamespace, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("default-src 'none'", html, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteToString_OhioSample_EmbedsEveryItem()
    {
        var map = OhioSampleMap.Build();

        using var data = EmbeddedData(new SalesMapHtmlWriter(new SalesMapHtmlOptions { InitialDay = 3 }).WriteToString(map));

        var root = data.RootElement;
        Assert.Equal(3, root.GetProperty("initialDay").GetInt32());
        Assert.Equal(map.Territories.Select(t => t.Id.Value), root.GetProperty("territories").EnumerateArray().Select(t => t.GetProperty("id").GetString()));
        Assert.Equal(map.Accounts.Length, root.GetProperty("accounts").GetArrayLength());
        Assert.Equal(map.Routes.Length, root.GetProperty("routes").GetArrayLength());
        Assert.Equal(["W1 Mon", "W1 Tue", "W1 Wed", "W1 Thu", "W1 Fri"], root.GetProperty("days").EnumerateArray().Select(d => d.GetProperty("label").GetString()));
        Assert.Equal(["A", "B", "C"], root.GetProperty("classes").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
    }

    [Fact]
    public void WriteToString_NeighbouringTerritories_GetDifferentColours()
    {
        var map = OhioSampleMap.Build();
        var geometries = map.Territories.ToDictionary(t => t.Id.Value, t => t.Boundary!.ToGeometry());

        using var data = EmbeddedData(new SalesMapHtmlWriter().WriteToString(map));

        var colours = data.RootElement.GetProperty("territories").EnumerateArray()
            .ToDictionary(t => t.GetProperty("id").GetString()!, t => t.GetProperty("color").GetString());
        var neighbours = 0;
        foreach (var (a, ga) in geometries)
        {
            foreach (var (b, gb) in geometries)
            {
                if (string.CompareOrdinal(a, b) < 0 && ga.Intersects(gb))
                {
                    neighbours++;
                    Assert.True(colours[a] != colours[b], $"neighbours {a} and {b} share the colour {colours[a]}");
                }
            }
        }

        Assert.True(neighbours > 150, $"only {neighbours} neighbouring pairs: the adjacency check did not run");
    }

    [Fact]
    public void WriteToString_InitialDayWithoutRoutes_FallsBackToTheFirstDay()
    {
        var map = new SalesMapData([], [], [], [new MapRoute(new PositionId("P1"), 2), new MapRoute(new PositionId("P1"), 4)]);

        using var data = EmbeddedData(new SalesMapHtmlWriter(new SalesMapHtmlOptions { InitialDay = 3 }).WriteToString(map));

        Assert.Equal(2, data.RootElement.GetProperty("initialDay").GetInt32());
    }

    [Fact]
    public void Write_SameMapInAnyOrder_SameBytes()
    {
        var map = OhioSampleMap.Build();
        var shuffled = new SalesMapData(map.Territories.Reverse(), map.Accounts.Reverse(), map.Bases.Reverse(), map.Routes.Reverse());
        using var first = new MemoryStream();
        using var second = new MemoryStream();

        new SalesMapHtmlWriter().Write(first, map);
        new SalesMapHtmlWriter().Write(second, shuffled);

        Assert.Equal(first.ToArray(), second.ToArray());
    }

    [Fact]
    public async Task Writer_BadArguments_Throw()
    {
        Assert.Throws<ArgumentException>("options", () => new SalesMapHtmlWriter(new SalesMapHtmlOptions { Title = null! }));
        Assert.Throws<ArgumentException>("options", () => new SalesMapHtmlWriter(new SalesMapHtmlOptions { InitialDay = -1 }));
        var writer = new SalesMapHtmlWriter();
        Assert.Throws<ArgumentNullException>("stream", () => writer.Write(null!, SalesMapData.Empty));
        Assert.Throws<ArgumentNullException>("map", () => writer.Write(Stream.Null, null!));
        Assert.Throws<ArgumentNullException>("map", () => writer.WriteToString(null!));
        await Assert.ThrowsAsync<ArgumentNullException>("stream", () => writer.WriteAsync(null!, SalesMapData.Empty, TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<ArgumentNullException>("map", () => writer.WriteAsync(Stream.Null, null!, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Writer_OptionsChangedAfterwards_AreNotSeen()
    {
        var options = new SalesMapHtmlOptions { Title = "First" };
        var writer = new SalesMapHtmlWriter(options);

        options.Title = "Second";

        Assert.Contains("<title>First</title>", writer.WriteToString(SalesMapData.Empty), StringComparison.Ordinal);
    }

    private static JsonDocument EmbeddedData(string html)
    {
        var match = DataScript.Match(html);
        Assert.True(match.Success, "no embedded map data");
        return JsonDocument.Parse(match.Groups[1].Value);
    }
}
