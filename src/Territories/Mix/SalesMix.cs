using System.Collections.Immutable;
using OneOf;
using Territories.Internal;
using Territories.Model;

namespace Territories.Mix;

/// <summary>The share of a territory's selling effort per activity type: a target, or what a plan delivers.</summary>
/// <remarks>
/// <para>
/// Invariants: every share is finite and in [0, 1]; the shares add up to one within
/// <see cref="SumTolerance"/>; every activity id is one of the activity types the mix was built
/// with, and every one of those types has an entry (0 when absent from the input), so mixes built
/// from the same types can be compared key by key. Shares are kept sorted by activity id
/// (ordinal), whatever the order of the input.
/// </para>
/// <para>Immutable and thread-safe; equality compares the shares exactly.</para>
/// </remarks>
public sealed class SalesMix : IEquatable<SalesMix>
{
    /// <summary>How far from one the sum of the shares may be (1e-6).</summary>
    public const double SumTolerance = 1e-6;

    private SalesMix(ImmutableSortedDictionary<string, double> shares) => Shares = shares;

    /// <summary>The share per activity id, sorted by id (ordinal).</summary>
    public ImmutableSortedDictionary<string, double> Shares { get; }

    /// <summary>The share of <paramref name="activity"/>; 0 when the mix does not know it.</summary>
    public double this[string activity] => Shares.GetValueOrDefault(Guard.NotNull(activity));

    /// <summary>
    /// Builds a mix from shares that must already add up to one, checking each against
    /// <paramref name="activityTypes"/>.
    /// </summary>
    /// <param name="shares">Share per activity id; each finite, zero or more; together one.</param>
    /// <param name="activityTypes">The known activity types (e.g. <see cref="ActivityType.Defaults"/>).</param>
    /// <returns>The mix, or every problem: negative or non-finite shares, unknown or duplicate activities, a sum other than one.</returns>
    /// <exception cref="ArgumentNullException">An argument or an activity id is null.</exception>
    public static OneOf<SalesMix, MixFailure> Create(IEnumerable<KeyValuePair<string, double>> shares, IEnumerable<ActivityType> activityTypes) =>
        Build(Guard.NotNull(shares), Guard.NotNull(activityTypes), normalise: false);

    /// <summary>Builds a mix from relative weights, dividing each by their sum.</summary>
    /// <param name="weights">Weight per activity id; each finite, zero or more; not all zero.</param>
    /// <param name="activityTypes">The known activity types.</param>
    /// <returns>The mix, or every problem: negative or non-finite weights, unknown or duplicate activities, all weights zero.</returns>
    /// <exception cref="ArgumentNullException">An argument or an activity id is null.</exception>
    public static OneOf<SalesMix, MixFailure> FromWeights(IEnumerable<KeyValuePair<string, double>> weights, IEnumerable<ActivityType> activityTypes) =>
        Build(Guard.NotNull(weights), Guard.NotNull(activityTypes), normalise: true);

    /// <summary>
    /// Derives a territory's target mix from its accounts' needs and journey stages, its market
    /// position and the roles of its products, by the rules in <paramref name="rules"/>; see
    /// <see cref="MixRules"/> for how the parts are blended and <see cref="MixDerivation.Contributions"/>
    /// for the explanation of each share.
    /// </summary>
    /// <param name="input">The territory's accounts, market position, product roles and activity types.</param>
    /// <param name="rules">The rules; <see cref="MixRules.Default"/> for the documented defaults.</param>
    /// <returns>The derivation, or every problem: negative needs or weights, unknown activities in the needs or the rules, an empty mix.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static OneOf<MixDerivation, MixFailure> Derive(MixDerivationInput input, MixRules rules) =>
        MixDeriver.Derive(Guard.NotNull(input), Guard.NotNull(rules));

    internal static SalesMix FromTrusted(IEnumerable<KeyValuePair<string, double>> shares) =>
        new(shares.ToImmutableSortedDictionary(StringComparer.Ordinal));

    private static OneOf<SalesMix, MixFailure> Build(IEnumerable<KeyValuePair<string, double>> values, IEnumerable<ActivityType> activityTypes, bool normalise)
    {
        var known = activityTypes.Select(a => Guard.NotNull(a).Id).ToHashSet(StringComparer.Ordinal);
        var items = values.ToList();
        var errors = new List<MixError>();
        var field = normalise ? "Weights" : "Shares";
        foreach (var duplicate in items.GroupBy(i => Guard.NotNull(i.Key), StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).Order(StringComparer.Ordinal))
        {
            errors.Add(MixErrors.Error(MixErrorCode.DuplicateActivity, ItemRef.Activity(duplicate), $"{field}[{duplicate}]", duplicate, $"Activity '{duplicate}' appears more than once."));
        }

        MixErrors.CheckWeights(items, known, [], field, errors);
        // Weights near double.MaxValue overflow when added: divide by the largest first (exact for shares, harmless for weights).
        var largest = items.Where(i => double.IsFinite(i.Value)).Select(i => i.Value).DefaultIfEmpty(0).Max();
        var scale = normalise && !double.IsFinite(items.Where(i => double.IsFinite(i.Value)).Sum(i => i.Value)) ? largest : 1.0;
        var sum = items.Where(i => double.IsFinite(i.Value)).Sum(i => i.Value / scale);
        if (normalise && errors.Count == 0 && sum <= 0)
        {
            errors.Add(MixErrors.Error(MixErrorCode.EmptyMix, [], field, MixErrors.Text(sum), "Every weight is zero: at least one activity needs a positive weight."));
        }
        else if (!normalise && Math.Abs(sum - 1) > SumTolerance)
        {
            errors.Add(MixErrors.Error(MixErrorCode.SharesDoNotSumToOne, [], field, MixErrors.Text(sum), $"The shares add up to {MixErrors.Text(sum)}, not 1."));
        }

        if (errors.Count > 0)
        {
            return new MixFailure([.. errors]);
        }

        var divisor = normalise ? sum : 1.0;
        var shares = known.ToDictionary(k => k, _ => 0.0, StringComparer.Ordinal);
        foreach (var (activity, value) in items)
        {
            shares[activity] = value / scale / divisor;
        }

        return FromTrusted(shares);
    }

    /// <inheritdoc />
    public bool Equals(SalesMix? other) =>
        other is not null && Shares.Count == other.Shares.Count && Shares.All(s => other.Shares.TryGetValue(s.Key, out var v) && v.Equals(s.Value));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as SalesMix);

    /// <inheritdoc />
    public override int GetHashCode() => Shares.Count;

    /// <inheritdoc />
    public override string ToString() =>
        string.Join(", ", Shares.Where(s => s.Value > 0).Select(s => $"{s.Key} {s.Value.ToString("P1", System.Globalization.CultureInfo.InvariantCulture)}"));
}
