using Territories.Model;

namespace Territories.Journeys.Replanning;

/// <summary>How one position's visits differ between two plans, counted per kind of change.</summary>
/// <remarks>
/// A visit moved from one position to another counts as <see cref="MovedOut"/> for the first and
/// <see cref="MovedIn"/> for the second; a visit the position keeps but makes on another day counts
/// as <see cref="MovedDay"/>. Immutable; equality by value.
/// </remarks>
/// <param name="Position">The position.</param>
/// <param name="Added">Visits added to the position (of accounts that have more visits than before).</param>
/// <param name="Removed">Visits the position no longer makes (of accounts that have fewer visits than before).</param>
/// <param name="MovedDay">Visits the position still makes, on another day.</param>
/// <param name="MovedIn">Visits taken over from another position.</param>
/// <param name="MovedOut">Visits handed to another position.</param>
/// <param name="Resequenced">Visits kept on their day whose order in the route changed.</param>
public sealed record PositionDiff(PositionId Position, int Added, int Removed, int MovedDay, int MovedIn, int MovedOut, int Resequenced);
