namespace Territories.Design;

/// <summary>Where a running design stands, reported after each search round.</summary>
/// <param name="Round">The round just finished (a round is one restart of the balance search).</param>
/// <param name="Violation">Sum of relative balance violations beyond the tolerance of the best plan so far (0 = balanced).</param>
/// <param name="Balanced">Whether the best plan so far is balanced.</param>
public readonly record struct DesignProgress(int Round, double Violation, bool Balanced);
