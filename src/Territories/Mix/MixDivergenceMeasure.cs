namespace Territories.Mix;

/// <summary>How far apart two mixes are.</summary>
public enum MixDivergenceMeasure
{
    /// <summary>Jensen-Shannon divergence in bits: 0 for equal mixes, 1 for mixes with no activity in common. Symmetric.</summary>
    JensenShannon = 0,

    /// <summary>Total variation distance, half the L1 distance: the share of effort that would have to move, 0 to 1.</summary>
    TotalVariation = 1,
}
