using System.Collections.Immutable;
using Territories.Internal;

namespace Territories.Model;

/// <summary>What a product needs in the sales process (a launch needs demos and enablement; a staple needs order taking).</summary>
/// <remarks>
/// <see cref="ActivityEmphasis"/> optionally overrides the default emphasis of <see cref="Kind"/>:
/// relative weights per activity id. Immutable.
/// </remarks>
/// <param name="ProductId">The product's id.</param>
/// <param name="Kind">The product's role.</param>
public sealed record ProductRole(string ProductId, ProductRoleKind Kind)
{
    private readonly ImmutableDictionary<string, double> _emphasis = ImmutableDictionary<string, double>.Empty;

    /// <summary>The product's id.</summary>
    public string ProductId { get; init; } = Guard.NotNull(ProductId);

    /// <summary>Relative weight per activity id that this product asks for; empty to use the defaults of <see cref="Kind"/>.</summary>
    public ImmutableDictionary<string, double> ActivityEmphasis
    {
        get => _emphasis;
        init => _emphasis = value ?? ImmutableDictionary<string, double>.Empty;
    }
}
