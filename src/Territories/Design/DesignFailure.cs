using System.Collections.Immutable;
using Territories.Model;

namespace Territories.Design;

/// <summary>The expected outcome of a design or realignment that could not be made as asked.</summary>
/// <remarks>
/// Lists every problem found. When the only problem is <see cref="DesignErrorCode.ToleranceNotMet"/>,
/// <see cref="BestEffort"/> holds the best plan found (contiguous where the unit graph allows), with its
/// achieved deviations in its report, so that a caller can still use or show it.
/// The SDK's one failure shape (<see cref="ErrorList{TError}"/>) with the best plan found; immutable.
/// </remarks>
/// <param name="Errors">Every problem, in a stable order.</param>
/// <param name="BestEffort">The best plan found when balance was the only problem; otherwise null.</param>
public sealed record DesignFailure(ImmutableArray<DesignError> Errors, DesignResult? BestEffort)
    : ErrorList<DesignError>(Errors)
{
    /// <summary>For a realignment that did not meet the tolerance: the best realignment found, with what it moved; otherwise null.</summary>
    public RealignmentResult? BestRealignment { get; init; }
}
