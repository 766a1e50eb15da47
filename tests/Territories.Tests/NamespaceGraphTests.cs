using System.Text.RegularExpressions;
using Territories.Model;

namespace Territories.Tests;

/// <summary>The core's namespaces use each other one way, as the README's namespace graph says.</summary>
public sealed class NamespaceGraphTests
{
    private const string Prefix = "Territories.";
    private const string Internal = "Territories.Internal";
    private static readonly NamespaceGraph Core = NamespaceGraph.Of(typeof(Account).Assembly);

    [Fact]
    public void CoreNamespaces_HaveNoCycle()
    {
        var cycles = Core.Cycles();
        Assert.True(cycles.Count == 0, "Namespaces of Territories that use each other:" + Environment.NewLine + string.Join(Environment.NewLine, cycles));
    }

    [Fact]
    public void Internal_UsesNoOtherNamespace() =>
        Assert.Empty(Core.Edges.GetValueOrDefault(Internal)?.Keys ?? Enumerable.Empty<string>());

    [Fact]
    public void Readme_ListsTheNamespaceGraph()
    {
        var readme = File.ReadAllText(Path.Combine(ReadmeTests.RepositoryRoot(), "README.md")).ReplaceLineEndings("\n");
        var block = Regex.Match(readme, "<!-- NAMESPACE-GRAPH-START -->\n```text\n(.*?)```\n<!-- NAMESPACE-GRAPH-END -->", RegexOptions.Singleline);
        Assert.True(block.Success, "README.md has no namespace graph between NAMESPACE-GRAPH-START and -END.");
        var listed = block.Groups[1].Value.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal);
        var actual = Core.Edges
            .Where(e => e.Key != Internal)
            .Select(e => $"{Short(e.Key)} -> {Targets(e.Value.Keys)}")
            .Order(StringComparer.Ordinal);
        Assert.Equal(string.Join("\n", actual), string.Join("\n", listed));
    }

    private static string Targets(IEnumerable<string> targets)
    {
        var used = targets.Where(t => t != Internal).Select(Short).ToList();
        return used.Count == 0 ? "(nothing)" : string.Join(", ", used);
    }

    private static string Short(string ns) => ns.StartsWith(Prefix, StringComparison.Ordinal) ? ns[Prefix.Length..] : ns;
}
