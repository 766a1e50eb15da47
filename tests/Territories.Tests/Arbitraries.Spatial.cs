using FsCheck;
using FsCheck.Fluent;
using NetTopologySuite.Geometries;
using Territories.Model;

namespace Territories.Tests;

/// <summary>
/// A valid partition of the rectangle [-84, -82] × [39, 41] into columns × rows quadrilaterals whose
/// interior grid vertices are jittered (so edges are not axis-aligned), with points to assign: random
/// ones, every grid vertex, and points on the region's outer edge.
/// </summary>
public sealed record GeometryPartition(int Columns, int Rows, int Seed)
{
    public const double West = -84;
    public const double South = 39;
    public const double Width = 2;
    public const double Height = 2;

    public Polygon[] Cells()
    {
        var random = new Random(Seed);
        var vx = new double[Columns + 1, Rows + 1];
        var vy = new double[Columns + 1, Rows + 1];
        double cw = Width / Columns, ch = Height / Rows;
        for (var i = 0; i <= Columns; i++)
        {
            for (var j = 0; j <= Rows; j++)
            {
                var interior = i > 0 && i < Columns && j > 0 && j < Rows;
                vx[i, j] = West + (i * cw) + (interior ? (random.NextDouble() - 0.5) * 0.6 * cw : 0);
                vy[i, j] = South + (j * ch) + (interior ? (random.NextDouble() - 0.5) * 0.6 * ch : 0);
            }
        }

        var factory = new GeometryFactory(new PrecisionModel(), 4326);
        var cells = new List<Polygon>();
        for (var i = 0; i < Columns; i++)
        {
            for (var j = 0; j < Rows; j++)
            {
                cells.Add(factory.CreatePolygon(
                [
                    new Coordinate(vx[i, j], vy[i, j]), new Coordinate(vx[i + 1, j], vy[i + 1, j]), new Coordinate(vx[i + 1, j + 1], vy[i + 1, j + 1]),
                    new Coordinate(vx[i, j + 1], vy[i, j + 1]), new Coordinate(vx[i, j], vy[i, j]),
                ]));
            }
        }

        return [.. cells];
    }

    public Territory[] Territories() =>
        [.. Cells().Select((c, k) => new Territory(new TerritoryId($"T{k:D3}")) { Boundary = TerritoryBoundary.FromGeometry(c) })];

    public Account[] Accounts(int random)
    {
        var r = new Random(Seed + 1);
        var points = new List<GeoPoint>();
        for (var k = 0; k < random; k++)
        {
            points.Add(new GeoPoint(West + (r.NextDouble() * Width), South + (r.NextDouble() * Height)));
        }

        foreach (var cell in Cells())
        {
            points.AddRange(cell.Coordinates.Select(c => new GeoPoint(c.X, c.Y)));
        }

        points.Add(new GeoPoint(West + (Width / 3), South));
        points.Add(new GeoPoint(West + Width, South + (Height / 3)));
        return [.. points.Select((p, k) => new Account(new AccountId($"A{k:D5}"), p))];
    }
}

public static partial class Arbitraries
{
    public static Arbitrary<GeometryPartition> GeometryPartition() =>
        (from columns in Gen.Choose(1, 6)
         from rows in Gen.Choose(1, 6)
         from seed in Gen.Choose(0, 100_000)
         select new GeometryPartition(columns, rows, seed)).ToArbitrary();
}

/// <summary>Generators for the Earth model and local projection (src/Territories/Spatial).</summary>
public static partial class Arbitraries
{
    /// <summary>A centre at latitude −60° to 60° and two points within ±0.5° of it on both axes; see <see cref="Spatial.RegionalPoints"/>.</summary>
    public static Arbitrary<Spatial.RegionalPoints> RegionalPointSets() => Arb.From(
        from lon in DoubleBetween(-179.5, 179.5)
        from lat in DoubleBetween(-60, 60)
        from offsets in Gen.ArrayOf(DoubleBetween(-0.5, 0.5), 4)
        select new Spatial.RegionalPoints(
            new GeoPoint(lon, lat),
            new GeoPoint(lon + offsets[0], lat + offsets[1]),
            new GeoPoint(lon + offsets[2], lat + offsets[3])));
}
