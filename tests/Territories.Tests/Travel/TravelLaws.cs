using Territories.Model;
using Territories.Travel;

namespace Territories.Tests.Travel;

/// <summary>The laws every travel model keeps, and the metric laws, as reusable assertions.</summary>
internal static class TravelLaws
{
    /// <summary>Relative tolerance for floating-point comparisons of distances.</summary>
    public const double Tolerance = 1e-9;

    public static void Symmetric(ITravelModel model, IReadOnlyList<GeoPoint> points)
    {
        foreach (var a in points)
        {
            foreach (var b in points)
            {
                var (ab, ba) = (model.DistanceMetres(a, b), model.DistanceMetres(b, a));
                Assert.True(Math.Abs(ab - ba) <= Tolerance * Math.Max(ab, 1), $"{a}->{b} is {ab} m but {b}->{a} is {ba} m");
                Assert.True(Math.Abs((model.Duration(a, b) - model.Duration(b, a)).Ticks) <= 1, $"{a}<->{b} durations differ");
            }
        }
    }

    public static void ZeroOnDiagonal(ITravelModel model, IReadOnlyList<GeoPoint> points)
    {
        foreach (var a in points)
        {
            Assert.Equal(0, model.DistanceMetres(a, a));
            Assert.Equal(TimeSpan.Zero, model.Duration(a, a));
        }
    }

    public static void TriangleInequality(ITravelModel model, IReadOnlyList<GeoPoint> points)
    {
        foreach (var a in points)
        {
            foreach (var b in points)
            {
                foreach (var c in points)
                {
                    var direct = model.DistanceMetres(a, c);
                    var via = model.DistanceMetres(a, b) + model.DistanceMetres(b, c);
                    Assert.True(direct <= (via * (1 + Tolerance)) + 1e-6, $"{a}->{c} is {direct} m, longer than {via} m via {b}");
                }
            }
        }
    }

    public static void MatrixAgreesWithPairs(ITravelModel model, IReadOnlyList<GeoPoint> points)
    {
        var matrix = model.Matrix(points);
        Assert.Equal(points.Count, matrix.Count);
        for (var i = 0; i < points.Count; i++)
        {
            for (var j = 0; j < points.Count; j++)
            {
                Assert.Equal(model.DistanceMetres(points[i], points[j]), matrix.DistanceMetres(i, j), Tolerance);
                var pair = model.Duration(points[i], points[j]);
                Assert.True(Math.Abs((pair - matrix.Duration(i, j)).Ticks) <= 1, $"duration {i}->{j}: pair {pair}, matrix {matrix.Duration(i, j)}");
                Assert.Equal(matrix.Duration(i, j).TotalSeconds, matrix.DurationSeconds(i, j), 1e-6);
            }
        }
    }
}
