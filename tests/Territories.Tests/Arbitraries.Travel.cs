using FsCheck;
using FsCheck.Fluent;
using Territories.Tests.Travel;
using Territories.Travel;

namespace Territories.Tests;

/// <summary>Generators for travel models (src/Territories/Travel).</summary>
public static partial class Arbitraries
{
    /// <summary>Three to eight points anywhere on the globe (poles and antimeridian included); see <see cref="GlobePoints"/>.</summary>
    public static Arbitrary<GlobePoints> GlobePointSets() => Arb.From(
        from count in Gen.Choose(3, 8)
        from points in Gen.ArrayOf(GlobePoint, count)
        select new GlobePoints([.. points]));

    /// <summary>Three to eight planar points, coordinates −1000 to 1000; see <see cref="PlanePoints"/>.</summary>
    public static Arbitrary<PlanePoints> PlanePointSets() => Arb.From(
        from count in Gen.Choose(3, 8)
        from points in Gen.ArrayOf(PointIn(-1000, -1000, 1000, 1000), count)
        select new PlanePoints([.. points]));

    /// <summary>A great-circle model with a speed of 5 to 120 km/h and a circuity factor of 1 to 2.</summary>
    public static Arbitrary<GreatCircleTravelModel> GreatCircleModels() => Arb.From(
        from speed in DoubleBetween(5, 120)
        from circuity in DoubleBetween(1, 2)
        select new GreatCircleTravelModel(speed, circuity));

    /// <summary>A user table over two to six distinct planar points with arbitrary non-negative, asymmetric cells; see <see cref="UserTable"/>.</summary>
    public static Arbitrary<UserTable> UserTables() => Arb.From(
        from count in Gen.Choose(2, 6)
        from points in Gen.ArrayOf(PointIn(-1000, -1000, 1000, 1000), count).Where(p => p.Distinct().Count() == p.Length)
        from metres in Gen.ArrayOf(DoubleBetween(0, 50_000), count * count)
        from seconds in Gen.ArrayOf(DoubleBetween(0, 3_600), count * count)
        select new UserTable([.. points], metres, seconds));
}
