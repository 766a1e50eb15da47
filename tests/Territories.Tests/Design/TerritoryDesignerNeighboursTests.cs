using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Territories.Design;
using Territories.Model;

namespace Territories.Tests.Design;

/// <summary><see cref="TerritoryDesigner.Neighbours"/>: the unit graph the designer works on, as pairs of ids.</summary>
public class TerritoryDesignerNeighboursTests
{
    private static DesignUnit Square(string id, double column, double row) =>
        DesignUnit.FromPolygon(id, TerritoryBoundary.FromWkt(FormattableString.Invariant(
            $"POLYGON (({column * 0.1} {row * 0.1}, {(column + 1) * 0.1} {row * 0.1}, {(column + 1) * 0.1} {(row + 1) * 0.1}, {column * 0.1} {(row + 1) * 0.1}, {column * 0.1} {row * 0.1}))")), [1]);

    [Property(MaxTest = 50, Arbitrary = [typeof(Arbitraries)])]
    public Property Neighbours_GivenLinks_EachOnceSmallerIdFirstSorted(DesignCase c)
    {
        var input = DesignFixtures.Grid(c);
        var expected = input.Links
            .Select(l => string.CompareOrdinal(l.From, l.To) < 0 ? l : new UnitLink(l.To, l.From))
            .Distinct()
            .OrderBy(l => l.From, StringComparer.Ordinal).ThenBy(l => l.To, StringComparer.Ordinal)
            .ToArray();

        var links = new TerritoryDesigner().Neighbours(input).AsT0;

        return links.SequenceEqual(expected).Label($"got {string.Join(" ", links)}");
    }

    [Fact]
    public void Neighbours_LinksGivenBothWaysAndTwice_ListedOnce()
    {
        var units = new[] { "a", "b", "c" }.Select((id, i) => DesignUnit.FromAttributes(id, [1], new GeoPoint(i, 0))).ToArray();
        var input = DesignInput.Create(["w"], units, [new UnitLink("b", "a"), new UnitLink("a", "b"), new UnitLink("c", "b")], isPlanar: true);

        var links = new TerritoryDesigner().Neighbours(input).AsT0;

        Assert.Equal([new UnitLink("a", "b"), new UnitLink("b", "c")], links);
    }

    [Fact]
    public void Neighbours_Squares_SharedEdgesOnlyAndTheIslandLinked()
    {
        // A 2 x 2 block (corner-touching squares are not neighbours) and one square far to the east.
        var input = DesignInput.Create(["accounts"], [Square("a", 0, 0), Square("b", 1, 0), Square("c", 0, 1), Square("d", 1, 1), Square("far", 5, 0)]);

        var links = new TerritoryDesigner().Neighbours(input).AsT0;
        var report = new TerritoryDesigner().Evaluate(input, Alignment.Create(input.Units.Select(u => KeyValuePair.Create(u.Id, new TerritoryId("t"))))).AsT0;

        var island = Assert.Single(report.IslandLinks);
        var islandPair = string.CompareOrdinal(island.From, island.To) < 0 ? new UnitLink(island.From, island.To) : new UnitLink(island.To, island.From);
        Assert.Contains("far", new[] { island.From, island.To });
        Assert.Equal(
            new[] { new UnitLink("a", "b"), new UnitLink("a", "c"), new UnitLink("b", "d"), new UnitLink("c", "d"), islandPair }
                .OrderBy(l => l.From, StringComparer.Ordinal).ThenBy(l => l.To, StringComparer.Ordinal),
            links);
    }

    [Fact]
    public void Neighbours_SameInputTwice_SameList()
    {
        var units = Enumerable.Range(0, 40).Select(i => DesignUnit.FromPoint($"p{i:D2}", new GeoPoint(-83 + ((i * 37 % 40) * 0.01), 40 + ((i * 11 % 40) * 0.01)), [1])).ToArray();
        var input = DesignInput.Create(["w"], units);

        var first = new TerritoryDesigner().Neighbours(input).AsT0;
        var second = new TerritoryDesigner().Neighbours(DesignInput.Create(["w"], units.Reverse())).AsT0;

        Assert.True(first.Length >= units.Length - 1, $"{first.Length} links for {units.Length} points");
        Assert.Equal(first, second);
    }

    [Fact]
    public void Neighbours_Null_Throws() =>
        Assert.Throws<ArgumentNullException>(() => new TerritoryDesigner().Neighbours(null!));

    [Fact]
    public void Neighbours_DuplicateAndBadValue_FailureNamingEach()
    {
        var input = DesignInput.Create(["w"], [
            DesignUnit.FromAttributes("a", [1], new GeoPoint(0, 0)),
            DesignUnit.FromAttributes("a", [1], new GeoPoint(1, 0)),
            DesignUnit.FromAttributes("b", [double.NaN], new GeoPoint(2, 0)),
        ], isPlanar: true);

        var errors = new TerritoryDesigner().Neighbours(input).AsT1.Errors;

        Assert.Contains(errors, e => e.Code == DesignErrorCode.DuplicateUnit && e.Ids.SequenceEqual(["a"]));
        Assert.Contains(errors, e => e.Code == DesignErrorCode.InvalidAttribute && e.Ids.SequenceEqual(["b"]) && e.Value == "NaN");
    }
}
