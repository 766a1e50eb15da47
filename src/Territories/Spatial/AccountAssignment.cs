using System.Collections.Immutable;
using Territories.Model;

namespace Territories.Spatial;

/// <summary>Where one account belongs, and why.</summary>
/// <remarks>Immutable; equality by value (the candidate list by reference).</remarks>
/// <param name="Account">The account's id.</param>
/// <param name="Status">How the territory was found, or why there is none.</param>
/// <param name="Territory">The territory for <see cref="AssignmentStatus.Assigned"/>, <see cref="AssignmentStatus.Named"/> and <see cref="AssignmentStatus.Snapped"/>; null otherwise.</param>
/// <param name="Candidates">For <see cref="AssignmentStatus.Ambiguous"/>, every territory that claims the account, sorted; empty otherwise.</param>
/// <param name="NearestTerritory">For <see cref="AssignmentStatus.Unassigned"/> and <see cref="AssignmentStatus.Snapped"/>, the territory nearest to the account; null otherwise or when not computed.</param>
/// <param name="DistanceMetres">For <see cref="AssignmentStatus.Unassigned"/> and <see cref="AssignmentStatus.Snapped"/>, the great-circle distance to <see cref="NearestTerritory"/>'s boundary; null otherwise.</param>
public sealed record AccountAssignment(
    AccountId Account,
    AssignmentStatus Status,
    TerritoryId? Territory,
    ImmutableArray<TerritoryId> Candidates,
    TerritoryId? NearestTerritory,
    double? DistanceMetres);
