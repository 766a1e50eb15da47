using Territories.Internal;
using Territories.Model;

namespace Territories.Mix;

/// <summary>How <see cref="MixCoherence.Smooth"/> moves mixes toward their neighbours.</summary>
/// <remarks>Mutable; validated (reporting every failure) and copied when <see cref="MixCoherence.Smooth"/> is called.</remarks>
public sealed class MixSmoothingOptions : IEngineOptions<MixSmoothingOptions>
{
    /// <summary>How far each mix moves toward the weighted average of its neighbours per round, 0 (not at all) to 1 (all the way); 0.5 by default.</summary>
    public double Strength { get; set; } = 0.5;

    /// <summary>Rounds of smoothing; 1 by default.</summary>
    public int Rounds { get; set; } = 1;

    /// <summary>The divergence measure that must not increase; <see cref="MixDivergenceMeasure.JensenShannon"/> by default.</summary>
    public MixDivergenceMeasure Measure { get; set; } = MixDivergenceMeasure.JensenShannon;

    /// <summary>Share bounds per territory and activity id that smoothing must respect; empty by default (no bounds).</summary>
    public IDictionary<TerritoryId, IReadOnlyDictionary<string, ShareBounds>> Bounds { get; set; } = new Dictionary<TerritoryId, IReadOnlyDictionary<string, ShareBounds>>();

    IReadOnlyList<string> IEngineOptions<MixSmoothingOptions>.Validate()
    {
        var failures = new List<string>();
        if (!double.IsFinite(Strength) || Strength < 0 || Strength > 1)
        {
            failures.Add("Strength must be between 0 and 1.");
        }

        if (Rounds < 0)
        {
            failures.Add("Rounds must be zero or more.");
        }

        if (!Enum.IsDefined(Measure))
        {
            failures.Add("Measure is not a known measure.");
        }

        if (Bounds is null)
        {
            failures.Add("Bounds must not be null.");
        }
        else
        {
            foreach (var (territory, table) in Bounds.OrderBy(b => b.Key))
            {
                foreach (var (activity, bounds) in (table ?? new Dictionary<string, ShareBounds>()).OrderBy(b => b.Key, StringComparer.Ordinal))
                {
                    if (!(bounds.Minimum >= 0 && bounds.Minimum <= bounds.Maximum && bounds.Maximum <= 1))
                    {
                        failures.Add($"Bounds[{territory}][{activity}] must satisfy 0 <= Minimum <= Maximum <= 1.");
                    }
                }
            }
        }

        return failures;
    }

    MixSmoothingOptions IEngineOptions<MixSmoothingOptions>.Copy() =>
        new()
        {
            Strength = Strength,
            Rounds = Rounds,
            Measure = Measure,
            Bounds = Bounds!.ToDictionary(b => b.Key, b => (IReadOnlyDictionary<string, ShareBounds>)(b.Value ?? new Dictionary<string, ShareBounds>()).ToDictionary(x => x.Key, x => x.Value, StringComparer.Ordinal)),
        };
}
