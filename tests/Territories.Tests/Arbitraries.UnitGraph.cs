using FsCheck;
using FsCheck.Fluent;

namespace Territories.Tests;

/// <summary>How the borders of a generated square map are drawn.</summary>
public enum BorderDrawing
{
    /// <summary>Neighbours share identical vertices.</summary>
    Exact,

    /// <summary>Every other cell has three extra vertices on each edge, which its neighbours lack.</summary>
    Densified,

    /// <summary>Every other cell's vertices are moved by 1e-9 degrees.</summary>
    Offset,
}

/// <summary>
/// A map of square polygon units (0.1 degree cells near 40° N) on a grid, with some cells missing, so
/// that units may touch only at corners or stand alone.
/// </summary>
/// <param name="Rows">Grid rows, 1 to 5.</param>
/// <param name="Columns">Grid columns, 2 to 5.</param>
/// <param name="Present">Whether each cell holds a unit, row by row; at least two do.</param>
/// <param name="Drawing">How borders are drawn.</param>
public sealed record SquareMapCase(int Rows, int Columns, bool[] Present, BorderDrawing Drawing)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{Rows}x{Columns} {Drawing} [{string.Join("", Present.Select(p => p ? '#' : '.'))}]";
}

public static partial class Arbitraries
{
    /// <summary>Square maps of 1x2 to 5x5 cells, each cell present with probability 2/3, at least two present.</summary>
    public static Arbitrary<SquareMapCase> SquareMapCases() =>
        (from rows in Gen.Choose(1, 5)
         from columns in Gen.Choose(2, 5)
         from present in Gen.ArrayOf(Gen.Frequency((2, Gen.Constant(true)), (1, Gen.Constant(false))), rows * columns)
         from drawing in Gen.Elements(BorderDrawing.Exact, BorderDrawing.Densified, BorderDrawing.Offset)
         where present.Count(p => p) >= 2
         select new SquareMapCase(rows, columns, present, drawing)).ToArbitrary();
}
