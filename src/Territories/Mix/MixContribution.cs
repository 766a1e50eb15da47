using Territories.Internal;

namespace Territories.Mix;

/// <summary>How much one rule contributed to one activity's target share.</summary>
/// <remarks>
/// <see cref="Source"/> names the rule: <c>default</c>, <c>needs</c>, <c>stage:&lt;Stage&gt;</c>,
/// <c>strategy:&lt;Strategy&gt;</c> or <c>product:&lt;product id&gt;</c>. The contributions to an
/// activity add up to its target share.
/// </remarks>
/// <param name="Activity">The activity id.</param>
/// <param name="Source">The rule that contributed.</param>
/// <param name="Share">The part of the activity's target share that comes from this rule, 0 to 1.</param>
public readonly record struct MixContribution(string Activity, string Source, double Share)
{
    /// <summary>The activity id.</summary>
    public string Activity { get; init; } = Guard.NotNull(Activity);

    /// <summary>The rule that contributed.</summary>
    public string Source { get; init; } = Guard.NotNull(Source);
}
