using FsCheck;
using FsCheck.Fluent;
using Territories.Model;

namespace Territories.Tests;

/// <summary>
/// The shared FsCheck generators of the test suite. Every area adds its own part in a file
/// <c>Arbitraries.&lt;Area&gt;.cs</c>. Generators are bounded and valid by construction: a test that
/// needs a broken value breaks a valid one on purpose. Generators are recreated on each access (no static initialisers) so that the partial files can
/// use each other in any order. Register with
/// <c>[Property(Arbitrary = [typeof(Arbitraries)])]</c>; FsCheck picks up every public static member
/// returning <see cref="Arbitrary{T}"/>, so each wrapped type has exactly one such member here.
/// </summary>
public static partial class Arbitraries
{
    /// <summary>West edge of the bounded region generated locations and boundaries lie in (degrees).</summary>
    public const double West = -10;

    /// <summary>East edge of the bounded region (degrees).</summary>
    public const double East = 10;

    /// <summary>South edge of the bounded region (degrees).</summary>
    public const double South = 40;

    /// <summary>North edge of the bounded region (degrees).</summary>
    public const double North = 60;

    /// <summary>A double in [<paramref name="min"/>, <paramref name="max"/>] on a grid of 10⁶ steps (no NaN, no infinities).</summary>
    public static Gen<double> DoubleBetween(double min, double max) =>
        Gen.Choose(0, 1_000_000).Select(k => min + ((max - min) * k / 1_000_000.0));

    /// <summary>A valid WGS84 point inside the box (<paramref name="west"/>, <paramref name="south"/>, <paramref name="east"/>, <paramref name="north"/>).</summary>
    public static Gen<GeoPoint> PointIn(double west, double south, double east, double north) =>
        from lon in DoubleBetween(west, east)
        from lat in DoubleBetween(south, north)
        select new GeoPoint(lon, lat);

    /// <summary>A valid WGS84 point inside the bounded region.</summary>
    public static Gen<GeoPoint> RegionPoint => PointIn(West, South, East, North);

    /// <summary>A valid WGS84 point anywhere on the globe, poles and antimeridian included.</summary>
    public static Gen<GeoPoint> GlobePoint => Gen.Frequency(
        (8, PointIn(-180, -90, 180, 90)),
        (1, Gen.Elements(new GeoPoint(180, 0), new GeoPoint(-180, 0), new GeoPoint(0, 90), new GeoPoint(0, -90), new GeoPoint(0, 0))));

    /// <summary>A point that is not valid WGS84: NaN, an infinity, or a coordinate out of range.</summary>
    public static Gen<GeoPoint> InvalidPoint =>
        from good in RegionPoint
        from bad in Gen.Elements(double.NaN, double.PositiveInfinity, double.NegativeInfinity, 180.5, -181, 1e9)
        from badLat in Gen.Elements(double.NaN, double.PositiveInfinity, 90.0001, -91, -1e9)
        from which in Gen.Choose(0, 2)
        select which switch
        {
            0 => good with { Longitude = bad },
            1 => good with { Latitude = badLat },
            _ => new GeoPoint(bad, badLat),
        };

    /// <summary>Draws a subset of <paramref name="items"/>, keeping their order.</summary>
    public static Gen<T[]> SubsetOf<T>(IReadOnlyList<T> items) =>
        items.Count == 0 ? Gen.Constant(Array.Empty<T>()) : Gen.SubListOf(items.ToArray()).Select(l => l.ToArray());

    /// <summary>Draws null or one of <paramref name="items"/> (null when there are none).</summary>
    public static Gen<T?> NullOrOneOf<T>(IReadOnlyList<T> items)
        where T : struct =>
        items.Count == 0
            ? Gen.Constant<T?>(null)
            : Gen.Frequency((1, Gen.Constant<T?>(null)), (2, Gen.Elements<T>(items).Select(x => (T?)x)));
}
