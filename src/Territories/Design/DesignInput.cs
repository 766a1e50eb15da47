using System.Collections.Immutable;
using Territories.Internal;

namespace Territories.Design;

/// <summary>The units to design territories from, their attribute names, and optionally their adjacency.</summary>
/// <remarks>
/// Units are kept sorted by id (ordinal), so every result is independent of the order the caller
/// listed them in. When <see cref="Links"/> is empty, adjacency comes from the geometry: between
/// polygon units a shared boundary longer than 1 metre (found after snapping the two boundaries to
/// each other within 1 metre when their vertices do not coincide; a contact at a corner is none),
/// with the pieces this leaves (islands) joined by <see cref="IslandLink"/>s; between point units a
/// Delaunay triangulation. When links are given they are the adjacency, whatever the geometry. A
/// polygon with no area (collapsed to a line or a point) is still a unit, placed by its rings as
/// drawn. Coordinates are WGS84
/// degrees unless <see cref="IsPlanar"/>, in which case they are planar x/y in any one unit.
/// Domain problems (duplicate ids, wrong attribute counts, unknown link ends) are reported by the
/// designer, not thrown here. Immutable.
/// </remarks>
public sealed class DesignInput
{
    private DesignInput(ImmutableArray<string> attributeNames, ImmutableArray<DesignUnit> units, ImmutableArray<UnitLink> links, bool isPlanar)
    {
        AttributeNames = attributeNames;
        Units = units;
        Links = links;
        IsPlanar = isPlanar;
    }

    /// <summary>The names of the additive attributes, in the order of <see cref="DesignUnit.Attributes"/>.</summary>
    public ImmutableArray<string> AttributeNames { get; }

    /// <summary>The units, sorted by id.</summary>
    public ImmutableArray<DesignUnit> Units { get; }

    /// <summary>Explicit adjacency; empty to derive it from the geometry.</summary>
    public ImmutableArray<UnitLink> Links { get; }

    /// <summary>Whether coordinates are planar x/y rather than WGS84 degrees.</summary>
    public bool IsPlanar { get; }

    /// <summary>Creates an input.</summary>
    /// <param name="attributeNames">At least one attribute name.</param>
    /// <param name="units">The units, in any order.</param>
    /// <param name="links">Explicit adjacency, or null to derive it from the geometry.</param>
    /// <param name="isPlanar">Whether coordinates are planar x/y (default WGS84 degrees).</param>
    /// <exception cref="ArgumentNullException">An argument or an item is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="attributeNames"/> is empty or holds a blank name.</exception>
    public static DesignInput Create(IEnumerable<string> attributeNames, IEnumerable<DesignUnit> units, IEnumerable<UnitLink>? links = null, bool isPlanar = false)
    {
        Guard.NotNull(attributeNames);
        Guard.NotNull(units);
        var names = attributeNames.Select(n => Guard.NotNullOrWhiteSpace(n, nameof(attributeNames))).ToImmutableArray();
        Guard.That(names.Length > 0, "At least one attribute is needed.", nameof(attributeNames));
        var list = units.Select(u => Guard.NotNull(u, nameof(units))).OrderBy(u => u.Id, StringComparer.Ordinal).ToImmutableArray();
        return new DesignInput(names, list, links is null ? [] : [.. links], isPlanar);
    }

    /// <summary>The same input with other units (new, removed or changed units for a realignment).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="units"/> or an item is null.</exception>
    public DesignInput WithUnits(IEnumerable<DesignUnit> units) => Create(AttributeNames, units, Links, IsPlanar);
}
