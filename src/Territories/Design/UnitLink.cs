using Territories.Internal;

namespace Territories.Design;

/// <summary>An explicit adjacency between two units: they may sit in one contiguous territory together.</summary>
/// <remarks>Undirected: (a, b) and (b, a) are the same link. Equality by value.</remarks>
/// <param name="From">One unit's id.</param>
/// <param name="To">The other unit's id.</param>
public readonly record struct UnitLink(string From, string To)
{
    /// <summary>One unit's id.</summary>
    public string From { get; init; } = Guard.NotNull(From);

    /// <summary>The other unit's id.</summary>
    public string To { get; init; } = Guard.NotNull(To);
}
