using NetTopologySuite.Geometries;
using Territories.Model;
using Territories.Spatial;
using static Territories.Tests.Spatial.GeometryFixtures;

namespace Territories.Tests.Spatial;

/// <summary>Exact examples of the small Spatial values and of the shared-border rule's branches (which overlay it runs, what it returns at each limit).</summary>
public class SpatialValuesExamplesTests
{
    private static readonly TerritoryProblem Overlap = new(
        TerritoryProblemCode.Overlap, [new TerritoryId("a"), new TerritoryId("b")], new GeoPoint(-83, 40), 1.5, "a and b overlap.");

    [Fact]
    public void TerritoryProblem_SameValues_AreEqualWithTheSameHash()
    {
        var same = Overlap with { Territories = [new TerritoryId("a"), new TerritoryId("b")] };

        Assert.True(Overlap.Equals(same));
        Assert.Equal(Overlap.GetHashCode(), same.GetHashCode());
        Assert.False(Overlap.Equals(null));
    }

    public static TheoryData<string> Changes => ["code", "territories", "order", "location", "area", "message"];

    [Theory]
    [MemberData(nameof(Changes))]
    public void TerritoryProblem_AnyValueChanged_IsNotEqualAndHashesApart(string change)
    {
        var other = change switch
        {
            "code" => Overlap with { Code = TerritoryProblemCode.Gap },
            "territories" => Overlap with { Territories = [new TerritoryId("a"), new TerritoryId("c")] },
            "order" => Overlap with { Territories = [new TerritoryId("b"), new TerritoryId("a")] },
            "location" => Overlap with { Location = new GeoPoint(-83, 41) },
            "area" => Overlap with { AreaKm2 = 2.5 },
            _ => Overlap with { Message = "a and b overlap twice." },
        };

        Assert.False(Overlap.Equals(other));
        Assert.NotEqual(Overlap.GetHashCode(), other.GetHashCode());
    }

    [Fact]
    public void TerritoryProblem_ToString_NamesCodeTerritoriesAndMessage() =>
        Assert.Equal("Overlap [a, b] a and b overlap.", Overlap.ToString());

    [Fact]
    public void SharedBoundary_Other_IsTheOtherOfThePair()
    {
        var pair = new SharedBoundary(new TerritoryId("a"), new TerritoryId("b"), 10, false);

        Assert.Equal(new TerritoryId("b"), pair.Other(new TerritoryId("a")));
        Assert.Equal(new TerritoryId("a"), pair.Other(new TerritoryId("b")));
        var error = Assert.Throws<ArgumentException>(() => pair.Other(new TerritoryId("c")));
        Assert.Equal("territory", error.ParamName);
        Assert.StartsWith("Territory 'c' is not in this pair.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SharedBorder_EmptyBoundary_IsZeroWithoutAnOverlay()
    {
        var calls = 0;
        double Measure(Geometry g)
        {
            calls++;
            return g.Length;
        }

        var square = Boundary(Square(0, 0, 1));
        var empty = GeometryFactory.Default.CreateLineString();

        Assert.Equal(0, SharedBorder.Length(empty, square, 0.001, 0.001, Measure));
        Assert.Equal(0, SharedBorder.Length(square, empty, 0.001, 0.001, Measure));
        Assert.Equal(0, calls);
    }

    [Fact]
    public void SharedBorder_EnvelopesFartherApartThanTheTolerance_AreZeroWithoutAnOverlay()
    {
        var calls = 0;
        var length = SharedBorder.Length(Boundary(Square(0, 0, 1)), Boundary(Square(1.5, 0, 1)), 0.4, 0.001, g =>
        {
            calls++;
            return g.Length;
        });

        Assert.Equal(0, length);
        Assert.Equal(0, calls);
    }

    [Fact]
    public void SharedBorder_EnvelopesExactlyTheToleranceApart_AreMeasuredExactlyAndSnapped()
    {
        // The envelopes lie 0.5 apart and the tolerance is 0.5: not farther, so both overlays run (the exact one
        // finds nothing).
        var calls = 0;
        SharedBorder.Length(Boundary(Square(0, 0, 1)), Boundary(Square(1.5, 0, 1)), 0.5, 0.001, g =>
        {
            calls++;
            return g.Length;
        });

        Assert.Equal(2, calls);
    }

    [Fact]
    public void SharedBorder_ExactBorderLongerThanTheMinimum_IsOneOverlay()
    {
        var calls = 0;
        var length = SharedBorder.Length(Boundary(Square(0, 0, 1)), Boundary(Square(1, 0, 1)), 0.001, 0.001, g =>
        {
            calls++;
            return g.Length;
        });

        Assert.Equal(1, length, 1e-12);
        Assert.Equal(1, calls);
    }

    [Fact]
    public void SharedBorder_ExactBorderOfTheMinimum_TriesTheSnappedOneAndDoesNotCount()
    {
        var calls = 0;
        var length = SharedBorder.Length(Boundary(Square(0, 0, 1)), Boundary(Square(1, 0, 1)), 0.001, 1, g =>
        {
            calls++;
            return g.Length;
        });

        Assert.Equal(0, length);
        Assert.Equal(2, calls);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(2.0)]
    public void SharedBorder_NoSnappingAndNotLongerThanTheMinimum_IsZeroAfterOneOverlay(double minimum)
    {
        var calls = 0;
        var length = SharedBorder.Length(Boundary(Square(0, 0, 1)), Boundary(Square(1, 0, 1)), 0, minimum, g =>
        {
            calls++;
            return g.Length;
        });

        Assert.Equal(0, length);
        Assert.Equal(1, calls);
    }

    [Fact]
    public void SharedBorder_SnappedBorderShorterThanTheMinimum_IsZero()
    {
        var length = SharedBorder.Length(Boundary(Square(0, 0, 1)), Boundary(Square(1, 0, 1)), 0.001, 2, g => g.Length);

        Assert.Equal(0, length);
    }

    private static Geometry Boundary(string wkt) => Wkt(wkt).Boundary;
}
