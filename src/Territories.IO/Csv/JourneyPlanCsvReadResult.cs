using System.Collections.Immutable;
using Territories.Journeys;

namespace Territories.IO.Csv;

/// <summary>What <see cref="JourneyPlanCsvReader"/> made of a plan file: the plan rebuilt from the good rows, and every problem found.</summary>
/// <remarks>
/// A row with any problem is left out of <see cref="Plan"/> and each of its problems is in
/// <see cref="Errors"/>, in file order. Check the plan with <see cref="JourneyPlanEvaluator"/>. Immutable.
/// </remarks>
public sealed class JourneyPlanCsvReadResult
{
    /// <summary>Creates a result.</summary>
    /// <param name="plan">The plan rebuilt from the rows read without problem.</param>
    /// <param name="errors">The problems found; default is taken as empty.</param>
    /// <exception cref="ArgumentNullException"><paramref name="plan"/> is null.</exception>
    public JourneyPlanCsvReadResult(JourneyPlan plan, ImmutableArray<ReadError> errors)
    {
        ArgumentNullException.ThrowIfNull(plan);
        Plan = plan;
        Errors = errors.IsDefault ? [] : errors;
    }

    /// <summary>The plan rebuilt from the rows read without problem.</summary>
    public JourneyPlan Plan { get; }

    /// <summary>Every problem found, in file order.</summary>
    public ImmutableArray<ReadError> Errors { get; }

    /// <summary>Whether any problem was found.</summary>
    public bool HasErrors => !Errors.IsEmpty;

    /// <inheritdoc />
    public override string ToString() => $"{Plan.Routes.Length} route(s), {Errors.Length} error(s)";
}
