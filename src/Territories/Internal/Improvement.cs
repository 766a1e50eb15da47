namespace Territories.Internal;

/// <summary>Whether one objective value improves on another by more than floating-point noise.</summary>
/// <remarks>
/// Search objectives are kept incrementally (a route's cost replaced by its new cost), so two totals of
/// the same solution may differ by rounding that grows with the total and with the number of updates:
/// about 1e-7 on a 1e6 objective after a few thousand moves. A fixed absolute tolerance then counts that
/// drift as progress, which resets "iterations without improvement" for ever. The tolerance here is
/// relative: 1e-9 of the reference's magnitude, and 1e-9 absolute near zero. Pure; thread-safe.
/// </remarks>
internal static class Improvement
{
    /// <summary>The relative tolerance below which a difference is noise.</summary>
    public const double RelativeTolerance = 1e-9;

    /// <summary>Whether <paramref name="candidate"/> is lower than <paramref name="reference"/> by more than the tolerance.</summary>
    public static bool IsLower(double candidate, double reference) =>
        candidate < reference - (RelativeTolerance * Math.Max(1, Math.Abs(reference)));
}
