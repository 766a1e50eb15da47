namespace Territories.Model;

/// <summary>What a product needs in the sales process, by where it is in its life.</summary>
public enum ProductRoleKind
{
    /// <summary>A staple that sells itself: needs order taking and merchandising.</summary>
    Core = 0,

    /// <summary>Just launched: needs demos and enablement.</summary>
    Launch = 1,

    /// <summary>Growing: needs outbound contact and demos.</summary>
    Growth = 2,

    /// <summary>Late in life: needs little but efficient order taking.</summary>
    Mature = 3,
}
