using System.Text.RegularExpressions;

namespace Territories.IO.Tests;

/// <summary>The packages' README (src/PACKAGE.md, shown on NuGet) carries this file's sample verbatim, and the sample runs.</summary>
public class PackageReadmeTests
{
    [Fact]
    public void Sample_Runs_AndPlansEveryVisit()
    {
        var csv = MyCrm.PackageSample.PlanOneRepresentative();
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        // Weekly (4 visits), fortnightly (2) and monthly (1) in a 4-week cycle, plus the header.
        Assert.Equal(8, lines.Length);
        Assert.StartsWith("position_id,", lines[0], StringComparison.Ordinal);
        Assert.Equal(4, lines.Count(l => l.Contains(",shop-1,", StringComparison.Ordinal)));
    }

    [Fact]
    public void PackageReadme_ShowsTheSampleVerbatim()
    {
        var root = Root();
        var source = File.ReadAllText(Path.Combine(root, "tests", "Territories.IO.Tests", "PackageSample.cs"));
        var sample = Regex.Match(source, @"// PACKAGE-SAMPLE-START\r?\n(.*?)\r?\n// PACKAGE-SAMPLE-END", RegexOptions.Singleline).Groups[1].Value;
        var readme = File.ReadAllText(Path.Combine(root, "src", "PACKAGE.md")).ReplaceLineEndings("\n");
        Assert.False(string.IsNullOrWhiteSpace(sample));
        Assert.Contains(sample.ReplaceLineEndings("\n"), readme, StringComparison.Ordinal);
        Assert.DoesNotContain("examples/", readme, StringComparison.Ordinal);
    }

    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Territories.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new DirectoryNotFoundException("Territories.sln not found above " + AppContext.BaseDirectory);
    }
}
