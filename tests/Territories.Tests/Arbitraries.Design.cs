using FsCheck;
using FsCheck.Fluent;

namespace Territories.Tests;

/// <summary>A generated design problem: a connected grid of units with positive weights.</summary>
/// <param name="Rows">Grid rows, 3 to 7.</param>
/// <param name="Columns">Grid columns, 3 to 7.</param>
/// <param name="Territories">K, 2 to 4.</param>
/// <param name="Seed">The designer's seed.</param>
/// <param name="Weights">One positive weight per cell, row by row.</param>
/// <param name="Holes">Cells removed from the grid (the rest stays connected).</param>
public sealed record DesignCase(int Rows, int Columns, int Territories, int Seed, int[] Weights, bool Holes)
{
    /// <inheritdoc />
    public override string ToString() => $"{Rows}x{Columns} K={Territories} seed={Seed} holes={Holes} w=[{string.Join(",", Weights)}]";
}

public static partial class Arbitraries
{
    /// <summary>Connected grid graphs with 9 to 49 units, 2 to 4 territories, weights 1 to 9.</summary>
    public static Arbitrary<DesignCase> DesignCases() =>
        (from rows in Gen.Choose(3, 7)
         from columns in Gen.Choose(3, 7)
         from k in Gen.Choose(2, 4)
         from seed in Gen.Choose(0, 1000)
         from weights in Gen.ArrayOf(Gen.Choose(1, 9), rows * columns)
         from holes in Gen.Elements(true, false)
         select new DesignCase(rows, columns, k, seed, weights, holes)).ToArbitrary();
}

/// <summary>A generated capacitated k-means problem: planar points with whole weights.</summary>
/// <param name="X">Planar x of every point, 0 to 100.</param>
/// <param name="Y">Planar y of every point, 0 to 100.</param>
/// <param name="Weights">One weight per point, 1 to 5.</param>
/// <param name="K">Centres, 2 to 5, at most the number of points.</param>
/// <param name="Seed">The seed of the k-means++ start.</param>
/// <param name="Room">0 to 1: how far the tolerance goes beyond the least that guarantees a feasible rounding.</param>
public sealed record KMeansCase(double[] X, double[] Y, int[] Weights, int K, int Seed, double Room)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"K={K} seed={Seed} room={Room} points=[{string.Join(" ", X.Select((x, i) => FormattableString.Invariant($"({x},{Y[i]},{Weights[i]})")))}]";
}

public static partial class Arbitraries
{
    /// <summary>2 to 40 points in a 100 × 100 square, clustered or spread, weights 1 to 5, 2 to 5 centres.</summary>
    public static Arbitrary<KMeansCase> KMeansCases() =>
        (from k in Gen.Choose(2, 5)
         from n in Gen.Choose(k, 40)
         from clustered in Gen.Elements(true, false)
         from x in Gen.ArrayOf(clustered ? Gen.Elements(10.0, 11.0, 12.0, 90.0) : DoubleBetween(0, 100), n)
         from y in Gen.ArrayOf(clustered ? Gen.Elements(10.0, 50.0) : DoubleBetween(0, 100), n)
         from weights in Gen.ArrayOf(Gen.Choose(1, 5), n)
         from seed in Gen.Choose(0, 1000)
         from room in DoubleBetween(0, 1)
         select new KMeansCase(x, y, weights, k, seed, room)).ToArbitrary();
}
