namespace Territories.Design;

/// <summary>The outcome of <see cref="BalancedKMeans.Run"/>.</summary>
/// <param name="Of">Per unit index of the input arrays, its centre; −1 for indices not clustered.</param>
/// <param name="Centres">The centres (means of their units).</param>
/// <param name="Loads">Per centre, the sum of its units' weights.</param>
/// <param name="Lower">The lower bound on a load.</param>
/// <param name="Upper">The upper bound on a load (infinity when unbounded).</param>
/// <param name="WithinBounds">True when every load lies within the bounds.</param>
/// <param name="Iterations">Lloyd iterations run.</param>
/// <param name="Converged">True when the last assignment repeated the one before.</param>
/// <param name="Inertia">The sum of squared distances from each unit to its centre (projected units squared).</param>
/// <param name="SplitUnits">Units the fractional optimum split between centres in the iteration that gave this plan.</param>
internal sealed record BalancedKMeansResult(
    int[] Of,
    (double X, double Y)[] Centres,
    double[] Loads,
    double Lower,
    double Upper,
    bool WithinBounds,
    int Iterations,
    bool Converged,
    double Inertia,
    int SplitUnits);
