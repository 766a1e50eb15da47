using Territories.Internal;

namespace Territories.Mix;

/// <summary>One activity's target share against what a plan delivers.</summary>
/// <param name="Activity">The activity id.</param>
/// <param name="TargetShare">The share in the target mix.</param>
/// <param name="DeliveredShare">The share of the delivered time (0 when nothing is delivered).</param>
/// <param name="Delivered">The time delivered.</param>
public readonly record struct ActivityDelivery(string Activity, double TargetShare, double DeliveredShare, TimeSpan Delivered)
{
    /// <summary>The activity id.</summary>
    public string Activity { get; init; } = Guard.NotNull(Activity);

    /// <summary>Delivered share minus target share: positive when the plan over-delivers the activity.</summary>
    public double Gap => DeliveredShare - TargetShare;
}
