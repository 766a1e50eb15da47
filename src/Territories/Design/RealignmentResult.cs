using System.Collections.Immutable;
using Territories.Internal;

namespace Territories.Design;

/// <summary>A realigned plan and how much it disturbed the existing one.</summary>
/// <remarks>
/// Volumes are per attribute, in the order of the input's attribute names. A unit counts as moved
/// when it was in the existing alignment and ends in another territory (units of a removed
/// territory always move); new units are placed, not moved. <see cref="VolumeLowerBound"/> is what
/// had to move in any balanced plan: the volume of removed territories plus what must leave
/// territories above the tolerance band (each excess rounded up to the least sum of that territory's
/// movable units that reaches it, since units move whole) or enter those below it (net of new and
/// freed volume). It does not count volume that has to cross several borders (a corridor of small
/// units can carry it), so on a west-to-east drift the plan moves about twice the bound. Immutable.
/// </remarks>
/// <param name="Design">The new plan, its shapes and score.</param>
/// <param name="MovedUnits">The units that changed territory, sorted.</param>
/// <param name="VolumeMoved">The attribute volume of the moved units.</param>
/// <param name="VolumeLowerBound">A lower bound on the volume any balanced realignment must move.</param>
public sealed record RealignmentResult(DesignResult Design, ImmutableArray<string> MovedUnits, ImmutableArray<double> VolumeMoved, ImmutableArray<double> VolumeLowerBound)
{
    /// <summary>The new plan, its shapes and score.</summary>
    public DesignResult Design { get; init; } = Guard.NotNull(Design);
}
