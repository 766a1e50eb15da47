using System.Text.RegularExpressions;
using Territories.Model;

namespace Territories.Tests;

/// <summary>The README's quick-start sample is this file's <see cref="QuickStart"/>: it compiles here, runs here, and the README must show it verbatim.</summary>
public class ReadmeTests
{
    // README-SAMPLE-START
    public static string QuickStart()
    {
        var cycle = JourneyCycle.Create(weeks: 4);
        var north = new Territory(new TerritoryId("north"))
        {
            Name = "North",
            Boundary = TerritoryBoundary.Rectangle(-83.2, 40.0, -82.8, 40.3),
            Positions = [new PositionId("rep-1")],
        };
        var rep = new SalesPosition(new PositionId("rep-1")) { Base = new GeoPoint(-83.0, 40.1) };
        var shop = new Account(new AccountId("shop-42"), new GeoPoint(-83.01, 40.12))
        {
            Class = "A",
            Territory = new TerritoryId("north"),
            Visit = VisitRequirement.Of(VisitFrequency.Parse("A4")), // weekly
        };

        var result = SalesModel.Create(new SalesModelInput
        {
            Accounts = [shop],
            Positions = [rep],
            Territories = [north],
            Cycle = cycle,
        });

        return result.Match(
            model => $"{model.Accounts.Length} account(s), {shop.Visit.AllowedPatterns(cycle).Length} allowed day patterns",
            failure => string.Join(Environment.NewLine, failure.Errors));
    }
    // README-SAMPLE-END

    [Fact]
    public void QuickStart_Runs_AndValidatesTheModel() =>
        Assert.Equal("1 account(s), 5 allowed day patterns", QuickStart());

    [Fact]
    public void Readme_ShowsTheQuickStartSampleVerbatim()
    {
        var root = RepositoryRoot();
        var source = File.ReadAllText(Path.Combine(root, "tests", "Territories.Tests", "ReadmeTests.cs"));
        var sample = Regex.Match(source, @"// README-SAMPLE-START\r?\n(.*?)\r?\n\s*// README-SAMPLE-END", RegexOptions.Singleline).Groups[1].Value;
        var body = Dedent(sample);
        var readme = File.ReadAllText(Path.Combine(root, "README.md")).ReplaceLineEndings("\n");
        Assert.Contains(body.ReplaceLineEndings("\n"), readme, StringComparison.Ordinal);
    }

    internal static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Territories.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new DirectoryNotFoundException("Territories.sln not found above " + AppContext.BaseDirectory);
    }

    private static string Dedent(string text)
    {
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        var indent = lines.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return string.Join("\n", lines.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()));
    }
}
