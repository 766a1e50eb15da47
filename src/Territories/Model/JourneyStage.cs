namespace Territories.Model;

/// <summary>Where an account stands in its buying journey.</summary>
public enum JourneyStage
{
    /// <summary>Not known; treated as <see cref="Established"/> by the defaults.</summary>
    Unknown = 0,

    /// <summary>Not yet a customer.</summary>
    Prospect = 1,

    /// <summary>A new customer being onboarded.</summary>
    Onboarding = 2,

    /// <summary>A customer whose business is growing.</summary>
    Growing = 3,

    /// <summary>A loyal, steady customer.</summary>
    Established = 4,

    /// <summary>A customer showing signs of leaving.</summary>
    AtRisk = 5,

    /// <summary>A customer that stopped buying.</summary>
    Lapsed = 6,
}
