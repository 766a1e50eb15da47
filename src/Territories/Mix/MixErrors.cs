using System.Collections.Immutable;
using System.Globalization;
using Territories.Model;

namespace Territories.Mix;

/// <summary>Builds <see cref="MixError"/> values with invariant formatting.</summary>
internal static class MixErrors
{
    public static MixError Error(MixErrorCode code, ItemRef item, string field, string? value, string message) =>
        new(code, [item], field, value, message);

    public static MixError Error(MixErrorCode code, ImmutableArray<ItemRef> items, string field, string? value, string message) =>
        new(code, items, field, value, message);

    public static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A time in hours, one decimal at most, as the messages give it.</summary>
    public static string Hours(TimeSpan time) => time.TotalHours.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>Checks a weight table (activity id to a finite, non-negative weight) against the known activity ids.</summary>
    public static void CheckWeights(
        IEnumerable<KeyValuePair<string, double>> weights,
        IReadOnlySet<string> known,
        ImmutableArray<ItemRef> owner,
        string field,
        List<MixError> errors)
    {
        foreach (var (activity, weight) in weights.OrderBy(w => w.Key, StringComparer.Ordinal))
        {
            if (!known.Contains(activity))
            {
                errors.Add(Error(MixErrorCode.UnknownActivity, owner, $"{field}[{activity}]", activity, $"Activity '{activity}' is not one of the known activity types."));
            }

            if (!double.IsFinite(weight) || weight < 0)
            {
                errors.Add(Error(MixErrorCode.NegativeValue, owner, $"{field}[{activity}]", Text(weight), $"The value for '{activity}' must be a finite number, zero or more."));
            }
        }
    }
}
