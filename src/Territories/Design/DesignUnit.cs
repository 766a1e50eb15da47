using System.Collections.Immutable;
using Territories.Internal;
using Territories.Model;

namespace Territories.Design;

/// <summary>A basic unit that territories are built from: a ZIP area, a county, a brick, or one account.</summary>
/// <remarks>
/// A unit is a polygon (<see cref="Boundary"/>; contiguity from shared boundaries), a point
/// (<see cref="Location"/>; contiguity from a Delaunay graph), or bare attributes (contiguity from the
/// links given with the <see cref="DesignInput"/>). Its <see cref="Attributes"/> are additive
/// (workload hours, potential, account count) in the order of <see cref="DesignInput.AttributeNames"/>.
/// Values are not checked here: the designer reports negative or non-finite values as a
/// <see cref="DesignFailure"/> naming the unit. Immutable; equality is by reference.
/// </remarks>
public sealed class DesignUnit
{
    private DesignUnit(string id, ImmutableArray<double> attributes, GeoPoint? location, TerritoryBoundary? boundary)
    {
        Id = id;
        Attributes = attributes;
        Location = location;
        Boundary = boundary;
    }

    /// <summary>The unit's id, compared ordinally.</summary>
    public string Id { get; }

    /// <summary>The additive attribute values, one per attribute of the input.</summary>
    public ImmutableArray<double> Attributes { get; }

    /// <summary>The point of a point unit; null for polygon and bare units.</summary>
    public GeoPoint? Location { get; }

    /// <summary>The polygon of a polygon unit; null for point and bare units.</summary>
    public TerritoryBoundary? Boundary { get; }

    /// <summary>A point unit (an account, a ZIP centroid).</summary>
    /// <param name="id">The unit's id; not empty.</param>
    /// <param name="location">Where it is (WGS84, or planar x/y for a planar input).</param>
    /// <param name="attributes">Its attribute values.</param>
    public static DesignUnit FromPoint(string id, GeoPoint location, IEnumerable<double> attributes) =>
        new(Guard.NotNullOrWhiteSpace(id), [.. Guard.NotNull(attributes)], location, null);

    /// <summary>A polygon unit (a ZIP area, a county).</summary>
    /// <param name="id">The unit's id; not empty.</param>
    /// <param name="boundary">Its polygon or multipolygon.</param>
    /// <param name="attributes">Its attribute values.</param>
    public static DesignUnit FromPolygon(string id, TerritoryBoundary boundary, IEnumerable<double> attributes) =>
        new(Guard.NotNullOrWhiteSpace(id), [.. Guard.NotNull(attributes)], null, Guard.NotNull(boundary));

    /// <summary>A unit with attributes only; its neighbours come from the links of the input.</summary>
    /// <param name="id">The unit's id; not empty.</param>
    /// <param name="attributes">Its attribute values.</param>
    /// <param name="location">An optional position, used for compactness when given.</param>
    public static DesignUnit FromAttributes(string id, IEnumerable<double> attributes, GeoPoint? location = null) =>
        new(Guard.NotNullOrWhiteSpace(id), [.. Guard.NotNull(attributes)], location, null);

    /// <summary>The same unit with other attribute values (a change for a realignment).</summary>
    public DesignUnit WithAttributes(IEnumerable<double> attributes) =>
        new(Id, [.. Guard.NotNull(attributes)], Location, Boundary);

    /// <inheritdoc />
    public override string ToString() => $"{Id} [{string.Join(", ", Attributes)}]";
}
