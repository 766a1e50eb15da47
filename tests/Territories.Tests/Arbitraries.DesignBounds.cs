using FsCheck;
using FsCheck.Fluent;

namespace Territories.Tests;

/// <summary>A small connected unit graph: a random tree with a few extra links, two attributes per unit.</summary>
/// <param name="Parents">For unit i ≥ 1, the earlier unit it hangs from (the tree).</param>
/// <param name="Extra">Extra links (pairs of unit indices), possibly repeating tree links.</param>
/// <param name="Weights">Two weights per unit, unit by unit.</param>
/// <param name="Territories">K, 2 or 3.</param>
/// <param name="Tolerance">The tolerance checked, 0.02 to 0.5.</param>
public sealed record SmallGraphCase(int[] Parents, (int A, int B)[] Extra, int[] Weights, int Territories, double Tolerance)
{
    /// <summary>Number of units.</summary>
    public int Count => Parents.Length + 1;

    /// <inheritdoc />
    public override string ToString() =>
        $"n={Count} K={Territories} tol={Tolerance} parents=[{string.Join(",", Parents)}] extra=[{string.Join(",", Extra)}] w=[{string.Join(",", Weights)}]";
}

public static partial class Arbitraries
{
    /// <summary>Trees of 3 to 9 units with 0 to 2 extra links, weights 0 to 9 (some units light, some heavy), K 2 or 3.</summary>
    public static Arbitrary<SmallGraphCase> SmallGraphCases() =>
        (from n in Gen.Choose(3, 9)
         from draws in Gen.ArrayOf(Gen.Choose(0, 720), n - 1)
         from extraCount in Gen.Choose(0, 2)
         from extra in Gen.ArrayOf(from a in Gen.Choose(0, n - 1) from b in Gen.Choose(0, n - 1) select (a, b), extraCount)
         from weights in Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(0)), (4, Gen.Choose(1, 9))), 2 * n)
         from k in Gen.Choose(2, 3)
         from tolerance in Gen.Elements(0.02, 0.05, 0.1, 0.2, 0.5)
         select new SmallGraphCase([.. draws.Select((d, i) => d % (i + 1))], extra, weights, k, tolerance)).ToArbitrary();
}
