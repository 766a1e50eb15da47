using Territories.Design;
using Territories.Model;

namespace Territories.Tests.Design;

/// <summary>The bad-input classes of docs/bad-input.md that <see cref="TerritoryDesignerTests"/> does not already show.</summary>
public class TerritoryDesignerBadInputTests
{
    private static OneOf.OneOf<DesignResult, DesignFailure> Design(IEnumerable<DesignUnit> units, int k = 2) =>
        new TerritoryDesigner(new DesignOptions { TerritoryCount = k, Tolerance = 0.5, MaxRounds = 4, TimeLimit = TimeSpan.FromMinutes(5) })
            .Design(DesignInput.Create(["workload"], units), cancellationToken: TestContext.Current.CancellationToken);

    private static DesignUnit Point(string id, double x, double workload = 1) => DesignUnit.FromPoint(id, new GeoPoint(x, 40), [workload]);

    [Fact]
    public void Design_NoUnits_NoUnitsError()
    {
        var error = Assert.Single(Design([]).AsT1.Errors);

        Assert.Equal((DesignErrorCode.NoUnits, "Units", "0"), (error.Code, error.Field, error.Value));
    }

    [Fact]
    public void Design_SameUnitIdTwice_DuplicateUnitNamingIt()
    {
        var errors = Design([Point("u1", -83), Point("u2", -82.9), Point("u1", -82.8), Point("u3", -82.7)]).AsT1.Errors;

        var error = Assert.Single(errors, e => e.Code == DesignErrorCode.DuplicateUnit);
        Assert.Equal(("u1", "Id", "u1"), (Assert.Single(error.Ids), error.Field, error.Value));
    }

    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    public void Design_NaNOrInfiniteAttribute_InvalidAttributeNamingUnitFieldValue(double workload, string value)
    {
        var error = Assert.Single(Design([Point("u1", -83), Point("u2", -82.9, workload), Point("u3", -82.8), Point("u4", -82.7)]).AsT1.Errors);

        Assert.Equal((DesignErrorCode.InvalidAttribute, "u2", "Attributes[workload]", value), (error.Code, Assert.Single(error.Ids), error.Field, error.Value));
    }

    [Theory]
    [InlineData(-183, 40)]
    [InlineData(-83, 95)]
    [InlineData(double.NaN, 40)]
    public void Design_PointOutsideWgs84_InvalidGeometryNamingUnitAndLocation(double longitude, double latitude)
    {
        var far = DesignUnit.FromPoint("far", new GeoPoint(longitude, latitude), [1]);

        var errors = Design([Point("u1", -83), far, Point("u3", -82.8), Point("u4", -82.7)]).AsT1.Errors;

        // Once, also when the location is not finite (the unit graph reported it a second time before).
        var error = Assert.Single(errors);
        Assert.Equal((DesignErrorCode.InvalidGeometry, "far", "Location", new GeoPoint(longitude, latitude).ToString()), (error.Code, Assert.Single(error.Ids), error.Field, error.Value));
    }

    [Fact]
    public void Design_SelfIntersectingPolygonUnit_RepairedAndEveryUnitAssigned()
    {
        var units = Enumerable.Range(0, 4)
            .Select(i => DesignUnit.FromPolygon($"u{i}", TerritoryBoundary.FromWkt(i == 1
                ? "POLYGON((-82 40, -81 41, -81 40, -82 41, -82 40))"
                : FormattableString.Invariant($"POLYGON(({-83 + i} 40, {-82 + i} 40, {-82 + i} 41, {-83 + i} 41, {-83 + i} 40))")), [1.0]))
            .ToList();

        var result = Design(units).AsT0;

        Assert.Equal(["u0", "u1", "u2", "u3"], result.Alignment.Entries.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Equal(2, result.Alignment.Territories.Length);
    }
}
