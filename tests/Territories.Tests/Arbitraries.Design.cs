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
