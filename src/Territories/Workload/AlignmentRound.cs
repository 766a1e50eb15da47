namespace Territories.Workload;

/// <summary>What one design ↔ plan round of the alignment loop produced.</summary>
/// <param name="Round">The round, from 0 (the first design).</param>
/// <param name="Positions">The positions (territories) of the round.</param>
/// <param name="MinUtilisation">The lowest position utilisation of the round's plans.</param>
/// <param name="MaxUtilisation">The highest.</param>
/// <param name="Unplanned">
/// Accounts left unplanned for lack of capacity or of reach (a visit that does not fit a day from the
/// base): what a better alignment fixes, unlike accounts whose own data rules them out.
/// </param>
/// <param name="MovedAccounts">Accounts that changed territory before this round's plans (0 in round 0; all after a resize).</param>
/// <param name="ContiguousTerritories">Territories in one piece over the unit graph.</param>
/// <param name="Elapsed">Time since the loop started, at the end of the round.</param>
public readonly record struct AlignmentRound(int Round, int Positions, double MinUtilisation, double MaxUtilisation, int Unplanned, int MovedAccounts, int ContiguousTerritories, TimeSpan Elapsed)
{
    /// <summary>The highest utilisation ÷ the lowest (infinite when a position has no work).</summary>
    public double Spread => MinUtilisation > 0 ? MaxUtilisation / MinUtilisation : double.PositiveInfinity;
}
