namespace Territories.Mix;

/// <summary>The least and the most time one activity may get in a territory's allocation per cycle.</summary>
/// <remarks>Converted to units when allocating: the minimum rounds up, the maximum down. Immutable.</remarks>
/// <param name="Minimum">The least time; zero or more.</param>
/// <param name="Maximum">The most time; null for no maximum.</param>
public readonly record struct ActivityLimit(TimeSpan Minimum, TimeSpan? Maximum);
