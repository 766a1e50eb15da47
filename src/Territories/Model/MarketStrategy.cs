namespace Territories.Model;

/// <summary>The strategy that follows from a market position.</summary>
public enum MarketStrategy
{
    /// <summary>Not stated: derived from potential and share by the mix rules.</summary>
    Unspecified = 0,

    /// <summary>High potential, low share: win new business (more prospecting, demos, lead generation).</summary>
    Develop = 1,

    /// <summary>High potential, high share: keep what we have against competitors (more visits, service).</summary>
    Defend = 2,

    /// <summary>Low potential, high share: serve efficiently (more order taking, remote contact).</summary>
    Maintain = 3,

    /// <summary>Low potential, low share: spend little (remote contact only where possible).</summary>
    Harvest = 4,
}
